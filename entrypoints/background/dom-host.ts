/**
 * The background's DomHost (lib/background/dom-host.ts). Chrome's service worker has no DOM, so the
 * work goes to an offscreen document, created on first use; Firefox's background page has one.
 */
import { browser } from 'wxt/browser';
import type { DomHost } from '@/lib/background/dom-host';
import type { PageExtract } from '@/lib/model/extract';
import { DOM_PROTOCOL_ID, type DomReply, type DomRequest } from '@/lib/protocol/dom-messages';
import { isFirefoxBuild } from './browser-target';

const OFFSCREEN_PATH = '/offscreen.html';

export function createDomHost(): DomHost {
  if (isFirefoxBuild) return localDomHost();
  let ready: Promise<void> | null = null;
  const ensureDocument = () => {
    ready ??= (async () => {
      const url = browser.runtime.getURL(OFFSCREEN_PATH);
      const contexts = await chrome.runtime.getContexts({
        contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
        documentUrls: [url],
      });
      if (contexts.length > 0) return;
      await chrome.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: [chrome.offscreen.Reason.DOM_PARSER],
        justification: 'Read articles (Readability) and sanitise feed content (DOMPurify).',
      });
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  const ask = async <T>(request: DomRequest): Promise<T> => {
    await ensureDocument();
    const reply = (await browser.runtime.sendMessage(request)) as DomReply<T> | undefined;
    if (!reply) throw new Error('The reading document did not answer.');
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  };
  return {
    extract: (html, url) => ask<PageExtract>({ protocol: DOM_PROTOCOL_ID, type: 'extract', html, url }),
    htmlToText: (fragments) =>
      ask<string[]>({ protocol: DOM_PROTOCOL_ID, type: 'htmlToText', fragments: [...fragments] }),
  };
}

/** Firefox: the background page has a DOM; the extraction code loads on first use. */
function localDomHost(): DomHost {
  const tasks = () => import('@/lib/extract/dom-tasks');
  return {
    extract: async (html, url) => (await tasks()).extractHtml(window, html, url),
    htmlToText: async (fragments) => (await tasks()).htmlToText(window, fragments),
  };
}
