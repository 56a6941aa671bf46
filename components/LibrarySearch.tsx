import type { AnalysisView } from '@/lib/protocol/messages';
import { AnalysisCards } from './AnalysisCards';

export interface LibrarySearchProps {
  query: string;
  onQuery: (query: string) => void;
  /** Results for the current query, or null before a search. */
  results: { total: number; items: AnalysisView[] } | null;
  entityNames: ReadonlyMap<string, string>;
}

/** Search box over the whole library, with its results. */
export function LibrarySearch({ query, onQuery, results, entityNames }: LibrarySearchProps) {
  return (
    <section aria-labelledby="search-heading" class="library-search">
      <h2 id="search-heading" class="visually-hidden">
        Search your library
      </h2>
      <input
        type="search"
        value={query}
        placeholder="Search analyses, authors, actors…"
        aria-label="Search your library"
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      {results && (
        <div aria-live="polite">
          <p class="count">
            {results.total === 0
              ? `Nothing in your library matches “${query}”.`
              : `${results.total} ${results.total === 1 ? 'analysis matches' : 'analyses match'} “${query}”`}
          </p>
          <AnalysisCards analyses={results.items} entityNames={entityNames} />
        </div>
      )}
    </section>
  );
}
