import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadingStatus } from '@/lib/model/reading';
import type { ReadingRow } from '@/lib/model/views';
import { formatDate, oneLine } from './format';

/** One saved article as the reading list shows it (the background's row, see lib/model/views.ts). */
export type { ReadingRow };

/** Props of {@link ReadingListItem}. */
export interface ReadingListItemProps {
  row: ReadingRow;
  /** Which date the row shows: the one the list is sorted by. */
  date?: 'saved' | 'published';
  onOpen: (id: string) => void;
  onSetStatus: (id: string, status: ReadingStatus) => void;
  onDelete: (id: string) => void;
  onAddTag: (id: string, tag: string) => void;
  onRemoveTag: (id: string, tag: string) => void;
  /** Show only the articles with this tag (a click on a tag chip). */
  onTagFilter?: (tag: string) => void;
}

/** "nytimes.com" from a URL, for articles saved without a site name. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** One saved article: title to open it, where and when it is from, tags, and what to do with it. */
export function ReadingListItem({
  row,
  date = 'saved',
  onOpen,
  onSetStatus,
  onDelete,
  onAddTag,
  onRemoveTag,
  onTagFilter,
}: ReadingListItemProps) {
  const [addingTag, setAddingTag] = useState(false);
  const [draft, setDraft] = useState('');
  const tagInput = useRef<HTMLInputElement>(null);
  const addTagButton = useRef<HTMLButtonElement>(null);
  const title = row.title || row.url;
  const savedIso = new Date(row.savedAt).toISOString();
  const showPublished = date === 'published' && row.publishedAt !== undefined;

  // Keyboard users land in the tag field when it opens, and back on "+ Tag" when it closes.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (addingTag) tagInput.current?.focus();
    else if (returnFocus.current) addTagButton.current?.focus();
    returnFocus.current = false;
  }, [addingTag]);

  const closeTagForm = () => {
    returnFocus.current = true;
    setAddingTag(false);
    setDraft('');
  };
  // Screen readers may list every row's buttons out of context: each names its article.
  const which = () => <span class="visually-hidden"> “{title}”</span>;

  return (
    <div class={`reading-item reading-item--${row.status}`} data-article-id={row.id}>
      <h3 class="reading-item__title">
        <button type="button" class="reading-item__open" onClick={() => onOpen(row.id)}>
          {title}
        </button>
      </h3>
      <p class="reading-item__meta">
        <span class="reading-item__site">{row.siteName ?? hostOf(row.url)}</span>
        {row.byline && <span class="reading-item__byline">{row.byline}</span>}
        {showPublished ? (
          <time dateTime={row.publishedAt}>{formatDate(row.publishedAt!)}</time>
        ) : (
          <span>
            Saved <time dateTime={savedIso}>{formatDate(savedIso)}</time>
          </span>
        )}
        {row.readingMinutes !== undefined && <span>{row.readingMinutes} min read</span>}
        {row.status !== 'unread' && (
          <span class="reading-item__status">{row.status === 'read' ? 'Read' : 'Archived'}</span>
        )}
        {row.offline && (
          <span class="reading-item__offline" title="Its text is saved in Backstory">
            Available offline
          </span>
        )}
        {row.newAnalyses > 0 && (
          <span class="badge reading-item__new">
            {row.newAnalyses} new {row.newAnalyses === 1 ? 'analysis' : 'analyses'}
          </span>
        )}
      </p>
      {row.excerpt && <p class="reading-item__excerpt">{oneLine(row.excerpt)}</p>}
      {row.progress !== undefined && row.progress > 0 && row.status !== 'read' && (
        <p class="reading-item__progress">
          <progress max={1} value={row.progress} aria-label={`Reading progress of “${title}”`} />{' '}
          {Math.round(row.progress * 100)}% read
        </p>
      )}
      <div class="reading-item__tags">
        {row.tags.map((tag) => (
          <span key={tag} class="chip reading-item__tag">
            {onTagFilter ? (
              <button type="button" class="reading-item__tag-name" onClick={() => onTagFilter(tag)}>
                {tag}
              </button>
            ) : (
              tag
            )}
            <button
              type="button"
              class="reading-item__tag-remove"
              aria-label={`Remove tag ${tag} from “${title}”`}
              onClick={() => onRemoveTag(row.id, tag)}
            >
              ×
            </button>
          </span>
        ))}
        {addingTag ? (
          <form
            class="reading-item__tag-form"
            onSubmit={(event) => {
              event.preventDefault();
              const tag = draft.trim();
              if (tag && !row.tags.includes(tag)) onAddTag(row.id, tag);
              closeTagForm();
            }}
          >
            <input
              ref={tagInput}
              type="text"
              value={draft}
              aria-label={`New tag for “${title}”`}
              maxLength={100}
              onInput={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') closeTagForm();
              }}
            />
            <button type="submit">Add</button>
          </form>
        ) : (
          <button
            ref={addTagButton}
            type="button"
            class="reading-item__add-tag"
            onClick={() => setAddingTag(true)}
          >
            + Tag{which()}
          </button>
        )}
      </div>
      <div class="reading-item__actions">
        <button type="button" onClick={() => onSetStatus(row.id, row.status === 'read' ? 'unread' : 'read')}>
          {row.status === 'read' ? 'Mark unread' : 'Mark read'}
          {which()}
        </button>
        <button
          type="button"
          onClick={() => onSetStatus(row.id, row.status === 'archived' ? 'unread' : 'archived')}
        >
          {row.status === 'archived' ? 'Unarchive' : 'Archive'}
          {which()}
        </button>
        <button type="button" class="reading-item__delete" onClick={() => onDelete(row.id)}>
          Delete{which()}
        </button>
      </div>
    </div>
  );
}
