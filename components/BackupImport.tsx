import { useEffect, useId, useRef } from 'preact/hooks';
import type { BackupPreview } from '@/lib/model/views';
import { formatDate } from './format';
import { ActionStatus } from './ActionStatus';

/** What importing a backup file would add and update per table, worked out before anything is written. */
export type { BackupPreview };

export interface BackupImportProps {
  onExport: () => void;
  /**
   * Called with the chosen file (the parent sends it in parts: a backup can be larger than one
   * message) and answers with a preview.
   */
  onFileChosen: (file: File) => void;
  /** What the chosen file would change; the import waits for the reader's confirmation. */
  preview?: BackupPreview;
  onConfirm: () => void;
  onCancelPreview: () => void;
  busy?: boolean;
  /** Why the file was refused or the import failed. */
  error?: string;
  /** What the last export or import did. */
  notice?: string;
}

/** Reader-facing names of the library's tables; other tables show their own name. */
const TABLE_NAMES: Record<string, string> = {
  analyses: 'Analyses',
  entities: 'Actors and events',
  sources: 'Sources',
  articles: 'Saved articles',
  feeds: 'Feeds',
  settings: 'Settings',
};

/** Export the whole library to a file, or import one in two steps: see what it would change, then confirm. */
export function BackupImport({
  onExport,
  onFileChosen,
  preview,
  onConfirm,
  onCancelPreview,
  busy = false,
  error,
  notice,
}: BackupImportProps) {
  const uid = useId();
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);

  // Take keyboard and screen reader users to the preview they have to confirm.
  useEffect(() => {
    if (preview) previewHeadingRef.current?.focus();
  }, [preview]);

  const rows = preview ? Object.entries(preview.counts) : [];
  const nothingToDo = rows.every(([, { add, update }]) => add === 0 && update === 0);

  return (
    <section aria-labelledby={`${uid}-heading`} class="backup-import" aria-busy={busy}>
      <h2 id={`${uid}-heading`}>Backup</h2>
      <p>
        A backup is one file holding your whole library. Importing one shows what it would add and update
        before anything is written.
      </p>
      <ActionStatus error={error} notice={notice} />
      <div class="form-row">
        <button type="button" disabled={busy} onClick={onExport}>
          Export a backup
        </button>
        <label>
          Import a backup file{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) onFileChosen(file);
              input.value = '';
            }}
          />
        </label>
      </div>
      {preview && (
        <section
          class="report backup-import__preview"
          aria-labelledby={`${uid}-preview`}
          data-testid="backup-preview"
        >
          <h3 id={`${uid}-preview`} ref={previewHeadingRef} tabIndex={-1}>
            Check before importing
          </h3>
          <p>
            {preview.fileName}
            {preview.exportedAt && (
              <>
                , made <time dateTime={preview.exportedAt}>{formatDate(preview.exportedAt)}</time>
              </>
            )}
          </p>
          <table class="preview-table">
            <caption>What importing {preview.fileName} will change</caption>
            <thead>
              <tr>
                <th scope="col">In your library</th>
                <th scope="col">Will add</th>
                <th scope="col">Will update</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([table, { add, update }]) => (
                <tr key={table}>
                  <th scope="row">{TABLE_NAMES[table] ?? table}</th>
                  <td>{add}</td>
                  <td>{update}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {nothingToDo && (
            <p>Nothing to add or update: your library already holds everything in this file.</p>
          )}
          <div class="form-actions">
            <button type="button" class="button--primary" disabled={busy || nothingToDo} onClick={onConfirm}>
              Import
            </button>
            <button type="button" onClick={onCancelPreview}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
