import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../db/test-helpers';
import { classifySender, createDispatcher, type SenderContext } from '../protocol/dispatch';
import { PROTOCOL_ID } from '../protocol/messages';
import { downloadBackup, uploadBackup } from '../protocol/backup-parts';
import { createRequester, ProtocolError } from '../protocol/client';
import { FeedService } from './feeds';
import { createHandlers } from './handlers';
import { installStarterPack, STARTER_SETTING } from './starter';
import { EntityTagger } from './tagging';
import { createMemoryArea, createTabStateStore } from './tab-state';

const starterJson = () =>
  JSON.parse(
    readFileSync(new URL('../../public/packs/starter-syria-2016.json', import.meta.url), 'utf8'),
  ) as unknown;

const extensionPage: SenderContext = { kind: 'extension', url: 'chrome-extension://abc/sidepanel.html' };
const contentScript: SenderContext = { kind: 'content', tabId: 7, url: 'http://127.0.0.1:8080/' };

/** A starter library behind the real dispatcher, with the browser-side effects counted or stubbed. */
async function setup() {
  const db = freshDatabase();
  await installStarterPack(db, async () => starterJson());
  const tabs = createTabStateStore(createMemoryArea());
  let notified = 0;
  let changed = 0;
  const dispatch = createDispatcher(
    createHandlers({
      db,
      tabs,
      now: () => 42,
      notifyPages: async () => void notified++,
      libraryChanged: async () => void changed++,
      revealOnPage: async (tabId, entityId) => tabId === 7 && entityId === 'turkey',
    }),
  );
  const asPage = createRequester((envelope) => dispatch(envelope, extensionPage));
  const asContent = createRequester((envelope) => dispatch(envelope, contentScript));
  return { db, dispatch, asPage, asContent, tabs, notified: () => notified, changed: () => changed };
}

describe('the starter library', () => {
  it('is installed once; a reader’s deletions are not undone on the next start', async () => {
    const { db } = await setup();
    expect(await db.analyses.count()).toBe(3);
    expect(await db.settings.get(STARTER_SETTING)).toBeDefined();
    await db.analyses.clear();
    expect(await installStarterPack(db, async () => starterJson())).toBeNull();
    expect(await db.analyses.count()).toBe(0);
  });
});

