/**
 * Upgrade tests that bite: a full library (every table that version had, every field of every row)
 * is written at each earlier schema version, the latest version opens it, and every row of every
 * table is compared with what the upgrades must make of it. Record types are `Required<...>`, so a
 * field added to a record and left out here does not compile.
 */
import { Dexie, type Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { articleKey } from '../reading/url';
import {
  BackstoryDatabase,
  SCHEMA_VERSIONS,
  type AnalysisRecord,
  type AnalysisTextRecord,
  type ArticleContentRecord,
  type EntityRecord,
  type FeedItemRecord,
  type FeedRecord,
  type HiddenAliasRecord,
  type RejectedNameRecord,
  type SavedArticleRecord,
  type SettingRecord,
  type SiteRecord,
  type SourceRecord,
} from './database';
import { freshDatabase } from './test-helpers';

const analysis: Required<AnalysisRecord> = {
  id: 'ross-2016',
  url: 'https://news.example/ross',
  title: 'What the envoy is up to',
  authors: [{ name: 'Dana Ross', credentials: 'a former envoy' }],
  outlet: 'The Example Times',
  publishedAt: '2016-02-09',
  summary: 'A summary written by us.',
  keyPoints: ['One point', 'Another point'],
  entityIds: ['turkey', 'geneva-talks'],
  sourceId: 'digest-1',
  language: 'en',
  addedAt: 11,
  updatedAt: 12,
};
const entity: Required<EntityRecord> = {
  id: 'turkey',
  kind: 'actor',
  category: 'state',
  name: 'Turkey',
  description: 'A state.',
  aliases: [
    { text: 'Türkiye', caseSensitive: true },
    { text: 'Ankara', ambiguous: true },
  ],
  related: ['geneva-talks'],
  hidden: true,
  discovery: {
    state: 'accepted',
    analysisIds: ['ross-2016'],
    firstSeenAt: 13,
    evidence: ['a state'],
    quote: { text: 'Turkey, a state', analysisId: 'ross-2016' },
  },
  updatedAt: 14,
};
const source: Required<SourceRecord> = {
  id: 'digest-1',
  kind: 'digest',
  title: 'A digest',
  publisher: 'The Example Digest',
  url: 'https://digest.example/1',
  publishedAt: '2016-02-11',
  description: 'Three op-eds.',
  addedAt: 15,
};
const articleFields: Omit<Required<SavedArticleRecord>, 'key' | 'contentHtml' | 'contentState'> = {
  id: 'article-1',
  url: 'https://www.news.example/story/?utm_source=feed',
  title: 'A story',
  byline: 'Jo Writer',
  siteName: 'News Example',
  publishedAt: '2016-02-10',
  excerpt: 'An excerpt.',
  leadImageUrl: 'https://news.example/lead.jpg',
  wordCount: 900,
  readingMinutes: 4,
  entityIds: ['turkey'],
  tags: ['syria', 'later'],
  status: 'archived',
  savedAt: 16,
  updatedAt: 17,
  fetchError: 'The site did not answer.',
  progress: 0.4,
  addedAt: 18,
  deletedAt: 19,
};
const setting: Required<SettingRecord> = { key: 'highlightMode', value: { mode: 'every', since: 20 } };
const site: Required<SiteRecord> = { host: 'news.example', enabled: false, updatedAt: 21 };
const hiddenAlias: Required<HiddenAliasRecord> = {
  id: 7,
  entityId: 'turkey',
  alias: 'Turkey',
  host: 'novel.example',
  createdAt: 22,
};
const content: Required<ArticleContentRecord> = {
  id: 'article-1',
  contentHtml: '<p>A story</p>',
  text: 'A story',
};
const feed: Required<FeedRecord> = {
  id: 'feed-1',
  url: 'https://feeds.example/rss',
  title: 'A feed',
  siteUrl: 'https://feeds.example/',
  intervalMinutes: 60,
  etag: '"abc"',
  lastModified: 'Wed, 10 Feb 2016 10:00:00 GMT',
  lastFetchedAt: 23,
  lastError: 'Timed out.',
  articleError: 'Could not read one article.',
  failures: 2,
  nextPollAt: 24,
  addedAt: 25,
};
const feedItem: Required<FeedItemRecord> = {
  key: 'feed-1 guid-1',
  feedId: 'feed-1',
  analysisId: 'ross-2016',
};
const analysisText: Required<AnalysisTextRecord> = { id: 'ross-2016', text: 'The text of the analysis.' };
const rejectedName: Required<RejectedNameRecord> = { key: 'readers', name: 'Readers', rejectedAt: 26 };

/** The tables each version declares, added up: what a library written at `version` holds. */
function tablesAt(version: number): string[] {
  return [
    ...new Set(SCHEMA_VERSIONS.filter((v) => v.version <= version).flatMap((v) => Object.keys(v.stores))),
  ];
}

/** Every table of a library written at `version`, every field filled, as that version stored it. */
function fullLibraryAt(version: number): Record<string, unknown[]> {
  const article =
    version < 3
      ? { ...articleFields, contentHtml: content.contentHtml }
      : { ...articleFields, key: articleKey(articleFields.url), contentState: 'saved' };
  const rows: Record<string, unknown[]> = {
    analyses: [analysis],
    entities: [entity],
    sources: [source],
    articles: [article],
    settings: [setting],
    sites: [site],
    hiddenAliases: [hiddenAlias],
    articleContents: [content],
    feeds: [feed],
    feedItems: [feedItem],
    analysisTexts: [analysisText],
    rejectedNames: [rejectedName],
  };
  return Object.fromEntries(tablesAt(version).map((table) => [table, rows[table]!]));
}

/** What the latest version must hold after upgrading a full library written at `version`. */
function expectedAfterUpgrade(version: number): Record<string, unknown[]> {
  const latest = fullLibraryAt(SCHEMA_VERSIONS.at(-1)!.version);
  const expected: Record<string, unknown[]> = Object.fromEntries(
    Object.keys(latest).map((table) => [table, []]),
  );
  for (const [table, rows] of Object.entries(fullLibraryAt(version))) expected[table] = rows;
  if (version < 3) {
    // Version 3 computed the dedupe key and moved the article's HTML beside the row (its text is
    // extracted later, so it starts empty).
    expected.articles = latest.articles!;
    expected.articleContents = [{ ...content, text: '' }];
  }
  return expected;
}

describe('upgrades from every earlier schema version', () => {
  it('the latest version\u2019s fixture fills every table the schema declares', () => {
    const latest = SCHEMA_VERSIONS.at(-1)!.version;
    const db = new BackstoryDatabase('unopened', latest);
    expect(Object.keys(fullLibraryAt(latest)).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  for (const { version } of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`keeps every row and field of a full library written at version ${version}`, async () => {
      expect(await upgradedLibrary(version)).toEqual(expectedAfterUpgrade(version));
    });
  }

  // The mistakes an upgrade could plausibly make, each planted in the version 3 upgrade: each must
  // make the comparison above fail for a library written before it.
  const plants: Record<string, (tx: Transaction) => Promise<unknown>> = {
    'drops the sites': (tx) => tx.table('sites').clear(),
    'drops the hidden aliases': (tx) => tx.table('hiddenAliases').clear(),
    'drops the sources': (tx) => tx.table('sources').clear(),
    'drops the aliases': (tx) =>
      tx
        .table('entities')
        .toCollection()
        .modify((row: EntityRecord) => void (row.aliases = [])),
    'loses the settings': (tx) => tx.table('settings').clear(),
    'loses an article\u2019s status': (tx) =>
      tx
        .table('articles')
        .toCollection()
        .modify((row: SavedArticleRecord) => void (row.status = 'unread')),
    'loses reading progress': (tx) =>
      tx
        .table('articles')
        .toCollection()
        .modify((row: SavedArticleRecord) => void delete row.progress),
    'loses the saved content': (tx) => tx.table('articleContents').clear(),
  };
  for (const [mistake, plant] of Object.entries(plants)) {
    it(`fails when the version 3 upgrade ${mistake}`, async () => {
      expect(await upgradedLibrary(2, plant)).not.toEqual(expectedAfterUpgrade(2));
    });
  }
});

/**
 * Writes a full library at `version`, opens it at the latest version and reads every table back.
 * `plant` runs at the end of the version 3 upgrade (to show the comparison catches its mistake).
 */
async function upgradedLibrary(
  version: number,
  plant?: (tx: Transaction) => Promise<unknown>,
): Promise<Record<string, unknown[]>> {
  const old = freshDatabase(version);
  for (const [table, rows] of Object.entries(fullLibraryAt(version))) await old.table(table).bulkAdd(rows);
  old.close();
  const latest = plant ? new Dexie(old.name) : new BackstoryDatabase(old.name);
  if (plant) {
    for (const { version: v, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = latest.version(v).stores(stores);
      if (v === 3)
        declared.upgrade(async (tx) => {
          await upgrade!(tx);
          await plant(tx);
        });
      else if (upgrade) declared.upgrade(upgrade);
    }
  }
  await latest.open();
  const stored: Record<string, unknown[]> = {};
  for (const table of latest.tables) stored[table.name] = await table.toArray();
  latest.close();
  return stored;
}
