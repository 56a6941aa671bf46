import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyLibrary } from '@/components/EmptyLibrary';
import { LibrarySearch } from '@/components/LibrarySearch';
import { PageMentions } from '@/components/PageMentions';
import { RankedAnalyses } from '@/components/RankedAnalyses';
import { SaveButton, type SaveState } from '@/components/SaveButton';
import { SiteControls } from '@/components/SiteControls';
import { createRequester } from '@/lib/protocol/client';
import type { AnalysisView, PanelView } from '@/lib/protocol/messages';
import { ReadingListPanel } from '../reading/ReadingListPanel';
import { AddAnalysis } from './AddAnalysis';
import { allowOrigins } from '../reading/site-access';

const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));

/**
 * When opened as a normal page (tests, or a tab), `?tabId=` pins the panel to one tab and
 * `?windowId=` makes it follow the active tab of that window instead of its own.
 */
const parameter = (name: string) => {
  const value = new URLSearchParams(location.search).get(name);
  return value === null ? null : Number(value);
};
const pinnedTabId = parameter('tabId');
const followedWindowId = parameter('windowId');

async function activeTabId(): Promise<number | null> {
  if (pinnedTabId !== null) return pinnedTabId;
  const [tab] = await browser.tabs.query(
    followedWindowId !== null
      ? { active: true, windowId: followedWindowId }
      : { active: true, currentWindow: true },
  );
  return tab?.id ?? null;
}

/** Wait this long after typing before searching. */
const SEARCH_DELAY_MS = 120;

