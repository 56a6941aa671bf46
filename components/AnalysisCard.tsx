import type { AnalysisView } from '@/lib/protocol/messages';
import { formatDate, joinNames } from './format';

export interface AnalysisCardProps {
  analysis: AnalysisView;
  /** Names of the actors and events this analysis discusses, in display order. */
  entityNames?: string[];
  /** Label of the entity chips ("On this page", "Discusses"). */
  entitiesLabel?: string;
  /** A warning about its date relative to the page. */
  badge?: 'older' | 'later' | null;
}

/** Chips shown per card; the rest are summed up ("+4 more") with their names in a tooltip. */
const MAX_CHIPS = 6;

const BADGES = {
  older: { text: 'Older than 6 months', title: 'Published more than six months before this page' },
  later: { text: 'Written after', title: 'Published after this page' },
} as const;

/** One expert analysis: title and link, authors with credentials, outlet, date, summary, key points. */
export function AnalysisCard({
  analysis,
  entityNames = [],
  entitiesLabel = 'Discusses',
  badge = null,
}: AnalysisCardProps) {
  const headingId = `analysis-${analysis.id}`;
  return (
    <article class="analysis-card" aria-labelledby={headingId} data-analysis-id={analysis.id}>
      <h3 id={headingId} class="analysis-card__title">
        <a href={analysis.url} target="_blank" rel="noopener noreferrer">
          {analysis.title}
        </a>
      </h3>
      <p class="analysis-card__meta">
        <span class="analysis-card__authors">{joinNames(analysis.authors.map((a) => a.name))}</span>
        {' · '}
        <span class="analysis-card__outlet">{analysis.outlet}</span>
        {' · '}
        <time dateTime={analysis.publishedAt}>{formatDate(analysis.publishedAt)}</time>
        {badge && (
          <span class={`badge badge--${badge}`} title={BADGES[badge].title}>
            {BADGES[badge].text}
          </span>
        )}
      </p>
      <p class="analysis-card__summary">{analysis.summary}</p>
      {analysis.keyPoints.length > 0 && (
        <details class="analysis-card__points">
          <summary>Key points ({analysis.keyPoints.length})</summary>
          <ul>
            {analysis.keyPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </details>
      )}
      <details class="analysis-card__credentials">
        <summary>About the {analysis.authors.length > 1 ? 'authors' : 'author'}</summary>
        <dl>
          {analysis.authors.map((author) => (
            <div key={author.name}>
              <dt>{author.name}</dt>
              <dd>{author.credentials ?? 'No credentials recorded.'}</dd>
            </div>
          ))}
        </dl>
      </details>
      {entityNames.length > 0 && (
        <p class="analysis-card__entities">
          <span class="analysis-card__entities-label">{entitiesLabel}: </span>
          {entityNames.slice(0, MAX_CHIPS).map((name) => (
            <span key={name} class="chip">
              {name}
            </span>
          ))}
          {entityNames.length > MAX_CHIPS && (
            <span class="chip chip--more" title={entityNames.slice(MAX_CHIPS).join(', ')}>
              +{entityNames.length - MAX_CHIPS} more
            </span>
          )}
        </p>
      )}
    </article>
  );
}
