/**
 * The library database. It lives in the background service worker and extension pages
 * (extension origin); content scripts never import this module (enforced by ESLint).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Analysis, Entity, Source } from '../model/schema';
import type { ReadingStatus } from '../model/reading';
import { articleKey } from '../reading/url';

/** An analysis as stored: the pack record plus bookkeeping times (ms since epoch). */
export interface AnalysisRecord extends Analysis {
  addedAt: number;
  updatedAt: number;
}

/**
 * How discovery found an actor or event (lib/background/vocabulary.ts). `proposed` ones wait for the
 * reader and are never highlighted; `discovered` ones were certain enough to add at once;
 * `accepted` ones the reader confirmed.
 */
export interface EntityDiscovery {
  state: 'discovered' | 'proposed' | 'accepted';
  /** The analyses it was found in, first first. */
  analysisIds: string[];
  firstSeenAt: number;
  /** Why it was found ("a state", "named with a title"...). */
  evidence: string[];
  /** What an analysis says it is, as written. */
  quote?: { text: string; analysisId: string };
}

/** An actor or event as stored. `hidden` entities are kept but never highlighted. */
export interface EntityRecord extends Entity {
  hidden?: boolean;
  /** Only on entities discovery added (schema version 4). */
  discovery?: EntityDiscovery;
  updatedAt: number;
}

/** Whether pages highlight an entity: not hidden by the reader, not a proposal waiting for them. */
export const isHighlighted = (entity: EntityRecord): boolean =>
  !entity.hidden && entity.discovery?.state !== 'proposed';

/** The text an analysis was discovered and tagged from (title and body), kept to tag it again. */
export interface AnalysisTextRecord {
  id: string;
  text: string;
}

/** A name the reader rejected: discovery never adds it again. `key` is the folded name. */
export interface RejectedNameRecord {
  key: string;
  name: string;
  rejectedAt: number;
}

/** Where analyses came from (digest, feed, pack, page). */
export interface SourceRecord extends Source {
  addedAt: number;
}

export type ArticleStatus = ReadingStatus;

/**
 * A page the reader saved for later: the list row. Its readable content lives in
 * `articleContents` (same id) so listing 10,000 articles never loads their text.
 */
export interface SavedArticleRecord {
  id: string;
  url: string;
  /** Dedupe key (lib/reading/url.ts): the same article saved again updates this row. */
  key?: string;
  title: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  excerpt?: string;
  leadImageUrl?: string;
  /** Only in schema versions 1–2; version 3 moved it to `articleContents`. */
  contentHtml?: string;
  wordCount?: number;
  readingMinutes?: number;
  entityIds: string[];
  tags: string[];
  status: ArticleStatus;
  savedAt: number;
  updatedAt: number;
  /** 'pending': imported, content not fetched yet; 'failed': the last fetch failed (see fetchError). */
  contentState?: 'pending' | 'saved' | 'failed';
  fetchError?: string;
  /** How far the reader got in the reader view, 0..1. */
  progress?: number;
  /**
   * When the article came into Backstory, if later than `savedAt` (imports keep the old service's
   * save date): "new analyses since you saved it" counts from the later of the two.
   */
  addedAt?: number;
  /** Deleted by the reader at this time; kept a minute for "Undo", then removed. */
  deletedAt?: number;
}

/** The readable content of a saved article (sanitised HTML and plain text), for offline reading. */
export interface ArticleContentRecord {
  id: string;
  contentHtml: string;
  text: string;
}

/** A subscribed feed and its polling state. */
export interface FeedRecord {
  id: string;
  url: string;
  title?: string;
  siteUrl?: string;
  intervalMinutes: number;
  etag?: string;
  lastModified?: string;
  lastFetchedAt?: number;
  lastError?: string;
  /** Why the last poll could not read some items' full articles; not an index, no schema change. */
  articleError?: string;
  /** Consecutive failures, for backoff. */
  failures: number;
  nextPollAt: number;
  addedAt: number;
}

/** One feed item already turned into an analysis, so items are never duplicated. */
export interface FeedItemRecord {
  /** `feedId` + space + the item's guid. */
  key: string;
  feedId: string;
  analysisId: string;
}

