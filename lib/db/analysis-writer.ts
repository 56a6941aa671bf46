/**
 * The one writer of analyses. Packs, digests, pages the reader added, feed items and backups all
 * write analyses through `writeAnalyses`, so validation, the duplicate rule, ids and stamps are
 * decided in one place, inside the caller's transaction, and the caller learns which analyses were
 * added and which updated, whichever path they came by.
 */
import { Dexie } from 'dexie';
import type { BackstoryDatabase } from './database';
import type { AnalysisRecord } from '../model/records';
import { analysisSchema, type Analysis } from '../model/schema';
import { InvalidInputError } from '../protocol/dispatch';
import { articleKey } from '../reading/url';

/**
 * How an incoming analysis meets the stored one it duplicates.
 * - `replace`: the incoming one is the truth (a pack, a draft the reader reviewed); only when it
 *   was first added is kept.
 * - `enrich`: a digest, which knows some things less well than what is stored: the stored link
 *   (when the digest gives none), title (when the digest lost it) and key points are kept, and the
 *   tags are the union.
 * - `keep`: a feed item: an analysis already in the library stays as it is.
 * - `restore`: a backup row, stamps included, replacing whatever duplicates it.
 */
export type MergeRule = 'replace' | 'enrich' | 'keep' | 'restore';

export interface IncomingAnalysis {
  /** Its `id` is the one to use when it is new; a duplicate keeps the stored id. */
  analysis: Analysis;
  /** With `enrich`: the source gave no link of its own (`analysis.url` is a stand-in). */
  linkIsStandIn?: boolean;
  /** With `enrich`: the source lost the headline (`analysis.title` is a stand-in). */
  titleIsStandIn?: boolean;
  /** The analysis's title and body as the source gave them: kept to discover and tag from. */
  text?: string;
  /** Its source tagged it by hand (a pack with its own actors and events): discovery leaves it be. */
  curated?: boolean;
  /** With `restore`: the backup's stamps. */
  addedAt?: number;
  updatedAt?: number;
}

export interface WriteOptions {
  merge: MergeRule;
  /** An analysis the schema refuses is skipped (a feed's item without a link) instead of failing all. */
  skipInvalid?: boolean;
  now?: number;
}

export interface WriteReport {
  /** Per incoming analysis, the id it is stored under; null when it was skipped as invalid. */
  ids: Array<string | null>;
  added: string[];
  updated: string[];
  unchanged: number;
  /** Added or updated analyses discovery learns from (all but curated ones). */
  toDiscover: string[];
  /** Why skipped analyses were refused, one line each. */
  skipped: string[];
}

/** Fields the library keeps for itself (stamps, the reader's choice to hide): they never make two records differ. */
const BOOKKEEPING = new Set(['addedAt', 'updatedAt', 'hidden']);

/** True when `stored` holds exactly `incoming`'s fields (a field `incoming` dropped is a change). */
export function sameContent(stored: object, incoming: object): boolean {
  const a = stored as Record<string, unknown>;
  const b = incoming as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !BOOKKEEPING.has(k)));
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

const surname = (name: string) => name.split(' ').at(-1)!.toLowerCase();
const day = (date: string) => date.slice(0, 10);
const outletOf = (analysis: Analysis) => analysis.outlet.toLowerCase().replace(/^the\s+/, '');
const outletDay = (analysis: Analysis) => `${outletOf(analysis)} ${day(analysis.publishedAt)}`;
const shareAnAuthor = (a: Analysis, b: Analysis) => {
  const authors = new Set(a.authors.map((author) => surname(author.name)));
  return b.authors.some((author) => authors.has(surname(author.name)));
};

/**
 * The one duplicate rule: the same id, the same URL, or the same article (URL without tracking
 * parameters, `www.` or trailing slash); and, for what a digest or feed reproduces under another
 * link, the same headline from the same outlet or by an author in common, or, for a piece whose
 * headline a digest lost, the same outlet on the same day with an author in common.
 */
