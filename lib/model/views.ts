/**
 * Shapes the background sends to extension pages for the library manager, feeds, backups and the
 * reading list. Components take these as props; the protocol names them as replies.
 */
import type { Alias, Author, Entity } from './schema';
import type { ReadingStatus } from './reading';

/** How discovery found an actor or event, as the manager shows it. */
export interface EntityRowDiscovery {
  state: 'discovered' | 'proposed' | 'accepted';
  evidence: string[];
  firstSeenAt: number;
  /** The analyses it was found in (those still in the library), first first. */
  foundIn: Array<{ id: string; title: string; outlet: string }>;
  quote?: string;
}

/** An actor or event in the manager: the record plus how many analyses discuss it. */
export type EntityRow = Entity & { hidden?: boolean; analysisCount: number; discovery?: EntityRowDiscovery };

/** A subscribed feed as the options page lists it. */
export interface FeedRow {
  id: string;
  url: string;
  title?: string;
  intervalMinutes: number;
  lastFetchedAt?: number;
  lastError?: string;
  /** Why the last poll could not read some items' full articles (the feed gives only excerpts). */
  articleError?: string;
  failures: number;
  /** Analyses that came from this feed. */
  itemCount: number;
  nextPollAt?: number;
}

/** A feed a page advertises with `<link rel="alternate">`. */
export interface AdvertisedFeed {
  url: string;
  title?: string;
}

/** What "Add this page as an analysis" proposes; the reader edits it before saving. */
export interface AnalysisDraft {
  url: string;
  title: string;
  authors: Author[];
  outlet: string;
  /** `yyyy-mm-dd`, or '' when the page declares no date. */
  publishedAt: string;
  summary: string;
  keyPoints: string[];
  /** Known actors and events found in the article. */
  entityIds: string[];
}

/** A new actor the reader accepted from the proposed candidates. */
export interface NewActor {
  name: string;
  kind: Entity['kind'];
  category: Entity['category'];
  aliases: Alias[];
}

/** What a backup import would do, per table, before anything is written. */
export interface BackupPreview {
  fileName: string;
  exportedAt?: string;
  counts: Record<string, { add: number; update: number }>;
}

/** One row of the reading list. */
export interface ReadingRow {
  id: string;
  url: string;
  title: string;
  siteName?: string;
  byline?: string;
  excerpt?: string;
  publishedAt?: string;
  savedAt: number;
  status: ReadingStatus;
  tags: string[];
  readingMinutes?: number;
  /** The readable content is stored, so it opens offline. */
  offline: boolean;
  /** Analyses added after the article was saved that discuss its actors or events. */
  newAnalyses: number;
  progress?: number;
}
