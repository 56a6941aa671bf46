import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { aliasKey } from '@/lib/entities/fold';
import type { Entity, EntityKind } from '@/lib/model/schema';
import type { EntityRow } from '@/lib/model/views';
import { EntityEditor } from './EntityEditor';
import { ActionStatus } from './ActionStatus';
import { DiscoveryReview } from './DiscoveryReview';

/** An entity as the manager lists it: whether it is hidden from pages and how many analyses tag it. */
export type { EntityRow };

export interface EntityManagerProps {
  entities: EntityRow[];
  onSave: (entity: Entity) => void;
  onDelete: (id: string) => void;
  onHide: (id: string, hidden: boolean) => void;
  /** Merge `mergeId` into `keepId`. */
  onMerge: (keepId: string, mergeId: string) => void;
  /** Accept a proposed entity (pages highlight it from then on). */
  onAccept: (id: string) => void;
  /** Reject a discovered or proposed entity: deleted, never discovered again. */
  onReject: (id: string) => void;
  /** Why the last change failed. */
  error?: string;
  /** What the last change did. */
  notice?: string;
}

type KindFilter = 'all' | EntityKind;
type OriginFilter = 'all' | 'discovered' | 'proposed' | 'curated';

/** Where an entity came from, as the origin filter sorts them. */
const originOf = (entity: EntityRow): Exclude<OriginFilter, 'all'> =>
  entity.discovery?.state === 'proposed'
    ? 'proposed'
    : entity.discovery?.state === 'discovered'
      ? 'discovered'
      : 'curated';

/** Rows rendered at once; a search narrows a large library down. */
const MAX_SHOWN = 200;

/** True when the entity's name or one of its aliases contains the (folded) query. */
function matches(entity: EntityRow, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  return [entity.name, ...entity.aliases.map((alias) => alias.text)].some((text) =>
    aliasKey(text).includes(foldedQuery),
  );
}

/** The library's actors and events: find one by name or alias, then edit, hide, delete or merge it. */
export function EntityManager({
  entities,
  onSave,
  onDelete,
  onHide,
  onMerge,
  onAccept,
  onReject,
  error,
  notice,
}: EntityManagerProps) {
  const uid = useId();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [origin, setOrigin] = useState<OriginFilter>('all');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // After the editor closes, focus goes back to the entity it edited instead of the page's start.
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  useEffect(() => {
    if (!returnFocusTo) return;
    listRef.current?.querySelector<HTMLElement>(`[data-entity-id="${returnFocusTo}"]`)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);

  const found = useMemo(() => {
    // Folded like page text, so "erdogan" finds "Erdoğan" and "al assad" finds "al-Assad".
    const foldedQuery = aliasKey(query);
    return entities
      .filter(
        (entity) =>
          (kind === 'all' || entity.kind === kind) &&
          (origin === 'all' || originOf(entity) === origin) &&
          matches(entity, foldedQuery),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [entities, query, kind, origin]);

  const selected = entities.find((entity) => entity.id === selectedId);
  const headingId = `${uid}-heading`;

  return (
    <section aria-labelledby={headingId} class="entity-manager">
      <h2 id={headingId}>Actors and events</h2>
      <ActionStatus error={error} notice={notice} />
      <DiscoveryReview
        entities={entities}
        onAccept={onAccept}
        onReject={onReject}
        onEdit={(id) => {
          setQuery('');
          setOrigin('all');
          setSelectedId(id);
        }}
      />
      <div class="entity-manager__filters">
        <label>
          Find{' '}
          <input
            type="search"
            placeholder="Name or alias"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <label for={`${uid}-kind`}>Show</label>
        <select
          id={`${uid}-kind`}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as KindFilter)}
        >
          <option value="all">Actors and events</option>
          <option value="actor">Actors</option>
          <option value="event">Events</option>
        </select>
        <label for={`${uid}-origin`}>From</label>
        <select
          id={`${uid}-origin`}
          value={origin}
          onChange={(event) => setOrigin(event.currentTarget.value as OriginFilter)}
        >
          <option value="all">Anywhere</option>
          <option value="discovered">Discovered in analyses</option>
          <option value="proposed">Proposed, waiting for you</option>
          <option value="curated">Packs and your own</option>
        </select>
      </div>
      <p class="count" aria-live="polite">
        {found.length === entities.length
          ? `${entities.length} actors and events`
          : `${found.length} of ${entities.length} match`}
        {found.length > MAX_SHOWN && `; the first ${MAX_SHOWN} are listed, search to narrow them down`}
      </p>
      <div class="entity-manager__body">
        <ul ref={listRef} class="entity-manager__list" aria-label="Actors and events found">
          {found.slice(0, MAX_SHOWN).map((entity) => (
            <li key={entity.id}>
              <button
                type="button"
                class={`entity-manager__item entity-manager__item--${entity.kind}`}
                data-entity-id={entity.id}
                aria-current={entity.id === selectedId}
                onClick={() => setSelectedId(entity.id)}
              >
                <span class="entity-manager__name">{entity.name}</span>
                <span class="count">
                  {' '}
                  · {entity.category} · {entity.analysisCount}{' '}
                  {entity.analysisCount === 1 ? 'analysis' : 'analyses'}
                </span>
                {entity.hidden && (
                  <>
                    {' '}
                    <span class="badge">hidden</span>
                  </>
                )}
                {originOf(entity) !== 'curated' && (
                  <>
                    {' '}
                    <span class={`badge badge--${originOf(entity)}`}>{originOf(entity)}</span>
                  </>
                )}
              </button>
            </li>
          ))}
        </ul>
        {selected && (
          <EntityEditor
            key={selected.id}
            entity={selected}
            mergeTargets={entities
              .filter((entity) => entity.kind === selected.kind && entity.id !== selected.id)
              .sort((a, b) => a.name.localeCompare(b.name))}
            onSave={onSave}
            onDelete={onDelete}
            onHide={onHide}
            onMerge={onMerge}
            onClose={() => {
              setSelectedId(null);
              setReturnFocusTo(selected.id);
            }}
          />
        )}
      </div>
    </section>
  );
}
