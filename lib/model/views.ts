/**
 * Shapes the background sends to extension pages for the library manager, feeds, backups and the
 * reading list. Components take these as props; the protocol names them as replies.
 */
import type { EntityDiscovery, EntityRecord, FeedRecord, SavedArticleRecord } from './records';
import type { Alias, Author, Entity } from './schema';

/** How discovery found an actor or event, as the manager shows it. */
export type EntityRowDiscovery = Pick<EntityDiscovery, 'state' | 'evidence' | 'firstSeenAt'> & {
  /** The analyses it was found in (those still in the library), first first. */
  foundIn: Array<{ id: string; title: string; outlet: string }>;
  quote?: string;
};

/** An actor or event in the manager: the record plus how many analyses discuss it. */
export type EntityRow = Omit<EntityRecord, 'discovery' | 'updatedAt'> & {
  analysisCount: number;
  discovery?: EntityRowDiscovery;
};

/** A subscribed feed as the options page lists it. */
export type FeedRow = Pick<
  FeedRecord,
  'id' | 'url' | 'title' | 'intervalMinutes' | 'lastFetchedAt' | 'lastError' | 'articleError' | 'failures'
> &
  Partial<Pick<FeedRecord, 'nextPollAt'>> & {
    /** Analyses that came from this feed. */
    itemCount: number;
  };

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
export type ReadingRow = Pick<
  SavedArticleRecord,
  | 'id'
  | 'url'
  | 'title'
  | 'siteName'
  | 'byline'
  | 'excerpt'
  | 'publishedAt'
  | 'savedAt'
  | 'status'
  | 'tags'
  | 'readingMinutes'
  | 'progress'
> & {
  /** The readable content is stored, so it opens offline. */
  offline: boolean;
  /** Analyses added after the article was saved that discuss its actors or events. */
  newAnalyses: number;
};
