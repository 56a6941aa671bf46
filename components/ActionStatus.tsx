export interface ActionStatusProps {
  /** What went wrong with the reader's last action, if anything. */
  error?: string | undefined;
  /** What the last action did ("Imported 3 feeds"). */
  notice?: string | undefined;
}

/**
 * The outcome of a settings section's last action: an alert when it failed, and a status line that
 * is always in the page, so that screen readers announce each new notice.
 */
export function ActionStatus({ error, notice }: ActionStatusProps) {
  return (
    <>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <p class="notice" role="status">
        {notice}
      </p>
    </>
  );
}
