/** Packs, a feed subscription and a relaunch with nothing lost: the same bodies in both browsers. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ask,
  chooseFile,
  click,
  countRows,
  fill,
  standInForPermissionPrompt,
  texts,
  waitFor,
  waitForElement,
} from '../driver/actions';
import type { LaunchDriver } from '../driver/types';
import { useDriver } from './fixture';

const STARTER = resolve('public/packs/starter-syria-2016.json');
const STARTER_TEXT = readFileSync(STARTER, 'utf8');
const starter = JSON.parse(STARTER_TEXT) as { analyses: unknown[]; entities: unknown[] };
const STORES = ['analyses', 'entities', 'sources', 'feeds', 'feedItems', 'hiddenAliases', 'settings'];

export function libraryFlows(launch: LaunchDriver, browserName: string) {
  describe(`the library in ${browserName}`, () => {
    const fixture = useDriver(launch);

    it('installs the starter library on first install and lists it in the side panel', async () => {
      expect(await countRows(fixture.control, 'analyses')).toBe(3);
      expect(await countRows(fixture.control, 'entities')).toBe(starter.entities.length);
      expect(await countRows(fixture.control, 'sources')).toBe(2);
      const panel = await fixture.browser.openExtensionPage('sidepanel.html');
      await expect.poll(async () => (await texts(panel, '.analysis-card__title')).length).toBe(3);
      await panel.close();
    });

    it('imports the same pack again without adding anything', async () => {
      const options = await fixture.browser.openExtensionPage('options.html');
      await chooseFile(options, '#packs input[type=file]', {
        name: 'starter.json',
        type: 'application/json',
        text: STARTER_TEXT,
      });
      await waitForElement(options, '[data-testid=import-report]');
      expect((await texts(options, '[data-testid=import-report]'))[0]).toMatch(/: 0 added .*0 updated/);
      expect(await countRows(fixture.control, 'analyses')).toBe(3);
      expect(await countRows(fixture.control, 'entities')).toBe(starter.entities.length);
      await options.close();
    });

    it('refuses a corrupt pack with a clear message and changes nothing', async () => {
      const options = await fixture.browser.openExtensionPage('options.html');
      const sources = await countRows(fixture.control, 'sources');
      const broken = { ...JSON.parse(STARTER_TEXT), id: 'another-pack' };
      broken.analyses[0].url = 'not a url';
      await chooseFile(options, '#packs input[type=file]', {
        name: 'broken.json',
        type: 'application/json',
        text: JSON.stringify(broken),
      });
      await waitForElement(options, '[data-testid=import-error]');
      expect((await texts(options, '[data-testid=import-error]'))[0]).toMatch(
        /nothing was changed[\s\S]*analyses\[0\]\.url: must be an http\(s\) URL/,
      );
      expect(await countRows(fixture.control, 'sources')).toBe(sources);
      await options.close();
    });

    it('imports an OPML file, then asks for the feed sites on a click of their own', async () => {
      const options = await fixture.browser.openExtensionPage('options.html');
      await standInForPermissionPrompt(fixture.browser, options);
      const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
        <outline type="rss" text="Harbourside" xmlUrl="${fixture.origin()}/fixtures/feeds/commentary.atom.xml"/>
      </body></opml>`;
      await chooseFile(options, '#feeds input[type=file]', {
        name: 'mine.opml',
        type: 'text/x-opml',
        text: opml,
      });
      await waitForElement(options, '#feeds [role=status]', /1 feeds added, 0 skipped/);
      await waitForElement(options, '.feed-list__allow', /cannot read this feed’s site yet/);
      await click(options, '.feed-list__allow button', 'Allow reading it');
      await waitForElement(options, '#feeds [role=status]', 'Backstory may now read those feeds.');
      expect(await texts(options, '.feed-list__allow')).toEqual([]);
      // The imported feed is checked with that permission.
      await click(options, '#feeds button', /^Check now/);
      await waitForElement(options, '#feeds [role=status]', /^Checked /);
      await ask(fixture.control, 'feed.unsubscribe', {
        id: (await ask<Array<{ id: string }>>(fixture.control, 'feeds.list', {}))[0]!.id,
      });
      await options.close();
    });

    it('subscribes to a local feed from the settings page and polls it when the alarm fires', async () => {
      const options = await fixture.browser.openExtensionPage('options.html');
      await standInForPermissionPrompt(fixture.browser, options);
      const before = await countRows(fixture.control, 'analyses');
      await fill(options, '#feeds input[type=url]', `${fixture.origin()}/fixtures/feeds/commentary.rss.xml`);
      await click(options, '#feeds button[type=submit]', 'Subscribe');
      await waitForElement(options, '#feeds [role=status]', /Subscribed to/, 20_000);
      const added = (await countRows(fixture.control, 'analyses')) - before;
      expect(added).toBeGreaterThanOrEqual(3);
      // A second poll adds nothing: items are never duplicated.
      await click(options, '#feeds button', /^Check now/);
      await waitForElement(options, '#feeds [role=status]', /Checked/);
      expect((await countRows(fixture.control, 'analyses')) - before).toBe(added);
      // The background polls on its own: when a feed is due, the alarm fires and the feed is read.
      const lastChecked = async () =>
        (await ask<Array<{ lastFetchedAt: number }>>(fixture.control, 'feeds.list', {}))[0]!.lastFetchedAt;
      const checkedBefore = await lastChecked();
      await fixture.control.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const open = indexedDB.open('backstory');
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        const store = db.transaction('feeds', 'readwrite').objectStore('feeds');
        const feeds = await new Promise<Array<{ nextPollAt: number }>>((done) => {
          const all = store.getAll();
          all.onsuccess = () => done(all.result as Array<{ nextPollAt: number }>);
        });
        for (const feed of feeds) store.put({ ...feed, nextPollAt: Date.now() });
        db.close();
        const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
        await api.alarms.create('poll-feeds', { when: Date.now() + 500 });
      });
      await expect.poll(lastChecked, { timeout: 15_000 }).toBeGreaterThan(checkedBefore);
      await options.close();
    });

    it('keeps everything after the browser is closed and relaunched on the same profile', async () => {
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(STORES.map(async (store) => [store, await countRows(fixture.control, store)])),
        );
      const before = await counts();
      expect(before.feeds).toBe(1);
      await fixture.relaunch();
      // Give a wrongly re-running install, or a lost database, time to show.
      await new Promise((r) => setTimeout(r, 500));
      expect(await counts()).toEqual(before);
      const panel = await fixture.browser.openExtensionPage('sidepanel.html');
      await waitFor(
        async () => (await texts(panel, '.analysis-card')).length >= 3,
        'the library’s analyses in the side panel',
      );
      await panel.close();
    });
  });
}
