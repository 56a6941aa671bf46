import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import {
  actorCategories,
  entitySchema,
  eventCategories,
  type Alias,
  type Entity,
  type EntityKind,
} from '@/lib/model/schema';
import type { EntityRow } from '@/lib/model/views';

export interface EntityEditorProps {
  entity: EntityRow;
  /** Entities this one may be merged into (not itself). */
  mergeTargets: Array<{ id: string; name: string }>;
  /** Called with the edited entity once it passes the entity schema. */
  onSave: (entity: Entity) => void;
  onDelete: (id: string) => void;
  onHide: (id: string, hidden: boolean) => void;
  /** Merge `mergeId` into `keepId`: the kept entity takes over its aliases and analyses. */
  onMerge: (keepId: string, mergeId: string) => void;
  onClose?: () => void;
}

const CATEGORIES: Record<EntityKind, readonly Entity['category'][]> = {
  actor: actorCategories,
  event: eventCategories,
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  category: 'Category',
  description: 'Description',
  aliases: 'Aliases',
  related: 'Related entities',
};

/** "Alias 2: required" from a zod issue; `aliasRows[i]` is the table row of validated alias `i`. */
function describeIssue(issue: z.core.$ZodIssue, aliasRows: number[]): string {
  const [field, index] = issue.path;
  const where =
    field === 'aliases' && typeof index === 'number'
      ? `Alias ${(aliasRows[index] ?? index) + 1}`
      : (FIELD_NAMES[String(field)] ?? String(field));
  let what = issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string') what = 'required';
  if (issue.code === 'too_big') {
    what = `too long (at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'entries'})`;
  }
  return `${where}: ${what}`;
}

/** Only the flags that are set, so stored aliases stay small. */
function tidyAlias({ text, caseSensitive, ambiguous }: Alias): Alias {
  return { text, ...(caseSensitive && { caseSensitive: true }), ...(ambiguous && { ambiguous: true }) };
}

