import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CandidateEntity } from '@/lib/model/extract';
import {
  actorCategories,
  eventCategories,
  webUrlSchema,
  type Author,
  type EntityKind,
} from '@/lib/model/schema';
import type { NewActor, AnalysisDraft as SavedDraft } from '@/lib/model/views';

/**
 * What "Add this page as an analysis" starts from: the analysis read out of the page (its known
 * actors and events in `entityIds`, ticked from the start) plus the names the library does not know:
 * the certain ones ticked, the others proposed.
 */
export interface AnalysisDraft extends SavedDraft {
  candidates: CandidateEntity[];
}

export interface AnalysisDraftFormProps {
  draft: AnalysisDraft;
  /** The library's actors and events the reader can tag the analysis with. */
  knownEntities: Array<{ id: string; name: string; kind: EntityKind }>;
  /** The analysis already stored for this URL, if any. */
  existing?: { title: string };
  /** Whether the browser offers an on-device summariser; the button shows only then. */
  summarizerAvailable?: boolean;
  onSummarize?: () => void;
  /** Saving or summarising: the buttons that would start another are disabled. */
  busy: boolean;
  /** Why the last save or summary failed. */
  error?: string;
  /**
   * Called with the checked, tidied analysis, the new names the reader ticked (added at once) and
   * those left unticked (proposed, to review in the manager).
   */
  onSave: (draft: SavedDraft, newEntities: NewActor[], proposals: NewActor[]) => void;
  onCancel: () => void;
}

/** The analysis schema allows ten key points. */
const MAX_KEY_POINTS = 10;
/** And twenty authors. */
const MAX_AUTHORS = 20;

const CATEGORIES: Record<EntityKind, readonly CandidateEntity['category'][]> = {
  actor: actorCategories,
  event: eventCategories,
};
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const KIND_GROUPS = [
  { kind: 'actor', label: 'Actors' },
  { kind: 'event', label: 'Events' },
] as const;

type Field = 'title' | 'url' | 'authors' | 'outlet' | 'summary';
type Problems = Partial<Record<Field, string>>;
/** The reader's choice for each proposed name, by name. */
type Proposals = Record<string, { add: boolean; category: CandidateEntity['category'] }>;

/** The fields the validator checks, in the order they appear (the first invalid one gets focus). */
const FIELD_ORDER: Field[] = ['title', 'url', 'authors', 'outlet', 'summary'];

function findProblems(draft: AnalysisDraft): Problems {
  const problems: Problems = {};
  if (!draft.title.trim()) problems.title = 'Give the analysis a title.';
  if (!webUrlSchema.safeParse(draft.url.trim()).success) {
    problems.url = 'The address must be a web link starting with http:// or https://.';
  }
  const unnamed = draft.authors.findIndex((author) => !author.name.trim() && author.credentials?.trim());
  if (unnamed >= 0) problems.authors = `Author ${unnamed + 1} has credentials but no name.`;
  else if (!draft.authors.some((author) => author.name.trim())) problems.authors = 'Add at least one author.';
  if (!draft.outlet.trim()) problems.outlet = 'Name the outlet that published it.';
  if (!draft.summary.trim()) problems.summary = 'Write a summary (or let the browser write one).';
  return problems;
}

