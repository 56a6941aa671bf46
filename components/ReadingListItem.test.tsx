// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ReadingListItem, type ReadingRow } from './ReadingListItem';
import { mount, seriousViolations } from './test-utils';

const row: ReadingRow = {
  id: 'r1',
  url: 'https://www.example.org/2016/02/ceasefire',
  title: 'What the Munich ceasefire means',
  byline: 'Jane Reporter',
  excerpt: 'Diplomats agreed on a pause. Few expect it to hold.',
  publishedAt: '2016-02-12',
  savedAt: Date.UTC(2016, 1, 14, 12),
  status: 'unread',
  tags: ['syria', 'diplomacy'],
  readingMinutes: 7,
  offline: true,
  newAnalyses: 3,
};

const handlers = () => ({
  onOpen: vi.fn(),
  onSetStatus: vi.fn(),
  onDelete: vi.fn(),
  onAddTag: vi.fn(),
  onRemoveTag: vi.fn(),
  onTagFilter: vi.fn(),
});

/** The button whose visible text starts with `label` (action buttons also name their article, hidden). */
const button = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(label))!;

describe('ReadingListItem', () => {
  it('shows title, site, byline, saved date, reading time, offline state, new analyses and excerpt', () => {
    const root = mount(<ReadingListItem row={row} {...handlers()} />);
    expect(root.querySelector('h3 button')?.textContent).toBe('What the Munich ceasefire means');
    const meta = root.querySelector('.reading-item__meta')!;
    expect(meta.querySelector('.reading-item__site')?.textContent).toBe('example.org');
    expect(meta.textContent).toContain('Jane Reporter');
    expect(meta.textContent).toMatch(/Saved .*14.*2016/);
    expect(meta.querySelector('time')?.getAttribute('datetime')).toBe('2016-02-14T12:00:00.000Z');
    expect(meta.textContent).toContain('7 min read');
    expect(meta.textContent).toContain('Available offline');
    expect(root.querySelector('.reading-item__new')?.textContent).toBe('3 new analyses');
    expect(root.querySelector('.reading-item__excerpt')?.textContent).toBe('Diplomats agreed on a pause.');
    expect([...root.querySelectorAll('.reading-item__tag-name')].map((b) => b.textContent)).toEqual([
      'syria',
      'diplomacy',
    ]);
  });

  it('leaves out what it does not know, and uses the site name and published date when given', () => {
    const root = mount(
      <ReadingListItem
        row={{
          ...row,
          title: '',
          siteName: 'Example Daily',
          byline: undefined,
          excerpt: undefined,
          readingMinutes: undefined,
          offline: false,
          newAnalyses: 1,
          status: 'archived',
        }}
        date="published"
        {...handlers()}
      />,
    );
    expect(root.querySelector('h3 button')?.textContent).toBe(row.url);
    const meta = root.querySelector('.reading-item__meta')!;
    expect(meta.querySelector('.reading-item__site')?.textContent).toBe('Example Daily');
    expect(meta.querySelector('time')?.getAttribute('datetime')).toBe('2016-02-12');
    expect(meta.textContent).not.toContain('Saved');
    expect(meta.textContent).not.toContain('min read');
    expect(meta.textContent).not.toContain('offline');
    expect(meta.textContent).toContain('Archived');
    expect(root.querySelector('.reading-item__new')?.textContent).toBe('1 new analysis');
    expect(root.querySelector('.reading-item__excerpt')).toBeNull();
  });

  it('shows reading progress of a started article', () => {
    const root = mount(<ReadingListItem row={{ ...row, progress: 0.42 }} {...handlers()} />);
    expect(root.querySelector('progress')?.getAttribute('value')).toBe('0.42');
    expect(root.querySelector('.reading-item__progress')?.textContent).toContain('42% read');
    expect(mount(<ReadingListItem row={row} {...handlers()} />).querySelector('progress')).toBeNull();
  });

  it('opens, changes status and deletes through its callbacks', () => {
    const h = handlers();
    const root = mount(<ReadingListItem row={row} {...h} />);
    act(() => (root.querySelector('h3 button') as HTMLButtonElement).click());
    expect(h.onOpen).toHaveBeenCalledWith('r1');
    act(() => button(root, 'Mark read').click());
    expect(h.onSetStatus).toHaveBeenLastCalledWith('r1', 'read');
    act(() => button(root, 'Archive').click());
    expect(h.onSetStatus).toHaveBeenLastCalledWith('r1', 'archived');
    act(() => button(root, 'Delete').click());
    expect(h.onDelete).toHaveBeenCalledWith('r1');
    expect(button(root, 'Delete').textContent).toBe('Delete “What the Munich ceasefire means”');
  });

  it('offers the way back for read and archived articles', () => {
    const h = handlers();
    let root = mount(<ReadingListItem row={{ ...row, status: 'read' }} {...h} />);
    act(() => button(root, 'Mark unread').click());
    expect(h.onSetStatus).toHaveBeenLastCalledWith('r1', 'unread');
    root = mount(<ReadingListItem row={{ ...row, status: 'archived' }} {...h} />);
    act(() => button(root, 'Unarchive').click());
    expect(h.onSetStatus).toHaveBeenLastCalledWith('r1', 'unread');
  });

  it('filters by a tag, removes a tag, and adds one from the keyboard', () => {
    const h = handlers();
    const root = mount(<ReadingListItem row={row} {...h} />);
    act(() => button(root, 'diplomacy').click());
    expect(h.onTagFilter).toHaveBeenCalledWith('diplomacy');
    act(() => (root.querySelector('[aria-label^="Remove tag syria"]') as HTMLButtonElement).click());
    expect(h.onRemoveTag).toHaveBeenCalledWith('r1', 'syria');

    act(() => button(root, '+ Tag').click());
    const input = root.querySelector('.reading-item__tag-form input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    act(() => {
      input.value = '  munich  ';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => root.querySelector('form')!.requestSubmit());
    expect(h.onAddTag).toHaveBeenCalledWith('r1', 'munich');
    expect(root.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(root, '+ Tag'));
  });

  it('does not add a tag the article already has, and Escape closes the tag field', () => {
    const h = handlers();
    const root = mount(<ReadingListItem row={row} {...h} />);
    act(() => button(root, '+ Tag').click());
    const input = root.querySelector('.reading-item__tag-form input') as HTMLInputElement;
    act(() => {
      input.value = 'syria';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => root.querySelector('form')!.requestSubmit());
    expect(h.onAddTag).not.toHaveBeenCalled();
    act(() => button(root, '+ Tag').click());
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(root, '+ Tag'));
  });

  it('renders text from saved pages as text, never as markup', () => {
    const root = mount(
      <ReadingListItem row={{ ...row, title: '<img src=x onerror=alert(1)>' }} {...handlers()} />,
    );
    expect(root.querySelector('img')).toBeNull();
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <ul>
        <li>
          <ReadingListItem row={{ ...row, progress: 0.5 }} {...handlers()} />
        </li>
      </ul>,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
