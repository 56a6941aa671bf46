import { useEffect, useState } from 'preact/hooks';
import { AnalysisDraftForm, type AnalysisDraft } from '@/components/AnalysisDraftForm';
import type { Requester } from '@/lib/protocol/client';
import type { PageDraft } from '@/lib/protocol/messages';
import type { EntityRow } from '@/lib/model/views';

/** The browser's on-device summariser (Chrome's Summarizer API), when it exists. */
interface SummarizerApi {
  availability(): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(options: {
    type: 'tldr' | 'key-points';
    format: 'plain-text';
    length: 'short' | 'medium';
  }): Promise<{
    summarize(text: string): Promise<string>;
    destroy(): void;
  }>;
}
const summarizer = (globalThis as { Summarizer?: SummarizerApi }).Summarizer;

export interface AddAnalysisProps {
  tabId: number;
  request: Requester;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function draftFrom({ extract, entityIds, candidates }: PageDraft): AnalysisDraft {
  const { metadata } = extract;
  return {
    url: metadata.canonicalUrl ?? extract.url,
    title: metadata.title ?? '',
    authors: metadata.authors.map((name) => ({ name })),
    outlet: metadata.outlet ?? '',
    publishedAt: metadata.publishedAt?.slice(0, 10) ?? '',
    summary: extract.summary,
    keyPoints: extract.keyPoints,
    entityIds,
    candidates,
  };
}

/** Wires "Add this page as an analysis": reads the tab, shows the editable draft, saves it. */
export function AddAnalysis({ tabId, request, onDone, onCancel }: AddAnalysisProps) {
  const [page, setPage] = useState<PageDraft | null>(null);
  const [draft, setDraft] = useState<AnalysisDraft | null>(null);
  const [entities, setEntities] = useState<EntityRow[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [canSummarize, setCanSummarize] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all([request('page.extract', { tabId }), request('entities.list', {})])
      .then(([read, known]) => {
        if (cancelled) return;
        setPage(read);
        setDraft(draftFrom(read));
        setEntities(known.filter((entity) => !entity.hidden));
      })
      .catch((cause: Error) => !cancelled && setError(cause.message));
    // Offered only when the browser says its model is ready: never required, never downloaded by us.
    summarizer
      ?.availability()
      .then((state) => !cancelled && setCanSummarize(state === 'available'))
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [tabId, request]);

  const summarize = async () => {
    if (!summarizer || !page || !draft) return;
    setBusy(true);
    try {
      const model = await summarizer.create({ type: 'tldr', format: 'plain-text', length: 'short' });
      const summary = await model.summarize(page.extract.text.slice(0, 20_000));
      model.destroy();
      setDraft({ ...draft, summary });
    } catch (cause) {
      setError(`The browser's summariser failed: ${(cause as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  if (!draft) {
    return (
      <section class="add-analysis" aria-label="Add this page as an analysis">
        {error ? (
          <>
            <p class="error" role="alert">
              {error}
            </p>
            <button type="button" onClick={onCancel}>
              Back
            </button>
          </>
        ) : (
          <p role="status">Reading the page…</p>
        )}
      </section>
    );
  }
  return (
    <AnalysisDraftForm
      draft={draft}
      knownEntities={entities.map(({ id, name, kind }) => ({ id, name, kind }))}
      {...(page?.existing ? { existing: page.existing } : {})}
      summarizerAvailable={canSummarize}
      onSummarize={() => void summarize()}
      busy={busy}
      {...(error ? { error } : {})}
      onCancel={onCancel}
      onSave={(saved, newActors, proposals) => {
        setBusy(true);
        request('analysis.save', { draft: saved, newActors, proposals, text: page?.extract.text ?? '' })
          .then(({ created }) => onDone(created ? 'Added to your library.' : 'Updated in your library.'))
          .catch((cause: Error) => setError(cause.message))
          .finally(() => setBusy(false));
      }}
    />
  );
}
