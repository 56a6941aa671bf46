/**
 * Injected into the extension's service worker by scripts/bench-panel.mjs (bundled as an IIFE that
 * defines `BackstoryPanelProbe`). It opens the same `backstory` database with the product's own
 * Dexie schema, runs the product's `panel.view` handler, ranking index and search class directly
 * (no messaging), times each step of the handler separately to show where the time goes, and runs
 * the naive reference approaches. It never writes to the library.
 */
import { BackstoryDatabase } from '@/lib/db/database';
import type { AnalysisRecord } from '@/lib/model/records';
import { createHandlers } from '@/lib/background/handlers';
import { RankingIndexStore } from '@/lib/background/ranking-store';
import { LibrarySearch } from '@/lib/background/search';
import { createTabStateStore, type KeyValueArea } from '@/lib/background/tab-state';
import { buildRankingIndex, postingsOf, rankWithIndex } from '@/lib/ranking/index';
import { DISPLAY_SETTINGS_KEY, siteKey } from '@/lib/model/settings';
import { matchedEntities } from '@/lib/ranking/rank';
import type { HandlerMap } from '@/lib/protocol/dispatch';
import type { PageState } from '@/lib/protocol/messages';

declare const chrome: { storage: { session: KeyValueArea } };

const now = () => performance.now();
const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / DAY);

let database: BackstoryDatabase | null = null;
const db = () => (database ??= new BackstoryDatabase());
const tabs = () => createTabStateStore(chrome.storage.session);

/** One set of handlers with its own ranking index store, kept warm between calls. */
let shared: { ranking: RankingIndexStore; handlers: HandlerMap } | null = null;
function warm() {
  if (!shared) {
    const ranking = new RankingIndexStore(db());
    shared = { ranking, handlers: createHandlers({ db: db(), tabs: tabs(), ranking }) };
  }
  return shared;
}
const sender = { kind: 'extension' } as unknown as Parameters<HandlerMap['panel.view']>[1];

/** Raw IndexedDB, as the naive references would use it. */
function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('backstory');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

async function pageOf(tabId: number): Promise<PageState> {
  const page = await tabs().get(tabId);
  if (!page) throw new Error(`no page state for tab ${tabId}`);
  return page;
}

/** The product's `panel.view` handler, called directly: the background's work without messaging. */
async function handler(tabId: number, limit = 50) {
  const { handlers } = warm();
  const started = now();
  const view = await handlers['panel.view']({ tabId, limit }, sender);
  const ms = now() - started;
  return { ms, bytes: JSON.stringify(view).length, ranked: view.ranked.length };
}

/** The page's candidates (analyses sharing an entity with it) and Σ df, from the ranking index. */
async function shape(tabId: number) {
  const page = await pageOf(tabId);
  const index = await warm().ranking.get();
  const candidates = new Set<number>();
  let sumDf = 0;
  for (const { entityId } of page.mentions) {
    const slots = postingsOf(index, entityId);
    sumDf += slots.length;
    for (const slot of slots) candidates.add(slot);
  }
  return { candidates: candidates.size, sumDf, indexed: index.ids.length };
}

/** The handler's steps one at a time (same calls as lib/background/handlers.ts 'panel.view'). */
async function breakdown(tabId: number, limit = 50) {
  const store = tabs();
  const { ranking } = warm();
  const t: Record<string, number> = {};
  let mark = now();
  const lap = (name: string) => {
    const at = now();
    t[name] = at - mark;
    mark = at;
  };
  const [page] = await Promise.all([store.get(tabId), store.getFocus(tabId)]);
  lap('tabState');
  const index = await ranking.get();
  lap('indexInMemory');
  const host = siteKey(page!.url);
  await Promise.all([host ? db().sites.get(host) : undefined, db().settings.get(DISPLAY_SETTINGS_KEY)]);
  lap('siteStatus');
  const result = rankWithIndex(
    index,
    { entities: page!.mentions, publishedAt: page!.publishedAt },
    { limit },
  );
  lap('rankWithIndex');
  const records = await db().analyses.bulkGet(result.ranked.map((r) => r.id));
  lap('bulkGetShown');
  const ranked = result.ranked.map((r, i) => {
    const { updatedAt: _updatedAt, ...analysis } = records[i]!;
    return { ...r, analysis, matched: matchedEntities(analysis.entityIds, result.weights) };
  });
  lap('buildCards');
  const room = limit - ranked.length;
  if (room > 0)
    await db()
      .analyses.orderBy('publishedAt')
      .reverse()
      .limit(room + ranked.length)
      .toArray();
  lap('othersQuery');
  // Names of the entities on the cards (the handler sends them with the reply).
  const nameIds = [...new Set(ranked.flatMap((r) => r.analysis.entityIds))];
  await db().entities.bulkGet(nameIds);
  lap('entityNames');
  structuredClone({ page, ranked });
  lap('cloneReply');
  return { t, room, names: nameIds.length };
}

/**
 * The ranking index's costs off the warm path: loading the saved index (a restarted worker) and
 * building it from the analyses (after the library changed), split into reading and building.
 */
