// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AnalysisDraftForm, type AnalysisDraft } from './AnalysisDraftForm';
import { mount, seriousViolations } from './test-utils';

const draft: AnalysisDraft = {
  url: 'https://news.example/2016/02/ceasefire-analysis',
  title: '  Why the ceasefire may not hold  ',
  authors: [{ name: 'Dana Keller', credentials: 'Fellow, Example Institute' }],
  outlet: 'Example Review',
  publishedAt: '2016-02-12',
  summary: 'The agreement leaves the sieges in place.',
  keyPoints: ['Aid access is the first test.'],
  entityIds: ['un'],
  candidates: [
    { name: 'Omar Haddad', kind: 'actor', category: 'person', count: 3, certain: true, aliases: [] },
    {
      name: 'Aleppo Relief Council',
      kind: 'actor',
      category: 'organisation',
      count: 1,
      certain: false,
      aliases: [{ text: 'ARC', caseSensitive: true }],
    },
    { name: 'Idlib offensive', kind: 'event', category: 'offensive', count: 2, certain: false, aliases: [] },
  ],
};

const { candidates: _proposed, ...analysis } = draft;

const knownEntities = [
  { id: 'un', name: 'United Nations', kind: 'actor' as const },
  { id: 'russia', name: 'Russia', kind: 'actor' as const },
  { id: 'geneva-talks', name: 'Geneva talks', kind: 'event' as const },
];

