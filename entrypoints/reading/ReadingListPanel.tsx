import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReadingImportExport, type ReadingExportFormat } from '@/components/ReadingImportExport';
import { ReadingList, type ReadingSort, type ReadingView } from '@/components/ReadingList';
import type { ReadingStatus } from '@/lib/model/reading';
import { createRequester } from '@/lib/protocol/client';
import type { ResponseOf } from '@/lib/protocol/messages';
import { toCsv, toJson, toNetscapeHtml } from '@/lib/reading/exports';
import { detectFormat, parseReadingImport } from '@/lib/reading/imports';
import { downloadText } from './download';

const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));

/** Wait this long after typing before searching. */
const SEARCH_DELAY_MS = 120;

export interface ReadingListPanelProps {
  /** Show import, export and offline download (the full-page view; the side panel links there). */
  withImports?: boolean;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Wires the reading list to the background: list, search, tags, status, delete with undo, imports. */
export function ReadingListPanel({ withImports = false }: ReadingListPanelProps) {
  const [view, setView] = useState<ReadingView>('unread');
  const [sort, setSort] = useState<ReadingSort>('saved');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | undefined>(undefined);
  const [list, setList] = useState<ResponseOf<'reading.list'> | null>(null);
  /** Why the last action (import, status change, download) failed; kept until the next action. */
  const [error, setError] = useState<string | undefined>(undefined);
  /** Why the list could not be read; cleared by the next successful read. */
  const [listError, setListError] = useState<string | undefined>(undefined);
  const [undo, setUndo] = useState<{ message: string; onUndo: () => void } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ added: number; updated: number; skipped: number } | undefined>();
  const loadId = useRef(0);

  const load = useCallback(async () => {
    const id = ++loadId.current;
    try {
      const next = await request('reading.list', { view, sort, query, ...(tag ? { tag } : {}) });
      if (id === loadId.current) {
        setList(next);
        setListError(undefined);
      }
    } catch (cause) {
      if (id === loadId.current) setListError((cause as Error).message);
    }
  }, [view, sort, query, tag]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), query ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  // The background bumps `libraryVersion` when articles are saved, imported or downloaded.
  useEffect(() => {
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && 'libraryVersion' in changes) void load();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => browser.storage.onChanged.removeListener(onStorage);
  }, [load]);

  const act = (work: Promise<unknown>) => {
    setError(undefined);
    void work.then(() => load()).catch((cause: Error) => setError(cause.message));
  };

  const onDelete = (id: string) => {
    const title = list?.items.find((item) => item.id === id)?.title ?? 'article';
    act(request('reading.delete', { id }));
    setUndo({
      message: `Deleted “${title}”.`,
      onUndo: () => {
        setUndo(undefined);
        act(request('reading.delete', { id, undo: true }));
      },
    });
  };

  const tagsOf = (id: string) => list?.items.find((item) => item.id === id)?.tags ?? [];

  const onImport = async (
    text: string,
    fileName: string,
    format: Parameters<typeof parseReadingImport>[1],
  ) => {
    setBusy(true);
    setReport(undefined);
    setError(undefined);
    try {
      // The file's name helps tell formats apart (a .csv from Pocket or Instapaper).
      const chosen = format === 'auto' ? (detectFormat(text, fileName) ?? 'auto') : format;
      const parsed = parseReadingImport(text, chosen, parseHtml);
      setReport(await request('reading.import', { items: parsed.items, skipped: parsed.skipped.length }));
      await load();
    } catch (cause) {
      setError(`${fileName}: ${(cause as Error).message} Nothing was imported.`);
    } finally {
      setBusy(false);
    }
  };

  const onExport = async (format: ReadingExportFormat) => {
    const { items } = await request('reading.export', {});
    const rows = items.map(({ url, title, tags, status, savedAt, excerpt }) => ({
      url,
      title,
      tags,
      status,
      savedAt,
      ...(excerpt ? { excerpt } : {}),
    }));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'json')
      downloadText(toJson(rows), `backstory-reading-list-${stamp}.json`, 'application/json');
    else if (format === 'csv') downloadText(toCsv(rows), `backstory-reading-list-${stamp}.csv`, 'text/csv');
    else downloadText(toNetscapeHtml(rows), `backstory-reading-list-${stamp}.html`, 'text/html');
  };

  const onFetchAll = async () => {
    // Downloading needs permission to read the articles' sites; asked here, on the reader's click.
    const granted = await browser.permissions
      .request({ origins: ['http://*/*', 'https://*/*'] })
      .catch(() => false);
    if (!granted) {
      setError('Backstory needs permission to read those sites to download the articles.');
      return;
    }
    act(request('reading.fetchPending', {}));
  };

  return (
    <section class="reading-panel" aria-label="Reading list">
      {[listError, error].map(
        (message) =>
          message && (
            <p class="error" role="alert" key={message}>
              {message}
            </p>
          ),
      )}
      {list && (
        <ReadingList
          items={list.items}
          view={view}
          onViewChange={setView}
          query={query}
          onQueryChange={setQuery}
          sort={sort}
          onSortChange={setSort}
          tags={list.tags}
          {...(tag ? { tagFilter: tag } : {})}
          onTagFilter={setTag}
          onRenameTag={(from, to) => act(request('reading.renameTag', { from, to }).then(() => setTag(to)))}
          onOpen={(id) => void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?id=${id}`) })}
          onSetStatus={(id, status: ReadingStatus) => act(request('reading.update', { id, status }))}
          onDelete={onDelete}
          onAddTag={(id, added) => act(request('reading.update', { id, tags: [...tagsOf(id), added] }))}
          onRemoveTag={(id, removed) =>
            act(request('reading.update', { id, tags: tagsOf(id).filter((t) => t !== removed) }))
          }
          {...(undo ? { undo } : {})}
          {...(query ? { searchMs: list.searchMs } : {})}
          totalCount={list.total}
        />
      )}
      {withImports && (
        <ReadingImportExport
          onImport={(text, fileName, format) => void onImport(text, fileName, format)}
          onExport={(format) => void onExport(format).catch((cause: Error) => setError(cause.message))}
          onFetchAll={() => void onFetchAll()}
          pendingFetch={list?.pendingContent ?? 0}
          busy={busy}
          {...(report ? { report } : {})}
        />
      )}
    </section>
  );
}
