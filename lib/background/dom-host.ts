/**
 * Work that needs a DOM (Readability, DOMPurify, parsing HTML). The service worker has none, so the
 * background hands it to a document: an offscreen document in Chrome, the background page itself
 * in Firefox. Handlers only see this interface.
 */
import type { PageExtract } from '../model/extract';

export interface DomHost {
  /** Reads a page's HTML: readable article (sanitised), metadata, summary, proposed names. */
  extract(html: string, url: string): Promise<PageExtract>;
  /** The plain text of HTML fragments (feed item content), after sanitising. */
  htmlToText(fragments: readonly string[]): Promise<string[]>;
}
