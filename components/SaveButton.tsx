/** Where saving the current page stands. */
export type SaveState = 'unsaved' | 'saving' | 'saved' | 'error';

/** Props of {@link SaveButton}. */
export interface SaveButtonProps {
  state: SaveState;
  onSave: () => void;
  /** Open the reading list; offered once the page is saved. */
  onOpenList?: () => void;
  /** Why saving failed (state 'error'). */
  error?: string;
}

const ANNOUNCEMENTS: Record<SaveState, string> = {
  unsaved: '',
  saving: 'Saving…',
  saved: 'Saved to your reading list.',
  error: '',
};

/** "Save for later" for the side panel and the hover card; once saved, a way to the reading list. */
export function SaveButton({ state, onSave, onOpenList, error }: SaveButtonProps) {
  const saved = state === 'saved';
  // One button through every state, so keyboard focus stays on it; it is inert (not disabled, which
  // would drop focus) while saving, and once saved when there is no list to open.
  const inert = state === 'saving' || (saved && !onOpenList);
  return (
    <span class={`save-button save-button--${state}`}>
      <button
        type="button"
        aria-disabled={inert}
        onClick={() => {
          if (inert) return;
          if (saved) onOpenList?.();
          else onSave();
        }}
      >
        {state === 'saving' && 'Saving…'}
        {saved && (
          <>
            Saved <span aria-hidden="true">✓</span>
            {onOpenList && <span class="save-button__open"> · Open reading list</span>}
          </>
        )}
        {(state === 'unsaved' || state === 'error') && 'Save for later'}
      </button>
      <span class="visually-hidden" role="status">
        {ANNOUNCEMENTS[state]}
      </span>
      {state === 'error' && (
        <span class="save-button__error error" role="alert">
          {error ?? 'Could not save this page.'}
        </span>
      )}
    </span>
  );
}
