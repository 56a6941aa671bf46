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
    onAccept: vi.fn(),
    onReject: vi.fn(),
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

  describe('what discovery found', () => {
    const found = (state: 'proposed' | 'discovered', name: string, id: string): EntityRow => ({
      id,
      kind: 'actor',
      category: 'group',
      name,
      description: `Named in “Piece” (Outlet).`,
      aliases: [{ text: `${name} fighters` }],
      related: [],
      analysisCount: 0,
      discovery: {
        state,
        evidence: ['named again'],
        firstSeenAt: 5,
        foundIn: [{ id: 'piece', title: 'A piece on the Sahel', outlet: 'The Outlet' }],
        quote: `${name}, the armed group`,
      },
    });
    const withFound = [
      ...entities,
      found('proposed', 'Wagner', 'wagner'),
      found('discovered', 'JNIM', 'jnim'),
    ];

    it('lists proposed and discovered names apart, with the analyses they came from', () => {
      const { root } = setup({ entities: withFound });
      const proposed = root.querySelector('.discovery-review__group--proposed')!;
      const discovered = root.querySelector('.discovery-review__group--discovered')!;
      expect(proposed.querySelector('h3')!.textContent).toBe('Proposed: 1 name waits for you');
      expect(proposed.textContent).toContain('Wagner');
      expect(proposed.textContent).toContain('“A piece on the Sahel” (The Outlet)');
      expect(proposed.textContent).toContain('Wagner, the armed group');
      expect(discovered.textContent).toContain('JNIM');
      expect(discovered.textContent).not.toContain('Wagner');
      // Packs' and the reader's own entities are not up for review.
      expect(root.querySelector('.discovery-review')!.textContent).not.toContain('Geneva talks');
    });

    it('accepts a proposed name, rejects a discovered one, opens one to rename', () => {
      const { root, onAccept, onReject } = setup({ entities: withFound });
      const button = (name: RegExp) =>
        [...root.querySelectorAll<HTMLButtonElement>('.discovery-review button')].find((b) =>
          name.test(b.textContent!),
        )!;
      act(() => button(/^Accept Wagner/).click());
      expect(onAccept).toHaveBeenCalledWith('wagner');
      act(() => button(/^Not a name JNIM/).click());
      expect(onReject).toHaveBeenCalledWith('jnim');
      act(() => button(/^Rename or merge Wagner/).click());
      expect(root.querySelector('.entity-editor__title')!.textContent).toBe('Edit Wagner');
    });

    it('filters the list by where names came from', () => {
      const { root } = setup({ entities: withFound });
      const origin = root.querySelectorAll<HTMLSelectElement>('.entity-manager__filters select')[1]!;
      act(() => {
        origin.value = 'proposed';
        origin.dispatchEvent(new Event('change', { bubbles: true }));
      });
      expect(listed(root)).toEqual(['Wagner']);
      act(() => {
        origin.value = 'curated';
        origin.dispatchEvent(new Event('change', { bubbles: true }));
      });
      expect(listed(root)).not.toContain('JNIM');
      expect(listed(root)).toContain('Geneva talks');
    });
  });
});