class StoredAnalyses {
  private scanned: {
    byKey: Map<string, AnalysisRecord>;
    byTitle: Map<string, AnalysisRecord[]>;
    byOutletDay: Map<string, AnalysisRecord[]>;
  } | null = null;

  constructor(
    private readonly db: BackstoryDatabase,
    /** Whether a reproduction under another link counts (not for a backup's exact rows). */
    private readonly reproductions: boolean,
  ) {}

  async find(analysis: Analysis, titleIsStandIn = false): Promise<AnalysisRecord | undefined> {
    const direct =
      (await this.db.analyses.get(analysis.id)) ??
      (await this.db.analyses.where('url').equals(analysis.url).first());
    if (direct) return direct;
    // Indexes answer most writes (a pack imported again); the rest read the library once.
    const scanned = await this.scan();
    const byKey = scanned.byKey.get(articleKey(analysis.url));
    if (byKey || !this.reproductions) return byKey;
    return (
      scanned.byTitle
        .get(analysis.title.toLowerCase())
        ?.find((stored) => outletOf(stored) === outletOf(analysis) || shareAnAuthor(stored, analysis)) ??
      (titleIsStandIn
        ? scanned.byOutletDay.get(outletDay(analysis))?.find((stored) => shareAnAuthor(stored, analysis))
        : undefined)
    );
  }

  /** Keeps the maps true after a write in the same batch. */
  remember(record: AnalysisRecord, replaced?: AnalysisRecord): void {
    if (!this.scanned) return;
    if (replaced) this.forget(replaced);
    this.scanned.byKey.set(articleKey(record.url), record);
    add(this.scanned.byTitle, record.title.toLowerCase(), record);
    add(this.scanned.byOutletDay, outletDay(record), record);
  }

  private forget(record: AnalysisRecord): void {
    const scanned = this.scanned!;
    const key = articleKey(record.url);
    if (scanned.byKey.get(key)?.id === record.id) scanned.byKey.delete(key);
    remove(scanned.byTitle, record.title.toLowerCase(), record.id);
    remove(scanned.byOutletDay, outletDay(record), record.id);
  }

  private async scan() {
    if (this.scanned) return this.scanned;
    this.scanned = { byKey: new Map(), byTitle: new Map(), byOutletDay: new Map() };
    const all = await this.db.analyses.toArray();
    for (const record of all) this.remember(record);
    return this.scanned;
  }
}

function add(map: Map<string, AnalysisRecord[]>, key: string, record: AnalysisRecord) {
  map.set(key, [...(map.get(key) ?? []), record]);
}

function remove(map: Map<string, AnalysisRecord[]>, key: string, id: string) {
  map.set(
    key,
    (map.get(key) ?? []).filter((stored) => stored.id !== id),
  );
}

function validate(incoming: IncomingAnalysis): { analysis: Analysis } | { problem: string[] } {
  const result = analysisSchema.safeParse(incoming.analysis);
  if (result.success) return { analysis: result.data };
  return {
    problem: result.error.issues.map((issue) => `${issue.path.join('.') || 'analysis'}: ${issue.message}`),
  };
}

/** The stored record `incoming` becomes, given the stored duplicate (if any) and the rule. */
function merged(
  incoming: IncomingAnalysis,
  analysis: Analysis,
  stored: AnalysisRecord | undefined,
  rule: MergeRule,
  now: number,
): AnalysisRecord {
  if (rule === 'restore') {
    return { ...analysis, addedAt: incoming.addedAt ?? now, updatedAt: incoming.updatedAt ?? now };
  }
  if (!stored) return { ...analysis, addedAt: now, updatedAt: now };
  if (rule === 'enrich') {
    return {
      ...analysis,
      id: stored.id,
      url: incoming.linkIsStandIn ? stored.url : analysis.url,
      title: incoming.titleIsStandIn ? stored.title : analysis.title,
      keyPoints: stored.keyPoints.length > 0 ? stored.keyPoints : analysis.keyPoints,
      entityIds: [...new Set([...stored.entityIds, ...analysis.entityIds])],
      addedAt: stored.addedAt,
      updatedAt: now,
    };
  }
  return { ...analysis, id: stored.id, addedAt: stored.addedAt, updatedAt: now };
}

