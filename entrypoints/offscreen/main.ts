/**
 * Chrome's offscreen document: the DOM the service worker lacks. It answers the background's DOM
 * requests (lib/protocol/dom-messages.ts) and nothing else.
 */
import { browser } from 'wxt/browser';
import { extractHtml, htmlToText } from '@/lib/extract/dom-tasks';
import { parseDomRequest, type DomReply } from '@/lib/protocol/dom-messages';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // Only the background (an extension context without a tab) may ask.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const request = parseDomRequest(message);
  if (!request) return undefined;
  let reply: DomReply<unknown>;
  try {
    reply = {
      ok: true,
      value:
        request.type === 'extract'
          ? extractHtml(window, request.html, request.url)
          : htmlToText(window, request.fragments),
    };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return Promise.resolve(reply);
});
