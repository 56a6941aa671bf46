/**
 * Full-text search over the library with MiniSearch: an inverted index held in the background,
 * built on first use and rebuilt after the library changes.
 */
import MiniSearch from 'minisearch';
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

const FIELDS = ['title', 'summary', 'keyPoints', 'authors', 'outlet', 'entities'] as const;

export class LibrarySearch {
  private index: Promise<MiniSearch<SearchDocument>> | null = null;

  constructor(private readonly db: BackstoryDatabase) {}

  /** Forgets the index; the next search rebuilds it. */
  invalidate(): void {
    this.index = null;
  }

  private async build(): Promise<MiniSearch<SearchDocument>> {
    const [analyses, entities] = await Promise.all([this.db.analyses.toArray(), this.db.entities.toArray()]);
    const names = new Map(entities.map((e) => [e.id, [e.name, ...e.aliases.map((a) => a.text)].join(' ')]));
    const index = new MiniSearch<SearchDocument>({
      fields: [...FIELDS],
      searchOptions: {
        prefix: true,
        fuzzy: 0.15,
        combineWith: 'AND',
        boost: { title: 2, authors: 2, entities: 1.5 },
      },
    });
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
    this.index ??= this.build();
    const index = await this.index;
    return index.search(trimmed).map((result) => String(result.id));
  }
}