/** Whether `db` is opened at a schema version that keeps analyses' texts (4 on; upgrade tests open older ones). */
const keepsTexts = (db: BackstoryDatabase) => db.tables.some((table) => table.name === 'analysisTexts');

/** The tables `writeAnalyses` writes: put them in the caller's transaction. */
export const analysisTables = (db: BackstoryDatabase) =>
  keepsTexts(db) ? [db.analyses, db.analysisTexts] : [db.analyses];

/** Called once the transaction that wrote analyses has committed, with what it wrote. */
export type WriteListener = (report: WriteReport) => void;

const listeners = new WeakMap<BackstoryDatabase, Set<WriteListener>>();

/**
 * Subscribes to every write of analyses to `db`, whichever path it came by (discovery is one
 * subscriber). Returns the unsubscribe function.
 */
export function onAnalysesWritten(db: BackstoryDatabase, listener: WriteListener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Writes `incoming` analyses. Call it inside a read-write transaction on `analysisTables(db)` (the
 * caller's, with the sources and entities it writes), so all is written or nothing. Throws
 * `InvalidInputError` for an invalid analysis unless `skipInvalid`. Subscribers hear of what was
 * added or updated once the transaction commits.
 */
export async function writeAnalyses(
  db: BackstoryDatabase,
  incoming: readonly IncomingAnalysis[],
  { merge, skipInvalid = false, now = Date.now() }: WriteOptions,
): Promise<WriteReport> {
  const report: WriteReport = { ids: [], added: [], updated: [], unchanged: 0, toDiscover: [], skipped: [] };
  const stored = new StoredAnalyses(db, merge !== 'restore');
  for (const item of incoming) {
    const checked = validate(item);
    if ('problem' in checked) {
      if (!skipInvalid) {
        throw new InvalidInputError(`“${item.analysis.title}” cannot be saved.`, checked.problem);
      }
      report.ids.push(null);
      report.skipped.push(`${item.analysis.title}: ${checked.problem.join('; ')}`);
      continue;
    }
    const duplicate = await stored.find(checked.analysis, item.titleIsStandIn);
    if (duplicate && merge === 'keep') {
      report.ids.push(duplicate.id);
      report.unchanged++;
      continue;
    }
    const record = merged(item, checked.analysis, duplicate, merge, now);
    report.ids.push(record.id);
    // A backup restores its rows exactly, stamps too; others leave an unchanged analysis alone.
    if (duplicate && merge !== 'restore' && sameContent(duplicate, record)) {
      report.unchanged++;
      continue;
    }
    // A restored row keeps its own id: the stored duplicate under another id gives way.
    if (duplicate && duplicate.id !== record.id) {
      await db.analyses.delete(duplicate.id);
      if (keepsTexts(db)) await db.analysisTexts.delete(duplicate.id);
    }
    await db.analyses.put(record);
    if (item.text && keepsTexts(db)) await db.analysisTexts.put({ id: record.id, text: item.text });
    stored.remember(record, duplicate);
    (duplicate ? report.updated : report.added).push(record.id);
    if (!item.curated) report.toDiscover.push(record.id);
  }
  const subscribers = listeners.get(db);
  if (subscribers && subscribers.size > 0 && report.toDiscover.length > 0) {
    const transaction = Dexie.currentTransaction;
    const notify = () => {
      for (const listener of subscribers) listener(report);
    };
    if (transaction) transaction.on('complete', notify);
    else queueMicrotask(notify);
  }
  return report;
}
