/**
 * The options page's library sections, each wiring one display component to the background:
 * digests, feeds, the actors-and-events manager and backups.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupImport } from '@/components/BackupImport';
import { DigestImport } from '@/components/DigestImport';
import { EntityManager } from '@/components/EntityManager';
import { FeedList } from '@/components/FeedList';
import type { ImportReport } from '@/lib/model/import-report';
import type { BackupPreview, EntityRow, FeedRow } from '@/lib/model/views';
import { ProtocolError, type Requester } from '@/lib/protocol/client';
import { downloadBackup, uploadBackup } from '@/lib/protocol/backup-parts';
import { downloadBlob, downloadText } from '../reading/download';
import { allowOrigins, canReadOrigins } from '../reading/site-access';

interface SectionProps {
  request: Requester;
  /** Called after the library changed, so the page's figures refresh. */
  onChanged: () => void;
}

/** The message of a failed request, with the details the background gave (e.g. schema issues). */
const describe = (error: unknown) => {
  const details =
    error instanceof ProtocolError && error.details.length > 0 ? ` (${error.details.join('; ')})` : '';
  return `${(error as Error).message}${details}`;
};

export function DigestSection({ request, onChanged }: SectionProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [report, setReport] = useState<ImportReport>();
  return (
    <DigestImport
      busy={busy}
      {...(error ? { error } : {})}
      {...(report ? { report } : {})}
      onImport={(text, url) => {
        setBusy(true);
        setError(undefined);
        request('digest.import', { text, ...(url ? { url } : {}) })
          .then((done) => (setReport(done), onChanged()))
          .catch((cause: unknown) => setError(describe(cause)))
          .finally(() => setBusy(false));
      }}
    />
  );
}

export function FeedsSection({ request, onChanged }: SectionProps) {
  const [feeds, setFeeds] = useState<FeedRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [sitesToAllow, setSitesToAllow] = useState<string[]>([]);
  const refresh = useCallback(() => void request('feeds.list', {}).then(setFeeds), [request]);
  useEffect(refresh, [refresh]);

  const run = (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    work()
      .then((message) => message && setNotice(message))
      .catch((cause: unknown) => setError(describe(cause)))
      .finally(() => {
        setBusy(false);
        refresh();
        onChanged();
      });
  };

  return (
    <FeedList
      feeds={feeds}
      busy={busy}
      {...(error ? { error } : {})}
      {...(notice ? { notice } : {})}
      onSubscribe={(url, intervalMinutes) =>
        run(async () => {
          if (!(await allowOrigins([url]))) {
            throw new Error(`Backstory needs permission to read ${new URL(url).host} to follow this feed.`);
          }
          const feed = await request('feed.subscribe', { url, intervalMinutes });
          return feed.lastError
            ? `Subscribed; the first check failed: ${feed.lastError}`
            : `Subscribed to ${feed.title ?? url}.`;
        })
      }
      onUnsubscribe={(id) => run(async () => (await request('feed.unsubscribe', { id }), 'Unsubscribed.'))}
      onIntervalChange={(id, intervalMinutes) =>
        run(async () => (await request('feed.update', { id, intervalMinutes }), undefined))
      }
      onPollNow={(id) =>
        run(async () => {
          const feed = await request('feed.poll', { id });
          return feed.lastError ? undefined : `Checked ${feed.title ?? feed.url}.`;
        })
      }
      onImportOpml={(text) =>
        run(async () => {
          const result = await request('opml.import', { text });
          const sites = result.origins.map((origin) => `${origin}/`);
          // The file was read after the click, so the browser's prompt can no longer be asked for
          // here (Firefox refuses outright): the reader allows the sites with a click of their own.
          setSitesToAllow((await canReadOrigins(sites)) ? [] : sites);
          return `${result.added} feeds added, ${result.skipped} skipped.`;
        })
      }
      sitesToAllow={sitesToAllow.length}
      onAllowSites={() =>
        run(async () => {
          if (!(await allowOrigins(sitesToAllow))) {
            throw new Error('Backstory still may not read those sites: their feeds cannot be checked.');
          }
          setSitesToAllow([]);
          return 'Backstory may now read those feeds.';
        })
      }
      onExportOpml={() =>
        run(async () => {
          const { text } = await request('opml.export', {});
          downloadText(text, 'backstory-feeds.opml', 'text/x-opml');
          return undefined;
        })
      }
    />
  );
}

export function EntitiesSection({ request, onChanged }: SectionProps) {
  const [entities, setEntities] = useState<EntityRow[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const refresh = useCallback(() => void request('entities.list', {}).then(setEntities), [request]);
  useEffect(refresh, [refresh]);
  // Discovery adds names after an import has answered: the list follows the library.
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && 'libraryVersion' in changes) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);
  const run = (work: Promise<unknown>, message: string) =>
    void work
      .then(() => (setNotice(message), setError(undefined)))
      .catch((cause: unknown) => setError(describe(cause)))
      .finally(() => (refresh(), onChanged()));
  return (
    <EntityManager
      entities={entities}
      {...(error ? { error } : {})}
      {...(notice ? { notice } : {})}
      onSave={(entity) => run(request('entity.save', { entity }), `Saved ${entity.name}.`)}
      onDelete={(id) => run(request('entity.delete', { id }), 'Deleted.')}
      onHide={(id, hidden) =>
        run(request('entity.hide', { id, hidden }), hidden ? 'Hidden.' : 'Shown again.')
      }
      onMerge={(keepId, mergeId) => run(request('entity.merge', { keepId, mergeId }), 'Merged.')}
      onAccept={(id) => run(request('entity.accept', { id }), 'Accepted: pages highlight it now.')}
      onReject={(id) => run(request('entity.reject', { id }), 'Rejected: it will not be discovered again.')}
    />
  );
}

export function BackupSection({ request, onChanged }: SectionProps) {
  const [pending, setPending] = useState<{ file: File; preview: BackupPreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  // Each step sends the file again, in parts: the background keeps no upload while the reader decides.
  const work = (step: () => Promise<unknown>, onError: (cause: unknown) => void) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    step()
      .catch(onError)
      .finally(() => setBusy(false));
  };
  return (
    <BackupImport
      busy={busy}
      {...(pending ? { preview: pending.preview } : {})}
      {...(error ? { error } : {})}
      {...(notice ? { notice } : {})}
      onExport={() =>
        work(
          async () => {
            const { file, fileName } = await downloadBackup(request);
            downloadBlob(file, fileName);
          },
          (cause) => setError(describe(cause)),
        )
      }
      onFileChosen={(file) =>
        work(
          async () => {
            const uploadId = await uploadBackup(request, file, file.name);
            setPending({ file, preview: await request('backup.preview', { uploadId }) });
          },
          (cause) => (setPending(null), setError(`${file.name}: ${describe(cause)}`)),
        )
      }
      onCancelPreview={() => setPending(null)}
      onConfirm={() => {
        if (!pending) return;
        work(
          async () => {
            const uploadId = await uploadBackup(request, pending.file, pending.file.name);
            await request('backup.import', { uploadId });
            setNotice(`Imported ${pending.preview.fileName}.`);
            setPending(null);
            onChanged();
          },
          (cause) => setError(describe(cause)),
        );
      }}
    />
  );
}