/** The analysis as it should be stored: trimmed, without blank authors or key points, nor the proposals. */
function tidy(draft: AnalysisDraft): SavedDraft {
  return {
    url: draft.url.trim(),
    title: draft.title.trim(),
    outlet: draft.outlet.trim(),
    summary: draft.summary.trim(),
    authors: draft.authors
      .filter((author) => author.name.trim())
      .map((author) => {
        const credentials = author.credentials?.trim();
        return credentials ? { name: author.name.trim(), credentials } : { name: author.name.trim() };
      }),
    keyPoints: draft.keyPoints.map((point) => point.trim()).filter(Boolean),
    publishedAt: draft.publishedAt,
    entityIds: draft.entityIds,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields the parent changed (a summary arrived) replace the form's; the reader's other edits stay. */
function mergeChanges(form: AnalysisDraft, before: AnalysisDraft, after: AnalysisDraft): AnalysisDraft {
  const merged = { ...form };
  for (const key of Object.keys(after) as Array<keyof AnalysisDraft>) {
    if (!same(before[key], after[key])) Object.assign(merged, { [key]: after[key] });
  }
  return merged;
}

function startingForm(draft: AnalysisDraft): AnalysisDraft {
  // One empty row to type into when the page named nobody.
  return draft.authors.length > 0 ? draft : { ...draft, authors: [{ name: '' }] };
}

function proposalsFor(candidates: CandidateEntity[], previous: Proposals = {}): Proposals {
  return Object.fromEntries(
    candidates.map((candidate) => [
      candidate.name,
      previous[candidate.name] ?? { add: candidate.certain, category: candidate.category },
    ]),
  );
}

/**
 * "Add this page as an analysis": every field the page gave is editable, known actors and events
 * are ticked, new names are only proposed, and nothing is saved until the required fields are filled.
 */
export function AnalysisDraftForm({
  draft,
  knownEntities,
  existing,
  summarizerAvailable = false,
  onSummarize,
  busy,
  error,
  onSave,
  onCancel,
}: AnalysisDraftFormProps) {
  const uid = useId();
  const [form, setForm] = useState(() => startingForm(draft));
  const [proposals, setProposals] = useState(() => proposalsFor(draft.candidates));
  const [problems, setProblems] = useState<Problems>({});
  const lastDraft = useRef(draft);
  const formRef = useRef<HTMLFormElement>(null);
  // The id of the element to focus after the next render (a new row, the first invalid field).
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (lastDraft.current === draft) return;
    const before = lastDraft.current;
    lastDraft.current = draft;
    setForm((current) => mergeChanges(current, before, draft));
    setProposals((current) => proposalsFor(draft.candidates, current));
  }, [draft]);

  useEffect(() => {
    if (!focusId) return;
    formRef.current?.ownerDocument.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const ids = {
    heading: `${uid}-heading`,
    addAuthor: `${uid}-add-author`,
    addPoint: `${uid}-add-point`,
    authorName: (index: number) => `${uid}-author-${index}`,
    point: (index: number) => `${uid}-point-${index}`,
    category: (index: number) => `${uid}-category-${index}`,
    field: (field: Field) => `${uid}-${field}`,
    problem: (field: Field) => `${uid}-${field}-problem`,
  };

  const update = (changes: Partial<AnalysisDraft>) => setForm((current) => ({ ...current, ...changes }));
  const updateAuthor = (index: number, changes: Partial<Author>) =>
    update({ authors: form.authors.map((author, i) => (i === index ? { ...author, ...changes } : author)) });
  const updatePoint = (index: number, text: string) =>
    update({ keyPoints: form.keyPoints.map((point, i) => (i === index ? text : point)) });

  /** Ties a field the validator flagged to its message. */
  const checked = (field: Field) =>
    problems[field] ? { 'aria-invalid': true, 'aria-describedby': ids.problem(field) } : {};
  const problemText = (field: Field) =>
    problems[field] && (
      <p id={ids.problem(field)} class="field-problem">
        {problems[field]}
      </p>
    );

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = findProblems(form);
    setProblems(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      setFocusId(first === 'authors' ? ids.authorName(0) : ids.field(first));
      return;
    }
    const chosen = (add: boolean) =>
      form.candidates
        .filter((candidate) => (proposals[candidate.name]?.add ?? candidate.certain) === add)
        .map((candidate) => ({
          name: candidate.name,
          kind: candidate.kind,
          category: proposals[candidate.name]?.category ?? candidate.category,
          aliases: candidate.aliases,
        }));
    onSave(tidy(form), chosen(true), chosen(false));
  };

  const problemCount = Object.keys(problems).length;

  return (
    <form
      ref={formRef}
      class="draft-form"
      aria-labelledby={ids.heading}
      aria-busy={busy}
      noValidate
      onSubmit={submit}
    >
      <h2 id={ids.heading}>Add this page as an analysis</h2>
      {existing && (
        <p class="notice" role="status">
          This page is already in your library (“{existing.title}”): saving updates it.
        </p>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {problemCount > 0 && (
        <p class="alert" role="alert">
          Not saved yet: {problemCount === 1 ? 'one field needs' : `${problemCount} fields need`} your
          attention.
        </p>
      )}

      <div class="form-field">
        <label for={ids.field('title')}>Title</label>
        <input
          id={ids.field('title')}
          type="text"
          maxLength={400}
          value={form.title}
          onInput={(event) => update({ title: event.currentTarget.value })}
          {...checked('title')}
        />
        {problemText('title')}
      </div>
      <div class="form-field">
        <label for={ids.field('url')}>Address</label>
        <input
          id={ids.field('url')}
          type="url"
          maxLength={2048}
          value={form.url}
          onInput={(event) => update({ url: event.currentTarget.value })}
          {...checked('url')}
        />
        {problemText('url')}
      </div>

      <fieldset class="form-group" {...(problems.authors && { 'aria-describedby': ids.problem('authors') })}>
        <legend>Authors</legend>
        {form.authors.map((author, index) => (
          <div class="form-row" key={index}>
            <label>
              Name<span class="visually-hidden"> of author {index + 1}</span>
              <input
                id={ids.authorName(index)}
                type="text"
                maxLength={200}
                value={author.name}
                onInput={(event) => updateAuthor(index, { name: event.currentTarget.value })}
                {...(problems.authors && { 'aria-invalid': true })}
              />
            </label>
            <label class="form-row__wide">
              Credentials<span class="visually-hidden"> of author {index + 1}</span>
              <input
                type="text"
                maxLength={600}
                placeholder="Posts held, institution, expertise"
                value={author.credentials ?? ''}
                onInput={(event) => updateAuthor(index, { credentials: event.currentTarget.value })}
              />
            </label>
            <button
              type="button"
              aria-label={`Remove author ${index + 1}`}
              onClick={() => {
                update({ authors: form.authors.filter((_, i) => i !== index) });
                setFocusId(ids.addAuthor);
              }}
            >
              Remove
            </button>
          </div>
        ))}
        {problemText('authors')}
        <button
          id={ids.addAuthor}
          type="button"
          disabled={form.authors.length >= MAX_AUTHORS}
          onClick={() => {
            update({ authors: [...form.authors, { name: '' }] });
            setFocusId(ids.authorName(form.authors.length));
          }}
        >
          Add author
        </button>
      </fieldset>

      <div class="form-row">
        <div class="form-field form-row__wide">
          <label for={ids.field('outlet')}>Outlet</label>
          <input
            id={ids.field('outlet')}
            type="text"
            maxLength={200}
            value={form.outlet}
            onInput={(event) => update({ outlet: event.currentTarget.value })}
            {...checked('outlet')}
          />
          {problemText('outlet')}
        </div>
        <div class="form-field">
          <label for={`${uid}-date`}>Published</label>
          <input
            id={`${uid}-date`}
            type="date"
            value={form.publishedAt}
            onInput={(event) => update({ publishedAt: event.currentTarget.value })}
          />
        </div>
      </div>

      <div class="form-field">
        <label for={ids.field('summary')}>Summary</label>
        <textarea
          id={ids.field('summary')}
          rows={5}
          maxLength={2000}
          value={form.summary}
          onInput={(event) => update({ summary: event.currentTarget.value })}
          {...checked('summary')}
        />
        {problemText('summary')}
        {summarizerAvailable && onSummarize && (
          <button type="button" disabled={busy} onClick={onSummarize}>
            Summarise with the browser's on-device model
          </button>
        )}
      </div>

      <fieldset class="form-group">
        <legend>
          Key points{' '}
          <span class="count">
            ({form.keyPoints.length} of at most {MAX_KEY_POINTS})
          </span>
        </legend>
        {form.keyPoints.length > 0 && (
          <ol class="key-points">
            {form.keyPoints.map((point, index) => (
              <li key={index} class="form-row">
                <textarea
                  id={ids.point(index)}
                  class="form-row__wide"
                  rows={2}
                  maxLength={600}
                  aria-label={`Key point ${index + 1}`}
                  value={point}
                  onInput={(event) => updatePoint(index, event.currentTarget.value)}
                />
                <button
                  type="button"
                  aria-label={`Remove key point ${index + 1}`}
                  onClick={() => {
                    update({ keyPoints: form.keyPoints.filter((_, i) => i !== index) });
                    setFocusId(ids.addPoint);
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <button
          id={ids.addPoint}
          type="button"
          disabled={form.keyPoints.length >= MAX_KEY_POINTS}
          onClick={() => {
            update({ keyPoints: [...form.keyPoints, ''] });
            setFocusId(ids.point(form.keyPoints.length));
          }}
        >
          Add key point
        </button>
      </fieldset>

      <fieldset class="form-group">
        <legend>Actors and events it discusses</legend>
        {knownEntities.length === 0 && (
          <p class="count">Your library has no actors or events to tag it with.</p>
        )}
        {KIND_GROUPS.map(({ kind, label }) => {
          const group = knownEntities.filter((entity) => entity.kind === kind);
          if (group.length === 0) return null;
          return (
            <div key={kind} role="group" aria-label={label}>
              <h3>{label}</h3>
              <ul class="check-list">
                {group.map((entity) => (
                  <li key={entity.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={form.entityIds.includes(entity.id)}
                        onChange={(event) =>
                          update({
                            entityIds: event.currentTarget.checked
                              ? [...form.entityIds, entity.id]
                              : form.entityIds.filter((id) => id !== entity.id),
                          })
                        }
                      />{' '}
                      {entity.name}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </fieldset>

      {form.candidates.length > 0 && (
        <fieldset class="form-group">
          <legend>Names your library does not know yet</legend>
          <p class="count">
            Ticked ones are added to your library; the others wait in the actors and events manager for you to
            accept or reject them.
          </p>
          <ul class="candidate-list">
            {form.candidates.map((candidate, index) => {
              const proposal = proposals[candidate.name] ?? {
                add: candidate.certain,
                category: candidate.category,
              };
              const choose = (changes: Partial<typeof proposal>) =>
                setProposals((current) => ({ ...current, [candidate.name]: { ...proposal, ...changes } }));
              return (
                <li key={candidate.name} class="form-row">
                  <span class="form-row__wide">
                    <strong>{candidate.name}</strong>{' '}
                    <span class="count">
                      ({candidate.kind}, named {candidate.count} {candidate.count === 1 ? 'time' : 'times'})
                    </span>
                  </span>
                  <label>
                    <input
                      type="checkbox"
                      checked={proposal.add}
                      onChange={(event) => choose({ add: event.currentTarget.checked })}
                    />{' '}
                    Add now<span class="visually-hidden">: {candidate.name}</span>
                  </label>
                  <label for={ids.category(index)}>
                    Category<span class="visually-hidden"> of {candidate.name}</span>
                  </label>
                  <select
                    id={ids.category(index)}
                    value={proposal.category}
                    onChange={(event) =>
                      choose({ category: event.currentTarget.value as CandidateEntity['category'] })
                    }
                  >
                    {CATEGORIES[candidate.kind].map((value) => (
                      <option key={value} value={value}>
                        {capitalised(value)}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}

      <div class="form-actions">
        <button type="submit" class="button--primary" disabled={busy}>
          {existing ? 'Update analysis' : 'Save analysis'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
