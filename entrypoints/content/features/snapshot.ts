/**
 * A copy of the page for extraction: the live DOM serialised (so content a script rendered is
 * included), without Backstory's own card. Parsing and Readability happen in an extension document,
 * never on the live page.
 */
import type { PageSnapshot } from '@/lib/protocol/messages';
import { CARD_HOST_TAG } from '../page-session';

/** Larger pages are cut: extraction only needs the article, and messages have size limits. */
const MAX_HTML_CHARS = 8_000_000;

export function snapshotPage(): PageSnapshot {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  for (const own of clone.querySelectorAll(CARD_HOST_TAG)) own.remove();
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
  return { url: location.href, html: (doctype + clone.outerHTML).slice(0, MAX_HTML_CHARS) };
}
