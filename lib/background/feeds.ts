/**
 * Feed subscriptions: subscribing, polling (conditional GET, backoff), and turning new items into
 * analyses exactly once. The alarms that trigger polls live in the background entrypoint.
 */
import { analysisTables, writeAnalyses, type IncomingAnalysis } from '../db/analysis-writer';
import type { BackstoryDatabase } from '../db/database';
import type { FeedRecord } from '../model/records';
import { FeedError, fetchFeed, type FetchFeedOptions } from '../feeds/fetch';
import { parseFeedDocument, type FeedItem, type ParsedFeed } from '../feeds/parse';
import { parseOpml, toOpml } from '../feeds/opml';
import { DEFAULT_INTERVAL_MINUTES, nextPollAt } from '../feeds/schedule';
import { summarize } from '../extract/summarize';
import type { FeedRow } from '../model/views';
import { explainFailure, InvalidInputError } from '../protocol/dispatch';
import type { DomHost } from './dom-host';
import { fnv1a64 } from '../reading/url';
import { slugify, type EntityTagger } from './tagging';

export interface FeedServiceDeps {
  db: BackstoryDatabase;
  dom: DomHost;
  tagger: EntityTagger;
  /**
   * Downloads an item's article when the feed carries only an excerpt, so discovery and tagging
   * read the whole piece (the reader granted the feed's site when subscribing).
   */
  fetchPage?: (url: string) => Promise<{ url: string; html: string }>;
  fetchOptions?: FetchFeedOptions;
  now?: () => number;
}

