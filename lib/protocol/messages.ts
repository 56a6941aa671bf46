/**
 * The one message protocol between content scripts, extension pages and the background.
 * Each entry names who may send it, the shape of its data (validated in the background before
 * any handler runs) and, through `returns<T>()`, the type of its reply.
 * The background has exactly one handler per entry (lib/background/handlers.ts).
 */
import { z } from 'zod';
import type { Entity, EntityKind } from '../model/schema';
import { displaySettingsSchema, type DisplaySettings } from '../model/settings';
import type { ImportReport } from '../model/import-report';
import type { CandidateEntity, PageExtract } from '../model/extract';
import { feedIntervalSchema, type AnalysisRecord } from '../model/records';
import { MAX_PART_CHARS } from './backup-parts';
import { readingItemSchema, readingStatuses, tagSchema } from '../model/reading';
import {
  actorCategories,
  aliasSchema,
  analysisSchema,
  authorSchema,
  entitySchema,
  eventCategories,
  idSchema,
} from '../model/schema';
import type { AdvertisedFeed, BackupPreview, EntityRow, FeedRow, ReadingRow } from '../model/views';

/** Where a message may come from: a content script in a web page, or an extension page. */
export type SenderKind = 'content' | 'extension';

interface MessageSpec<Request extends z.ZodType, Response> {
  request: Request;
  from: readonly SenderKind[];
  /** Phantom: carries the reply type; never set at run time. */
  response?: Response;
}

function message<Request extends z.ZodType>(spec: { request: Request; from: readonly SenderKind[] }) {
  return { returns: <Response>(): MessageSpec<Request, Response> => spec };
}

/** What the library holds, per table. */
export interface LibraryStats {
  analyses: number;
  entities: number;
  sources: number;
  articles: number;
}

/** An analysis as shown in lists: the record without its last change's time. */
export type AnalysisView = Omit<AnalysisRecord, 'updatedAt'>;

/** The entity data a page needs to find mentions. */
/** What a page needs of an entity to find it (the hover card asks for the rest: `entity.card`). */
export type CatalogEntity = Pick<Entity, 'id' | 'kind' | 'name' | 'aliases' | 'related'>;

/** How a page's scan went, for the 50 ms main-thread budget and diagnostics. */
export interface ScanStats {
  /** From scan start to highlights set, in ms. */
  scanMs: number;
  /** The longest piece of synchronous work (compiling, a chunk of scanning, highlighting), in ms. */
  longestTaskMs: number;
}

/** What the content script found on a page, kept per tab by the background. */
export interface PageState {
  url: string;
  title: string;
  /** The page's declared publication date, when it has one. */
  publishedAt?: string;
  /** False when Backstory is off on this site or paused. */
  active: boolean;
  mentions: Array<{
    entityId: string;
    name: string;
    kind: EntityKind;
    count: number;
    inTitle?: boolean;
    inLead?: boolean;
  }>;
  stats?: ScanStats;
  /** Feeds the page advertises (`<link rel="alternate">`), for one-click subscribing. */
  feeds?: AdvertisedFeed[];
  /** The page is in the reading list. */
  saved?: boolean;
  /**
   * What the tab's frames (ads, embeds) reported, by frame id; `mentions` includes them. A frame's
   * report never replaces the top page's.
   */
  frames?: Record<string, PageMention[]>;
  /** With `frames`: the top page's own mentions. */
  topMentions?: PageMention[];
  reportedAt: number;
}

/** One actor or event a page mentions, as the tab's state lists it. */
export type PageMention = PageState['mentions'][number];

/** Everything a page needs to find and highlight mentions. */
export interface PageSetup {
  /** False when the reader switched Backstory off on this site or paused it everywhere. */
  active: boolean;
  siteEnabled: boolean;
  settings: DisplaySettings;
  entities: CatalogEntity[];
  /** Aliases hidden on this site or everywhere. */
  hidden: Array<{ entityId: string; alias: string }>;
}

/** The hover card's content for one actor or event. */
export interface EntityCard {
  entity: Pick<Entity, 'id' | 'kind' | 'category' | 'name' | 'description'>;
  /** How many analyses in the library discuss it. */
  analysisCount: number;
  /** The best three for this page: most shared actors and events with the page, then newest. */
  top: AnalysisView[];
}

/** Whether Backstory reads a site, and the global pause. */
export interface SiteStatus {
  host: string | null;
  enabled: boolean;
  paused: boolean;
}

