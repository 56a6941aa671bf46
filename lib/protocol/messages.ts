/**
 * The one message protocol between content scripts, extension pages and the background.
 * Each entry names who may send it, the shape of its data (validated in the background before
 * any handler runs) and, through `returns<T>()`, the type of its reply.
 * The background has exactly one handler per entry (lib/background/handlers.ts).
 */
import { z } from 'zod';
import type { Analysis, Entity, EntityKind } from '../model/schema';
import { displaySettingsSchema, type DisplaySettings } from '../model/settings';
import type { ImportReport } from '../model/import-report';

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

/** An analysis as shown in lists: everything but bookkeeping. */
export type AnalysisView = Analysis & { addedAt: number };

/** The entity data a page needs to find mentions. */
export type CatalogEntity = Pick<Entity, 'id' | 'kind' | 'category' | 'name' | 'aliases' | 'related'>;

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
  reportedAt: number;
}

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
    from: ['content'],
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
    }),
    from: ['content'],
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
    from: ['content'],
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
  | { protocol: 'backstory/1'; type: 'mentions.reveal'; entityId: string };
