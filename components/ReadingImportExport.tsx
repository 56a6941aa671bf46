import { useState } from 'preact/hooks';
import { decodeText } from '@/lib/reading/encoding';
import type { ReadingImportFormat } from '@/lib/model/reading';

/** An import format, or 'auto' to let the importer tell from the file. */
export type ReadingImportChoice = 'auto' | ReadingImportFormat;
/** The formats the reading list exports to. */
export type ReadingExportFormat = 'json' | 'csv' | 'html';

/** Props of {@link ReadingImportExport}. */
export interface ReadingImportExportProps {
  /** Called with the chosen file's text and name and the format the reader picked. */
  onImport: (text: string, fileName: string, format: ReadingImportChoice) => void;
  onExport: (format: ReadingExportFormat) => void;
  /** Fetch the content of every article saved without it. */
  onFetchAll?: () => void;
  /** How many articles have no stored content yet. */
  pendingFetch?: number;
  /** An import, export or download is under way. */
  busy?: boolean;
  error?: string;
  /** What the last import did. */
  report?: { added: number; updated: number; skipped: number };
}

const IMPORT_FORMATS: Array<{ value: ReadingImportChoice; label: string }> = [
  { value: 'auto', label: 'Detect from the file' },
  { value: 'pocket-csv', label: 'Pocket (CSV)' },
  { value: 'instapaper-csv', label: 'Instapaper (CSV)' },
  { value: 'netscape-html', label: 'Browser bookmarks (HTML)' },
  { value: 'omnivore-json', label: 'Omnivore (JSON)' },
];

const EXPORT_FORMATS: Array<{ value: ReadingExportFormat; label: string }> = [
  { value: 'json', label: 'JSON' },
  { value: 'csv', label: 'CSV' },
  { value: 'html', label: 'Bookmarks (HTML)' },
];

const articles = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'article' : 'articles'}`;

/** Bring a reading list in from another service, take it out again, and download articles for offline. */
export function ReadingImportExport({
  onImport,
  onExport,
  onFetchAll,
  pendingFetch = 0,
  busy = false,
  error,
  report,
}: ReadingImportExportProps) {
  const [format, setFormat] = useState<ReadingImportChoice>('auto');
  return (
    <section class="reading-io" aria-labelledby="reading-io-heading">
      <h2 id="reading-io-heading">Import and export</h2>
      <fieldset class="settings-group">
        <legend>Import a reading list</legend>
        <p>
          From Pocket, Instapaper, Omnivore or your browser’s bookmarks. Articles you already saved are kept.
        </p>
        <label>
          Format{' '}
          <select
            value={format}
            disabled={busy}
            onChange={(event) => setFormat(event.currentTarget.value as ReadingImportChoice)}
          >
            {IMPORT_FORMATS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          File{' '}
          <input
            type="file"
            accept=".csv,.html,.htm,.json,text/csv,text/html,application/json"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              // In the encoding it was written in: a Windows CSV is not UTF-8.
              if (file)
                void file.arrayBuffer().then((bytes) => onImport(decodeText(bytes).text, file.name, format));
              input.value = '';
            }}
          />
        </label>
      </fieldset>
      <fieldset class="settings-group">
        <legend>Export your reading list</legend>
        <div class="reading-io__buttons">
          {EXPORT_FORMATS.map((option) => (
            <button key={option.value} type="button" disabled={busy} onClick={() => onExport(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
      </fieldset>
      {onFetchAll && pendingFetch > 0 && (
        <p>
          <button type="button" disabled={busy} onClick={onFetchAll}>
            Download {articles(pendingFetch)} for offline reading
          </button>
        </p>
      )}
      <div aria-live="polite" class="reading-io__result">
        {busy && <p>Working…</p>}
        {!busy && report && (
          <p class="report">
            {articles(report.added)} added, {report.updated.toLocaleString()} updated,{' '}
            {report.skipped.toLocaleString()} skipped.
          </p>
        )}
      </div>
      {error && (
        <p class="report error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
