/**
 * Full-text search over the library with MiniSearch: an inverted index held in the background,
 * saved in the database (so a restarted service worker loads it instead of re-reading and
 * re-tokenising every analysis), and rebuilt on first use after the library changed.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { BackstoryDatabase } from '../db/database';

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
  private index: Promise<MiniSearch<SearchDocument>> | null = null;

  constructor(private readonly db: BackstoryDatabase) {}

  /** Forgets the index; the next search rebuilds it. */
  async invalidate(): Promise<void> {
    this.index = null;
    await this.db.settings.delete(SETTING_KEY);
  }

  private async load(): Promise<MiniSearch<SearchDocument>> {
    const saved = (await this.db.settings.get(SETTING_KEY))?.value as
      { version: number; json: string } | undefined;
    if (saved?.version === INDEX_VERSION) return MiniSearch.loadJSON<SearchDocument>(saved.json, OPTIONS);
    const index = await this.build();
    await this.db.settings.put({
      key: SETTING_KEY,
      value: { version: INDEX_VERSION, json: JSON.stringify(index) },
    });
    return index;
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
    this.index ??= this.load().catch((error: unknown) => {
      this.index = null;
      throw error;
    });
    const index = await this.index;
    return index.search(trimmed).map((result) => String(result.id));
  }
}