async function indexCosts() {
  let started = now();
  const index = await new RankingIndexStore(db()).get();
  const loadMs = now() - started;
  started = now();
  const all: Array<{ id: string; entityIds: string[]; publishedAt: string }> = [];
  let last = '';
  for (;;) {
    const batch = await db().analyses.where(':id').above(last).limit(5000).toArray();
    for (const { id, entityIds, publishedAt } of batch) all.push({ id, entityIds, publishedAt });
    if (batch.length < 5000) break;
    last = batch[batch.length - 1]!.id;
  }
  const readMs = now() - started;
  started = now();
  buildRankingIndex(all);
  const buildMs = now() - started;
  started = now();
  structuredClone(index);
  const cloneMs = now() - started;
  const bytes =
    index.ids.reduce((n, id) => n + id.length * 2, 0) +
    index.entities.reduce((n, id) => n + id.length * 2, 0) +
    (index.days.length + index.offsets.length + index.postings.length) * 4;
  return {
    loadMs,
    readMs,
    buildMs,
    cloneMs,
    bytes,
    postings: index.postings.length,
    analyses: index.ids.length,
  };
}

/** The naive reference: load the whole library and score every analysis in JS. */
async function naiveRank(tabId: number, limit = 50) {
  const page = await pageOf(tabId);
  const started = now();
  const raw = await openRaw();
  const all = (await done(raw.transaction('analyses').objectStore('analyses').getAll())) as AnalysisRecord[];
  raw.close();
  const loaded = now();
  const onPage = new Map(page.mentions.map((m) => [m.entityId, m]));
  const df = new Map<string, number>();
  for (const a of all) for (const id of a.entityIds) if (onPage.has(id)) df.set(id, (df.get(id) ?? 0) + 1);
  const pageDay = page.publishedAt ? dayOf(page.publishedAt) : null;
  const scored = all.map((analysis) => {
    let relevance = 0;
    for (const id of analysis.entityIds) {
      const m = onPage.get(id);
      if (m)
        relevance +=
          Math.log(1 + all.length / (df.get(id) ?? 1)) *
          (1 + Math.log(Math.max(1, m.count)) + (m.inTitle ? 1 : 0) + (m.inLead ? 0.5 : 0));
    }
    const day = dayOf(analysis.publishedAt);
    const time = pageDay === null ? 1 : 1 / (1 + Math.abs(day - pageDay) / 365);
    return { analysis, score: relevance * time, day };
  });
  scored.sort((a, b) => b.score - a.score || b.day - a.day);
  const top = scored.slice(0, limit);
  const end = now();
  return {
    ms: end - started,
    loadMs: loaded - started,
    scoreMs: end - loaded,
    top: top.map((s) => s.analysis.id),
  };
}

let search: LibrarySearch | null = null;

/**
 * The search index's costs: reading what it indexes, building it (the class's own `build`), its
 * saved size (`JSON.stringify`, as the class saves it), and loading the saved index in a new
 * LibrarySearch (a restarted worker). `build` is private: reached through a cast.
 */
async function searchBuild() {
  let started = now();
  const [analyses, entities] = await Promise.all([db().analyses.toArray(), db().entities.toArray()]);
  const readMs = now() - started;
  const fresh = new LibrarySearch(db()) as unknown as { build?: () => Promise<object> };
  let buildMs: number | null = null;
  let jsonMs: number | null = null;
  let jsonBytes: number | null = null;
  if (typeof fresh.build === 'function') {
    started = now();
    const built = await fresh.build();
    buildMs = now() - started;
    started = now();
    jsonBytes = JSON.stringify(built).length;
    jsonMs = now() - started;
  }
  started = now();
  const saved = await db().settings.get('searchIndex');
  const readSavedMs = saved ? now() - started : null;
  started = now();
  search = new LibrarySearch(db());
  await search.search('warm');
  const firstSearchMs = now() - started;
  return {
    readMs,
    buildMs,
    jsonMs,
    jsonBytes,
    readSavedMs,
    firstSearchMs,
    analyses: analyses.length,
    entities: entities.length,
  };
}

/** One query through the product's LibrarySearch and the handler's bulkGet (no messaging). */
async function searchQuery(query: string, limit = 30) {
  if (!search) await searchBuild();
  let started = now();
  const ids = await search!.search(query);
  const indexMs = now() - started;
  started = now();
  const records = await db().analyses.bulkGet(ids.slice(0, limit));
  const readMs = now() - started;
  // Names of the entities the results discuss (the handler sends them with the reply).
  started = now();
  await db().entities.bulkGet([...new Set(records.flatMap((r) => r?.entityIds ?? []))]);
  return { indexMs, readMs, namesMs: now() - started, total: ids.length };
}

let cached: AnalysisRecord[] | null = null;

/** The naive reference: load every analysis, filter by lowercase substring. */
async function naiveSearch(query: string, limit = 30, keepLoaded = false) {
  const started = now();
  let all = keepLoaded ? cached : null;
  if (!all) {
    const raw = await openRaw();
    all = (await done(raw.transaction('analyses').objectStore('analyses').getAll())) as AnalysisRecord[];
    raw.close();
    if (keepLoaded) cached = all;
  }
  const loaded = now();
  const needle = query.trim().toLowerCase();
  const hits = all.filter((a) =>
    `${a.title} ${a.summary} ${a.authors.map((x) => x.name).join(' ')} ${a.outlet}`
      .toLowerCase()
      .includes(needle),
  );
  const items = hits.slice(0, limit);
  const end = now();
  return {
    ms: end - started,
    loadMs: loaded - started,
    scanMs: end - loaded,
    total: hits.length,
    items: items.length,
  };
}

export { breakdown, handler, indexCosts, naiveRank, naiveSearch, searchBuild, searchQuery, shape };