const mentionSchema = z.strictObject({
  entityId: z.string().min(1).max(120),
  count: z.int().min(1).max(1_000_000),
  inTitle: z.boolean().optional(),
  inLead: z.boolean().optional(),
});

/** An analysis ranked for a page (docs/ranking.md). */
export interface RankedAnalysis {
  analysis: AnalysisView;
  score: number;
  /** The page's actors and events it discusses, weightiest first. */
  matched: string[];
  badge: 'older' | 'later' | null;
}

/** Everything the side panel shows for one tab. */
export interface PanelView {
  page: PageState | null;
  site: SiteStatus | null;
  /** The actor or event the reader focused (hover card, chip), if any. */
  focus: string | null;
  /** Analyses sharing actors or events with the page, best first (filtered by `focus`). */
  ranked: RankedAnalysis[];
  /** Other analyses in the library, newest first. */
  others: AnalysisView[];
  totalAnalyses: number;
  /** Display names of every actor and event the shown analyses discuss. */
  names: Record<string, string>;
}

const advertisedFeedSchema = z.strictObject({
  url: z.string().url().max(2048),
  title: z.string().max(300).optional(),
});

const draftSchema = z.strictObject({
  url: analysisSchema.shape.url,
  title: analysisSchema.shape.title,
  authors: z.array(authorSchema).min(1).max(20),
  outlet: analysisSchema.shape.outlet,
  publishedAt: z.union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })]),
  summary: analysisSchema.shape.summary,
  keyPoints: z.array(z.string().trim().min(1).max(600)).max(10),
  entityIds: z.array(idSchema).max(500),
});

/** Names one backup upload or export while its parts travel. */
const transferIdSchema = z.string().min(1).max(100);

const readingViewSchema = z.enum(['unread', 'archived', 'all']);

/** What a saved article's reader view needs. */
export interface ReadingArticle {
  row: ReadingRow;
  contentHtml: string | null;
  /** Analyses added after saving that discuss the article's actors or events, newest first. */
  newAnalyses: AnalysisView[];
  names: Record<string, string>;
}

/** What an import into the reading list did. */
export interface ReadingImportReport {
  added: number;
  updated: number;
  skipped: number;
}

/** The result of "Add this page as an analysis": a draft to edit, and what the library already knows. */
/** An actor or event the reader adds from a page's proposed names. */
const newEntitySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(160),
    kind: z.enum(['actor', 'event']).default('actor'),
    category: z.enum([...actorCategories, ...eventCategories]),
    aliases: z.array(aliasSchema).max(50).default([]),
  })
  .refine(
    (entity) =>
      (entity.kind === 'actor' ? (actorCategories as readonly string[]) : eventCategories).includes(
        entity.category as never,
      ),
    { message: 'category does not fit the kind', path: ['category'] },
  );

export interface PageDraft {
  extract: PageExtract;
  /** Known actors and events found in the article (the content script's matcher). */
  entityIds: string[];
  /** Actors and events the article names that the library does not know yet (lib/discovery). */
  candidates: CandidateEntity[];
  /** The analysis already stored for this page's canonical URL, if any. */
  existing: { id: string; title: string } | null;
}

