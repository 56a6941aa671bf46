import { useId, useState } from 'preact/hooks';
import type { ImportReport } from '@/lib/model/import-report';

/** Props of {@link DigestImport}. */
export interface DigestImportProps {
  /** Called with the pasted (or loaded) digest text and the digest's address, if the reader gave one. */
  onImport: (text: string, url: string) => void;
  busy?: boolean;
  error?: string;
  /** What the last import added and updated. */
  report?: ImportReport;
}

/**
 * Paste a digest (an editor's introduction, then several pieces with title, "By …", outlet and
 * date) or load it from a text file; each piece becomes an analysis.
 */
export function DigestImport({ onImport, busy = false, error, report }: DigestImportProps) {
  const uid = useId();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  return (
    <section aria-labelledby={`${uid}-heading`} class="digest-import">
      <h2 id={`${uid}-heading`}>Import a digest</h2>
      <p>
        A digest is an editor&rsquo;s summary of several op-eds followed by the pieces. Each piece becomes an
        analysis, with the editor&rsquo;s paragraph as its summary.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) onImport(text, url.trim());
        }}
      >
        <label for={`${uid}-text`}>Digest text</label>
        <textarea
          id={`${uid}-text`}
          rows={8}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <label>
          Or load a text file{' '}
          <input
            type="file"
            accept=".txt,text/plain"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) void file.text().then(setText);
              input.value = '';
            }}
          />
        </label>
        <label for={`${uid}-url`}>Digest address (optional)</label>
        <input
          id={`${uid}-url`}
          type="url"
          value={url}
          placeholder="https://"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          {busy ? 'Importing…' : 'Import digest'}
        </button>
      </form>
      <div aria-live="polite">
        {report && (
          <p data-testid="digest-report">
            {report.added.analyses} {report.added.analyses === 1 ? 'analysis' : 'analyses'} added,{' '}
            {report.updated.analyses} updated.
          </p>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
