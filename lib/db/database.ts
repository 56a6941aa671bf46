/**
 * The library database. It lives in the background service worker and extension pages
 * (extension origin); content scripts never import this module (enforced by ESLint).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Analysis, Entity, Source } from '../model/schema';

/** An analysis as stored: the pack record plus bookkeeping times (ms since epoch). */
export interface AnalysisRecord extends Analysis {
  addedAt: number;
  updatedAt: number;
}

/** An actor or event as stored. `hidden` entities are kept but never highlighted. */
export interface EntityRecord extends Entity {
  hidden?: boolean;
  updatedAt: number;
}

/** Where analyses came from (digest, feed, pack, page). */
export interface SourceRecord extends Source {
  addedAt: number;
}

export type ArticleStatus = 'unread' | 'read' | 'archived';

/** A page the reader saved for later. Content is sanitised HTML for offline reading. */
export interface SavedArticleRecord {
  id: string;
  url: string;
  title: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  excerpt?: string;
  leadImageUrl?: string;
  contentHtml?: string;
  wordCount?: number;
  entityIds: string[];
  tags: string[];
  status: ArticleStatus;
  savedAt: number;
  updatedAt: number;
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
 * entry, with an `upgrade` when existing rows need rewriting. Tests open each earlier version,
 * write rows, then open the latest and check nothing was lost (lib/db/database.test.ts).
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

  constructor(name = DATABASE_NAME, upToVersion = Number.POSITIVE_INFINITY) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      if (version > upToVersion) break;
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