function setup(overrides: Partial<Parameters<typeof AnalysisDraftForm>[0]> = {}) {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  const root = mount(
    <AnalysisDraftForm
      draft={draft}
      knownEntities={knownEntities}
      busy={false}
      onSave={onSave}
      onCancel={onCancel}
      {...overrides}
    />,
  );
  return { root, onSave, onCancel };
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const byLabel = (root: HTMLElement, label: string) => {
  const element = [...root.querySelectorAll<HTMLElement>('input, textarea, select')].find(
    (field) => labelOf(field) === label,
  );
  if (!element) throw new Error(`no field labelled ${label}`);
  return element as HTMLInputElement;
};

function labelOf(field: HTMLElement): string {
  const aria = field.getAttribute('aria-label');
  if (aria) return aria;
  const label = field.id ? field.ownerDocument.querySelector(`label[for="${field.id}"]`) : null;
  return (label ?? field.closest('label'))?.textContent?.trim() ?? '';
}

const button = (root: HTMLElement, text: string) => {
  const found = [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === text,
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

const submit = (root: HTMLElement) =>
  act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

describe('AnalysisDraftForm', () => {
  it('shows the draft with known entities ticked, certain new names ticked, the rest only proposed', () => {
    const { root } = setup();
    expect(byLabel(root, 'Title').value).toBe(draft.title);
    expect(byLabel(root, 'Name of author 1').value).toBe('Dana Keller');
    expect(byLabel(root, 'Published').value).toBe('2016-02-12');
    expect(byLabel(root, 'United Nations').checked).toBe(true);
    expect(byLabel(root, 'Russia').checked).toBe(false);
    expect(byLabel(root, 'Add now: Omar Haddad').checked).toBe(true);
    expect(byLabel(root, 'Add now: Aleppo Relief Council').checked).toBe(false);
    expect(root.textContent).toContain('(actor, named 3 times)');
    // An event's categories are events' own.
    const eventCategory = byLabel(root, 'Category of Idlib offensive') as unknown as HTMLSelectElement;
    expect([...eventCategory.options].map((o) => o.value)).toContain('offensive');
    expect([...eventCategory.options].map((o) => o.value)).not.toContain('person');
    expect(root.textContent).toContain('Save analysis');
  });

  it('saves the tidied draft, the certain names as new, the unticked ones as proposals', () => {
    const { root, onSave } = setup();
    submit(root);
    expect(onSave).toHaveBeenCalledWith(
      { ...analysis, title: 'Why the ceasefire may not hold' },
      [{ name: 'Omar Haddad', kind: 'actor', category: 'person', aliases: [] }],
      [
        {
          name: 'Aleppo Relief Council',
          kind: 'actor',
          category: 'organisation',
          aliases: [{ text: 'ARC', caseSensitive: true }],
        },
        { name: 'Idlib offensive', kind: 'event', category: 'offensive', aliases: [] },
      ],
    );
  });

  it('saves every edit: fields, authors, key points, tags and ticked candidates', () => {
    const { root, onSave } = setup();
    type(byLabel(root, 'Outlet'), 'Example Weekly');
    act(() => button(root, 'Add author').click());
    expect(root.ownerDocument.activeElement).toBe(byLabel(root, 'Name of author 2'));
    type(byLabel(root, 'Name of author 2'), ' Sam Ortiz ');
    type(byLabel(root, 'Credentials of author 2'), '   ');
    act(() => button(root, 'Add key point').click());
    expect(root.ownerDocument.activeElement).toBe(byLabel(root, 'Key point 2'));
    type(byLabel(root, 'Key point 2'), 'Russia keeps bombing.');
    act(() => button(root, 'Remove key point 1').click());
    act(() => byLabel(root, 'United Nations').click());
    act(() => byLabel(root, 'Geneva talks').click());
    act(() => byLabel(root, 'Add now: Aleppo Relief Council').click());
    act(() => byLabel(root, 'Add now: Omar Haddad').click());
    const category = byLabel(root, 'Category of Aleppo Relief Council') as unknown as HTMLSelectElement;
    act(() => {
      category.value = 'place';
      category.dispatchEvent(new Event('change', { bubbles: true }));
    });
    submit(root);
    expect(onSave).toHaveBeenCalledOnce();
    const [saved, newEntities, proposals] = onSave.mock.calls[0]!;
    expect(saved).toMatchObject({
      outlet: 'Example Weekly',
      authors: [{ name: 'Dana Keller', credentials: 'Fellow, Example Institute' }, { name: 'Sam Ortiz' }],
      keyPoints: ['Russia keeps bombing.'],
      entityIds: ['geneva-talks'],
    });
    expect(newEntities).toEqual([
      {
        name: 'Aleppo Relief Council',
        kind: 'actor',
        category: 'place',
        aliases: [{ text: 'ARC', caseSensitive: true }],
      },
    ]);
    expect(proposals.map((p: { name: string }) => p.name)).toEqual(['Omar Haddad', 'Idlib offensive']);
  });

  it('refuses to save without the required fields and says why', () => {
    const { root, onSave } = setup();
    type(byLabel(root, 'Title'), '  ');
    type(byLabel(root, 'Address'), 'javascript:alert(1)');
    act(() => button(root, 'Remove author 1').click());
    type(byLabel(root, 'Outlet'), '');
    type(byLabel(root, 'Summary'), ' ');
    submit(root);
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('5 fields need your attention');
    const messages = [...root.querySelectorAll('.field-problem')].map((p) => p.textContent);
    expect(messages).toEqual([
      'Give the analysis a title.',
      'The address must be a web link starting with http:// or https://.',
      'Add at least one author.',
      'Name the outlet that published it.',
      'Write a summary (or let the browser write one).',
    ]);
    const title = byLabel(root, 'Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(root.ownerDocument.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Give the analysis a title.',
    );
    expect(root.ownerDocument.activeElement).toBe(title);
  });

  it('does not accept credentials without a name', () => {
    const { root, onSave } = setup();
    type(byLabel(root, 'Name of author 1'), '');
    submit(root);
    expect(onSave).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Author 1 has credentials but no name.');
  });

  it('allows at most ten key points', () => {
    const { root } = setup();
    const add = button(root, 'Add key point');
    for (let i = 0; i < 12; i++) act(() => add.click());
    expect(root.querySelectorAll('.key-points textarea')).toHaveLength(10);
    expect(add.disabled).toBe(true);
  });

  it('offers the on-device summary only when the browser has a model', () => {
    expect(setup().root.textContent).not.toContain('on-device');
    const onSummarize = vi.fn();
    const { root } = setup({ summarizerAvailable: true, onSummarize });
    act(() => button(root, "Summarise with the browser's on-device model").click());
    expect(onSummarize).toHaveBeenCalledOnce();
  });

  it('takes a new summary from the parent without losing the reader’s edits', () => {
    const props = { knownEntities, busy: false, onSave: vi.fn(), onCancel: () => {} };
    const root = mount(<AnalysisDraftForm draft={draft} {...props} />);
    type(byLabel(root, 'Title'), 'My own title');
    act(() =>
      render(<AnalysisDraftForm draft={{ ...draft, summary: 'A fresh summary.' }} {...props} />, root),
    );
    expect(byLabel(root, 'Summary').value).toBe('A fresh summary.');
    expect(byLabel(root, 'Title').value).toBe('My own title');
  });

  it('says when the page is already stored, shows errors and cancels', () => {
    const { root, onCancel, onSave } = setup({
      existing: { title: 'Why the ceasefire may not hold' },
      error: 'The library could not be written.',
      busy: true,
    });
    expect(root.querySelector('[role=status]')?.textContent).toBe(
      'This page is already in your library (“Why the ceasefire may not hold”): saving updates it.',
    );
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The library could not be written.');
    expect(button(root, 'Update analysis').disabled).toBe(true);
    submit(root);
    expect(onSave).not.toHaveBeenCalled();
    act(() => button(root, 'Cancel').click());
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('has no serious accessibility violations, also when showing problems', async () => {
    const { root } = setup({ summarizerAvailable: true, onSummarize: () => {} });
    expect(await seriousViolations(root)).toEqual([]);
    type(byLabel(root, 'Title'), '');
    submit(root);
    expect(await seriousViolations(root)).toEqual([]);
  });
});
