/**
 * The library as stored: one zod schema per table of the database, and the limits and enums they
 * use, written once. The Dexie table types (lib/db/database.ts), the backup's validation
 * (lib/background/backup.ts) and the views (./views.ts) all derive from these; a conventions test
 * (lib/db/records.test.ts) checks every table of the latest schema version has one.
 */
import { z } from 'zod';
import { readingStatuses, tagSchema } from './reading';
import { analysisSchema, entitySchema, idSchema, sourceSchema, webUrlSchema } from './schema';

/** A moment, in ms since the epoch. */
const time = z.number().int().nonnegative();

/** How often a feed is polled, in minutes: from every five minutes to once a week. */
export const feedIntervalSchema = z
  .int()
  .min(5)
  .max(7 * 24 * 60);

/**
 * How discovery found an actor or event (lib/background/vocabulary.ts). `proposed` ones wait for
 * the reader and are never highlighted; `discovered` ones were certain enough to add at once;
 * `accepted` ones the reader confirmed.
 */
export const discoveryStates = ['discovered', 'proposed', 'accepted'] as const;

/** Where a saved article's readable content is: 'pending' (imported, not fetched yet), 'saved', 'failed'. */
export const contentStates = ['pending', 'saved', 'failed'] as const;

/** An analysis as stored: the pack record plus bookkeeping times. */
export const analysisRecordSchema = analysisSchema.extend({ addedAt: time, updatedAt: time });

/** How discovery found an actor or event (schema version 4). */
export const entityDiscoverySchema = z.strictObject({
  state: z.enum(discoveryStates),
  /** The analyses it was found in, first first. */
  analysisIds: z.array(idSchema).max(10_000),
  firstSeenAt: time,
  /** Why it was found ("a state", "named with a title"...). */
  evidence: z.array(z.string().max(200)).max(20),
  /** What an analysis says it is, as written. */
  quote: z.strictObject({ text: z.string().max(400), analysisId: idSchema }).optional(),
});

/** An actor or event as stored. `hidden` entities are kept but never highlighted. */
export const entityRecordSchema = entitySchema.safeExtend({
  hidden: z.boolean().optional(),
  /** Only on entities discovery added. */
  discovery: entityDiscoverySchema.optional(),
  updatedAt: time,
});

/** Where analyses came from (digest, feed, pack, page). */
export const sourceRecordSchema = sourceSchema.extend({ addedAt: time });

/**
 * A page the reader saved for later: the list row. Its readable content lives in
 * `articleContents` (same id) so listing 10,000 articles never loads their text.
 */
export const savedArticleRecordSchema = z.strictObject({
  id: idSchema,
  url: webUrlSchema,
  /** Dedupe key (lib/reading/url.ts): the same article saved again updates this row. */
  key: z.string().max(4096),
  title: z.string().max(1000),
  byline: z.string().max(1000).optional(),
  siteName: z.string().max(300).optional(),
  publishedAt: z.string().max(100).optional(),
  excerpt: z.string().max(5000).optional(),
  leadImageUrl: webUrlSchema.optional(),
  wordCount: z.number().int().nonnegative().optional(),
  readingMinutes: z.number().int().nonnegative().optional(),
  entityIds: z.array(idSchema).max(500),
  tags: z.array(tagSchema).max(100),
  status: z.enum(readingStatuses),
  savedAt: time,
  /**
   * When the article came into Backstory, if later than `savedAt` (imports keep the old service's
   * save date): "new analyses since you saved it" counts from the later of the two.
   */
  addedAt: time.optional(),
  updatedAt: time,
  contentState: z.enum(contentStates).optional(),
  /** Why the last fetch failed (`contentState` 'failed'). */
  fetchError: z.string().max(1000).optional(),
  /** How far the reader got in the reader view, 0..1. */
  progress: z.number().min(0).max(1).optional(),
  /** Deleted by the reader at this time; kept a minute for "Undo", then removed (a backup keeps it). */
  deletedAt: time.optional(),
});

