/**
 * Dynamic pages: text added or changed later is read (one batched observer, once per frame), and a
 * single-page-app navigation reads the new page from scratch.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observeTextChanges } from '@/lib/dom/batched-observer';
import { OWN_UI_SELECTOR, type PageSession } from '../page-session';

export function watchChanges(ctx: ContentScriptContext, session: PageSession): void {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  observeTextChanges(document.documentElement, (containers) => void session.rescan(containers), {
    signal: controller.signal,
    schedule: (callback) => ctx.requestAnimationFrame(callback),
    isOwn: (node) => {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return element?.closest(OWN_UI_SELECTOR) != null;
    },
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => void session.fullScan());
}