/** Edits one actor or event: names, aliases and their matching flags; hides, deletes or merges it. */
export function EntityEditor({
  entity,
  mergeTargets,
  onSave,
  onDelete,
  onHide,
  onMerge,
  onClose,
}: EntityEditorProps) {
  const uid = useId();
  const [name, setName] = useState(entity.name);
  const [kind, setKind] = useState<EntityKind>(entity.kind);
  const [category, setCategory] = useState<Entity['category']>(entity.category);
  const [description, setDescription] = useState(entity.description);
  const [aliases, setAliases] = useState<Alias[]>(entity.aliases);
  const [issues, setIssues] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<'delete' | 'merge' | null>(null);
  const [mergeInto, setMergeInto] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const mergeRef = useRef<HTMLSelectElement>(null);
  const newAliasRef = useRef<HTMLInputElement>(null);
  const [aliasAdded, setAliasAdded] = useState(false);

  // Keyboard users land in the editor they opened, and in each confirmation step.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (confirming === 'delete') deleteRef.current?.focus();
    if (confirming === 'merge') mergeRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!aliasAdded) return;
    newAliasRef.current?.focus();
    setAliasAdded(false);
  }, [aliasAdded]);

  const ids = {
    heading: `${uid}-heading`,
    name: `${uid}-name`,
    kind: `${uid}-kind`,
    category: `${uid}-category`,
    description: `${uid}-description`,
    merge: `${uid}-merge`,
  };

  const updateAlias = (index: number, changes: Partial<Alias>) =>
    setAliases(aliases.map((alias, i) => (i === index ? { ...alias, ...changes } : alias)));

  const save = (event: Event) => {
    event.preventDefault();
    // Rows left empty are dropped; the rest keep their row numbers for the messages.
    const aliasRows = aliases.flatMap((alias, row) => (alias.text.trim() ? [row] : []));
    const result = entitySchema.safeParse({
      id: entity.id,
      kind,
      category,
      name,
      description,
      aliases: aliasRows.map((row) => tidyAlias(aliases[row]!)),
      related: entity.related,
    });
    if (!result.success) {
      setIssues(result.error.issues.map((issue) => describeIssue(issue, aliasRows)));
      return;
    }
    setIssues([]);
    onSave(result.data);
  };

  const analyses = `${entity.analysisCount} ${entity.analysisCount === 1 ? 'analysis' : 'analyses'}`;
  const target = mergeTargets.find((candidate) => candidate.id === mergeInto);

  return (
    <form class="entity-editor" aria-labelledby={ids.heading} noValidate onSubmit={save}>
      <div class="header">
        <h3 id={ids.heading} ref={headingRef} tabIndex={-1} class="entity-editor__title">
          Edit {entity.name}
        </h3>
        {onClose && (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      <p class="count">
        Discussed by {analyses}
        {entity.hidden && ' · hidden: not highlighted on pages'}
      </p>
      {issues.length > 0 && (
        <div class="alert" role="alert">
          <p>Not saved:</p>
          <ul>
            {issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="form-field">
        <label for={ids.name}>Name</label>
        <input
          id={ids.name}
          type="text"
          maxLength={160}
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <div class="form-row">
        <div class="form-field">
          <label for={ids.kind}>Kind</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(event) => {
              const next = event.currentTarget.value as EntityKind;
              setKind(next);
              if (!CATEGORIES[next].includes(category)) setCategory(CATEGORIES[next][0]!);
            }}
          >
            <option value="actor">Actor</option>
            <option value="event">Event</option>
          </select>
        </div>
        <div class="form-field">
          <label for={ids.category}>Category</label>
          <select
            id={ids.category}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value as Entity['category'])}
          >
            {CATEGORIES[kind].map((value) => (
              <option key={value} value={value}>
                {capitalised(value)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="form-field">
        <label for={ids.description}>Description</label>
        <textarea
          id={ids.description}
          rows={3}
          maxLength={300}
          value={description}
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </div>

      <table class="alias-table">
        <caption>Other names it goes by on pages</caption>
        <thead>
          <tr>
            <th scope="col">Alias</th>
            <th scope="col" title="Match only as written, e.g. acronyms">
              Case-sensitive
            </th>
            <th scope="col" title="Counts only when the page also names it unambiguously">
              Ambiguous
            </th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {aliases.map((alias, index) => (
            <tr key={index}>
              <td>
                <input
                  ref={index === aliases.length - 1 ? newAliasRef : undefined}
                  type="text"
                  maxLength={120}
                  aria-label={`Alias ${index + 1}`}
                  value={alias.text}
                  onInput={(event) => updateAlias(index, { text: event.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Alias ${index + 1} is case-sensitive`}
                  checked={alias.caseSensitive ?? false}
                  onChange={(event) => updateAlias(index, { caseSensitive: event.currentTarget.checked })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Alias ${index + 1} is ambiguous`}
                  checked={alias.ambiguous ?? false}
                  onChange={(event) => updateAlias(index, { ambiguous: event.currentTarget.checked })}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove alias ${index + 1}`}
                  onClick={() => setAliases(aliases.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => {
          setAliases([...aliases, { text: '' }]);
          setAliasAdded(true);
        }}
      >
        Add alias
      </button>

      <div class="form-actions">
        <button type="submit" class="button--primary">
          Save
        </button>
        <button type="button" onClick={() => onHide(entity.id, !entity.hidden)}>
          {entity.hidden ? 'Show' : 'Hide'}
          <span class="visually-hidden"> {entity.name} on pages</span>
        </button>
        <button type="button" onClick={() => setConfirming('delete')}>
          Delete…
        </button>
        {mergeTargets.length > 0 && (
          <button type="button" onClick={() => setConfirming('merge')}>
            Merge into…
          </button>
        )}
      </div>

      {confirming === 'delete' && (
        <div class="confirm" role="group" aria-label={`Delete ${entity.name}`}>
          <p>
            Delete {entity.name}? It will no longer be highlighted or linked to its {analyses}. This cannot be
            undone.
          </p>
          <button type="button" class="button--danger" ref={deleteRef} onClick={() => onDelete(entity.id)}>
            Delete {entity.name}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            Keep it
          </button>
        </div>
      )}
      {confirming === 'merge' && (
        <div class="confirm" role="group" aria-label={`Merge ${entity.name}`}>
          <label for={ids.merge}>Merge {entity.name} into</label>{' '}
          <select
            id={ids.merge}
            ref={mergeRef}
            value={mergeInto}
            onChange={(event) => setMergeInto(event.currentTarget.value)}
          >
            <option value="">Choose…</option>
            {mergeTargets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          {target && (
            <p>
              {target.name} takes over the names and the {analyses} of {entity.name}, which is then deleted.
            </p>
          )}
          <button
            type="button"
            class="button--danger"
            disabled={!target}
            onClick={() => target && onMerge(target.id, entity.id)}
          >
            Merge
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel merge
          </button>
        </div>
      )}
    </form>
  );
}
