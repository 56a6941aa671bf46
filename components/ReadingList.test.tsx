// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ReadingList, type ReadingListProps, type ReadingRow } from './ReadingList';
import { mount, seriousViolations } from './test-utils';

const makeRows = (count: number): ReadingRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    url: `https://example.com/${i}`,
    title: `Article ${i}`,
    savedAt: Date.UTC(2016, 1, 1) + i * 60_000,
    status: 'unread',
    tags: i % 2 ? ['syria'] : [],
    offline: i % 3 === 0,
    newAnalyses: i % 5 === 0 ? 2 : 0,
  }));

const props = (overrides: Partial<ReadingListProps> = {}): ReadingListProps => ({
  items: makeRows(3),
  view: 'unread',
  onViewChange: vi.fn(),
  query: '',
  onQueryChange: vi.fn(),
  sort: 'saved',
  onSortChange: vi.fn(),
  tags: [
    { name: 'syria', count: 2 },
    { name: 'turkey', count: 1 },
  ],
  onTagFilter: vi.fn(),
  onRenameTag: vi.fn(),
  onOpen: vi.fn(),
  onSetStatus: vi.fn(),
  onDelete: vi.fn(),
  onAddTag: vi.fn(),
  onRemoveTag: vi.fn(),
  totalCount: 3,
  ...overrides,
});

const rowIds = (root: HTMLElement) =>
  [...root.querySelectorAll('li[data-index] [data-article-id]')].map((row) =>
    row.getAttribute('data-article-id'),
  );
const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(label))!;

/** Scrolls the list's viewport as a browser would (jsdom has no layout, so scrollTop is set by hand). */
function scrollTo(root: HTMLElement, top: number) {
  const viewport = root.querySelector('.reading-list__viewport') as HTMLElement;
  Object.defineProperty(viewport, 'scrollTop', { value: top, configurable: true });
  act(() => {
    viewport.dispatchEvent(new Event('scroll'));
  });
}

