/**
 * The one message protocol between content scripts, extension pages and the background.
 * Each entry names who may send it, the shape of its data (validated in the background before
 * any handler runs) and, through `returns<T>()`, the type of its reply.
 * The background has exactly one handler per entry (lib/background/handlers.ts).
 */
import { z } from 'zod';
import type { Analysis, Entity, EntityKind } from '../model/schema';
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

/** What the content script found on a page, kept per tab by the background. */
export interface PageState {
  url: string;
  title: string;
  mentions: Array<{ entityId: string; name: string; kind: EntityKind; count: number }>;
  reportedAt: number;
}

const mentionSchema = z.strictObject({
  entityId: z.string().min(1).max(120),
  count: z.int().min(1).max(1_000_000),
});

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

  /** Every visible (not hidden) actor and event with its aliases, for finding mentions. */
  'entities.catalog': message({
    request: z.strictObject({}),
    from: ['content', 'extension'],
  }).returns<{ entities: CatalogEntity[] }>(),

  /** A content script reports the mentions it found on its page (tab taken from the sender). */
  'page.report': message({
    request: z.strictObject({
      url: z.string().max(4096),
      title: z.string().max(1000),
      mentions: z.array(mentionSchema).max(10_000),
    }),
    from: ['content'],
  }).returns<PageState>(),

  /** The last report from a tab's page, or null when its page reported nothing. */
  'tab.state': message({
    request: z.strictObject({ tabId: z.int().min(0) }),
    from: ['extension'],
  }).returns<PageState | null>(),

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
