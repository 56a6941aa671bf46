import type { ImportReport } from '@/lib/model/import-report';

export type PackImportState =
  | { status: 'idle' }
  | { status: 'busy'; fileName: string }
  | { status: 'done'; fileName: string; report: ImportReport }
  | { status: 'failed'; fileName: string; message: string; details: string[] };

export interface PackImportProps {
  state: PackImportState;
  /** Called with the chosen file's name and text. */
  onFile: (fileName: string, text: string) => void;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Choose a pack file to import, then see what was added or why nothing was. */
export function PackImport({ state, onFile }: PackImportProps) {
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a pack</h2>
      <p>A pack is a JSON file of analyses, actors and events (see the pack format documentation).</p>
      <label>
        Pack file{' '}
        <input
          type="file"
          accept=".json,application/json"
          disabled={state.status === 'busy'}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) void file.text().then((text) => onFile(file.name, text));
            input.value = '';
          }}
        />
      </label>
      <div aria-live="polite" class="import-result">
        {state.status === 'busy' && <p>Importing {state.fileName}…</p>}
        {state.status === 'done' && (
          <div class="report" data-testid="import-report">
            <p>
              Imported {state.fileName}: {sum(state.report.added)} added ({state.report.added.analyses}{' '}
              analyses, {state.report.added.entities} actors and events, {state.report.added.sources}{' '}
              sources), {sum(state.report.updated)} updated, {state.report.unchanged} already up to date.
            </p>
          </div>
        )}
        {state.status === 'failed' && (
          <div class="report error" role="alert" data-testid="import-error">
            <p>
              {state.fileName}: {state.message}
            </p>
            {state.details.length > 0 && (
              <ul>
                {state.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
