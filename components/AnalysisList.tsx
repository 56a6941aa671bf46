import type { AnalysisView } from '@/lib/protocol/messages';
import { AnalysisCard } from './AnalysisCard';

export interface AnalysisListProps {
  analyses: AnalysisView[];
  total: number;
  /** Entity id → display name, to show what each analysis discusses. */
  entityNames: ReadonlyMap<string, string>;
}

/** The library's analyses as cards, or a note telling the reader how to fill an empty library. */
export function AnalysisList({ analyses, total, entityNames }: AnalysisListProps) {
  if (total === 0) {
    return (
      <p class="empty-state" role="status">
        Your library is empty. Import a pack from Backstory’s settings to start.
      </p>
    );
  }
  return (
    <section aria-labelledby="analyses-heading">
      <h2 id="analyses-heading">
        Analyses in your library <span class="count">({total})</span>
      </h2>
      <ul class="analysis-list">
        {analyses.map((analysis) => (
          <li key={analysis.id}>
            <AnalysisCard
              analysis={analysis}
              entityNames={analysis.entityIds.flatMap((id) => entityNames.get(id) ?? [])}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
