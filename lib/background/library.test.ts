import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../db/test-helpers';
import type { PageExtract } from '../model/extract';
import { downloadBackup, uploadBackup } from '../protocol/backup-parts';
import { createRequester, ProtocolError } from '../protocol/client';
import { createDispatcher, type SenderContext } from '../protocol/dispatch';
import type { DomHost } from './dom-host';
import { createHandlers } from './handlers';
import { installStarterPack } from './starter';
import { createMemoryArea, createTabStateStore } from './tab-state';

const starterJson = () =>
  JSON.parse(
    readFileSync(new URL('../../public/packs/starter-syria-2016.json', import.meta.url), 'utf8'),
  ) as unknown;

const extensionPage: SenderContext = { kind: 'extension', url: 'chrome-extension://abc/options.html' };

/** A page as the DOM host would read it; the text names actors of the starter library. */
function extractOf(url: string, overrides: Partial<PageExtract['metadata']> = {}): PageExtract {
  const text =
    'Turkey shelled Kurdish positions near Azaz as the Geneva talks stalled. ' +
    'Vladimir Putin and Bashar al-Assad pressed the offensive on Aleppo.';
  return {
    url,
    metadata: {
      title: 'Aleppo and the talks',
      authors: ['Ana Reporter'],
      outlet: 'Example News',
      ...overrides,
    },
    contentHtml: `<p>${text}</p>`,
    text,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    summary: text.split('. ')[0]! + '.',
    keyPoints: [],
  };
}

async function setup() {
  const db = freshDatabase();
  await installStarterPack(db, async () => starterJson());
  // After the starter pack's analyses were added (they carry the real time).
  let clock = Date.now() + 1000;
  const pages = new Map<number, string>([[3, 'https://www.example.com/news/aleppo?utm_source=x']]);
  const dom: DomHost = {
    extract: async (_html, url) => extractOf(url),
    htmlToText: async (fragments) => fragments.map((f) => f.replace(/<[^>]+>/g, '')),
  };
  let notified = 0;
  const marks = new Map<number, boolean>();
  const tabs = createTabStateStore(createMemoryArea());
  const dispatch = createDispatcher(
    createHandlers({
      db,
      tabs,
      showSaved: async (tabId, saved) => void marks.set(tabId, saved),
      openTabIds: async () => [...pages.keys()],
      now: () => clock,
      dom,
      snapshotTab: async (tabId) => {
        const url = pages.get(tabId);
        if (!url) throw new Error('no page');
        return { url, html: '<html></html>' };
      },
      notifyPages: async () => void notified++,
    }),
  );
  const ask = createRequester((envelope) => dispatch(envelope, extensionPage));
  return {
    db,
    ask,
    pages,
    tabs,
    marks,
    tick: (ms: number) => (clock += ms),
    notified: () => notified,
  };
}

describe('adding a page as an analysis', () => {
  it('proposes a draft with the actors found, then updates instead of doubling on a second save', async () => {
    const { ask, db } = await setup();
    const { extract, entityIds, existing } = await ask('page.extract', { tabId: 3 });
    expect(extract.metadata.title).toBe('Aleppo and the talks');
    expect(entityIds).toEqual(expect.arrayContaining(['turkey', 'vladimir-putin', 'bashar-al-assad']));
    expect(existing).toBeNull();
    const draft = {
      url: extract.url,
      title: 'Aleppo and the talks',
      authors: [{ name: 'Ana Reporter', credentials: 'Correspondent' }],
      outlet: 'Example News',
      publishedAt: '2016-02-12',
      summary: 'Turkey shelled Kurdish positions.',
      keyPoints: [],
      entityIds,
    };
    const first = await ask('analysis.save', {
      draft,
      newActors: [{ name: 'Ana Reporter', category: 'person' }],
    });
    expect(first.created).toBe(true);
    const again = await ask('analysis.save', {
      draft: { ...draft, url: 'https://example.com/news/aleppo/', title: 'Aleppo, revised' },
    });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.analyses.count()).toBe(4);
    const stored = await db.analyses.get(first.id);
    expect(stored?.title).toBe('Aleppo, revised');
    expect(await db.entities.where('name').equals('Ana Reporter').count()).toBe(1);
    expect((await ask('page.extract', { tabId: 3 })).existing).toEqual({
      id: first.id,
      title: 'Aleppo, revised',
    });
  });

  it('refuses a draft the schema refuses, naming the field, and stores nothing', async () => {
    const { ask, db } = await setup();
    const error = await ask('analysis.save', {
      draft: {
        url: 'javascript:alert(1)',
        title: 'x',
        authors: [{ name: 'A' }],
        outlet: 'O',
        publishedAt: '',
        summary: 's',
        keyPoints: [],
        entityIds: [],
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).details.join(' ')).toMatch(/url/);
    expect(await db.analyses.count()).toBe(3);
  });

  it('says clearly when the tab cannot be read', async () => {
    const { ask } = await setup();
    await expect(ask('page.extract', { tabId: 99 })).rejects.toThrow(/cannot read this tab/);
  });
});

