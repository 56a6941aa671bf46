/**
 * The DOM work the background delegates (see lib/background/dom-host.ts), run in a document: the
 * offscreen document in Chrome, the background page in Firefox.
 */
import DOMPurify from 'dompurify';
import type { PageExtract } from '../model/extract';
import { extractPage } from './index';

/** Parses a page's HTML (scripts never run in a parsed document) and extracts it. */
export function extractHtml(win: Window & typeof globalThis, html: string, url: string): PageExtract {
  const doc = new win.DOMParser().parseFromString(html, 'text/html');
  // Relative links and images resolve against the page, not the extension.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return extractPage(doc, url, { purifyWindow: win });
}

/** Sanitised plain text of HTML fragments: block elements become line breaks. */
export function htmlToText(win: Window & typeof globalThis, fragments: readonly string[]): string[] {
  const purify = DOMPurify(win);
  return fragments.map((html) => {
    if (!html) return '';
    const clean = purify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
    const holder = win.document.createElement('div');
    holder.append(clean);
    for (const block of holder.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, blockquote, br, tr')) {
      block.after(win.document.createTextNode('\n'));
    }
    return (holder.textContent ?? '')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  });
}
