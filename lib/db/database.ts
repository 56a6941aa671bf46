/**
 * The library database. It lives in the background service worker and extension pages
 * (extension origin); content scripts never import this module (enforced by ESLint).
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  AnalysisRecord,
  AnalysisTextRecord,
  ArticleContentRecord,
  EntityRecord,
  FeedItemRecord,
  FeedRecord,
  HiddenAliasRecord,
  RejectedNameRecord,
  SavedArticleRecord,
  SettingRecord,
  SiteRecord,
  SourceRecord,
} from '../model/records';
import { articleKey } from '../reading/url';

/** Whether pages highlight an entity: not hidden by the reader, not a proposal waiting for them. */
export const isHighlighted = (entity: EntityRecord): boolean =>
  !entity.hidden && entity.discovery?.state !== 'proposed';

/**
 * A saved article as schema versions 1–2 stored it: its HTML in the row, no dedupe key or content
 * state yet. Only the version 3 upgrade reads it.
 */
export type LegacySavedArticleRecord = Omit<SavedArticleRecord, 'key' | 'contentState'> & {
  contentHtml?: string;
};

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
      const articles = tx.table<LegacySavedArticleRecord, string>('articles');
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
