/**
 * What a page says about itself: its headline, its publication date and its lead paragraph, from
 * meta tags, JSON-LD and the markup. Used to weigh mentions (title, lead) and to compare dates.
 */
import { readMetadata } from '../extract/metadata';

export interface PageMeta {
  title: string;
  /** ISO date-time or date, when the page declares one. */
  publishedAt?: string;
  /** The first substantial paragraph of the article. */
  lead?: string;
  /** Feeds the page advertises with `<link rel="alternate">` (RSS, Atom, JSON Feed). */
  feeds?: Array<{ url: string; title?: string }>;
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
]);

/** The feeds a page links to in its head, absolute, http(s) only, at most 20. */
export function advertisedFeeds(doc: Document): Array<{ url: string; title?: string }> {
  const feeds = new Map<string, { url: string; title?: string }>();
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="alternate"][href][type]')) {
    if (!FEED_TYPES.has(link.type.toLowerCase().split(';')[0]!.trim())) continue;
    let url: URL;
    try {
      url = new URL(link.getAttribute('href')!, doc.baseURI);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const title = link.title.trim().slice(0, 300);
    if (!feeds.has(url.href)) feeds.set(url.href, { url: url.href, ...(title ? { title } : {}) });
    if (feeds.size === 20) break;
  }
  return [...feeds.values()];
}

/** Reads the page's headline, date and lead; `articleRoot` is where the article text is. */
export function readPageMeta(doc: Document, articleRoot: Element | null): PageMeta {
  // Title and date as "Add as analysis" and "Save for later" read them (lib/extract/metadata.ts).
  const declared = readMetadata(doc, doc.URL);
  const title = declared.title || doc.querySelector('h1')?.textContent?.trim() || doc.title.trim();
  const paragraphs = (articleRoot ?? doc.body)?.querySelectorAll('p') ?? [];
  let lead: string | undefined;
  for (const paragraph of paragraphs) {
    const text = paragraph.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (text.length >= 80) {
      lead = text;
      break;
    }
  }
  const { publishedAt } = declared;
  const feeds = advertisedFeeds(doc);
  return {
    title,
    ...(publishedAt ? { publishedAt } : {}),
    ...(lead ? { lead } : {}),
    ...(feeds.length > 0 ? { feeds } : {}),
  };
}