/** Wires the side panel: follows the active tab; shows its page, ranked analyses and search. */
export function SidePanelApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<PanelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{
    total: number;
    items: AnalysisView[];
    names: Record<string, string>;
  } | null>(null);
  const [tab, setTab] = useState<'page' | 'reading'>('page');
  const [adding, setAdding] = useState(false);
  const [save, setSave] = useState<{ state: SaveState; error?: string }>({ state: 'unsaved' });
  const [notice, setNotice] = useState<string | null>(null);
  const loadId = useRef(0);

  const showError = useCallback((cause: unknown) => setError((cause as Error).message), []);

  const load = useCallback(
    async (focus?: string | null) => {
      if (tabId === null) return;
      const id = ++loadId.current;
      try {
        const next = await request('panel.view', { tabId, ...(focus !== undefined ? { focus } : {}) });
        if (id === loadId.current) {
          setView(next);
          setError(null);
          document.documentElement.dataset.tabId = String(tabId);
        }
      } catch (cause) {
        if (id === loadId.current) showError(cause);
      }
    },
    [tabId, showError],
  );

  // Follow the active tab (or the pinned one).
  useEffect(() => {
    const refreshTab = () => void activeTabId().then(setTabId);
    refreshTab();
    if (pinnedTabId !== null) return;
    browser.tabs.onActivated.addListener(refreshTab);
    browser.windows.onFocusChanged.addListener(refreshTab);
    return () => {
      browser.tabs.onActivated.removeListener(refreshTab);
      browser.windows.onFocusChanged.removeListener(refreshTab);
    };
  }, []);

  // Reload on this tab's page reports, focus changes, navigation and library changes.
  useEffect(() => {
    void load();
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session' || tabId === null) return;
      if (`tab:${tabId}` in changes || `focus:${tabId}` in changes || 'libraryVersion' in changes)
        void load();
    };
    const onUpdated = (updatedId: number, change: { url?: string; status?: string }) => {
      if (updatedId === tabId && (change.url || change.status === 'complete')) void load();
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, load]);

  // The page's context menu asked for the add form ("Add this page to Backstory as an analysis").
  useEffect(() => {
    if (tabId === null) return;
    const key = `panelAction:${tabId}`;
    const check = () =>
      void browser.storage.session.get(key).then((items) => {
        if (items[key] !== 'add-analysis') return;
        void browser.storage.session.remove(key);
        setTab('page');
        setAdding(true);
      });
    check();
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) check();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => browser.storage.onChanged.removeListener(onStorage);
  }, [tabId]);

  // The save button follows the page: saved pages say so.
  useEffect(() => {
    setSave((current) =>
      current.state === 'saving' ? current : { state: view?.page?.saved ? 'saved' : 'unsaved' },
    );
  }, [view]);

  const saveForLater = () => {
    if (tabId === null) return;
    setSave({ state: 'saving' });
    request('article.save', { tabId })
      .then(() => setSave({ state: 'saved' }))
      .catch((cause: Error) => setSave({ state: 'error', error: cause.message }));
  };

  const subscribe = async (url: string) => {
    // Asked on the reader's click: Backstory may then read this feed's site, and nothing else.
    if (!(await allowOrigins([url]))) {
      setError(`Backstory needs permission to read ${new URL(url).host} to follow this feed.`);
      return;
    }
    try {
      const feed = await request('feed.subscribe', { url });
      setNotice(
        feed.lastError
          ? `Subscribed, but the feed could not be read: ${feed.lastError}`
          : `Subscribed to ${feed.title ?? url}: ${feed.itemCount} analyses added.`,
      );
    } catch (cause) {
      showError(cause);
    }
  };

  // Search as the reader types.
  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      request('library.search', { query })
        .then((found) => !cancelled && setResults(found))
        .catch(showError);
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, showError]);

  const status = useMemo(
    () =>
      view
        ? `${view.totalAnalyses} ${view.totalAnalyses === 1 ? 'analysis' : 'analyses'} in your library`
        : 'Loading…',
    [view],
  );

  const page = view?.page ?? null;
  // Names come with each reply: only the actors and events the shown analyses discuss.
  const names = useMemo(
    () => new Map(Object.entries({ ...view?.names, ...results?.names })),
    [view, results],
  );
  const setSite = (enabled: boolean) =>
    page && void request('site.set', { url: page.url, enabled }).catch(showError);

  return (
    <main data-ready={view ? 'true' : 'false'}>
      <header class="header">
        <h1>Backstory</h1>
        <p role="status">{status}</p>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {view?.site && (
        <SiteControls
          host={view.site.host}
          enabled={view.site.enabled}
          paused={view.site.paused}
          onSiteChange={setSite}
          onPauseChange={(paused) => void request('settings.set', { changes: { paused } }).catch(showError)}
        />
      )}
      <nav class="panel-tabs" aria-label="Side panel">
        <button type="button" aria-pressed={tab === 'page'} onClick={() => setTab('page')}>
          This page
        </button>
        <button type="button" aria-pressed={tab === 'reading'} onClick={() => setTab('reading')}>
          Reading list
        </button>
      </nav>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {tab === 'reading' && (
        <>
          <p class="panel-links">
            <a href={browser.runtime.getURL('/reading.html')} target="_blank" rel="noopener">
              Open the full reading list (import, export, offline downloads)
            </a>
          </p>
          <ReadingListPanel />
        </>
      )}
      {tab === 'page' && adding && tabId !== null && (
        <AddAnalysis
          tabId={tabId}
          request={request}
          onCancel={() => setAdding(false)}
          onDone={(message) => {
            setAdding(false);
            setNotice(message);
          }}
        />
      )}
      {tab === 'page' && !adding && page && view?.site && (
        <div class="page-actions">
          <SaveButton
            state={save.state}
            onSave={saveForLater}
            onOpenList={() => setTab('reading')}
            {...(save.error ? { error: save.error } : {})}
          />
          <button type="button" onClick={() => setAdding(true)}>
            Add as analysis
          </button>
          {page.feeds?.map((feed) => (
            <button type="button" key={feed.url} onClick={() => void subscribe(feed.url)}>
              Follow feed: {feed.title ?? new URL(feed.url).host}
            </button>
          ))}
        </div>
      )}
      {tab === 'page' && !adding && (
        <LibrarySearch query={query} onQuery={setQuery} results={results} entityNames={names} />
      )}
      {tab === 'page' && !adding && view && !query.trim() && (
        <>
          <PageMentions
            page={page}
            focus={view.focus}
            onReveal={(entityId) =>
              tabId !== null && void request('page.reveal', { tabId, entityId }).catch(showError)
            }
            onFocus={(entityId) => void load(entityId)}
            onEnableSite={() => {
              if (view.site?.paused)
                void request('settings.set', { changes: { paused: false } }).catch(showError);
              setSite(true);
            }}
          />
          {view.totalAnalyses === 0 ? (
            <EmptyLibrary onOpenSettings={() => void browser.runtime.openOptionsPage()} />
          ) : (
            <RankedAnalyses
              ranked={view.ranked}
              others={view.others}
              focusName={view.focus ? (names.get(view.focus) ?? view.focus) : null}
              entityNames={names}
            />
          )}
        </>
      )}
    </main>
  );
}
