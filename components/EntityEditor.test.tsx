// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { EntityEditor, type EntityEditorProps } from './EntityEditor';
import type { EntityRow } from './EntityManager';
import { mount, seriousViolations } from './test-utils';

const kurds: EntityRow = {
  id: 'ypg',
  kind: 'actor',
  category: 'group',
  name: 'YPG',
  description: 'Kurdish militia in northern Syria.',
  aliases: [{ text: 'YPG', caseSensitive: true }, { text: "People's Protection Units" }],
  related: ['pyd'],
  analysisCount: 4,
};

const mergeTargets = [
  { id: 'sdf', name: 'Syrian Democratic Forces' },
  { id: 'pyd', name: 'PYD' },
];

function setup(overrides: Partial<EntityEditorProps> = {}) {
  const props = {
    entity: kurds,
    mergeTargets,
    onSave: vi.fn(),
    onDelete: vi.fn(),
    onHide: vi.fn(),
    onMerge: vi.fn(),
    ...overrides,
  };
  const root = mount(<EntityEditor {...props} />);
  return { root, ...props };
}

const field = <T extends HTMLElement = HTMLInputElement>(root: HTMLElement, label: string): T => {
  const byAria = root.querySelector(`[aria-label="${label}"]`);
  if (byAria) return byAria as T;
  const labelFor = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const found = labelFor && root.ownerDocument.getElementById(labelFor.htmlFor);
  if (!found) throw new Error(`no field ${label}`);
  return found as T;
};

const button = (root: HTMLElement, text: string) => {
  const found = [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === text,
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

function change(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  act(() => {
    element.value = value;
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

const save = (root: HTMLElement) => act(() => button(root, 'Save').click());

describe('EntityEditor', () => {
  it('opens on the entity with focus on its heading', () => {
    const { root } = setup();
    expect(root.ownerDocument.activeElement?.textContent).toBe('Edit YPG');
    expect(field(root, 'Name').value).toBe('YPG');
    expect(field<HTMLSelectElement>(root, 'Category').value).toBe('group');
    expect(field(root, 'Alias 1 is case-sensitive').checked).toBe(true);
    expect(field(root, 'Alias 2').value).toBe("People's Protection Units");
    expect(root.textContent).toContain('Discussed by 4 analyses');
  });

  it('offers only the categories of the chosen kind', () => {
    const { root } = setup();
    const options = () =>
      [...field<HTMLSelectElement>(root, 'Category').options].map((option) => option.value);
    expect(options()).toEqual(['person', 'state', 'organisation', 'group', 'place']);
    change(field<HTMLSelectElement>(root, 'Kind'), 'event');
    expect(options()).toEqual(['talks', 'process', 'proposal', 'offensive', 'crisis', 'conflict']);
    expect(field<HTMLSelectElement>(root, 'Category').value).toBe('talks');
  });

  it('saves the edited entity as the schema outputs it', () => {
    const { root, onSave } = setup();
    change(field(root, 'Name'), '  Kurdish YPG ');
    act(() => button(root, 'Remove alias 2').click());
    act(() => button(root, 'Add alias').click());
    const added = field(root, 'Alias 2');
    expect(root.ownerDocument.activeElement).toBe(added);
    change(added, 'Yekîneyên Parastina Gel');
    act(() => field(root, 'Alias 2 is ambiguous').click());
    act(() => field(root, 'Alias 1 is case-sensitive').click());
    act(() => button(root, 'Add alias').click()); // left empty: dropped
    save(root);
    expect(onSave).toHaveBeenCalledWith({
      id: 'ypg',
      kind: 'actor',
      category: 'group',
      name: 'Kurdish YPG',
      description: 'Kurdish militia in northern Syria.',
      aliases: [{ text: 'YPG' }, { text: 'Yekîneyên Parastina Gel', ambiguous: true }],
      related: ['pyd'],
    });
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('lists the schema’s objections by field and row, and saves nothing', () => {
    const { root, onSave } = setup();
    change(field(root, 'Name'), ' ');
    change(field<HTMLTextAreaElement>(root, 'Description'), '');
    change(field(root, 'Alias 1'), '');
    change(field(root, 'Alias 2'), 'x'.repeat(121));
    save(root);
    expect(onSave).not.toHaveBeenCalled();
    const items = [...root.querySelectorAll('[role=alert] li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Name: required',
      'Description: required',
      'Alias 2: too long (at most 120 characters)',
    ]);
  });

  it('hides or shows the entity', () => {
    const { root, onHide } = setup();
    act(() => button(root, 'Hide YPG on pages').click());
    expect(onHide).toHaveBeenCalledWith('ypg', true);
    const shown = setup({ entity: { ...kurds, hidden: true } });
    expect(shown.root.textContent).toContain('hidden: not highlighted on pages');
    act(() => button(shown.root, 'Show YPG on pages').click());
    expect(shown.onHide).toHaveBeenCalledWith('ypg', false);
  });

  it('deletes only after a confirmation', () => {
    const { root, onDelete } = setup();
    act(() => button(root, 'Delete…').click());
    expect(onDelete).not.toHaveBeenCalled();
    expect(root.querySelector('[role=group]')?.textContent).toContain('linked to its 4 analyses');
    act(() => button(root, 'Keep it').click());
    expect(root.querySelector('[role=group]')).toBeNull();
    act(() => button(root, 'Delete…').click());
    const confirm = button(root, 'Delete YPG');
    expect(root.ownerDocument.activeElement).toBe(confirm);
    act(() => confirm.click());
    expect(onDelete).toHaveBeenCalledWith('ypg');
  });

  it('merges into the chosen entity after a confirmation', () => {
    const { root, onMerge } = setup();
    act(() => button(root, 'Merge into…').click());
    const target = field<HTMLSelectElement>(root, 'Merge YPG into');
    expect(root.ownerDocument.activeElement).toBe(target);
    expect(button(root, 'Merge').disabled).toBe(true);
    change(target, 'sdf');
    expect(root.textContent).toContain(
      'Syrian Democratic Forces takes over the names and the 4 analyses of YPG',
    );
    act(() => button(root, 'Merge').click());
    expect(onMerge).toHaveBeenCalledWith('sdf', 'ypg');
  });

  it('offers no merge when there is nothing to merge into', () => {
    const { root } = setup({ mergeTargets: [] });
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Merge into…');
  });

  it('has no serious accessibility violations, with problems and a confirmation open', async () => {
    const { root } = setup({ onClose: () => {} });
    change(field(root, 'Name'), '');
    save(root);
    act(() => button(root, 'Merge into…').click());
    expect(await seriousViolations(root)).toEqual([]);
  });
});
