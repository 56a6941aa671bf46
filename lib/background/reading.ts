/**
 * The reading list ("save for later"): saving pages with their readable content, listing, search,
 * tags, status, deletion with undo, imports and background fetching of imported articles.
 */
import type { BackstoryDatabase } from '../db/database';
import type { ArticleContentRecord, SavedArticleRecord } from '../model/records';
import type { PageExtract } from '../model/extract';
import type { ReadingItem } from '../model/reading';
import type { ReadingRow } from '../model/views';
import type { ReadingArticle, ReadingImportReport } from '../protocol/messages';
import { InvalidInputError } from '../protocol/dispatch';
import { createReadingSearch, type ReadingSearch } from '../reading/search';
import { articleId, articleKey } from '../reading/url';
import type { DomHost } from './dom-host';
import { keptUntilChanged, onRowsChanged } from './table-cache';
import type { EntityTagger } from './tagging';

/** How long a deleted article can be brought back with "Undo". */
export const UNDO_WINDOW_MS = 60_000;

export interface ReadingServiceDeps {
  db: BackstoryDatabase;
  dom: DomHost;
  tagger: EntityTagger;
  /** Downloads a page's HTML (for imported articles); throws with a readable message on failure. */
  fetchPage: (url: string) => Promise<{ url: string; html: string }>;
  now?: () => number;
}

export type ReadingView = 'unread' | 'archived' | 'all';

/** The analyses added after `savedAt` that discuss one of `entityIds`. */
function newAnalysesFor(
  article: Pick<SavedArticleRecord, 'entityIds' | 'savedAt' | 'addedAt'>,
  recent: ReadonlyArray<{ id: string; addedAt: number; entityIds: string[] }>,
): string[] {
  if (article.entityIds.length === 0) return [];
  const own = new Set(article.entityIds);
  const since = sinceOf(article);
  return recent
    .filter((analysis) => analysis.addedAt > since && analysis.entityIds.some((id) => own.has(id)))
    .map((analysis) => analysis.id);
}

/** From when analyses count as new for an article. */
const sinceOf = (article: Pick<SavedArticleRecord, 'savedAt' | 'addedAt'>) =>
  Math.max(article.savedAt, article.addedAt ?? 0);