/** A feed URL as stored: http(s) only, without fragment. */
export function normaliseFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new InvalidInputError(`"${input}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError('Feeds must be http or https addresses.');
  }
  url.hash = '';
  return url.href;
}

/** Below this many words an item is an excerpt, and its article is read in full. */
const FULL_TEXT_WORDS = 150;
const wordCount = (text: string) => (text.match(/\S+/g) ?? []).length;

const feedId = (url: string) => `feed-${slugify(new URL(url).hostname, 40)}-${fnv1a64(url)}`;

export class FeedService {
  private readonly db: BackstoryDatabase;
  private readonly now: () => number;
  /** Polls in flight, so an alarm and a click never poll one feed twice at once. */
  private readonly polling = new Map<string, Promise<FeedRow>>();

  constructor(private readonly deps: FeedServiceDeps) {
    this.db = deps.db;
    this.now = deps.now ?? Date.now;
  }

  async list(): Promise<FeedRow[]> {
    const feeds = await this.db.feeds.toArray();
    return Promise.all(feeds.map((feed) => this.row(feed)));
  }

  private async row(feed: FeedRecord): Promise<FeedRow> {
    const itemCount = await this.db.feedItems.where('feedId').equals(feed.id).count();
    return {
      id: feed.id,
      url: feed.url,
      ...(feed.title ? { title: feed.title } : {}),
      intervalMinutes: feed.intervalMinutes,
      ...(feed.lastFetchedAt ? { lastFetchedAt: feed.lastFetchedAt } : {}),
      ...(feed.lastError ? { lastError: feed.lastError } : {}),
      ...(feed.articleError ? { articleError: feed.articleError } : {}),
      failures: feed.failures,
      itemCount,
      nextPollAt: feed.nextPollAt,
    };
  }

  private async get(id: string): Promise<FeedRecord> {
    const feed = await this.db.feeds.get(id);
    if (!feed) throw new InvalidInputError('This feed is not subscribed any more.');
    return feed;
  }

  /** Subscribes (or returns the existing subscription) and polls at once. */
  async subscribe(input: string, intervalMinutes = DEFAULT_INTERVAL_MINUTES): Promise<FeedRow> {
    const url = normaliseFeedUrl(input);
    const existing = await this.db.feeds.where('url').equals(url).first();
    if (existing) return this.poll(existing.id);
    const feed: FeedRecord = {
      id: feedId(url),
      url,
      intervalMinutes,
      failures: 0,
      nextPollAt: this.now(),
      addedAt: this.now(),
    };
    await this.db.feeds.add(feed);
    return this.poll(feed.id);
  }

  async update(id: string, intervalMinutes: number): Promise<FeedRow> {
    const feed = await this.get(id);
    const updated = { ...feed, intervalMinutes };
    updated.nextPollAt = (feed.lastFetchedAt ?? this.now()) + intervalMinutes * 60_000;
    await this.db.feeds.put(updated);
    return this.row(updated);
  }

  async unsubscribe(id: string): Promise<boolean> {
    const exists = !!(await this.db.feeds.get(id));
    await this.db.feeds.delete(id);
    return exists;
  }

  /** Polls every feed whose time has come; returns how many were polled. */
  async pollDue(): Promise<number> {
    const due = await this.db.feeds.where('nextPollAt').belowOrEqual(this.now()).toArray();
    for (const feed of due) await this.poll(feed.id);
    return due.length;
  }

  /** The earliest time a feed wants polling, for the alarm. */
  async nextDueAt(): Promise<number | null> {
    return (await this.db.feeds.orderBy('nextPollAt').first())?.nextPollAt ?? null;
  }

  poll(id: string): Promise<FeedRow> {
    const running = this.polling.get(id);
    if (running) return running;
    const poll = this.pollOnce(id).finally(() => this.polling.delete(id));
    this.polling.set(id, poll);
    return poll;
  }

  private async pollOnce(id: string): Promise<FeedRow> {
    const feed = await this.get(id);
    const now = this.now();
    let next: FeedRecord;
    try {
      const response = await fetchFeed(
        feed.url,
        {
          ...(feed.etag ? { etag: feed.etag } : {}),
          ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
        },
        this.deps.fetchOptions ?? {},
      );
      if (response.status === 'not-modified') {
        next = { ...feed, lastFetchedAt: now, failures: 0 };
        delete next.lastError;
      } else {
        const parsed = parseFeedDocument(response.body, response.finalUrl);
        const { stored, articleError } = await this.store(feed, parsed);
        next = {
          ...feed,
          ...(articleError ? { articleError } : {}),
          title: parsed.title || feed.title,
          ...(parsed.siteUrl ? { siteUrl: parsed.siteUrl } : {}),
          lastFetchedAt: now,
          failures: 0,
        };
        delete next.lastError;
        // The reason stays until a poll with new items reads their articles.
        if (!articleError && stored > 0) delete next.articleError;
        if (response.etag) next.etag = response.etag;
        else delete next.etag;
        if (response.lastModified) next.lastModified = response.lastModified;
        else delete next.lastModified;
      }
    } catch (error) {
      const message =
        error instanceof FeedError || error instanceof InvalidInputError
          ? error.message
          : `Could not read this feed: ${explainFailure(error)}`;
      next = { ...feed, lastFetchedAt: now, failures: feed.failures + 1, lastError: message };
    }
    next.nextPollAt = nextPollAt(next, now);
    // The reader may have unsubscribed while the request was out.
    if (await this.db.feeds.get(id)) await this.db.feeds.put(next);
    return this.row(next);
  }

  /**
   * The whole text of items whose feed gives only an excerpt: each article is downloaded and read
   * with Readability. An item whose article cannot be read keeps its excerpt; the first reason why
   * is returned for the feed's row.
   */
  private async fullTexts(items: readonly FeedItem[], texts: string[]): Promise<string | undefined> {
    const { fetchPage, dom } = this.deps;
    if (!fetchPage) return undefined;
    let problem: string | undefined;
    for (const [i, item] of items.entries()) {
      if (wordCount(texts[i] || item.summaryText || '') >= FULL_TEXT_WORDS) continue;
      try {
        const page = await fetchPage(item.url);
        const extract = await dom.extract(page.html, page.url);
        if (wordCount(extract.text) > wordCount(texts[i] ?? '')) texts[i] = extract.text;
      } catch (error) {
        problem ??= `The feed gives only excerpts, and ${item.url} could not be read: ${
          error instanceof Error ? error.message : String(error)
        } Its actors and events are found from the excerpt alone.`;
      }
    }
    return problem;
  }

  /** Adds the feed's new items as analyses, in one transaction; items seen before are skipped. */
  private async store(
    feed: FeedRecord,
    parsed: ParsedFeed,
  ): Promise<{ stored: number; articleError?: string }> {
    const db = this.db;
    const fresh: FeedItem[] = [];
    for (const item of parsed.items) {
      if (!(await db.feedItems.get(`${feed.id} ${item.guid}`))) fresh.push(item);
    }
    if (fresh.length === 0) return { stored: 0 };
    const texts = await this.deps.dom.htmlToText(fresh.map((item) => item.contentHtml ?? ''));
    const articleError = await this.fullTexts(fresh, texts);
    const now = this.now();
    const outlet = parsed.title || new URL(feed.url).hostname.replace(/^www\./, '');
    const incoming: IncomingAnalysis[] = [];
    for (const [i, item] of fresh.entries()) {
      const text = texts[i] || item.summaryText || '';
      const digest = summarize(text);
      const summary = (item.summaryText || digest.summary || item.title).slice(0, 2000);
      const entityIds = await this.deps.tagger.tag(`${item.title}\n${text || summary}`);
      incoming.push({
        analysis: {
          id: `${slugify(item.title, 50)}-${fnv1a64(`${feed.id} ${item.guid}`)}`,
          url: item.url,
          title: item.title.slice(0, 400) || item.url,
          authors: (item.authors.length > 0 ? item.authors : [outlet]).slice(0, 20).map((name) => ({ name })),
          outlet,
          publishedAt: item.publishedAt ?? new Date(now).toISOString(),
          summary,
          keyPoints: digest.keyPoints,
          entityIds,
          sourceId: feed.id,
        },
        text: `${item.title}\n${text || summary}`,
      });
    }
    let stored = 0;
    await db.transaction('rw', [...analysisTables(db), db.feedItems, db.sources], async () => {
      await db.sources.put({
        id: feed.id,
        kind: 'feed',
        title: outlet,
        url: feed.url,
        addedAt: feed.addedAt,
      });
      // An item already in the library (another feed, a pack, a digest) keeps its analysis; an
      // item the schema refuses (no link, say) is skipped, not fatal for the feed.
      const written = await writeAnalyses(db, incoming, { merge: 'keep', skipInvalid: true, now });
      for (const [i, analysisId] of written.ids.entries()) {
        if (analysisId === null) continue;
        stored++;
        await db.feedItems.put({ key: `${feed.id} ${fresh[i]!.guid}`, feedId: feed.id, analysisId });
      }
    });
    return articleError ? { stored, articleError } : { stored };
  }

  /** Subscribes to every new feed of an OPML file, without polling (the alarm polls them). */
  async importOpml(text: string): Promise<{ added: number; skipped: number; origins: string[] }> {
    let outlines;
    try {
      outlines = parseOpml(text);
    } catch (error) {
      throw new InvalidInputError(error instanceof Error ? error.message : 'This is not an OPML file.');
    }
    const db = this.db;
    let added = 0;
    let skipped = 0;
    const origins = new Set<string>();
    await db.transaction('rw', db.feeds, async () => {
      for (const outline of outlines) {
        let url: string;
        try {
          url = normaliseFeedUrl(outline.url);
        } catch {
          skipped++;
          continue;
        }
        if (await db.feeds.where('url').equals(url).first()) {
          skipped++;
          continue;
        }
        await db.feeds.add({
          id: feedId(url),
          url,
          ...(outline.title ? { title: outline.title } : {}),
          ...(outline.siteUrl ? { siteUrl: outline.siteUrl } : {}),
          intervalMinutes: DEFAULT_INTERVAL_MINUTES,
          failures: 0,
          nextPollAt: this.now(),
          addedAt: this.now(),
        });
        origins.add(new URL(url).origin);
        added++;
      }
    });
    return { added, skipped, origins: [...origins] };
  }

  async exportOpml(): Promise<string> {
    const feeds = await this.db.feeds.toArray();
    return toOpml(
      feeds.map(({ url, title, siteUrl }) => ({
        url,
        ...(title ? { title } : {}),
        ...(siteUrl ? { siteUrl } : {}),
      })),
      'Backstory feeds',
    );
  }
}
