/**
 * Full-text search over saved articles (title, byline, site, excerpt, body text, tags) with
 * MiniSearch. The index is plain data: `toJSON()` gives something to store and `load()` takes it
 * back, so a restarted service worker does not re-tokenise every article.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { ReadingStatus } from '../model/reading';

/** One saved article as the search sees it; `text` is the article body as plain text. */
export interface ReadingSearchDocument {
  id: string;
  title: string;
  byline?: string;
  siteName?: string;
  excerpt?: string;
  text: string;
  tags: readonly string[];
  status: ReadingStatus;
}

/** Narrows a search to one status and/or one tag (exact tag name). */
export interface ReadingSearchFilter {
  status?: ReadingStatus;
  tag?: string;
}

/** A saved index as `toJSON()` gives it. */
export interface SavedReadingSearch {
  version: number;
  index: AsPlainObject;
}

/** The reading-list index; every method but `addAll` is synchronous. */
export interface ReadingSearch {
  /**
   * Adds documents whose ids are not in the index yet, a chunk at a time, handing the thread back
   * between chunks: ten thousand full articles take seconds to index, and the service worker must
   * keep answering pages meanwhile.
   */
  addAll(docs: readonly ReadingSearchDocument[]): Promise<void>;
  /** Adds one document; its id must not be in the index yet (use `replace` to update). */
  add(doc: ReadingSearchDocument): void;
  /** Removes a document by id; unknown ids are ignored. */
  remove(id: string): void;
  /** Adds the document, or replaces the one with its id. */
  replace(doc: ReadingSearchDocument): void;
  /** Ids of matching documents, best first. A blank query matches nothing. */
  search(query: string, filter?: ReadingSearchFilter): string[];
  /** The index as plain data, for storage (JSON.stringify gives the same). */
  toJSON(): SavedReadingSearch;
  /**
   * Replaces the index with a saved one. Returns false, keeping the current index, when `saved`
   * was written with other fields or options: the caller rebuilds from the articles.
   */
  load(saved: unknown): boolean;
}

/** Bump when fields or options change, so an index saved by an older version is rebuilt. */
const INDEX_VERSION = 1;

/** Documents indexed between two pauses of `addAll` (tens of milliseconds of work). */
const DOCUMENTS_PER_CHUNK = 50;

/** Shorter terms match only whole words: "in" as a prefix would match half the vocabulary. */
const MIN_EXPANDED_TERM = 4;

/** Lowercase without accents, so "Aleppo" finds "aleppo" and "cafe" finds "café". */
function normaliseTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

const OPTIONS: Options<ReadingSearchDocument> = {
  fields: ['title', 'byline', 'siteName', 'excerpt', 'text', 'tags'],
  storeFields: ['status', 'tags'],
  // Tags are indexed as words but stored as the list, for the tag filter.
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value)),
  processTerm: normaliseTerm,
  searchOptions: {
    combineWith: 'AND',
    prefix: (term) => term.length >= MIN_EXPANDED_TERM,
    fuzzy: (term) => (term.length >= MIN_EXPANDED_TERM ? 0.2 : false),
    boost: { title: 3, tags: 2, byline: 1.5, siteName: 1.5, excerpt: 1.5 },
  },
};

function isSavedReadingSearch(value: unknown): value is SavedReadingSearch {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<SavedReadingSearch>).version === INDEX_VERSION &&
    typeof (value as Partial<SavedReadingSearch>).index === 'object'
  );
}

/** An empty reading-list index. */
export function createReadingSearch(): ReadingSearch {
  let index = new MiniSearch<ReadingSearchDocument>(OPTIONS);
  return {
    addAll: (docs) => index.addAllAsync(docs, { chunkSize: DOCUMENTS_PER_CHUNK }),
    add: (doc) => index.add(doc),
    remove: (id) => {
      if (index.has(id)) index.discard(id);
    },
    replace: (doc) => {
      if (index.has(doc.id)) index.replace(doc);
      else index.add(doc);
    },
    search: (query, filter = {}) => {
      if (!query.trim()) return [];
      const { status, tag } = filter;
      return index
        .search(query, {
          filter: (result) =>
            (status === undefined || result.status === status) &&
            (tag === undefined || (result.tags as string[]).includes(tag)),
        })
        .map((result) => String(result.id));
    },
    toJSON: () => ({ version: INDEX_VERSION, index: index.toJSON() }),
    load: (saved) => {
      if (!isSavedReadingSearch(saved)) return false;
      index = MiniSearch.loadJS<ReadingSearchDocument>(saved.index, OPTIONS);
      return true;
    },
  };
}
