/**
 * A full library for tests: every table the schema declares, every field of every row filled.
 * It is typed by the record schemas (lib/model/records.ts), one `Required` row per table, so a
 * table or a field added to a record and left out here does not compile. Used by the upgrade tests
 * (lib/db/upgrade.test.ts), the backup round trip and the records' conventions test.
 */
import type {
  AnalysisRecord,
  AnalysisTextRecord,
  ArticleContentRecord,
  EntityRecord,
  FeedItemRecord,
  FeedRecord,
  HiddenAliasRecord,
  RecordOf,
  RejectedNameRecord,
  SavedArticleRecord,
  SettingRecord,
  SiteRecord,
  SourceRecord,
  TableName,
} from '../model/records';
import { articleKey } from '../reading/url';
import { SCHEMA_VERSIONS, type LegacySavedArticleRecord } from './database';

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
const legacyArticle: Required<LegacySavedArticleRecord> = {
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
  contentHtml: '<p>A story</p>',
};
/** The article as version 3 made it: its HTML moved to `articleContents`, a key and a content state. */
const { contentHtml: _movedToContents, ...articleFields } = legacyArticle;
const article: Required<SavedArticleRecord> = {
  ...articleFields,
  key: articleKey(articleFields.url),
  contentState: 'saved',
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
export const content: Required<ArticleContentRecord> = {
  id: 'article-1',
  contentHtml: legacyArticle.contentHtml,
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
export function tablesAt(version: number): string[] {
  return [
    ...new Set(SCHEMA_VERSIONS.filter((v) => v.version <= version).flatMap((v) => Object.keys(v.stores))),
  ];
}

/** One row per table of the latest version, every field filled. */
export const fullLibrary: { [T in TableName]: [Required<RecordOf<T>>] } = {
  analyses: [analysis],
  entities: [entity],
  sources: [source],
  articles: [article],
  articleContents: [content],
  feeds: [feed],
  feedItems: [feedItem],
  sites: [site],
  hiddenAliases: [hiddenAlias],
  settings: [setting],
  analysisTexts: [analysisText],
  rejectedNames: [rejectedName],
};

/** Every table of a library written at `version`, every field filled, as that version stored it. */
export function fullLibraryAt(version: number): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {
    ...fullLibrary,
    articles: [version < 3 ? legacyArticle : article],
  };
  return Object.fromEntries(tablesAt(version).map((table) => [table, rows[table]!]));
}
