import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../db/test-helpers';
import { parseFeedDocument } from '../feeds/parse';
import type { DomHost } from './dom-host';
import { FeedService } from './feeds';
import { installStarterPack } from './starter';
import { EntityTagger } from './tagging';

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');
const starterJson = () =>
  JSON.parse(
    readFileSync(new URL('../../public/packs/starter-syria-2016.json', import.meta.url), 'utf8'),
  ) as unknown;

/** Strips tags: enough for tests (the extension sanitises in a real DOM). */
const dom: DomHost = {
  extract: () => Promise.reject(new Error('not used')),
  htmlToText: async (fragments) =>
    fragments.map((html) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
};

let server: Server;
let origin = '';
let rssBody = fixture('commentary.rss.xml');
const ETAG = '"v1"';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/rss') {
      if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG }).end(rssBody);
    }
    if (path === '/atom')
      return void res
        .writeHead(200, { 'content-type': 'application/atom+xml' })
        .end(fixture('commentary.atom.xml'));
    if (path === '/page')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('page.html'));
    if (path === '/broken')
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(fixture('broken.xml'));
    if (path === '/excerpts')
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Excerpts</title><link>${origin}/</link>
<item><title>Read in full</title><link>${origin}/article/full</link><guid>full</guid><description>A short excerpt.</description></item>
<item><title>Gone</title><link>${origin}/article/gone</link><guid>gone</guid><description>Another excerpt.</description></item>
</channel></rss>`);
    if (path === '/down') return void res.writeHead(500).end('oops');
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function setup() {
  const db = freshDatabase();
  await installStarterPack(db, async () => starterJson());
  let clock = 1_700_000_000_000;
  const feeds = new FeedService({ db, dom, tagger: new EntityTagger(db), now: () => clock });
  return { db, feeds, tick: (ms: number) => (clock += ms) };
}

describe('FeedService', () => {
  it('reads the whole article of an excerpt-only item, and says in the row when one cannot be read', async () => {
    const db = freshDatabase();
    const fetched: string[] = [];
    const article = 'Kilis, a town on the border, is where the offensive stalled. '.repeat(40);
    const feeds = new FeedService({
      db,
      tagger: new EntityTagger(db),
      dom: { ...dom, extract: async (html, url) => ({ text: html, url }) as never },
      fetchPage: async (url) => {
        fetched.push(url);
        if (url.endsWith('/gone')) throw new Error('The site answered 404 Not Found.');
        return { url, html: article };
      },
    });
    const row = await feeds.poll((await feeds.subscribe(`${origin}/excerpts`)).id);
    expect(fetched).toEqual([`${origin}/article/full`, `${origin}/article/gone`]);
    expect(row.articleError).toMatch(
      /only excerpts, and .*\/article\/gone could not be read: The site answered 404/,
    );
    expect(row.lastError).toBeUndefined();
    const texts = await db.analysisTexts.toArray();
    expect(texts.find((t) => t.text.includes('Kilis'))?.text).toContain('Read in full');
    expect(texts.find((t) => t.text.includes('Another excerpt'))).toBeDefined();
  });

  it('turns each item into an analysis once, then asks with the ETag and gets a 304', async () => {
    const { db, feeds } = await setup();
    const expected = parseFeedDocument(rssBody, `${origin}/rss`).items.length;
    const row = await feeds.subscribe(`${origin}/rss`);
    expect(row).toMatchObject({ itemCount: expected, failures: 0 });
    expect(row.lastError).toBeUndefined();
    expect(await db.analyses.count()).toBe(3 + expected);
    const item = await db.analyses.where('sourceId').equals(row.id).first();
    expect(item?.summary.length).toBeGreaterThan(20);
    expect(item?.summary).not.toMatch(/<[a-z]/i);
    expect((await db.feeds.get(row.id))?.etag).toBe(ETAG);
    await feeds.poll(row.id);
    expect(await db.analyses.count()).toBe(3 + expected);
    // Subscribing to the same address again is the same subscription.
    expect((await feeds.subscribe(`${origin}/rss#again`)).id).toBe(row.id);
  });

  it('adds only new items when the feed changes', async () => {
    const { db, feeds } = await setup();
    const row = await feeds.subscribe(`${origin}/rss`);
    const before = await db.analyses.count();
    const original = rssBody;
    rssBody = rssBody.replace(
      '<item>',
      `<item><title>A new essay</title><link>https://crossroads.example.org/new</link><guid>new-1</guid>
       <description>Turkey and Russia argue over Aleppo.</description></item><item>`,
    );
    await db.feeds.update(row.id, { etag: undefined });
    await feeds.poll(row.id);
    rssBody = original;
    expect(await db.analyses.count()).toBe(before + 1);
    const added = await db.analyses.where('url').equals('https://crossroads.example.org/new').first();
    expect(added?.entityIds).toEqual(expect.arrayContaining(['turkey', 'russia', 'aleppo']));
  });

  it('skips an item the library refuses and files every other item under its own analysis', async () => {
    const { db, feeds } = await setup();
    const original = rssBody;
    rssBody = rssBody.replace(
      '<item>',
      // An author name far over the library's 200 characters: the schema refuses the item.
      `<item><title>Letters to the editors</title><link>https://crossroads.example.org/letters</link>
       <guid>mail-1</guid><author>${'A very long name '.repeat(20)}</author><description>Letters.</description></item><item>`,
    );
    const row = await feeds.subscribe(`${origin}/rss`);
    const items = parseFeedDocument(rssBody, `${origin}/rss`).items;
    rssBody = original;
    expect(items[0]!.authors[0]!.length).toBeGreaterThan(200);
    const filed = await db.feedItems.where('feedId').equals(row.id).toArray();
    expect(filed.map((item) => item.key)).not.toContain(`${row.id} mail-1`);
    expect(filed).toHaveLength(items.length - 1);
    for (const item of filed) {
      const guid = item.key.slice(row.id.length + 1);
      const analysis = await db.analyses.get(item.analysisId);
      expect(analysis?.url, guid).toBe(items.find((i) => i.guid === guid)!.url);
    }
  });

  it('keeps a clear last error and backs off on bad feeds, changing nothing stored', async () => {
    const { db, feeds } = await setup();
    const before = await db.analyses.toArray();
    for (const [path, message] of [
      ['/page', /web page, not a feed/i],
      ['/broken', /broken|malformed|not well-formed|could not be read/i],
      ['/down', /had a problem answering/i],
      ['/gone', /not found|no feed/i],
    ] as const) {
      const row = await feeds.subscribe(`${origin}${path}`);
      expect(row.lastError).toMatch(message);
      expect(row.failures).toBe(1);
      const again = await feeds.poll(row.id);
      expect(again.failures).toBe(2);
      expect(again.nextPollAt! - again.lastFetchedAt!).toBeGreaterThan(60 * 60_000);
    }
    expect(await db.analyses.toArray()).toEqual(before);
  });

  it('words an unexpected failure of a poll for the reader, never in the browser’s words', async () => {
    const db = freshDatabase();
    const broken: DomHost = {
      ...dom,
      htmlToText: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'body')")),
    };
    const feeds = new FeedService({ db, dom: broken, tagger: new EntityTagger(db) });
    const row = await feeds.subscribe(`${origin}/rss`);
    expect(row.lastError).toMatch(/^Could not read this feed: Something unexpected went wrong in Backstory/);
    expect(row.lastError).not.toMatch(/undefined|properties/);
  });

  it('refuses addresses that are not web feeds', async () => {
    const { feeds } = await setup();
    await expect(feeds.subscribe('javascript:alert(1)')).rejects.toThrow(/http or https/);
    await expect(feeds.subscribe('not a url')).rejects.toThrow(/not a web address/);
  });

  it('round-trips subscriptions through OPML', async () => {
    const { feeds } = await setup();
    const imported = await feeds.importOpml(fixture('subscriptions.opml'));
    expect(imported.added).toBeGreaterThan(0);
    const again = await feeds.importOpml(await feeds.exportOpml());
    expect(again).toMatchObject({ added: 0, skipped: imported.added });
    await expect(feeds.importOpml('<html>nope')).rejects.toThrow();
  });
});
