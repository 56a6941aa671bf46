/**
 * Dynamic pages: text added or changed later is read (one batched observer, once per frame, paced
 * by the churn throttle when the page never stops changing), and a single-page-app navigation
 * reads the new page from scratch.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observeTextChanges } from '@/lib/dom/batched-observer';
import { ChurnThrottle } from '@/lib/dom/churn-throttle';
import { OWN_UI_SELECTOR, type PageSession } from '../page-session';

/** How long a single-page app's navigation is given to settle before the new page is read. */
export const NAVIGATION_SETTLE_MS = 150;

export function watchChanges(ctx: ContentScriptContext, session: PageSession): void {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const throttle = new ChurnThrottle();
  /** When the next rescan may start (performance.now() time), known once the last one ended. */
  let notBefore = 0;
  let inFlight: Promise<void> | null = null;
  observeTextChanges(
    document.documentElement,
    (containers) => {
      const busyBefore = session.busyMs;
      inFlight = session.rescan(containers).then((changed) => {
        const now = performance.now();
        notBefore = now + throttle.next(now, session.busyMs - busyBefore, changed);
        inFlight = null;
      });
    },
    {
      signal: controller.signal,
      schedule: (callback) => {
        const start = () => {
          const wait = notBefore - performance.now();
          if (wait <= 0) ctx.requestAnimationFrame(callback);
          else ctx.setTimeout(() => ctx.requestAnimationFrame(callback), wait);
        };
        // The wait depends on what the rescan still running costs and finds.
        if (inFlight) void inFlight.then(start);
        else start();
      },
      isOwn: (node) => {
        const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
        return element?.closest(OWN_UI_SELECTOR) != null;
      },
    },
  );
  // WXT's location event is a DOM event on the page's window, which a page can forge by its name:
  // only a real change of address counts, and a burst of them (a page rewriting its address as
  // it scrolls) is read once, after it.
  let readUrl = location.href;
  let fullScanQueued = false;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (location.href === readUrl || fullScanQueued) return;
    fullScanQueued = true;
    ctx.setTimeout(() => {
      fullScanQueued = false;
      readUrl = location.href;
      void session.fullScan();
    }, NAVIGATION_SETTLE_MS);
  });
}
