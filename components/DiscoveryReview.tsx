import { useId } from 'preact/hooks';
import type { EntityRow } from '@/lib/model/views';

export interface DiscoveryReviewProps {
  /** Entities discovery found, proposed and discovered alike; others are ignored. */
  entities: EntityRow[];
  onAccept: (id: string) => void;
  onReject: (id: string) => void;
  /** Opens the entity in the editor (to rename or merge it). */
  onEdit: (id: string) => void;
}

/** Rows listed per group; the manager's search finds the rest. */
const MAX_LISTED = 50;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function ReviewRow({
  entity,
  onAccept,
  onReject,
  onEdit,
}: { entity: EntityRow } & Omit<DiscoveryReviewProps, 'entities'>) {
  const found = entity.discovery!;
  return (
    <li class="discovery-review__item" data-entity-id={entity.id}>
      <div class="discovery-review__name">
        <strong>{entity.name}</strong>{' '}
        <span class="count">
          {entity.kind === 'event' ? 'event' : 'actor'} · {entity.category}
          {entity.aliases.length > 0 &&
            ` · also “${entity.aliases
              .slice(0, 3)
              .map((a) => a.text)
              .join('”, “')}”`}
        </span>
      </div>
      {found.quote && <blockquote class="discovery-review__quote">{found.quote}</blockquote>}
      <p class="count">
        Found in{' '}
        {found.foundIn.length === 0
          ? 'an analysis no longer in the library'
          : found.foundIn
              .slice(0, 3)
              .map((analysis) => `“${analysis.title}” (${analysis.outlet})`)
              .join('; ')}
        {found.foundIn.length > 3 && ` and ${found.foundIn.length - 3} more`}
        {found.evidence.length > 0 && ` · ${found.evidence.join(', ')}`}
      </p>
      <div class="discovery-review__actions">
        {found.state === 'proposed' && (
          <button type="button" onClick={() => onAccept(entity.id)}>
            Accept<span class="visually-hidden"> {entity.name}</span>
          </button>
        )}
        <button type="button" onClick={() => onReject(entity.id)}>
          {found.state === 'proposed' ? 'Reject' : 'Not a name'}
          <span class="visually-hidden"> {entity.name}</span>
        </button>
        <button type="button" onClick={() => onEdit(entity.id)}>
          Rename or merge<span class="visually-hidden"> {entity.name}</span>
        </button>
      </div>
    </li>
  );
}

/**
 * What the library learned from its analyses, apart from what packs and the reader made: proposed
 * names wait for the reader (not highlighted until accepted), discovered ones were added at once and
 * can still be rejected. A rejected name is never discovered again.
 */
export function DiscoveryReview({ entities, onAccept, onReject, onEdit }: DiscoveryReviewProps) {
  const uid = useId();
  const byNewest = (a: EntityRow, b: EntityRow) =>
    b.discovery!.firstSeenAt - a.discovery!.firstSeenAt || a.name.localeCompare(b.name);
  const proposed = entities.filter((e) => e.discovery?.state === 'proposed').sort(byNewest);
  const discovered = entities.filter((e) => e.discovery?.state === 'discovered').sort(byNewest);
  if (proposed.length + discovered.length === 0) return null;
  const groups = [
    {
      key: 'proposed',
      heading: `Proposed: ${plural(proposed.length, 'name waits', 'names wait')} for you`,
      hint: 'Not highlighted until you accept them.',
      rows: proposed,
    },
    {
      key: 'discovered',
      heading: `Discovered: ${plural(discovered.length, 'name was', 'names were')} added from your analyses`,
      hint: 'Highlighted already; reject a wrong one and it is never discovered again.',
      rows: discovered,
    },
  ];
  return (
    <div class="discovery-review">
      {groups.map(
        (group) =>
          group.rows.length > 0 && (
            <section
              key={group.key}
              aria-labelledby={`${uid}-${group.key}`}
              class={`discovery-review__group discovery-review__group--${group.key}`}
            >
              <h3 id={`${uid}-${group.key}`}>{group.heading}</h3>
              <p class="count">{group.hint}</p>
              <ul class="discovery-review__list">
                {group.rows.slice(0, MAX_LISTED).map((entity) => (
                  <ReviewRow
                    key={entity.id}
                    entity={entity}
                    onAccept={onAccept}
                    onReject={onReject}
                    onEdit={onEdit}
                  />
                ))}
              </ul>
              {group.rows.length > MAX_LISTED && (
                <p class="count">{group.rows.length - MAX_LISTED} more: find them by name below.</p>
              )}
            </section>
          ),
      )}
    </div>
  );
}
