import { useState } from 'preact/hooks';
import type { EntityCard } from '@/lib/protocol/messages';
import { formatDate, joinNames, oneLine } from './format';

export interface HoverCardProps {
  /** The words on the page the card is about. */
  alias: string;
  /** The card's content, or null while it loads. */
  card: EntityCard | null;
  error: string | null;
  /** A short note after an action ("Hidden on this site."). */
  notice: string | null;
  onOpenPanel: () => void;
  onHide: (scope: 'site' | 'everywhere') => void;
  onClose: () => void;
  /** Save the page this card is on for later; omitted where saving makes no sense (the reader view). */
  onSave?: () => void;
  /** The page is in the reading list. */
  saved?: boolean;
}

/** What an actor or event is and the best analyses about it, shown beside a highlighted mention. */
export function HoverCard({
  alias,
  card,
  error,
  notice,
  onOpenPanel,
  onHide,
  onClose,
  onSave,
  saved = false,
}: HoverCardProps) {
  const [choosingScope, setChoosingScope] = useState(false);
  const name = card?.entity.name ?? alias;
  return (
    <section class="card" role="dialog" aria-label={`Backstory: ${name}`} data-kind={card?.entity.kind}>
      <header class="card__header">
        <div>
          <h2 class="card__name">{name}</h2>
          {card && (
            <p class="card__kind">
              {card.entity.kind === 'actor' ? 'Actor' : 'Event'} · {card.entity.category}
            </p>
          )}
        </div>
        <button type="button" class="card__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {error && <p class="card__error">{error}</p>}
      {!card && !error && <p class="card__muted">Loading…</p>}
      {card && (
        <>
          <p class="card__description">{card.entity.description}</p>
          <p class="card__count">
            {card.analysisCount === 0
              ? 'No analysis in your library discusses it yet.'
              : `${card.analysisCount} ${card.analysisCount === 1 ? 'analysis' : 'analyses'} in your library discuss${card.analysisCount === 1 ? 'es' : ''} it`}
          </p>
          <ol class="card__analyses">
            {card.top.map((analysis) => (
              <li key={analysis.id}>
                <a href={analysis.url} target="_blank" rel="noopener noreferrer" class="card__title">
                  {analysis.title}
                </a>
                <span class="card__meta">
                  {joinNames(analysis.authors.map((a) => a.name))} · {analysis.outlet} ·{' '}
                  <time dateTime={analysis.publishedAt}>{formatDate(analysis.publishedAt)}</time>
                </span>
                <span class="card__summary">{oneLine(analysis.summary)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {notice && (
        <p class="card__notice" role="status">
          {notice}
        </p>
      )}
      <footer class="card__actions">
        <button type="button" class="card__primary" onClick={onOpenPanel}>
          Open in side panel
        </button>
        {onSave && (
          <button type="button" onClick={onSave} aria-disabled={saved} disabled={saved}>
            {saved ? 'Saved for later' : 'Save page for later'}
          </button>
        )}
        {choosingScope ? (
          <span class="card__scope" role="group" aria-label={`Stop highlighting “${alias}”`}>
            <button type="button" onClick={() => onHide('site')}>
              Not on this site
            </button>
            <button type="button" onClick={() => onHide('everywhere')}>
              Not anywhere
            </button>
          </span>
        ) : (
          <button type="button" aria-expanded="false" onClick={() => setChoosingScope(true)}>
            Not this
          </button>
        )}
      </footer>
    </section>
  );
}
