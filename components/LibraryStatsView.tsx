import type { LibraryStats } from '@/lib/protocol/messages';

export interface LibraryStatsViewProps {
  stats: LibraryStats | null;
}

/** How much the library holds. */
export function LibraryStatsView({ stats }: LibraryStatsViewProps) {
  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">Your library</h2>
      {stats ? (
        <ul data-testid="library-stats">
          <li>{stats.analyses} analyses</li>
          <li>{stats.entities} actors and events</li>
          <li>{stats.sources} sources</li>
          <li>{stats.articles} saved articles</li>
        </ul>
      ) : (
        <p>Loading…</p>
      )}
    </section>
  );
}