describe('handlers', () => {
  it('lists analyses newest first with counts', async () => {
    const { asPage } = await setup();
    expect(await asPage('library.stats', {})).toMatchObject({ analyses: 3, sources: 2, articles: 0 });
    const list = await asPage('analyses.list', { limit: 2 });
    expect(list.total).toBe(3);
    expect(list.items.map((a) => a.publishedAt)).toEqual(['2016-02-09', '2016-02-09']);
    const rest = await asPage('analyses.list', { limit: 2, offset: 2 });
    expect(rest.items.map((a) => a.id)).toEqual(['burns-jeffrey-2016-02-04']);
  });

  it('reads the catalog once for many pages, and again when an actor or event changes', async () => {
    const { asContent, db } = await setup();
    const url = 'https://news.example/';
    const reads = vi.spyOn(db.entities, 'toArray');
    await asContent('page.setup', { url });
    await asContent('page.setup', { url: 'https://other.example/' });
    expect(reads).toHaveBeenCalledTimes(1);
    await db.entities.update('syria', { name: 'Syrian Arab Republic' });
    const { entities } = await asContent('page.setup', { url });
    expect(entities.find((e) => e.id === 'syria')?.name).toBe('Syrian Arab Republic');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('gives pages the catalog without hidden entities', async () => {
    const { asContent, db } = await setup();
    const url = 'https://news.example/';
    const all = (await asContent('page.setup', { url })).entities.length;
    await db.entities.update('syria', { hidden: true });
    const { entities } = await asContent('page.setup', { url });
    expect(entities.length).toBe(all - 1);
    expect(entities.some((e) => e.id === 'syria')).toBe(false);
  });

  it('keeps a page report per tab, naming known entities and dropping unknown ids', async () => {
    const { asContent, asPage } = await setup();
    await asContent('page.report', {
      url: 'http://127.0.0.1:8080/',
      title: 'Demo',
      mentions: [
        { entityId: 'vladimir-putin', count: 3 },
        { entityId: 'not-in-library', count: 1 },
      ],
    });
    expect(await asPage('tab.state', { tabId: 7 })).toEqual({
      url: 'http://127.0.0.1:8080/',
      title: 'Demo',
      active: true,
      mentions: [{ entityId: 'vladimir-putin', name: 'Vladimir Putin', kind: 'actor', count: 3 }],
      saved: false,
      reportedAt: 42,
    });
    expect(await asPage('tab.state', { tabId: 8 })).toBeNull();
  });

  it('keeps the top page’s report when a frame reports, and adds the frame’s mentions to it', async () => {
    const { dispatch, asContent, asPage } = await setup();
    const asFrame = (frameId: number) =>
      createRequester((envelope) =>
        dispatch(envelope, { ...contentScript, frameId, url: 'http://ads.example/' }),
      );
    const top = { url: 'http://127.0.0.1:8080/', title: 'Demo' };
    await asContent('page.report', { ...top, mentions: [{ entityId: 'vladimir-putin', count: 3 }] });
    // An ad frame with nothing in it reports last: it must not empty the tab.
    await asFrame(5)('page.report', { url: 'http://ads.example/', title: 'Ad', mentions: [] });
    const afterEmpty = (await asPage('tab.state', { tabId: 7 }))!;
    expect(afterEmpty.url).toBe(top.url);
    expect(afterEmpty.mentions.map((m) => [m.entityId, m.count])).toEqual([['vladimir-putin', 3]]);
    // An embed naming actors adds them; the same actor's counts add up.
    await asFrame(6)('page.report', {
      url: 'http://embed.example/',
      title: 'Embed',
      mentions: [
        { entityId: 'vladimir-putin', count: 1 },
        { entityId: 'turkey', count: 2 },
      ],
    });
    const merged = (await asPage('tab.state', { tabId: 7 }))!;
    expect(merged.title).toBe('Demo');
    expect(merged.mentions.map((m) => [m.entityId, m.count])).toEqual([
      ['vladimir-putin', 4],
      ['turkey', 2],
    ]);
    // Frames reporting at the same moment: neither report is lost.
    await Promise.all([
      asFrame(8)('page.report', {
        url: 'http://a.example/',
        title: 'A',
        mentions: [{ entityId: 'aleppo', count: 1 }],
      }),
      asFrame(9)('page.report', {
        url: 'http://b.example/',
        title: 'B',
        mentions: [{ entityId: 'hezbollah', count: 1 }],
      }),
    ]);
    const both = (await asPage('tab.state', { tabId: 7 }))!.mentions.map((m) => m.entityId);
    expect(both).toEqual(expect.arrayContaining(['aleppo', 'hezbollah']));
    // The top page scanning again keeps its frames; a new page in the tab starts afresh.
    await asContent('page.report', { ...top, mentions: [{ entityId: 'vladimir-putin', count: 3 }] });
    expect((await asPage('tab.state', { tabId: 7 }))!.mentions).toHaveLength(4);
    await asContent('page.report', { url: 'http://127.0.0.1:8080/next', title: 'Next', mentions: [] });
    expect((await asPage('tab.state', { tabId: 7 }))!.mentions).toEqual([]);
  });

  it('imports a pack all or nothing and reports why a bad one was refused', async () => {
    const { asPage, db } = await setup();
    const before = await db.analyses.count();
    const error = await asPage('pack.import', {
      text: '{"format":"backstory.pack","formatVersion":1}',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe('invalid-input');
    expect((error as ProtocolError).details.join('\n')).toMatch(/^id: /m);
    expect(await db.analyses.count()).toBe(before);
    const again = await asPage('pack.import', { text: JSON.stringify(starterJson()) });
    expect(again.added).toEqual({ analyses: 0, entities: 0, sources: 0 });
  });
});

describe('page setup, sites, settings and hidden aliases', () => {
  it('gives a page its catalog and default settings, active by default', async () => {
    const { asContent } = await setup();
    const pageSetup = await asContent('page.setup', { url: 'https://news.example/story' });
    expect(pageSetup).toMatchObject({ active: true, siteEnabled: true, hidden: [] });
    expect(pageSetup.settings).toEqual({
      highlightMode: 'first',
      includeNavigation: false,
      includeLinks: false,
      paused: false,
    });
    expect(pageSetup.entities.length).toBeGreaterThan(20);
  });

  it('switches a site off (www. or not) and tells open pages', async () => {
    const { asContent, asPage, notified } = await setup();
    const status = await asPage('site.set', { url: 'https://www.news.example/a', enabled: false });
    expect(status).toEqual({ host: 'news.example', enabled: false, paused: false });
    expect(notified()).toBe(1);
    expect(await asContent('page.setup', { url: 'https://news.example/b' })).toMatchObject({
      active: false,
      siteEnabled: false,
    });
    expect(await asContent('page.setup', { url: 'https://other.example/' })).toMatchObject({ active: true });
    await expect(asPage('site.set', { url: 'file:///x', enabled: false })).rejects.toThrow(/http and https/);
  });

  it('pauses everywhere through the settings', async () => {
    const { asContent, asPage } = await setup();
    await asPage('settings.set', { changes: { paused: true, highlightMode: 'every' } });
    expect(await asContent('page.setup', { url: 'https://news.example/' })).toMatchObject({
      active: false,
      siteEnabled: true,
      settings: { paused: true, highlightMode: 'every' },
    });
    await expect(asPage('settings.set', { changes: { highlightMode: 'all' as never } })).rejects.toThrow(
      /Malformed/,
    );
  });

  it('hides an alias on one site or everywhere, once', async () => {
    const { asContent, db } = await setup();
    const hide = (scope: 'site' | 'everywhere', url: string) =>
      asContent('alias.hide', { entityId: 'vladimir-putin', alias: 'Putin', scope, url });
    await hide('site', 'https://news.example/a');
    await hide('site', 'https://news.example/b');
    expect(await db.hiddenAliases.count()).toBe(1);
    expect((await asContent('page.setup', { url: 'https://news.example/' })).hidden).toEqual([
      { entityId: 'vladimir-putin', alias: 'Putin' },
    ]);
    expect((await asContent('page.setup', { url: 'https://other.example/' })).hidden).toEqual([]);
    await hide('everywhere', 'https://news.example/a');
    expect((await asContent('page.setup', { url: 'https://other.example/' })).hidden).toHaveLength(1);
    await expect(
      asContent('alias.hide', { entityId: 'nobody', alias: 'x', scope: 'site', url: 'https://a.example/' }),
    ).rejects.toThrow(/No actor or event/);
  });

  it('builds an entity card with the analyses closest to the page first', async () => {
    const { asContent } = await setup();
    const card = await asContent('entity.card', {
      entityId: 'turkey',
      pageEntityIds: [
        'turkey',
        'northern-syria-safe-zone',
        'northern-syria-no-fly-zone',
        'nato',
        'kurdish-forces',
      ],
    });
    expect(card.entity).toMatchObject({ id: 'turkey', kind: 'actor', name: 'Turkey' });
    expect(card.analysisCount).toBe(card.top.length);
    expect(card.top[0]?.id).toBe('burns-jeffrey-2016-02-04');
    await expect(asContent('entity.card', { entityId: 'nobody', pageEntityIds: [] })).rejects.toThrow(
      /No actor/,
    );
  });
});

describe('the side panel view and search', () => {
  const safeZonePage = {
    url: 'http://127.0.0.1:1/safe-zone',
    title: 'Safe zone',
    publishedAt: '2016-02-15',
    mentions: [
      { entityId: 'northern-syria-safe-zone', count: 5, inTitle: true, inLead: true },
      { entityId: 'northern-syria-no-fly-zone', count: 2 },
      { entityId: 'turkey', count: 3 },
    ],
  };

  it('ranks the analyses for the tab’s page, with the matched entities and badges', async () => {
    const { asContent, asPage } = await setup();
    await asContent('page.report', safeZonePage);
    const view = await asPage('panel.view', { tabId: 7 });
    expect(view.page?.publishedAt).toBe('2016-02-15');
    expect(view.ranked[0]).toMatchObject({
      analysis: { id: 'burns-jeffrey-2016-02-04' },
      matched: expect.arrayContaining(['northern-syria-safe-zone', 'turkey']),
      badge: null,
    });
    expect(view.ranked.length + view.others.length).toBe(3);
    expect(view.totalAnalyses).toBe(3);
    // Names for the shown analyses' actors and events, not the whole catalog.
    expect(view.names['northern-syria-safe-zone']).toBe('Safe zone in northern Syria');
    expect(Object.keys(view.names).length).toBeLessThan(60);
  });

  it('filters to a focused actor or event and remembers the focus per tab', async () => {
    const { asContent, asPage } = await setup();
    await asContent('page.report', safeZonePage);
    const focused = await asPage('panel.view', { tabId: 7, focus: 'northern-syria-no-fly-zone' });
    expect(focused.ranked.map((r) => r.analysis.id)).toEqual(['burns-jeffrey-2016-02-04']);
    expect(focused.others).toEqual([]);
    expect((await asPage('panel.view', { tabId: 7 })).focus).toBe('northern-syria-no-fly-zone');
    expect((await asPage('panel.view', { tabId: 7, focus: null })).ranked.length).toBeGreaterThan(1);
  });

  it('badges analyses much older than the page or written after it', async () => {
    const { asContent, asPage } = await setup();
    await asContent('page.report', { ...safeZonePage, publishedAt: '2017-03-01' });
    expect((await asPage('panel.view', { tabId: 7 })).ranked.every((r) => r.badge === 'older')).toBe(true);
    await asContent('page.report', { ...safeZonePage, publishedAt: '2016-02-01' });
    expect((await asPage('panel.view', { tabId: 7 })).ranked.every((r) => r.badge === 'later')).toBe(true);
  });

  it('shows the newest analyses when the page mentions nothing', async () => {
    const { asPage } = await setup();
    const view = await asPage('panel.view', { tabId: 99 });
    expect(view.page).toBeNull();
    expect(view.ranked).toEqual([]);
    expect(view.others.map((a) => a.publishedAt)).toEqual(['2016-02-09', '2016-02-09', '2016-02-04']);
  });

  it('asks the page to reveal an entity', async () => {
    const { asPage } = await setup();
    expect(await asPage('page.reveal', { tabId: 7, entityId: 'turkey' })).toEqual({ sent: true });
    expect(await asPage('page.reveal', { tabId: 8, entityId: 'turkey' })).toEqual({ sent: false });
  });

  it('searches by author, actor, outlet and words of summaries, and sees imports', async () => {
    const { asPage, changed } = await setup();
    const ids = async (query: string) => (await asPage('library.search', { query })).items.map((a) => a.id);
    expect(await ids('Zisser')).toEqual(['zisser-2016-02-09']);
    expect(await ids('de Mistura')).toContain('ross-2016-02-09');
    expect(await ids('Washington Post')).toContain('burns-jeffrey-2016-02-04');
    expect(await ids('')).toEqual([]);
    const pack = starterJson() as { id: string; analyses: Array<Record<string, unknown>> };
    pack.id = 'extra';
    pack.analyses = [
      {
        ...pack.analyses[0],
        id: 'extra-1',
        url: 'https://example.com/x',
        title: 'Quartz crystals in Aleppo',
        authors: [{ name: 'Ana Nym' }],
      },
    ];
    await asPage('pack.import', { text: JSON.stringify(pack) });
    expect(changed()).toBe(1);
    expect(await ids('quartz')).toEqual(['extra-1']);
  });
});

describe('the dispatcher refuses what it must', () => {
  const cases: Array<[string, unknown, SenderContext | null, string]> = [
    ['no sender', { protocol: PROTOCOL_ID, type: 'library.stats', data: {} }, null, 'forbidden-sender'],
    ['a string', 'hello', extensionPage, 'bad-envelope'],
    ['null', null, extensionPage, 'bad-envelope'],
    ['another protocol', { protocol: 'other', type: 'library.stats' }, extensionPage, 'bad-envelope'],
    ['an unknown type', { protocol: PROTOCOL_ID, type: 'db.drop', data: {} }, extensionPage, 'unknown-type'],
    [
      'a prototype key as type',
      { protocol: PROTOCOL_ID, type: 'toString', data: {} },
      extensionPage,
      'unknown-type',
    ],
    [
      'extra fields',
      { protocol: PROTOCOL_ID, type: 'library.stats', data: { x: 1 } },
      extensionPage,
      'bad-data',
    ],
    [
      'a wrong type of field',
      { protocol: PROTOCOL_ID, type: 'tab.state', data: { tabId: 'x' } },
      extensionPage,
      'bad-data',
    ],
    [
      'an import from a web page',
      { protocol: PROTOCOL_ID, type: 'pack.import', data: { text: '{}' } },
      contentScript,
      'forbidden-sender',
    ],
    [
      'a site switch from a web page',
      { protocol: PROTOCOL_ID, type: 'site.set', data: { url: 'https://example.com/', enabled: false } },
      contentScript,
      'forbidden-sender',
    ],
  ];
  for (const [label, message, sender, code] of cases) {
    it(`answers ${label} with "${code}" and keeps working`, async () => {
      const { dispatch } = await setup();
      const reply = await dispatch(message, sender);
      expect(reply).toMatchObject({ ok: false, error: { code } });
      const next = await dispatch({ protocol: PROTOCOL_ID, type: 'library.stats', data: {} }, extensionPage);
      expect(next).toMatchObject({ ok: true, value: { analyses: 3 } });
    });
  }

  it('turns a failing handler into an error reply written for the reader, not the browser’s words', async () => {
    const { db, dispatch } = await setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    db.close();
    const reply = await dispatch({ protocol: PROTOCOL_ID, type: 'library.stats', data: {} }, extensionPage);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(/^Something unexpected went wrong in Backstory/),
      },
    });
    expect(JSON.stringify(reply)).not.toMatch(/closed|Database|library\.stats/i);
    // The browser's own words go to the background's console, for whoever debugs it.
    expect(error).toHaveBeenCalledWith('Backstory: "library.stats" failed', expect.anything());
    error.mockRestore();
  });

  it('says the browser’s storage is full when a write runs out of room, however the database wraps it', async () => {
    const { db, asPage } = await setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(db.sites, 'put').mockRejectedValueOnce(quota);
    const site = { url: 'https://news.example/', enabled: false };
    await expect(asPage('site.set', site)).rejects.toThrow(
      /^The browser has no room left to store Backstory’s library/,
    );
    // Dexie aborts the transaction and names the cause as its inner error.
    put.mockRejectedValueOnce(
      Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota }),
    );
    await expect(asPage('site.set', site)).rejects.toThrow(/^The browser has no room left/);
    put.mockRejectedValueOnce(
      Object.assign(new Error('1 of 1 operations failed'), { name: 'BulkError', failures: [quota] }),
    );
    await expect(asPage('site.set', site)).rejects.toThrow(/^The browser has no room left/);
    vi.mocked(console.error).mockRestore();
  });
});