/** The readable content of a saved article (sanitised HTML and plain text), for offline reading. */
export const articleContentRecordSchema = z.strictObject({
  id: idSchema,
  contentHtml: z.string().max(5_000_000),
  text: z.string().max(2_000_000),
});

/** A subscribed feed and its polling state. */
export const feedRecordSchema = z.strictObject({
  id: idSchema,
  url: webUrlSchema,
  title: z.string().max(400).optional(),
  siteUrl: z.string().max(2048).optional(),
  intervalMinutes: feedIntervalSchema,
  etag: z.string().max(1000).optional(),
  lastModified: z.string().max(200).optional(),
  lastFetchedAt: time.optional(),
  lastError: z.string().max(1000).optional(),
  /** Why the last poll could not read some items' full articles; not an index, no schema change. */
  articleError: z.string().max(1000).optional(),
  /** Consecutive failures, for backoff. */
  failures: z.int().min(0),
  nextPollAt: time,
  addedAt: time,
});

/** One feed item already turned into an analysis, so items are never duplicated. */
export const feedItemRecordSchema = z.strictObject({
  /** `feedId` + space + the item's guid. */
  key: z.string().min(1).max(4200),
  feedId: idSchema,
  analysisId: idSchema,
});

/** Whether Backstory reads pages of one site (host without `www.`). */
export const siteRecordSchema = z.strictObject({
  host: z.string().min(1).max(300),
  enabled: z.boolean(),
  updatedAt: time,
});

/** An alias the reader said "Not this" to, on one site or everywhere (`host` = `*`). */
export const hiddenAliasRecordSchema = z.strictObject({
  /** The table's own counter: numbered afresh where a backup is restored. */
  id: z.int().optional(),
  entityId: idSchema,
  alias: z.string().min(1).max(200),
  host: z.string().min(1).max(300),
  createdAt: time,
});

/** Small named values: settings, bookkeeping flags (e.g. which starter pack was installed). */
export const settingRecordSchema = z.strictObject({ key: z.string().min(1).max(200), value: z.unknown() });

/** The text an analysis was discovered and tagged from (title and body), kept to tag it again. */
export const analysisTextRecordSchema = z.strictObject({ id: idSchema, text: z.string().max(2_000_000) });

/** A name the reader rejected: discovery never adds it again. `key` is the folded name. */
export const rejectedNameRecordSchema = z.strictObject({
  key: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  rejectedAt: time,
});

/** Every table of the database and the schema of its rows. */
export const recordSchemas = {
  analyses: analysisRecordSchema,
  entities: entityRecordSchema,
  sources: sourceRecordSchema,
  articles: savedArticleRecordSchema,
  articleContents: articleContentRecordSchema,
  feeds: feedRecordSchema,
  feedItems: feedItemRecordSchema,
  sites: siteRecordSchema,
  hiddenAliases: hiddenAliasRecordSchema,
  settings: settingRecordSchema,
  analysisTexts: analysisTextRecordSchema,
  rejectedNames: rejectedNameRecordSchema,
} as const;

export type TableName = keyof typeof recordSchemas;
/** A row of `table` as stored. */
export type RecordOf<T extends TableName> = z.output<(typeof recordSchemas)[T]>;

export type AnalysisRecord = RecordOf<'analyses'>;
export type EntityDiscovery = z.output<typeof entityDiscoverySchema>;
export type EntityRecord = RecordOf<'entities'>;
export type SourceRecord = RecordOf<'sources'>;
export type SavedArticleRecord = RecordOf<'articles'>;
export type ArticleContentRecord = RecordOf<'articleContents'>;
export type FeedRecord = RecordOf<'feeds'>;
export type FeedItemRecord = RecordOf<'feedItems'>;
export type SiteRecord = RecordOf<'sites'>;
export type HiddenAliasRecord = RecordOf<'hiddenAliases'>;
export type SettingRecord = RecordOf<'settings'>;
export type AnalysisTextRecord = RecordOf<'analysisTexts'>;
export type RejectedNameRecord = RecordOf<'rejectedNames'>;
