// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { EntityManager, type EntityManagerProps, type EntityRow } from './EntityManager';
import { mount, seriousViolations } from './test-utils';

const entities: EntityRow[] = [
  {
    id: 'erdogan',
    kind: 'actor',
    category: 'person',
    name: 'Recep Tayyip Erdoğan',
    description: 'President of Turkey.',
    aliases: [{ text: 'Erdoğan' }],
    related: [],
    analysisCount: 2,
  },
  {
    id: 'ypg',
    kind: 'actor',
    category: 'group',
    name: 'YPG',
    description: 'Kurdish militia in northern Syria.',
    aliases: [{ text: "People's Protection Units" }],
    related: [],
    analysisCount: 1,
    hidden: true,
  },
  {
    id: 'munich-agreement',
    kind: 'event',
    category: 'talks',
    name: 'Munich agreement',
    description: 'Cessation of hostilities agreed in Munich.',
    aliases: [],
    related: [],
    analysisCount: 0,
  },
  {
    id: 'geneva-talks',
    kind: 'event',
    category: 'talks',
    name: 'Geneva talks',
    description: 'UN-led negotiations.',
    aliases: [{ text: 'Geneva III' }],
    related: [],
    analysisCount: 3,
  },
];

function setup(overrides: Partial<EntityManagerProps> = {}) {
  const props = {
    entities,
    onSave: vi.fn(),
    onDelete: vi.fn(),
    onHide: vi.fn(),
    onMerge: vi.fn(),
    ...overrides,
  };
  return { root: mount(<EntityManager {...props} />), ...props };
}

const listed = (root: HTMLElement) =>
  [...root.querySelectorAll('.entity-manager__name')].map((name) => name.textContent);

function search(root: HTMLElement, query: string) {
  const input = root.querySelector('input[type=search]') as HTMLInputElement;
  act(() => {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function showKind(root: HTMLElement, kind: string) {
  const select = root.querySelector('.entity-manager__filters select') as HTMLSelectElement;
  act(() => {
    select.value = kind;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const open = (root: HTMLElement, id: string) =>
  act(() => (root.querySelector(`[data-entity-id="${id}"]`) as HTMLButtonElement).click());

describe('EntityManager', () => {
  it('lists every entity by name with its category, analysis count and hidden state', () => {
    const { root } = setup();
    expect(listed(root)).toEqual(['Geneva talks', 'Munich agreement', 'Recep Tayyip Erdoğan', 'YPG']);
    const ypg = root.querySelector('[data-entity-id="ypg"]')!;
    expect(ypg.textContent).toBe('YPG · group · 1 analysis hidden');
    expect(root.querySelector('.entity-manager > .count')?.textContent).toBe('4 actors and events');
  });

  it('finds entities by name or alias, ignoring case and accents', () => {
    const { root } = setup();
    search(root, 'ERDOGAN');
    expect(listed(root)).toEqual(['Recep Tayyip Erdoğan']);
    search(root, 'protection units');
    expect(listed(root)).toEqual(['YPG']);
    search(root, 'geneva iii');
    expect(listed(root)).toEqual(['Geneva talks']);
    expect(root.querySelector('.entity-manager > .count')?.textContent).toBe('1 of 4 match');
    search(root, 'nobody');
    expect(listed(root)).toEqual([]);
  });

  it('filters by kind', () => {
    const { root } = setup();
    showKind(root, 'event');
    expect(listed(root)).toEqual(['Geneva talks', 'Munich agreement']);
    showKind(root, 'actor');
    expect(listed(root)).toEqual(['Recep Tayyip Erdoğan', 'YPG']);
  });

  it('opens the chosen entity in the editor and passes its changes on', () => {
    const { root, onSave } = setup();
    open(root, 'geneva-talks');
    expect(root.querySelector('[data-entity-id="geneva-talks"]')?.getAttribute('aria-current')).toBe('true');
    const name = root.querySelector('.entity-editor input') as HTMLInputElement;
    expect(name.value).toBe('Geneva talks');
    act(() => {
      name.value = 'Geneva peace talks';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (root.querySelector('.entity-editor button[type=submit]') as HTMLButtonElement).click());
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'geneva-talks', name: 'Geneva peace talks' }),
    );
  });

  it('offers merging only into entities of the same kind', () => {
    const { root, onMerge } = setup();
    open(root, 'munich-agreement');
    const mergeButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Merge into…')!;
    act(() => mergeButton.click());
    const select = root.querySelector('.confirm select') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Choose…', 'Geneva talks']);
    act(() => {
      select.value = 'geneva-talks';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Merge')!.click());
    expect(onMerge).toHaveBeenCalledWith('geneva-talks', 'munich-agreement');
  });

  it('returns focus to the entity when its editor closes', () => {
    const { root } = setup();
    open(root, 'ypg');
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click());
    expect(root.querySelector('.entity-editor')).toBeNull();
    expect(root.ownerDocument.activeElement).toBe(root.querySelector('[data-entity-id="ypg"]'));
  });

  it('shows errors as alerts and notices as status', () => {
    const { root } = setup({ error: 'The library could not be written.', notice: 'Saved Geneva talks.' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The library could not be written.');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Saved Geneva talks.');
  });

  it('has no serious accessibility violations with the editor open', async () => {
    const { root } = setup({ notice: 'Saved.' });
    open(root, 'erdogan');
    expect(await seriousViolations(root)).toEqual([]);
  });
});