function toRow(article: SavedArticleRecord, newAnalyses: number): ReadingRow {
  return {
    id: article.id,
    url: article.url,
    title: article.title || article.url,
    ...(article.siteName ? { siteName: article.siteName } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    ...(article.excerpt ? { excerpt: article.excerpt } : {}),
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    savedAt: article.savedAt,
    status: article.status,
    tags: article.tags,
    ...(article.readingMinutes ? { readingMinutes: article.readingMinutes } : {}),
    offline: article.contentState === 'saved',
    newAnalyses,
    ...(article.progress !== undefined ? { progress: article.progress } : {}),
  };
}

export class ReadingService {
  private readonly db: BackstoryDatabase;
  private readonly now: () => number;
  private search: Promise<ReadingSearch> | null = null;
  /**
   * Articles written since the search index last caught up, by whatever code wrote them (a save,
   * an import, a backup restored): the index follows the tables by one rule, row by row.
   */
  private changedSinceIndexed = new Set<string>();
  private fetching: Promise<void> | null = null;
  /**
   * Every article row (deleted ones too), kept until the articles table changes: the list is asked
   * for on every keystroke of a search, and reading 10,000 rows takes longer than the search itself.
   */
  private readonly articleRows: () => Promise<SavedArticleRecord[]>;

  constructor(private readonly deps: ReadingServiceDeps) {
    this.db = deps.db;
    this.now = deps.now ?? Date.now;
    this.articleRows = keptUntilChanged(this.db, 'articles', () => this.db.articles.toArray());
    onRowsChanged(this.db, ['articles', 'articleContents'], (ids) => {
      if (ids === 'all') {
        // Too many rows to follow one by one (a clear, a bulk write): built afresh when next asked.
        this.search = null;
        this.changedSinceIndexed.clear();
      } else if (this.search) for (const id of ids) this.changedSinceIndexed.add(id);
    });
  }

  /** The articles not deleted (a new array each time; its records are shared, not to be changed). */
  private async liveArticles(): Promise<SavedArticleRecord[]> {
    return (await this.articleRows()).filter((article) => article.deletedAt === undefined);
  }

  /** The saved article for a page URL (and its canonical URL), if any. */
  async findByUrl(url: string, canonicalUrl?: string): Promise<SavedArticleRecord | undefined> {
    let key: string;
    try {
      key = articleKey(url, canonicalUrl);
    } catch {
      return undefined;
    }
    const found = await this.db.articles.where('key').equals(key).first();
    return found && found.deletedAt === undefined ? found : undefined;
  }

  /**
   * Saves an extracted page. The same article saved again (tracking parameters, www, trailing
   * slash, canonical link) updates its row and keeps the reader's tags, status and saved date.
   * The row and its content are written in one transaction: a failure leaves no half-saved article.
   */
  async saveExtract(extract: PageExtract): Promise<{ id: string; created: boolean; title: string }> {
    const key = articleKey(extract.url, extract.metadata.canonicalUrl);
    const entityIds = await this.deps.tagger.tag(`${extract.metadata.title ?? ''}\n${extract.text}`);
    const db = this.db;
    const now = this.now();
    const result = await db.transaction('rw', [db.articles, db.articleContents], async () => {
      const stored = await db.articles.where('key').equals(key).first();
      const id = stored?.id ?? articleId(key);
      // A row deleted within the undo window is saved afresh; a live one keeps the reader's choices.
      const live = stored?.deletedAt === undefined ? stored : undefined;
      const { metadata } = extract;
      const record: SavedArticleRecord = {
        id,
        // The canonical URL when it is on the same site (the key chose it), else the page's.
        url: live?.url ?? canonicalOr(extract),
        key,
        title: metadata.title || extract.url,
        ...(metadata.authors.length > 0 ? { byline: metadata.authors.join(', ') } : {}),
        ...(metadata.outlet ? { siteName: metadata.outlet } : {}),
        ...(metadata.publishedAt ? { publishedAt: metadata.publishedAt } : {}),
        ...(metadata.description || extract.summary
          ? { excerpt: (metadata.description || extract.summary).slice(0, 1000) }
          : {}),
        ...(metadata.leadImageUrl ? { leadImageUrl: metadata.leadImageUrl } : {}),
        wordCount: extract.wordCount,
        readingMinutes: extract.readingMinutes,
        entityIds,
        tags: live?.tags ?? [],
        status: live?.status ?? 'unread',
        savedAt: live?.savedAt ?? now,
        ...(live?.addedAt !== undefined ? { addedAt: live.addedAt } : {}),
        updatedAt: now,
        contentState: 'saved',
        ...(live?.progress !== undefined ? { progress: live.progress } : {}),
      };
      // Another row may hold this URL under an older key; the newest save wins.
      const sameUrl = await db.articles.where('url').equals(record.url).first();
      if (sameUrl && sameUrl.id !== id) {
        await db.articles.delete(sameUrl.id);
        await db.articleContents.delete(sameUrl.id);
      }
      await db.articles.put(record);
      await db.articleContents.put({ id, contentHtml: extract.contentHtml, text: extract.text });
      return { id, created: !live, title: record.title, record };
    });
    return { id: result.id, created: result.created, title: result.title };
  }

  private searchDoc(article: SavedArticleRecord, text: string) {
    return {
      id: article.id,
      title: article.title,
      ...(article.byline ? { byline: article.byline } : {}),
      ...(article.siteName ? { siteName: article.siteName } : {}),
      ...(article.excerpt ? { excerpt: article.excerpt } : {}),
      text,
      tags: article.tags,
      status: article.status,
    };
  }

  /** The search index, brought up to date with the articles written since it was last used. */
  private async currentSearch(): Promise<ReadingSearch> {
    const search = await this.loadSearch();
    if (this.changedSinceIndexed.size === 0) return search;
    const ids = [...this.changedSinceIndexed];
    this.changedSinceIndexed.clear();
    const [articles, contents] = await Promise.all([
      this.db.articles.bulkGet(ids),
      this.db.articleContents.bulkGet(ids),
    ]);
    ids.forEach((id, index) => {
      const article = articles[index];
      if (article && article.deletedAt === undefined)
        search.replace(this.searchDoc(article, contents[index]?.text ?? ''));
      else search.remove(id);
    });
    return search;
  }

  private loadSearch(): Promise<ReadingSearch> {
    this.search ??= (async () => {
      const search = createReadingSearch();
      const articles = await this.liveArticles();
      const texts = new Map<string, string>();
      await this.db.articleContents.each((content) => texts.set(content.id, content.text));
      await search.addAll(articles.map((article) => this.searchDoc(article, texts.get(article.id) ?? '')));
      return search;
    })().catch((error: unknown) => {
      this.search = null;
      throw error;
    });
    return this.search;
  }

  /** Removes articles whose undo window has passed. */
  private async purgeDeleted(): Promise<void> {
    const cutoff = this.now() - UNDO_WINDOW_MS;
    const expired = (await this.articleRows())
      .filter((a) => a.deletedAt !== undefined && a.deletedAt < cutoff)
      .map((a) => a.id);
    if (expired.length === 0) return;
    await this.db.transaction('rw', [this.db.articles, this.db.articleContents], async () => {
      await this.db.articles.bulkDelete(expired);
      await this.db.articleContents.bulkDelete(expired);
    });
  }

  /** Analyses added since the oldest saved date, for "new analyses since you saved it". */
  private async recentAnalyses(since: number) {
    const recent = await this.db.analyses.where('addedAt').above(since).toArray();
    return recent.map(({ id, addedAt, entityIds }) => ({ id, addedAt, entityIds }));
  }

  async list(options: { view: ReadingView; sort: 'saved' | 'published'; query: string; tag?: string }) {
    await this.purgeDeleted();
    const all = await this.liveArticles();
    const started = performance.now();
    let chosen = all.filter(
      (a) =>
        (options.view === 'all' ||
          (options.view === 'archived' ? a.status === 'archived' : a.status !== 'archived')) &&
        (!options.tag || a.tags.includes(options.tag)),
    );
    const query = options.query.trim();
    // The list is on screen: index it now, in the background, so the reader's first search is
    // answered at once rather than after every article is read and tokenised.
    if (!query) void this.loadSearch().catch(() => undefined);
    if (query) {
      const ranked = (await this.currentSearch()).search(query);
      const order = new Map(ranked.map((id, i) => [id, i]));
      chosen = chosen.filter((a) => order.has(a.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    } else if (options.sort === 'published') {
      chosen.sort(
        (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.savedAt - a.savedAt,
      );
    } else {
      chosen.sort((a, b) => b.savedAt - a.savedAt);
    }
    const searchMs = performance.now() - started;
    const oldest = all.reduce((min, a) => Math.min(min, sinceOf(a)), Number.POSITIVE_INFINITY);
    const recent = Number.isFinite(oldest) ? await this.recentAnalyses(oldest) : [];
    const tagCounts = new Map<string, number>();
    for (const article of all)
      for (const tag of article.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    return {
      items: chosen.map((a) => toRow(a, newAnalysesFor(a, recent).length)),
      total: all.length,
      tags: [...tagCounts]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      searchMs,
      pendingContent: all.filter((a) => a.contentState === 'pending' || a.contentState === 'failed').length,
    };
  }

  private async getLive(id: string): Promise<SavedArticleRecord> {
    const article = await this.db.articles.get(id);
    if (!article || article.deletedAt !== undefined)
      throw new InvalidInputError('This article is not in your reading list.');
    return article;
  }

  async get(id: string): Promise<Omit<ReadingArticle, 'names'>> {
    const article = await this.getLive(id);
    const content = await this.db.articleContents.get(id);
    const recent = await this.db.analyses.where('addedAt').above(sinceOf(article)).toArray();
    const ids = new Set(newAnalysesFor(article, recent));
    const newAnalyses = recent
      .filter((a) => ids.has(a.id))
      .sort((a, b) => b.addedAt - a.addedAt)
      .map(({ updatedAt: _u, ...view }) => view);
    return {
      row: toRow(article, newAnalyses.length),
      contentHtml: content?.contentHtml ?? null,
      newAnalyses,
    };
  }

  async update(
    id: string,
    changes: { status?: SavedArticleRecord['status']; tags?: string[]; progress?: number },
  ) {
    const article = await this.getLive(id);
    const next: SavedArticleRecord = {
      ...article,
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.tags ? { tags: [...new Set(changes.tags)] } : {}),
      ...(changes.progress !== undefined ? { progress: changes.progress } : {}),
      updatedAt: this.now(),
    };
    await this.db.articles.put(next);
    return toRow(next, 0);
  }

  /** Marks an article deleted (undo brings it back within a minute). */
  async remove(id: string, undo: boolean): Promise<{ id: string; deleted: boolean }> {
    const article = await this.db.articles.get(id);
    if (!article) throw new InvalidInputError('This article is not in your reading list.');
    if (undo) {
      const { deletedAt: _deletedAt, ...restored } = article;
      await this.db.articles.put(restored);
    } else {
      await this.db.articles.put({ ...article, deletedAt: this.now() });
    }
    return { id, deleted: !undo };
  }

  async renameTag(from: string, to: string): Promise<number> {
    const changed: SavedArticleRecord[] = [];
    await this.db.articles
      .where('tags')
      .equals(from)
      .modify((article) => {
        article.tags = [...new Set(article.tags.map((tag) => (tag === from ? to : tag)))];
        changed.push(article);
      });
    return changed.length;
  }

  /** Adds imported items in one transaction; an article already saved gains the import's tags. */
  async importItems(items: readonly ReadingItem[], skipped: number): Promise<ReadingImportReport> {
    const db = this.db;
    const now = this.now();
    const report: ReadingImportReport = { added: 0, updated: 0, skipped };
    await db.transaction('rw', db.articles, async () => {
      const keys = items.map((item) => articleKey(item.url));
      const stored = await db.articles.where('key').anyOf(keys).toArray();
      const byKey = new Map(stored.map((a) => [a.key!, a]));
      const rows: SavedArticleRecord[] = [];
      for (const [i, item] of items.entries()) {
        const key = keys[i]!;
        const existing = byKey.get(key);
        if (existing) {
          rows.push({ ...existing, tags: [...new Set([...existing.tags, ...item.tags])], updatedAt: now });
          report.updated++;
          continue;
        }
        const row: SavedArticleRecord = {
          id: articleId(key),
          url: item.url,
          key,
          title: item.title,
          ...(item.excerpt ? { excerpt: item.excerpt } : {}),
          entityIds: [],
          tags: item.tags,
          status: item.status,
          savedAt: item.savedAt,
          addedAt: now,
          updatedAt: now,
          contentState: 'pending',
        };
        byKey.set(key, row);
        rows.push(row);
        report.added++;
      }
      // Two import rows with different URLs but one key collapse into the first.
      const unique = new Map(rows.map((row) => [row.id, row]));
      await db.articles.bulkPut([...unique.values()]);
    });
    return report;
  }

  async exportAll(): Promise<ReadingRow[]> {
    const all = await this.liveArticles();
    return all.sort((a, b) => a.savedAt - b.savedAt).map((a) => toRow(a, 0));
  }

  /** Starts downloading imported articles (two at a time) unless a download is already running. */
  fetchPending(limit: number): Promise<number> {
    return this.db.articles
      .filter(
        (a) => a.deletedAt === undefined && (a.contentState === 'pending' || a.contentState === 'failed'),
      )
      .limit(limit)
      .primaryKeys()
      .then((ids) => {
        if (!this.fetching && ids.length > 0) {
          this.fetching = this.fetchAll(ids).finally(() => {
            this.fetching = null;
          });
        }
        return ids.length;
      });
  }

  private async fetchAll(ids: string[]): Promise<void> {
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await this.fetchOne(id);
    };
    await Promise.all([worker(), worker()]);
  }

  private async fetchOne(id: string): Promise<void> {
    const article = await this.db.articles.get(id);
    if (!article || article.deletedAt !== undefined) return;
    try {
      const page = await this.deps.fetchPage(article.url);
      const extract = await this.deps.dom.extract(page.html, page.url);
      const entityIds = await this.deps.tagger.tag(`${extract.metadata.title ?? ''}\n${extract.text}`);
      const { metadata } = extract;
      const content: ArticleContentRecord = { id, contentHtml: extract.contentHtml, text: extract.text };
      await this.db.transaction('rw', [this.db.articles, this.db.articleContents], async () => {
        const current = await this.db.articles.get(id);
        if (!current) return;
        const { fetchError: _fetchError, ...rest } = current;
        await this.db.articles.put({
          ...rest,
          // The old service's title wins when it had one: the reader may have edited it there.
          title: current.title || metadata.title || current.url,
          ...(metadata.authors.length > 0 ? { byline: metadata.authors.join(', ') } : {}),
          ...(metadata.outlet ? { siteName: metadata.outlet } : {}),
          ...(metadata.publishedAt ? { publishedAt: metadata.publishedAt } : {}),
          ...(current.excerpt || metadata.description
            ? { excerpt: current.excerpt || metadata.description }
            : {}),
          wordCount: extract.wordCount,
          readingMinutes: extract.readingMinutes,
          entityIds,
          contentState: 'saved',
          updatedAt: this.now(),
        });
        await this.db.articleContents.put(content);
      });
    } catch (error) {
      await this.db.articles.update(id, {
        contentState: 'failed',
        fetchError: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

function canonicalOr(extract: PageExtract): string {
  const canonical = extract.metadata.canonicalUrl;
  if (!canonical) return extract.url;
  try {
    return articleKey(extract.url, canonical) === articleKey(canonical) ? canonical : extract.url;
  } catch {
    return extract.url;
  }
}
