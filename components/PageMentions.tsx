import type { PageState } from '@/lib/protocol/messages';

export interface PageMentionsProps {
  /** The current tab's report, or null when its page reported nothing. */
  page: PageState | null;
}

/** The actors and events found on the current page, grouped by kind, with mention counts. */
export function PageMentions({ page }: PageMentionsProps) {
  if (!page) {
    return (
      <p class="empty-state" role="status">
        Backstory has not read this page. It reads web pages (http and https) when they load.
      </p>
    );
  }
  if (!page.active) {
    return (
      <p class="empty-state" role="status">
        Backstory is off on this site or paused. Switch it on above to see the actors and events here.
      </p>
    );
  }
  if (page.mentions.length === 0) {
    return (
      <p class="empty-state" role="status">
        No actors or events from your library are mentioned on this page.
      </p>
    );
  }
  const groups = [
    { kind: 'actor', label: 'Actors' },
    { kind: 'event', label: 'Events' },
  ] as const;
  return (
    <section aria-labelledby="mentions-heading" class="page-mentions">
      <h2 id="mentions-heading">On this page</h2>
      {groups.map(({ kind, label }) => {
        const mentions = page.mentions
          .filter((mention) => mention.kind === kind)
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
        if (mentions.length === 0) return null;
        return (
          <div key={kind}>
            <h3>{label}</h3>
            <ul class="mention-list" aria-label={label}>
              {mentions.map((mention) => (
                <li key={mention.entityId} class={`chip chip--${kind}`} data-entity-id={mention.entityId}>
                  {mention.name} <span class="count">×{mention.count}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
