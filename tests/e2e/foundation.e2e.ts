import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  launch,
  newProfileDir,
  removeProfileDir,
  startPages,
  tabIdFor,
  waitFor,
  type Session,
} from './harness';

const STARTER = resolve('public/packs/starter-syria-2016.json');
const starter = JSON.parse(readFileSync(STARTER, 'utf8')) as { analyses: unknown[]; entities: unknown[] };

describe('the extension in real Chromium', () => {
  let session: Session;
  let pages: Awaited<ReturnType<typeof startPages>>;
  const profileDir = newProfileDir();

  beforeAll(async () => {
    pages = await startPages();
    session = await launch(profileDir);
  });

  afterAll(async () => {
    await session?.context.close();
    await pages?.close();
    removeProfileDir(profileDir);
  });

  it('starts its service worker', () => {
    expect(session.worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('opens the side panel from the toolbar button (no popup)', async () => {
    const setup = await session.worker.evaluate(async () => ({
      behavior: await chrome.sidePanel.getPanelBehavior(),
      popup: await chrome.action.getPopup({}),
      manifest: chrome.runtime.getManifest(),
    }));
    expect(setup.behavior.openPanelOnActionClick).toBe(true);
    expect(setup.popup).toBe('');
    expect(setup.manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  });

  it('installs the starter pack into the database on first install', async () => {
    await waitFor(async () => (await countRows(session.worker, 'analyses')) === 3, 'the starter analyses');
    expect(await countRows(session.worker, 'entities')).toBe(starter.entities.length);
    expect(await countRows(session.worker, 'sources')).toBe(2);
  });

  it('lists the three analyses in the side panel', async () => {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const titles = panel.locator('.analysis-card__title');
    await expect.poll(() => titles.count()).toBe(3);
    const authors = await panel.locator('.analysis-card__authors').allInnerTexts();
    expect(authors.sort()).toEqual(['Dennis Ross', 'Eyal Zisser', 'Nicholas Burns and James Jeffrey']);
    await expect.poll(() => panel.getByText('Los Angeles Times').count()).toBe(1);
    await panel.close();
  });

  it('round-trips a content script request to the database and shows the page’s actors', async () => {
    const page = await session.context.newPage();
    const url = `${pages.origin}/demo/index.html`;
    await page.goto(url);
    const tabId = await tabIdFor(session.worker, page);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
    const chip = (id: string) => panel.locator(`.page-mentions [data-entity-id="${id}"]`);
    await expect.poll(() => chip('bashar-al-assad').count(), { timeout: 15_000 }).toBe(1);
    for (const id of [
      'vladimir-putin',
      'staffan-de-mistura',
      'geneva-talks-2016',
      'northern-syria-safe-zone',
    ]) {
      expect(await chip(id).count(), id).toBe(1);
    }
    expect(await chip('bashar-al-assad').locator('.entity__name').innerText()).toBe('Bashar al-Assad');
    expect(await chip('bashar-al-assad').locator('.count').innerText()).toMatch(/^×\d+$/);
    await page.close();
    await panel.close();
  });

  it('answers malformed and unknown messages with errors and keeps serving', async () => {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/options.html`);
    const replies = await panel.evaluate(async () => {
      const send = (message: unknown) => chrome.runtime.sendMessage(message) as Promise<unknown>;
      return [
        await send({ junk: true }),
        await send({ protocol: 'backstory/1', type: 'drop.everything', data: {} }),
        await send({ protocol: 'backstory/1', type: 'analyses.list', data: { limit: -5 } }),
        await send({ protocol: 'backstory/1', type: 'library.stats', data: {} }),
      ];
    });
    expect(replies.slice(0, 3)).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'bad-envelope' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'unknown-type' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'bad-data' }) }),
    ]);
    expect(replies[3]).toMatchObject({ ok: true, value: { analyses: 3 } });
    await panel.close();
  });

  it('imports the same pack again without adding anything', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#packs input[type=file]').setInputFiles(STARTER);
    const report = options.getByTestId('import-report');
    await report.waitFor();
    expect(await report.innerText()).toMatch(/: 0 added .*0 updated/);
    expect(await countRows(session.worker, 'analyses')).toBe(3);
    expect(await countRows(session.worker, 'entities')).toBe(starter.entities.length);
    await options.close();
  });

  it('refuses a corrupt pack with a clear message and changes nothing', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const broken = { ...JSON.parse(readFileSync(STARTER, 'utf8')), id: 'another-pack' };
    broken.analyses[0].url = 'not a url';
    await options.locator('#packs input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const error = options.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(
      /nothing was changed[\s\S]*analyses\[0\]\.url: must be an http\(s\) URL/,
    );
    expect(await countRows(session.worker, 'sources')).toBe(2);
    await options.close();
  });

  it('keeps the library after the browser is closed and relaunched on the same profile', async () => {
    await session.context.close();
    session = await launch(profileDir);
    await new Promise((r) => setTimeout(r, 500)); // give a wrongly re-running install time to show
    expect(await countRows(session.worker, 'analyses')).toBe(3);
    expect(await countRows(session.worker, 'entities')).toBe(starter.entities.length);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('.analysis-card').count()).toBe(3);
  });
});