describe('the actors and events manager', () => {
  it('edits, hides and deletes, and open pages hear about it', async () => {
    const { ask, db, notified } = await setup();
    const list = await ask('entities.list', {});
    const turkey = list.find((e) => e.id === 'turkey')!;
    expect(turkey.analysisCount).toBeGreaterThan(0);
    const { analysisCount: _count, hidden: _hidden, ...entity } = turkey;
    const saved = await ask('entity.save', {
      entity: { ...entity, aliases: [...entity.aliases, { text: 'Türkiye', caseSensitive: true }] },
    });
    expect(saved.aliases.map((a) => a.text)).toContain('Türkiye');
    expect((await ask('entity.hide', { id: 'turkey', hidden: true })).hidden).toBe(true);
    expect(await ask('entity.delete', { id: 'turkey' })).toEqual({ deleted: true });
    expect(await db.analyses.where('entityIds').equals('turkey').count()).toBe(0);
    expect(notified()).toBe(3);
  });

  it('merges one entity into another: aliases, analyses and hidden aliases move', async () => {
    const { ask, db } = await setup();
    const before = await db.analyses.where('entityIds').equals('vladimir-putin').primaryKeys();
    await db.hiddenAliases.add({ entityId: 'vladimir-putin', alias: 'Putin', host: '*', createdAt: 1 });
    const merged = await ask('entity.merge', { keepId: 'russia', mergeId: 'vladimir-putin' });
    expect(merged.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Putin']));
    expect(await db.entities.get('vladimir-putin')).toBeUndefined();
    const after = await db.analyses.where('entityIds').equals('russia').primaryKeys();
    expect(after).toEqual(expect.arrayContaining(before));
    expect(await db.hiddenAliases.where('entityId').equals('russia').count()).toBe(1);
    await expect(ask('entity.merge', { keepId: 'russia', mergeId: 'russia' })).rejects.toThrow(
      /two different/,
    );
  });
});

describe('backups', () => {
  it('round-trips the library: export, clear, preview, import gives equal tables', async () => {
    const { ask, db } = await setup();
    await ask('article.save', { tabId: 3 });
    const { file, fileName } = await downloadBackup(ask);
    expect(fileName).toMatch(/^backstory-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await file.text()).not.toContain('rankingIndex');
    const snapshot = async () => ({
      analyses: await db.analyses.toArray(),
      entities: await db.entities.toArray(),
      articles: await db.articles.toArray(),
      contents: await db.articleContents.toArray(),
    });
    const before = await snapshot();
    await Promise.all([db.analyses.clear(), db.articles.clear(), db.articleContents.clear()]);
    const preview = await ask('backup.preview', { uploadId: await uploadBackup(ask, file, fileName) });
    expect(preview.counts.analyses).toEqual({ add: 3, update: 0 });
    expect(preview.counts.entities).toEqual({ add: 0, update: 47 });
    await ask('backup.import', { uploadId: await uploadBackup(ask, file, fileName) });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps what discovery learned: provenance, proposals, rejected names and analyses’ texts', async () => {
    const { ask, db } = await setup();
    const [analysis] = await db.analyses.toArray();
    await db.analysisTexts.put({ id: analysis!.id, text: 'Kilis, on the border, and the Wagner group.' });
    await db.entities.add({
      id: 'wagner',
      kind: 'actor',
      category: 'group',
      name: 'Wagner',
      description: 'Named in an analysis.',
      aliases: [{ text: 'Wagner group' }],
      related: [],
      discovery: {
        state: 'proposed',
        analysisIds: [analysis!.id],
        firstSeenAt: 5,
        evidence: ['named again'],
        quote: { text: 'the Wagner group, a private army', analysisId: analysis!.id },
      },
      updatedAt: 5,
    });
    await db.rejectedNames.put({ key: 'kilis', name: 'Kilis', rejectedAt: 6 });
    const { file } = await downloadBackup(ask);
    const before = {
      entity: await db.entities.get('wagner'),
      texts: await db.analysisTexts.toArray(),
      rejected: await db.rejectedNames.toArray(),
    };
    await Promise.all([db.entities.delete('wagner'), db.analysisTexts.clear(), db.rejectedNames.clear()]);
    await ask('backup.import', { uploadId: await uploadBackup(ask, file, 'backup.json') });
    expect({
      entity: await db.entities.get('wagner'),
      texts: await db.analysisTexts.toArray(),
      rejected: await db.rejectedNames.toArray(),
    }).toEqual(before);
  });

  it('refuses a corrupt or foreign file and leaves the library unchanged', async () => {
    const { ask, db } = await setup();
    const text = await (await downloadBackup(ask)).file.text();
    const before = await db.analyses.toArray();
    const broken = JSON.parse(text) as { tables: { analyses: Array<{ url: string }> } };
    broken.tables.analyses[0]!.url = 'ftp://nope';
    const upload = async (content: string) => ({
      uploadId: await uploadBackup(ask, new Blob([content]), 'x'),
    });
    await expect(ask('backup.import', await upload(JSON.stringify(broken)))).rejects.toThrow(/damaged/);
    await expect(ask('backup.import', await upload(text.slice(0, 500)))).rejects.toThrow(/not JSON/);
    await expect(ask('backup.preview', await upload('{"format":"pocket"}'))).rejects.toThrow(
      /not a Backstory backup/,
    );
    expect(await db.analyses.toArray()).toEqual(before);
  });
});

describe('the reading list', () => {
  it('a tab stops being marked saved when its article is deleted, and is marked again on undo', async () => {
    const { ask, tabs, marks } = await setup();
    await tabs.set(3, {
      url: 'https://www.example.com/news/aleppo?utm_source=x',
      title: 'Aleppo and the talks',
      active: true,
      mentions: [],
      reportedAt: 1,
    });
    const { id } = await ask('article.save', { tabId: 3 });
    expect((await ask('tab.state', { tabId: 3 }))?.saved).toBe(true);
    expect(marks.get(3)).toBe(true);
    await ask('reading.delete', { id, undo: false });
    expect((await ask('tab.state', { tabId: 3 }))?.saved).toBe(false);
    expect((await ask('panel.view', { tabId: 3 })).page?.saved).toBe(false);
    expect(marks.get(3)).toBe(false);
    await ask('reading.delete', { id, undo: true });
    expect((await ask('tab.state', { tabId: 3 }))?.saved).toBe(true);
    expect(marks.get(3)).toBe(true);
  });

  it('saves a page once per article, keeps offline content, and tags its actors', async () => {
    const { ask, db, pages } = await setup();
    const first = await ask('article.save', { tabId: 3 });
    expect(first.created).toBe(true);
    pages.set(4, 'http://example.com/news/aleppo/#comments');
    const again = await ask('article.save', { tabId: 4 });
    expect(again).toMatchObject({ id: first.id, created: false });
    expect(await db.articles.count()).toBe(1);
    const article = await ask('reading.get', { id: first.id });
    expect(article.contentHtml).toContain('Kurdish positions');
    expect(article.row.offline).toBe(true);
    expect((await db.articles.get(first.id))?.entityIds).toEqual(expect.arrayContaining(['turkey']));
  });

  it('marks articles with analyses added after they were saved', async () => {
    const { ask, db, tick } = await setup();
    const { id } = await ask('article.save', { tabId: 3 });
    expect((await ask('reading.list', {})).items[0]!.newAnalyses).toBe(0);
    tick(60_000);
    await ask('analysis.save', {
      draft: {
        url: 'https://analysis.example/turkey',
        title: 'What Turkey wants',
        authors: [{ name: 'An Expert' }],
        outlet: 'Think Tank',
        publishedAt: '2016-03-01',
        summary: 'Ankara’s aims.',
        keyPoints: [],
        entityIds: ['turkey'],
      },
    });
    expect((await ask('reading.list', {})).items[0]!.newAnalyses).toBe(1);
    const article = await ask('reading.get', { id });
    expect(article.newAnalyses.map((a) => a.title)).toEqual(['What Turkey wants']);
    expect(db.name).toBeTruthy();
  });

  it('indexes the list for search once it is shown, so the first search does not wait for it', async () => {
    const { ask, db } = await setup();
    const { id } = await ask('article.save', { tabId: 3 });
    const readsOfTexts = vi.spyOn(db.articleContents, 'each');
    await ask('reading.list', {});
    await vi.waitFor(() => expect(readsOfTexts).toHaveBeenCalledTimes(1));
    expect((await ask('reading.list', { query: 'Kurdish' })).items.map((i) => i.id)).toEqual([id]);
    await ask('reading.list', {});
    expect(readsOfTexts).toHaveBeenCalledTimes(1);
  });

  it('reads the articles once for many listings, and again after any change to them', async () => {
    const { ask, db } = await setup();
    const { id } = await ask('article.save', { tabId: 3 });
    const reads = vi.spyOn(db.articles, 'toArray');
    await ask('reading.list', {});
    await ask('reading.list', { query: 'Kurdish' });
    await ask('reading.list', { query: 'Kurd' });
    expect(reads).toHaveBeenCalledTimes(1);
    // A write from elsewhere (not the reading list's own code) is seen by the next listing.
    await db.articles.update(id, { title: 'Renamed elsewhere' });
    expect((await ask('reading.list', {})).items[0]!.title).toBe('Renamed elsewhere');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('finds an article by a tag given or renamed after the search index was built', async () => {
    const { ask } = await setup();
    const { id } = await ask('article.save', { tabId: 3 });
    expect((await ask('reading.list', { query: 'Kurdish' })).items).toHaveLength(1);
    await ask('reading.update', { id, tags: ['quarterly-review'] });
    expect((await ask('reading.list', { query: 'quarterly' })).items.map((i) => i.id)).toEqual([id]);
    await ask('reading.renameTag', { from: 'quarterly-review', to: 'annual-digest' });
    expect((await ask('reading.list', { query: 'annual' })).items.map((i) => i.id)).toEqual([id]);
    expect((await ask('reading.list', { query: 'quarterly' })).items).toEqual([]);
  });

  it('searches body text, filters by view and tag, renames tags, and undoes a delete', async () => {
    const { ask, tick } = await setup();
    const { id } = await ask('article.save', { tabId: 3 });
    await ask('reading.update', { id, tags: ['syria'] });
    expect((await ask('reading.list', { query: 'Kurdish' })).items.map((i) => i.id)).toEqual([id]);
    expect((await ask('reading.list', { query: 'Mugabe' })).items).toEqual([]);
    await ask('reading.renameTag', { from: 'syria', to: 'middle-east' });
    expect((await ask('reading.list', { tag: 'middle-east' })).items).toHaveLength(1);
    await ask('reading.update', { id, status: 'archived' });
    expect((await ask('reading.list', { view: 'unread' })).items).toEqual([]);
    expect((await ask('reading.list', { view: 'archived' })).items).toHaveLength(1);
    await ask('reading.delete', { id });
    expect((await ask('reading.list', { view: 'all' })).total).toBe(0);
    await ask('reading.delete', { id, undo: true });
    expect((await ask('reading.list', { view: 'all' })).total).toBe(1);
    await ask('reading.delete', { id });
    tick(61_000);
    await ask('reading.list', {});
    await expect(ask('reading.delete', { id, undo: true })).rejects.toThrow(/not in your reading list/);
  });

  it('imports all or nothing and merges tags into articles already saved', async () => {
    const { ask, db } = await setup();
    await ask('article.save', { tabId: 3 });
    const items = [
      {
        url: 'https://example.com/news/aleppo',
        title: 'Aleppo',
        tags: ['pocket'],
        status: 'unread' as const,
        savedAt: 5,
      },
      { url: 'https://other.example/a', title: 'A', tags: [], status: 'archived' as const, savedAt: 6 },
    ];
    const report = await ask('reading.import', { items, skipped: 2 });
    expect(report).toEqual({ added: 1, updated: 1, skipped: 2 });
    expect((await db.articles.where('url').equals('https://other.example/a').first())?.contentState).toBe(
      'pending',
    );
    const count = await db.articles.count();
    await expect(
      ask('reading.import', {
        items: [
          { url: 'https://fine.example/', title: '', tags: [], status: 'unread', savedAt: 1 },
          { url: 'nope' },
        ],
        skipped: 0,
      } as never),
    ).rejects.toThrow();
    expect(await db.articles.count()).toBe(count);
  });
});

describe('saving is all or nothing', () => {
  it('a failure while writing the content leaves no half-saved article', async () => {
    const { ask, db } = await setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    db.articleContents.hook('creating', () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    });
    // Told in words for the reader, not the browser's.
    await expect(ask('article.save', { tabId: 3 })).rejects.toThrow(/^The browser has no room left/);
    vi.mocked(console.error).mockRestore();
    expect(await db.articles.count()).toBe(0);
    expect(await db.articleContents.count()).toBe(0);
  });
});
