import type { AnalysisView, RankedAnalysis } from '@/lib/protocol/messages';
import { AnalysisCard } from './AnalysisCard';
import { AnalysisCards } from './AnalysisCards';

export interface RankedAnalysesProps {
  ranked: RankedAnalysis[];
  others: AnalysisView[];
  /** The entity the list is filtered to, by name. */
  focusName: string | null;
  entityNames: ReadonlyMap<string, string>;
}

/** The analyses most relevant to the page, best first, then the rest of the library. */
export function RankedAnalyses({ ranked, others, focusName, entityNames }: RankedAnalysesProps) {
  return (
    <>
      <section aria-labelledby="ranked-heading">
        <h2 id="ranked-heading">
          {focusName ? `Analyses about ${focusName}` : 'Most relevant to this page'}{' '}
          <span class="count">({ranked.length})</span>
        </h2>
        {ranked.length === 0 ? (
          <p class="empty-state" role="status">
            No analysis in your library discusses the actors and events of this page.
          </p>
        ) : (
          <ol class="analysis-list" data-testid="ranked">
            {ranked.map(({ analysis, matched, badge }) => (
              <li key={analysis.id}>
                <AnalysisCard
                  analysis={analysis}
                  badge={badge}
                  entitiesLabel="On this page"
                  entityNames={matched.flatMap((id) => entityNames.get(id) ?? [])}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading">More in your library</h2>
          <AnalysisCards analyses={others} entityNames={entityNames} testId="others" />
        </section>
      )}
    </>
  );
}
