import type { PageState } from '@/lib/protocol/messages';

export interface PageEntitiesProps {
  page: PageState;
  /** The actor or event the analyses are filtered to, if any. */
  focus: string | null;
  /** Scroll the page to the first mention and flash it. */
  onReveal: (entityId: string) => void;
  /** Filter the analyses to this entity, or clear the filter (null). */
  onFocus: (entityId: string | null) => void;
}

const GROUPS = [
  { kind: 'actor', label: 'Actors' },
  { kind: 'event', label: 'Events' },
] as const;

/** The page's actors and events, grouped by kind, most mentioned first, with show and filter actions. */
export function PageEntities({ page, focus, onReveal, onFocus }: PageEntitiesProps) {
  return (
    <section aria-labelledby="mentions-heading" class="page-mentions">
      <h2 id="mentions-heading">On this page</h2>
      {GROUPS.map(({ kind, label }) => {
        const mentions = page.mentions
          .filter((mention) => mention.kind === kind)
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
        if (mentions.length === 0) return null;
        return (
          <div key={kind}>
            <h3>{label}</h3>
            <ul class="entity-list" aria-label={label}>
              {mentions.map((mention) => {
                const focused = focus === mention.entityId;
                return (
                  <li
                    key={mention.entityId}
                    class={`entity entity--${kind}`}
                    data-entity-id={mention.entityId}
                  >
                    <button
                      type="button"
                      class="entity__name"
                      title={`Show ${mention.name} on the page`}
                      onClick={() => onReveal(mention.entityId)}
                    >
                      {mention.name}
                    </button>
                    <span class="count" aria-label={`${mention.count} mentions`}>
                      ×{mention.count}
                    </span>
                    <button
                      type="button"
                      class="entity__filter"
                      aria-pressed={focused}
                      onClick={() => onFocus(focused ? null : mention.entityId)}
                    >
                      {focused ? 'All analyses' : 'Analyses'}
                      <span class="visually-hidden"> about {mention.name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
