/**
 * Feed lists in OPML, the format every feed reader imports and exports, read and written with
 * feedsmith. Folders (nested outlines) are flattened: Backstory keeps one list of feeds.
 */
import { generateOpml, parseOpml as parseOpmlDocument, type Opml } from 'feedsmith';
import { FeedError } from './parse';

/** One subscription in an OPML file. */
export interface OpmlFeed {
  /** The feed's address (the outline's `xmlUrl`). */
  url: string;
  title?: string;
  /** The site's address (the outline's `htmlUrl`). */
  siteUrl?: string;
}

function webUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

type Outline = Opml.Outline<string>;

function* feedOutlines(outlines: Outline[] | undefined): Generator<Outline> {
  for (const outline of outlines ?? []) {
    if (outline.xmlUrl) yield outline;
    yield* feedOutlines(outline.outlines);
  }
}

/**
 * The feeds of an OPML file, folders flattened, each address once (first title wins). Outlines
 * without an http(s) `xmlUrl` are skipped. Throws `FeedError` 'malformed' for a file that is not
 * OPML and 'empty' for one that lists no feed.
 */
export function parseOpml(text: string): OpmlFeed[] {
  let document: Opml.Document<string>;
  try {
    document = parseOpmlDocument(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedError('malformed', 'This file is not an OPML feed list: its contents could not be read.', {
      cause: error,
    });
  }
  const feeds = new Map<string, OpmlFeed>();
  for (const outline of feedOutlines(document.body?.outlines)) {
    const url = webUrl(outline.xmlUrl);
    if (!url || feeds.has(url)) continue;
    // Readers that have no title write the address as the outline's text.
    const title = (outline.title ?? outline.text)?.trim();
    const siteUrl = webUrl(outline.htmlUrl);
    feeds.set(url, {
      url,
      ...(title && title !== outline.xmlUrl ? { title } : {}),
      ...(siteUrl ? { siteUrl } : {}),
    });
  }
  if (feeds.size === 0) throw new FeedError('empty', 'This OPML file lists no feeds.');
  return [...feeds.values()];
}

/** An OPML 2.0 document listing `feeds`, for import into any feed reader. */
export function toOpml(feeds: OpmlFeed[], title: string): string {
  return generateOpml({
    head: { title, dateCreated: new Date() },
    body: {
      outlines: feeds.map((feed) => ({
        text: feed.title ?? feed.url,
        type: 'rss',
        xmlUrl: feed.url,
        ...(feed.title ? { title: feed.title } : {}),
        ...(feed.siteUrl ? { htmlUrl: feed.siteUrl } : {}),
      })),
    },
  });
}
