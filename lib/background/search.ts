/**
 * Full-text search over the library with MiniSearch: an inverted index held in the background,
 * saved in the database (so a restarted service worker loads it instead of re-reading and
 * re-tokenising every analysis), and rebuilt on first use after any write to the library's tables.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { BackstoryDatabase } from '../db/database';
import { savedUntilChanged } from './table-cache';

interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  keyPoints: string;
  authors: string;
  outlet: string;
  entities: string;
}

const SETTING_KEY = 'searchIndex';
/** Bump when the fields or options change: a saved index of another version is rebuilt. */
const INDEX_VERSION = 1;

const OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'summary', 'keyPoints', 'authors', 'outlet', 'entities'],
  searchOptions: {
    prefix: true,
    fuzzy: 0.15,
    combineWith: 'AND',
    boost: { title: 2, authors: 2, entities: 1.5 },
  },
};

export class LibrarySearch {
  /** The index, dropped by every write to the analyses or the entities (their names are searched). */
  private readonly index: () => Promise<MiniSearch<SearchDocument>>;

  constructor(private readonly db: BackstoryDatabase) {
    this.index = savedUntilChanged(db, ['analyses', 'entities'], SETTING_KEY, {
      build: () => this.build(),
      save: (index) => ({ version: INDEX_VERSION, json: JSON.stringify(index) }),
      revive: (saved) => {
        const { version, json } = saved as { version?: number; json?: string };
        return version === INDEX_VERSION && typeof json === 'string'
          ? MiniSearch.loadJSON<SearchDocument>(json, OPTIONS)
          : undefined;
      },
    });
  }

  private async build(): Promise<MiniSearch<SearchDocument>> {
    const [analyses, entities] = await Promise.all([this.db.analyses.toArray(), this.db.entities.toArray()]);
    const names = new Map(entities.map((e) => [e.id, [e.name, ...e.aliases.map((a) => a.text)].join(' ')]));
    const index = new MiniSearch<SearchDocument>(OPTIONS);
    index.addAll(
      analyses.map((a) => ({
        id: a.id,
        title: a.title,
        summary: a.summary,
        keyPoints: a.keyPoints.join(' '),
        authors: a.authors.map((author) => `${author.name} ${author.credentials ?? ''}`).join(' '),
        outlet: a.outlet,
        entities: a.entityIds.map((id) => names.get(id) ?? '').join(' '),
      })),
    );
    return index;
  }

  /** Ids of matching analyses, best first. */
  async search(query: string): Promise<string[]> {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const index = await this.index();
    return index.search(trimmed).map((result) => String(result.id));
  }
}