/** Whether Backstory reads pages of one site (host without `www.`). */
export interface SiteRecord {
  host: string;
  enabled: boolean;
  updatedAt: number;
}

/** An alias the reader said "Not this" to, on one site or everywhere (`host` = `*`). */
export interface HiddenAliasRecord {
  id?: number;
  entityId: string;
  alias: string;
  host: string;
  createdAt: number;
}

/** Small named values: settings, bookkeeping flags (e.g. which starter pack was installed). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Every schema version, oldest first. A version is never edited once released: a change is a new
 * entry, with an `upgrade` when existing rows need rewriting. Tests write a full library (every
 * table, every field) at each earlier version, open the latest and compare every row with what the
 * upgrades must make of it; planted mistakes show the comparison catches them (lib/db/upgrade.test.ts).
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}> = [
  {
    version: 1,
    stores: {
      // Primary key first; & unique; * multiEntry; [a+b] compound.
      analyses: 'id, &url, *entityIds, publishedAt, sourceId, addedAt',
      entities: 'id, kind, name',
      sources: 'id, kind, url',
      articles: 'id, &url, status, savedAt, publishedAt, [status+savedAt], *tags, *entityIds',
      settings: 'key',
    },
  },
  {
    // Per-site switches and "Not this" choices (highlighting on pages).
    version: 2,
    stores: {
      sites: 'host',
      hiddenAliases: '++id, entityId, host, &[entityId+alias+host]',
    },
  },
  {
    // Feeds, and the reading list's dedupe key; article content moves out of the list rows.
    version: 3,
    stores: {
      articles: 'id, &url, &key, status, savedAt, publishedAt, [status+savedAt], *tags, *entityIds',
      articleContents: 'id',
      feeds: 'id, &url, nextPollAt',
      feedItems: 'key, feedId',
    },
    upgrade: async (tx) => {
      const articles = tx.table<SavedArticleRecord, string>('articles');
      const seen = new Set<string>();
      const duplicates: string[] = [];
      const contents: ArticleContentRecord[] = [];
      const rows: SavedArticleRecord[] = [];
      for (const { contentHtml, ...article } of await articles.toArray()) {
        let key: string;
        try {
          key = articleKey(article.url);
        } catch {
          key = article.url; // Not a web address: it keeps a key of its own.
        }
        // Two rows of one article (e.g. with and without tracking parameters): keep the first.
        if (seen.has(key)) {
          duplicates.push(article.id);
          continue;
        }
        seen.add(key);
        if (contentHtml !== undefined) contents.push({ id: article.id, contentHtml, text: '' });
        rows.push({ ...article, key, contentState: contentHtml === undefined ? 'pending' : 'saved' });
      }
      await articles.bulkDelete(duplicates);
      await articles.bulkPut(rows);
      await tx.table<ArticleContentRecord, string>('articleContents').bulkPut(contents);
    },
  },
  {
    // Discovery: analyses' texts (to tag them again when the vocabulary grows), rejected names.
    // Entities gain an optional `discovery` field: no row needs rewriting.
    version: 4,
    stores: {
      analysisTexts: 'id',
      rejectedNames: 'key',
    },
  },
];

export const DATABASE_NAME = 'backstory';

/** The typed Dexie database. Pass `upToVersion` only in upgrade tests. */
export class BackstoryDatabase extends Dexie {
  analyses!: EntityTable<AnalysisRecord, 'id'>;
  entities!: EntityTable<EntityRecord, 'id'>;
  sources!: EntityTable<SourceRecord, 'id'>;
  articles!: EntityTable<SavedArticleRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  sites!: EntityTable<SiteRecord, 'host'>;
  hiddenAliases!: EntityTable<HiddenAliasRecord, 'id'>;
  articleContents!: EntityTable<ArticleContentRecord, 'id'>;
  feeds!: EntityTable<FeedRecord, 'id'>;
  feedItems!: EntityTable<FeedItemRecord, 'key'>;
  analysisTexts!: EntityTable<AnalysisTextRecord, 'id'>;
  rejectedNames!: EntityTable<RejectedNameRecord, 'key'>;

  constructor(name = DATABASE_NAME, upToVersion = Number.POSITIVE_INFINITY) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      if (version > upToVersion) break;
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
