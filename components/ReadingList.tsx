import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  Virtualizer,
  defaultRangeExtractor,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import type { ReadingStatus } from '@/lib/model/reading';
import { ReadingListItem, type ReadingRow } from './ReadingListItem';

/** One row of the list (defined beside the row component, re-exported for the list's users). */
export type { ReadingRow } from './ReadingListItem';

/** Which articles the list shows: unread ones, archived ones, or every one. */
export type ReadingView = 'unread' | 'archived' | 'all';
/** The date the list is sorted by, newest first. */
export type ReadingSort = 'saved' | 'published';

/** Props of {@link ReadingList}. */
export interface ReadingListProps {
  /** The articles to show, already filtered by view, query and tag and sorted by the parent. */
  items: ReadingRow[];
  view: ReadingView;
  onViewChange: (view: ReadingView) => void;
  query: string;
  onQueryChange: (query: string) => void;
  sort: ReadingSort;
  onSortChange: (sort: ReadingSort) => void;
  /** Every tag in the reading list with how many articles carry it. */
  tags: Array<{ name: string; count: number }>;
  tagFilter?: string;
  onTagFilter: (tag: string | undefined) => void;
  onRenameTag: (from: string, to: string) => void;
  /** Open an article in the reader view. */
  onOpen: (id: string) => void;
  onSetStatus: (id: string, status: ReadingStatus) => void;
  onDelete: (id: string) => void;
  onAddTag: (id: string, tag: string) => void;
  onRemoveTag: (id: string, tag: string) => void;
  /** The last deletion, while it can still be undone. */
  undo?: { message: string; onUndo: () => void };
  /** How long the full-text search for `query` took. */
  searchMs?: number;
  /** How many articles the reading list holds in all. */
  totalCount: number;
}

const VIEWS: Array<{ view: ReadingView; label: string }> = [
  { view: 'unread', label: 'Unread' },
  { view: 'archived', label: 'Archived' },
  { view: 'all', label: 'All' },
];
/** Height of a row before it is measured (title, meta, excerpt, tags and actions). */
const ROW_HEIGHT = 112;
/** Rows rendered beyond each edge of the viewport, so Tab always has a next row to move to. */
const OVERSCAN = 8;
/** Viewport size assumed while the list has no layout (not yet painted, hidden, or a DOM without layout). */
const UNLAID_VIEWPORT = { width: 0, height: 800 };

type RowVirtualizer = Virtualizer<HTMLDivElement, HTMLLIElement>;

/** A TanStack virtualizer driven by Preact: it re-renders the component whenever the range moves. */
function useVirtualizer(options: VirtualizerOptions<HTMLDivElement, HTMLLIElement>): RowVirtualizer {
  const [, setVersion] = useState(0);
  const resolved = { ...options, onChange: () => setVersion((version) => version + 1) };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}