describe('an OPML import', () => {
  it('answers once its feeds are stored, though a feed would never answer; they are polled afterwards', async () => {
    const db = freshDatabase();
    const asked: string[] = [];
    // A feed server that never answers.
    const fetch = ((url: string) => (
      asked.push(url),
      new Promise(() => {})
    )) as unknown as typeof globalThis.fetch;
    const dom = { extract: () => Promise.reject(new Error('unused')), htmlToText: async (f: string[]) => f };
    const feeds = new FeedService({
      db,
      dom,
      tagger: new EntityTagger(db),
      fetchOptions: { fetch },
      now: () => 42,
    });
    let alarmsSet = 0;
    const handlers = createHandlers({
      db,
      tabs: createTabStateStore(createMemoryArea()),
      feeds,
      feedsChanged: async () => void alarmsSet++,
      now: () => 42,
    });
    const ask = createRequester((envelope) => createDispatcher(handlers)(envelope, extensionPage));
    const text = `<opml version="2.0"><body>
      <outline xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/feed"/>
    </body></opml>`;
    const reply = await Promise.race([
      ask('opml.import', { text }),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2_000)),
    ]);
    expect(reply).toEqual({ added: 2, skipped: 0, origins: ['https://a.example', 'https://b.example'] });
    expect(asked).toEqual([]);
    // Due at once: the alarm set on the reply polls them.
    expect(alarmsSet).toBe(1);
    expect((await db.feeds.toArray()).map((feed) => feed.nextPollAt)).toEqual([42, 42]);
    void feeds.pollDue();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
  });
});

