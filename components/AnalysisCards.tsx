import type { AnalysisView } from '@/lib/protocol/messages';
import { AnalysisCard } from './AnalysisCard';

export interface AnalysisCardsProps {
  analyses: AnalysisView[];
  /** Entity id → display name, to show what each analysis discusses. */
  entityNames: ReadonlyMap<string, string>;
  testId?: string;
}

/** A plain list of analysis cards, each naming the actors and events it discusses. */
export function AnalysisCards({ analyses, entityNames, testId }: AnalysisCardsProps) {
  return (
    <ul class="analysis-list" data-testid={testId}>
      {analyses.map((analysis) => (
        <li key={analysis.id}>
          <AnalysisCard
            analysis={analysis}
            entityNames={analysis.entityIds.flatMap((id) => entityNames.get(id) ?? [])}
          />
        </li>
      ))}
    </ul>
  );
}