/** The reading list: view, search, sort and tag filters above a virtualised list of saved articles. */
export function ReadingList({
  items,
  view,
  onViewChange,
  query,
  onQueryChange,
  sort,
  onSortChange,
  tags,
  tagFilter,
  onTagFilter,
  onRenameTag,
  onOpen,
  onSetStatus,
  onDelete,
  onAddTag,
  onRemoveTag,
  undo,
  searchMs,
  totalCount,
}: ReadingListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** The row holding focus stays rendered when scrolled away, so focus is not dropped. */
  const focusedIndex = useRef<number | null>(null);
  /** After a delete from the keyboard, the row that takes the deleted one's place gets focus. */
  const refocusIndex = useRef<number | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const renameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (renaming === null) return;
    renameInput.current?.focus();
    renameInput.current?.select();
  }, [renaming]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: OVERSCAN,
    // Without a layout the viewport measures 0 and the virtualizer would render no row at all.
    initialRect: UNLAID_VIEWPORT,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : UNLAID_VIEWPORT)),
    observeElementOffset,
    scrollToFn: elementScroll,
    // A row in a list that is not laid out (hidden, or not yet painted) measures 0: keep the estimate
    // rather than let every row fit in the viewport.
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || ROW_HEIGHT,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const focused = focusedIndex.current;
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
  });

  // A new view, search, sort or tag is a new list: start at its top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [virtualizer, view, query, sort, tagFilter]);

  useEffect(() => {
    const index = refocusIndex.current;
    refocusIndex.current = null;
    const active = document.activeElement;
    if (index === null || items.length === 0 || (active && active !== document.body)) return;
    const next = Math.min(index, items.length - 1);
    list.current?.querySelector<HTMLElement>(`[data-index="${next}"] .reading-item__open`)?.focus();
  }, [items]);

  const deleteRow = (id: string) => {
    if (list.current?.contains(document.activeElement)) refocusIndex.current = focusedIndex.current;
    onDelete(id);
  };

  const count = (n: number) => n.toLocaleString();
  const shown =
    items.length === totalCount ? count(totalCount) : `${count(items.length)} of ${count(totalCount)}`;
  const timing = query && searchMs !== undefined ? ` · searched in ${Math.round(searchMs)} ms` : '';

  return (
    <section class="reading-list" aria-labelledby="reading-heading">
      <div class="header">
        <h2 id="reading-heading">Reading list</h2>
        <p class="count" aria-live="polite">
          {shown} {totalCount === 1 ? 'article' : 'articles'}
          {timing}
        </p>
      </div>
      <div class="reading-list__controls">
        <div role="group" aria-label="Show" class="reading-list__views">
          {VIEWS.map((option) => (
            <button
              key={option.view}
              type="button"
              aria-pressed={view === option.view}
              onClick={() => onViewChange(option.view)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <input
          type="search"
          class="reading-list__search"
          value={query}
          placeholder="Search titles, text, sites…"
          aria-label="Search your reading list"
          onInput={(event) => onQueryChange(event.currentTarget.value)}
        />
        <label class="reading-list__sort">
          Sort by{' '}
          <select value={sort} onChange={(event) => onSortChange(event.currentTarget.value as ReadingSort)}>
            <option value="saved">Date saved</option>
            <option value="published">Date published</option>
          </select>
        </label>
      </div>
      {tags.length > 0 && (
        <div class="reading-list__tags">
          <div role="group" aria-label="Filter by tag">
            {tags.map((tag) => (
              <button
                key={tag.name}
                type="button"
                class="reading-list__tag"
                aria-pressed={tagFilter === tag.name}
                onClick={() => onTagFilter(tagFilter === tag.name ? undefined : tag.name)}
              >
                {tag.name} <span class="count">{tag.count}</span>
              </button>
            ))}
          </div>
          {tagFilter !== undefined &&
            (renaming === tagFilter ? (
              <form
                class="reading-list__rename"
                onSubmit={(event) => {
                  event.preventDefault();
                  const to = new FormData(event.currentTarget).get('to')?.toString().trim();
                  if (to && to !== tagFilter) onRenameTag(tagFilter, to);
                  setRenaming(null);
                }}
              >
                <label>
                  Rename “{tagFilter}” to{' '}
                  <input
                    ref={renameInput}
                    name="to"
                    type="text"
                    defaultValue={tagFilter}
                    maxLength={100}
                    required
                  />
                </label>{' '}
                <button type="submit">Rename</button>{' '}
                <button type="button" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <button type="button" class="reading-list__rename-open" onClick={() => setRenaming(tagFilter)}>
                Rename tag “{tagFilter}”
              </button>
            ))}
        </div>
      )}
      {items.length === 0 && (
        <p class="empty-state">
          {totalCount === 0
            ? 'Nothing saved yet. Use “Save for later” on any page to read it here.'
            : 'No saved article matches.'}
        </p>
      )}
      <div class="reading-list__viewport" ref={viewport} hidden={items.length === 0}>
        <ul
          ref={list}
          class="reading-list__rows"
          aria-label="Saved articles"
          style={{ height: `${virtualizer.getTotalSize()}px` }}
          onFocusIn={(event) => {
            const row = (event.target as Element).closest<HTMLElement>('[data-index]');
            focusedIndex.current = row ? Number(row.dataset.index) : null;
          }}
          onFocusOut={(event) => {
            if (!list.current?.contains(event.relatedTarget as Node | null)) focusedIndex.current = null;
          }}
        >
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const row = items[virtualRow.index];
            if (!row) return null;
            return (
              <li
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={virtualRow.index}
                class="reading-list__row"
                aria-setsize={items.length}
                aria-posinset={virtualRow.index + 1}
                style={{ transform: `translateY(${virtualRow.start}px)` }}
              >
                <ReadingListItem
                  row={row}
                  date={sort}
                  onOpen={onOpen}
                  onSetStatus={onSetStatus}
                  onDelete={deleteRow}
                  onAddTag={onAddTag}
                  onRemoveTag={onRemoveTag}
                  onTagFilter={onTagFilter}
                />
              </li>
            );
          })}
        </ul>
      </div>
      <div class="reading-toast" role="status">
        {undo && (
          <>
            <span>{undo.message}</span>{' '}
            <button type="button" onClick={undo.onUndo}>
              Undo
            </button>
          </>
        )}
      </div>
    </section>
  );
}