describe('classifySender', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('recognises extension pages and content scripts of this extension only', () => {
    expect(classifySender({ id, url: `${origin}sidepanel.html` }, id, origin)?.kind).toBe('extension');
    expect(classifySender({ id, url: 'https://news.example/a', tab: { id: 3 } }, id, origin)).toEqual({
      kind: 'content',
      tabId: 3,
      frameId: 0,
      url: 'https://news.example/a',
    });
    // A frame's content script says which frame it is.
    expect(
      classifySender({ id, url: 'https://ads.example/', tab: { id: 3 }, frameId: 9 }, id, origin)?.frameId,
    ).toBe(9);
    expect(classifySender({ id: 'other', url: `${origin}x.html` }, id, origin)).toBeNull();
    expect(classifySender({ id, url: 'file:///etc/passwd', tab: { id: 3 } }, id, origin)).toBeNull();
    expect(classifySender({ id, url: 'https://news.example/a' }, id, origin)).toBeNull();
  });
});

describe('the reading list search follows every write to its tables', () => {
  it('finds articles a backup brought in after the index was built (it found none before)', async () => {
    const other = await setup();
    await other.asPage('reading.import', {
      items: [
        { url: 'https://news.example/quetzal', title: 'The quetzal returns to the cloud forest', savedAt: 5 },
      ],
      skipped: 0,
    });
    const { file: backup } = await downloadBackup(other.asPage);

    const { asPage } = await setup();
    await asPage('reading.import', {
      items: [
        { url: 'https://news.example/harbour', title: 'A harbour reopens after the storm', savedAt: 4 },
      ],
      skipped: 0,
    });
    // The index is built by the first search.
    expect((await asPage('reading.list', { view: 'all', query: 'harbour' })).items).toHaveLength(1);
    await asPage('backup.import', { uploadId: await uploadBackup(asPage, backup, 'backup.json') });
    const found = await asPage('reading.list', { view: 'all', query: 'quetzal' });
    expect(found.items.map((item) => item.url)).toEqual(['https://news.example/quetzal']);
  });

  it('follows a tag change, a deletion and its undo, each written by the service itself', async () => {
    const { asPage } = await setup();
    await asPage('reading.import', {
      items: [{ url: 'https://news.example/delta', title: 'Delta farmers count the cost', savedAt: 4 }],
      skipped: 0,
    });
    const [row] = (await asPage('reading.list', { view: 'all', query: 'delta' })).items;
    await asPage('reading.update', { id: row!.id, tags: ['estuaries'] });
    expect((await asPage('reading.list', { view: 'all', query: 'estuaries' })).items).toHaveLength(1);
    await asPage('reading.delete', { id: row!.id });
    expect((await asPage('reading.list', { view: 'all', query: 'delta' })).items).toHaveLength(0);
    await asPage('reading.delete', { id: row!.id, undo: true });
    expect((await asPage('reading.list', { view: 'all', query: 'estuaries' })).items).toHaveLength(1);
  });
});