describe('ReadingList', () => {
  it('renders only a window of 10,000 articles, starting with the first', () => {
    const items = makeRows(10_000);
    const root = mount(<ReadingList {...props({ items, totalCount: 10_000 })} />);
    const list = root.querySelector('ul[aria-label="Saved articles"]')!;
    const rows = list.querySelectorAll(':scope > li');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThan(50);
    expect(rowIds(root).slice(0, 3)).toEqual(['a0', 'a1', 'a2']);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(rows[1]!.getAttribute('aria-posinset')).toBe('2');
    // The list is as tall as all its rows, so the scrollbar reflects the whole list.
    expect(parseInt((list as HTMLElement).style.height)).toBeGreaterThan(10_000 * 50);
    expect(root.querySelector('.count')?.textContent).toBe(`${(10_000).toLocaleString()} articles`);
  });

  it('renders the rows around the scroll position and keeps the focused row', () => {
    const root = mount(<ReadingList {...props({ items: makeRows(10_000), totalCount: 10_000 })} />);
    (root.querySelector('[data-article-id=a0] h3 button') as HTMLButtonElement).focus();
    scrollTo(root, 500_000);
    const ids = rowIds(root);
    expect(ids.length).toBeLessThan(50);
    const middle = ids.filter((id) => id !== 'a0').map((id) => Number(id!.slice(1)));
    expect(Math.min(...middle)).toBeGreaterThan(3000);
    expect(ids).toContain('a0');
    expect(document.activeElement?.textContent).toBe('Article 0');

    (document.activeElement as HTMLElement).blur();
    scrollTo(root, 600_000);
    expect(rowIds(root)).not.toContain('a0');
  });

  it('switches view, searches and sorts through its callbacks', () => {
    const p = props({ query: 'munich', searchMs: 12.4, totalCount: 40 });
    const root = mount(<ReadingList {...p} />);
    const views = root.querySelector('[role=group][aria-label=Show]')!;
    expect(button(views, 'Unread').getAttribute('aria-pressed')).toBe('true');
    expect(button(views, 'All').getAttribute('aria-pressed')).toBe('false');
    act(() => button(views, 'Archived').click());
    expect(p.onViewChange).toHaveBeenCalledWith('archived');

    const search = root.querySelector('input[type=search]') as HTMLInputElement;
    expect(search.value).toBe('munich');
    act(() => {
      search.value = 'munic';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(p.onQueryChange).toHaveBeenCalledWith('munic');

    const select = root.querySelector('select')!;
    act(() => {
      select.value = 'published';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.onSortChange).toHaveBeenCalledWith('published');
    expect(root.querySelector('.count')?.textContent).toBe('3 of 40 articles · searched in 12 ms');
  });

  it('passes row actions up', () => {
    const p = props();
    const root = mount(<ReadingList {...p} />);
    act(() => (root.querySelector('[data-article-id=a1] h3 button') as HTMLButtonElement).click());
    expect(p.onOpen).toHaveBeenCalledWith('a1');
    act(() => button(root.querySelector('[data-article-id=a2]')!, 'Archive').click());
    expect(p.onSetStatus).toHaveBeenCalledWith('a2', 'archived');
    act(() => button(root.querySelector('[data-article-id=a1]')!, 'syria').click());
    expect(p.onTagFilter).toHaveBeenCalledWith('syria');
  });

  it('filters by tag, clears the filter and renames the filtered tag', () => {
    const p = props({ tagFilter: 'syria' });
    const root = mount(<ReadingList {...p} />);
    const tags = root.querySelector('[role=group][aria-label="Filter by tag"]')!;
    expect(button(tags, 'syria').getAttribute('aria-pressed')).toBe('true');
    expect(button(tags, 'syria').textContent).toBe('syria 2');
    act(() => button(tags, 'turkey').click());
    expect(p.onTagFilter).toHaveBeenLastCalledWith('turkey');
    act(() => button(tags, 'syria').click());
    expect(p.onTagFilter).toHaveBeenLastCalledWith(undefined);

    act(() => button(root, 'Rename tag').click());
    const input = root.querySelector('.reading-list__rename input') as HTMLInputElement;
    expect(input.value).toBe('syria');
    expect(document.activeElement).toBe(input);
    input.value = '  Syrian war ';
    act(() => root.querySelector<HTMLFormElement>('.reading-list__rename')!.requestSubmit());
    expect(p.onRenameTag).toHaveBeenCalledWith('syria', 'Syrian war');
    expect(root.querySelector('.reading-list__rename')).toBeNull();

    act(() => button(root, 'Rename tag').click());
    act(() => button(root, 'Cancel').click());
    expect(p.onRenameTag).toHaveBeenCalledTimes(1);
  });

  it('moves focus to the next article after one is deleted from the keyboard', () => {
    const p = props({ items: makeRows(4), totalCount: 4 });
    const root = mount(<ReadingList {...p} />);
    const del = button(root.querySelector('[data-article-id=a1]')!, 'Delete');
    del.focus();
    act(() => del.click());
    expect(p.onDelete).toHaveBeenCalledWith('a1');
    const remaining = p.items.filter((row) => row.id !== 'a1');
    act(() => render(<ReadingList {...p} items={remaining} totalCount={3} />, root));
    expect(rowIds(root)).toEqual(['a0', 'a2', 'a3']);
    expect(document.activeElement?.textContent).toBe('Article 2');
  });

  it('offers to undo a deletion', () => {
    const onUndo = vi.fn();
    const root = mount(<ReadingList {...props({ undo: { message: 'Deleted “Article 9”', onUndo } })} />);
    const toast = root.querySelector('[role=status]')!;
    expect(toast.textContent).toBe('Deleted “Article 9” Undo');
    act(() => button(toast, 'Undo').click());
    expect(onUndo).toHaveBeenCalled();
  });

  it('says when nothing is saved and when nothing matches', () => {
    let root = mount(<ReadingList {...props({ items: [], totalCount: 0, tags: [] })} />);
    expect(root.querySelector('.empty-state')?.textContent).toMatch(/^Nothing saved yet/);
    expect(root.querySelectorAll('li')).toHaveLength(0);
    root = mount(<ReadingList {...props({ items: [], totalCount: 12, query: 'zzz' })} />);
    expect(root.querySelector('.empty-state')?.textContent).toBe('No saved article matches.');
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <ReadingList
        {...props({ tagFilter: 'syria', undo: { message: 'Deleted “Article 9”', onUndo: () => {} } })}
      />,
    );
    act(() => button(root, 'Rename tag').click());
    expect(await seriousViolations(root)).toEqual([]);
  });
});
