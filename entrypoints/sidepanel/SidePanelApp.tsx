import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AnalysisList } from '@/components/AnalysisList';
import { PageMentions } from '@/components/PageMentions';
import { SiteControls } from '@/components/SiteControls';
import { createRequester } from '@/lib/protocol/client';
import type { AnalysisView, PageState, SiteStatus } from '@/lib/protocol/messages';

const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));

/** A `?tabId=` parameter pins the panel to one tab (used when opened as a normal page). */
const pinnedTabId = (() => {
  const value = new URLSearchParams(location.search).get('tabId');
  return value === null ? null : Number(value);
})();

async function activeTabId(): Promise<number | null> {
  if (pinnedTabId !== null) return pinnedTabId;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

interface PanelData {
  page: PageState | null;
  site: SiteStatus | null;
  analyses: AnalysisView[];
  total: number;
  entityNames: Map<string, string>;
}

/** Wires the side panel: follows the active tab and shows its page and the library's analyses. */
export function SidePanelApp() {
  const [data, setData] = useState<PanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);

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

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const [page, list, catalog] = await Promise.all([
          tabId === null ? null : request('tab.state', { tabId }),
          request('analyses.list', { limit: 100 }),
          request('entities.catalog', {}),
        ]);
        const site = page ? await request('site.status', { url: page.url }) : null;
        if (cancelled) return;
        setData({
          page,
          site,
          analyses: list.items,
          total: list.total,
          entityNames: new Map(catalog.entities.map((e) => [e.id, e.name])),
        });
        setError(null);
      } catch (cause) {
        if (!cancelled) setError((cause as Error).message);
      }
    };
    void load();
    // Page reports land in session storage: reload when this tab's report changes.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== null && `tab:${tabId}` in changes) void load();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, [tabId]);

  const showError = (cause: Error) => setError(cause.message);
  const status = useMemo(() => (data ? `${data.total} analyses in your library` : 'Loading…'), [data]);

  return (
    <main>
      <header class="header">
        <h1>Backstory</h1>
        <p role="status">{status}</p>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {data?.site && (
        <SiteControls
          host={data.site.host}
          enabled={data.site.enabled}
          paused={data.site.paused}
          onSiteChange={(enabled) =>
            void request('site.set', { url: data.page!.url, enabled }).catch(showError)
          }
          onPauseChange={(paused) => void request('settings.set', { changes: { paused } }).catch(showError)}
        />
      )}
      {data && (
        <>
          <PageMentions page={data.page} />
          <AnalysisList analyses={data.analyses} total={data.total} entityNames={data.entityNames} />
        </>
      )}
    </main>
  );
}