export const protocol = {
  /** Counts of analyses, entities, sources and saved articles in the library. */
  'library.stats': message({
    request: z.strictObject({}),
    from: ['content', 'extension'],
  }).returns<LibraryStats>(),

  /** Analyses, newest first, a page at a time. */
  'analyses.list': message({
    request: z.strictObject({
      limit: z.int().min(1).max(500).default(50),
      offset: z.int().min(0).default(0),
    }),
    from: ['extension'],
  }).returns<{ total: number; items: AnalysisView[] }>(),

  /** A page asks what to look for: settings, whether its site is on, the catalog, hidden aliases. */
  'page.setup': message({
    request: z.strictObject({ url: z.string().max(4096) }),
    from: ['content', 'extension'],
  }).returns<PageSetup>(),

  /** A content script reports the mentions it found on its page (tab taken from the sender). */
  'page.report': message({
    request: z.strictObject({
      url: z.string().max(4096),
      title: z.string().max(1000),
      publishedAt: z.string().max(100).optional(),
      active: z.boolean().default(true),
      mentions: z.array(mentionSchema).max(10_000),
      stats: z
        .strictObject({ scanMs: z.number().min(0).max(1e7), longestTaskMs: z.number().min(0).max(1e7) })
        .optional(),
      feeds: z.array(advertisedFeedSchema).max(20).optional(),
    }),
    from: ['content', 'extension'],
  }).returns<PageState>(),

  /** The hover card of one actor or event, with the analyses best for the page it is on. */
  'entity.card': message({
    request: z.strictObject({
      entityId: z.string().min(1).max(120),
      pageEntityIds: z.array(z.string().max(120)).max(5000).default([]),
    }),
    from: ['content', 'extension'],
  }).returns<EntityCard>(),

  /** "Not this": stop highlighting an alias of an entity on one site or everywhere. */
  'alias.hide': message({
    request: z.strictObject({
      entityId: z.string().min(1).max(120),
      alias: z.string().trim().min(1).max(200),
      scope: z.enum(['site', 'everywhere']),
      url: z.string().max(4096),
    }),
    from: ['content', 'extension'],
  }).returns<{ hidden: true }>(),

  /** Whether Backstory reads the site of `url`, and whether it is paused everywhere. */
  'site.status': message({
    request: z.strictObject({ url: z.string().max(4096) }),
    from: ['content', 'extension'],
  }).returns<SiteStatus>(),

  /** Switches Backstory on or off for the site of `url`; open pages follow at once. */
  'site.set': message({
    request: z.strictObject({ url: z.string().max(4096), enabled: z.boolean() }),
    from: ['extension'],
  }).returns<SiteStatus>(),

  /** The reader's display settings. */
  'settings.get': message({
    request: z.strictObject({}),
    from: ['content', 'extension'],
  }).returns<DisplaySettings>(),

  /** Changes display settings (any subset); open pages follow at once. */
  'settings.set': message({
    request: z.strictObject({ changes: displaySettingsSchema.partial().strict() }),
    from: ['extension'],
  }).returns<DisplaySettings>(),

  /** Opens the side panel on the sender's tab, focused on one actor or event. */
  'panel.open': message({
    request: z.strictObject({ entityId: z.string().min(1).max(120).optional() }),
    from: ['content', 'extension'],
  }).returns<{ opened: boolean }>(),

  /** The last report from a tab's page, or null when its page reported nothing. */
  'tab.state': message({
    request: z.strictObject({ tabId: z.int().min(0) }),
    from: ['extension'],
  }).returns<PageState | null>(),

  /** The side panel's content for a tab: its page, site switch, ranked analyses. */
  'panel.view': message({
    request: z.strictObject({
      tabId: z.int().min(0),
      focus: z.string().max(120).nullable().optional(),
      limit: z.int().min(1).max(500).default(50),
    }),
    from: ['extension'],
  }).returns<PanelView>(),

  /** Scrolls a tab's page to the first mention of an actor or event and flashes it. */
  'page.reveal': message({
    request: z.strictObject({ tabId: z.int().min(0), entityId: z.string().min(1).max(120) }),
    from: ['extension'],
  }).returns<{ sent: boolean }>(),

  /** Full-text search over the library: titles, summaries, key points, authors, outlets, entity names. */
  'library.search': message({
    request: z.strictObject({ query: z.string().max(500), limit: z.int().min(1).max(200).default(30) }),
    from: ['extension'],
  }).returns<{ total: number; items: AnalysisView[]; names: Record<string, string> }>(),

  /** Validates pack text (JSON) and imports it all or nothing. */
  'pack.import': message({
    request: z.strictObject({ text: z.string().max(25 * 1024 * 1024) }),
    from: ['extension'],
  }).returns<ImportReport>(),

  /** Reads the tab's page (Readability on a copy, metadata, summary, actors found) as a draft analysis. */
  'page.extract': message({
    request: z.strictObject({ tabId: z.int().min(0) }),
    from: ['extension'],
  }).returns<PageDraft>(),

  /** Saves an analysis the reader reviewed; the same canonical URL updates instead of doubling. */
  'analysis.save': message({
    request: z.strictObject({
      draft: draftSchema,
      /** Names the reader ticked: added to the library at once. */
      newActors: z.array(newEntitySchema).max(50).default([]),
      /** Names the reader left unticked: proposed, waiting in the manager. */
      proposals: z.array(newEntitySchema).max(100).default([]),
      /** The article's text, kept to tag the analysis again when the vocabulary grows. */
      text: z.string().max(2_000_000).optional(),
    }),
    from: ['extension'],
  }).returns<{ id: string; created: boolean }>(),

  /** Deletes an analysis from the library. */
  'analysis.delete': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<{ deleted: boolean }>(),

  /** Splits a digest (editor's introduction plus pieces) into analyses, all or nothing. */
  'digest.import': message({
    request: z.strictObject({
      text: z
        .string()
        .min(1)
        .max(5 * 1024 * 1024),
      url: z.string().max(2048).optional(),
    }),
    from: ['extension'],
  }).returns<ImportReport>(),

  /** Every actor and event, with how many analyses discuss each. */
  'entities.list': message({
    request: z.strictObject({}),
    from: ['extension'],
  }).returns<EntityRow[]>(),

  /** Creates or updates an actor or event; open pages rescan. */
  'entity.save': message({
    request: z.strictObject({ entity: entitySchema }),
    from: ['extension'],
  }).returns<EntityRow>(),

  /** Hides or shows an actor or event everywhere. */
  'entity.hide': message({
    request: z.strictObject({ id: idSchema, hidden: z.boolean() }),
    from: ['extension'],
  }).returns<EntityRow>(),

  /** Deletes an actor or event; analyses keep their other tags. */
  'entity.delete': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<{ deleted: boolean }>(),

  /** Accepts a proposed actor or event: pages highlight it from now on. */
  'entity.accept': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<EntityRow>(),

  /** Rejects a discovered or proposed name: it is deleted and never discovered again. */
  'entity.reject': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<{ rejected: boolean }>(),

  /** Merges `mergeId` into `keepId`: aliases, relations, analyses and hidden aliases move over. */
  'entity.merge': message({
    request: z.strictObject({ keepId: idSchema, mergeId: idSchema }),
    from: ['extension'],
  }).returns<EntityRow>(),

  /** Subscribed feeds with their polling state. */
  'feeds.list': message({
    request: z.strictObject({}),
    from: ['extension'],
  }).returns<FeedRow[]>(),

  /** Subscribes to a feed (the page asked for host permission first) and polls it at once. */
  'feed.subscribe': message({
    request: z.strictObject({ url: z.string().max(2048), intervalMinutes: feedIntervalSchema.default(60) }),
    from: ['extension'],
  }).returns<FeedRow>(),

  /** Changes how often a feed is polled. */
  'feed.update': message({
    request: z.strictObject({ id: idSchema, intervalMinutes: feedIntervalSchema }),
    from: ['extension'],
  }).returns<FeedRow>(),

  /** Stops polling a feed; analyses that came from it stay. */
  'feed.unsubscribe': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<{ removed: boolean }>(),

  /** Polls a feed now. */
  'feed.poll': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<FeedRow>(),

  /** Subscribes to every feed of an OPML file (already-subscribed ones are skipped). */
  'opml.import': message({
    request: z.strictObject({ text: z.string().max(5 * 1024 * 1024) }),
    from: ['extension'],
  }).returns<{ added: number; skipped: number; origins: string[] }>(),

  /** The subscribed feeds as OPML. */
  'opml.export': message({
    request: z.strictObject({}),
    from: ['extension'],
  }).returns<{ text: string }>(),

  /**
   * Starts exporting the whole library as one versioned JSON file (indexes and caches left out),
   * held in the background in `parts` parts for `backup.exportPart` (no message over the browser's
   * limit, whatever the library's size).
   */
  'backup.export': message({
    request: z.strictObject({}),
    from: ['extension'],
  }).returns<{ exportId: string; parts: number; fileName: string }>(),

  /** One part of the export `backup.export` started, in order; the page joins them into the file. */
  'backup.exportPart': message({
    request: z.strictObject({ exportId: transferIdSchema, part: z.int().min(0) }),
    from: ['extension'],
  }).returns<{ text: string }>(),

  /**
   * Starts receiving a backup file of `parts` parts (`backup.uploadPart`), for `backup.preview` or
   * `backup.import`; an unfinished upload is dropped. Nothing is written until every part is in.
   */
  'backup.uploadStart': message({
    request: z.strictObject({ fileName: z.string().max(300), parts: z.int().min(1) }),
    from: ['extension'],
  }).returns<{ uploadId: string }>(),

  /** The next part of the file an upload receives (parts in order, from 0); answers how many arrived. */
  'backup.uploadPart': message({
    request: z.strictObject({
      uploadId: transferIdSchema,
      part: z.int().min(0),
      text: z.string().max(MAX_PART_CHARS),
    }),
    from: ['extension'],
  }).returns<{ received: number }>(),

  /** Validates an uploaded backup and says what importing it would add or update; writes nothing. */
  'backup.preview': message({
    request: z.strictObject({ uploadId: transferIdSchema }),
    from: ['extension'],
  }).returns<BackupPreview>(),

  /** Imports an uploaded backup, all or nothing. */
  'backup.import': message({
    request: z.strictObject({ uploadId: transferIdSchema }),
    from: ['extension'],
  }).returns<BackupPreview>(),

  /** Saves a page for later: the sender's tab (content script) or `tabId` (extension pages). */
  'article.save': message({
    request: z.strictObject({ tabId: z.int().min(0).optional() }),
    from: ['content', 'extension'],
  }).returns<{ id: string; created: boolean; title: string }>(),

  /** The reading list: one view, sorted, optionally searched and filtered by tag. */
  'reading.list': message({
    request: z.strictObject({
      view: readingViewSchema.default('unread'),
      sort: z.enum(['saved', 'published']).default('saved'),
      query: z.string().max(500).default(''),
      tag: tagSchema.optional(),
    }),
    from: ['extension'],
  }).returns<{
    items: ReadingRow[];
    total: number;
    tags: Array<{ name: string; count: number }>;
    searchMs: number;
    pendingContent: number;
  }>(),

  /** One saved article with its offline content and the analyses added since it was saved. */
  'reading.get': message({
    request: z.strictObject({ id: idSchema }),
    from: ['extension'],
  }).returns<ReadingArticle>(),

  /** Changes a saved article's status, tags or reading progress. */
  'reading.update': message({
    request: z.strictObject({
      id: idSchema,
      status: z.enum(readingStatuses).optional(),
      tags: z.array(tagSchema).max(100).optional(),
      progress: z.number().min(0).max(1).optional(),
    }),
    from: ['extension'],
  }).returns<ReadingRow>(),

  /** Deletes (`undo: false`) or restores (`undo: true`) a saved article; deletion is final after a minute. */
  'reading.delete': message({
    request: z.strictObject({ id: idSchema, undo: z.boolean().default(false) }),
    from: ['extension'],
  }).returns<{ id: string; deleted: boolean }>(),

  /** Renames a tag on every article that has it. */
  'reading.renameTag': message({
    request: z.strictObject({ from: tagSchema, to: tagSchema }),
    from: ['extension'],
  }).returns<{ changed: number }>(),

  /** Adds parsed import items (Pocket, Instapaper, bookmarks, Omnivore) all or nothing. */
  'reading.import': message({
    request: z.strictObject({
      items: z.array(readingItemSchema).min(1).max(100_000),
      skipped: z.int().min(0),
    }),
    from: ['extension'],
  }).returns<ReadingImportReport>(),

  /** Every saved article for export (the page formats the file). */
  'reading.export': message({
    request: z.strictObject({}),
    from: ['extension'],
  }).returns<{ items: ReadingRow[] }>(),

  /** Downloads the content of imported articles for offline reading, in the background. */
  'reading.fetchPending': message({
    request: z.strictObject({ limit: z.int().min(1).max(100_000).default(100_000) }),
    from: ['extension'],
  }).returns<{ queued: number }>(),
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = Exclude<Protocol[T]['response'], undefined>;

export { PROTOCOL_ID, type ErrorCode, type Reply } from './envelope';

/**
 * Messages the background sends to content scripts (`tabs.sendMessage`). Content scripts accept
 * them only from this extension's background (no `sender.tab`).
 */
export type ToContentMessage =
  /** Settings, site switches, hidden aliases or the catalog changed: set up and rescan. */
  | { protocol: 'backstory/1'; type: 'config.changed' }
  /** The keyboard command: move to the next (1) or previous (-1) mention and show its card. */
  | { protocol: 'backstory/1'; type: 'mentions.step'; direction: 1 | -1 }
  /** The side panel asks to scroll to the first mention of an entity and flash it. */
  | { protocol: 'backstory/1'; type: 'mentions.reveal'; entityId: string }
  /** The background asks for a copy of the page's HTML (to extract the article); top frame only. */
  | { protocol: 'backstory/1'; type: 'page.snapshot' };

/** The top frame's answer to `page.snapshot`. */
export interface PageSnapshot {
  url: string;
  html: string;
}
