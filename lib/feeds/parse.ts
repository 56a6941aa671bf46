/**
 * Turns a fetched feed document (RSS 2.0, Atom, RDF or JSON Feed 1.0/1.1, read by feedsmith) into
 * the few fields Backstory keeps per item. HTML content is passed on raw: it is sanitised later,
 * where a DOM is available. Failures are `FeedError`s whose message a reader can act on.
 */
import { DetectError, MalformedError, parseFeed, type AnyFeed } from 'feedsmith';

/** Why a feed could not be fetched or read. */
export type FeedErrorCode =
  | 'not-a-feed'
  | 'malformed'
  | 'empty'
  | 'too-large'
  | 'not-found'
  | 'server-error'
  | 'http-error'
  | 'network'
  | 'timeout'
  | 'redirect-loop';

/** A feed failure with a stable `code` for the program and a `message` for the reader. */
export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'FeedError';
  }
}

/** One article of a feed. */
export interface FeedItem {
  /** Stable identity across polls: the feed's guid / id, else the link. */
  guid: string;
  /** Absolute http(s) link to the article. */
  url: string;
  title: string;
  authors: string[];
  /** ISO 8601 date-time. */
  publishedAt?: string;
  /** The item's HTML as the feed gives it: NOT sanitised. */
  contentHtml?: string;
  /** A plain-text summary (the feed's description or summary), at most about 500 characters. */
  summaryText?: string;
}

/** A feed reduced to what Backstory stores. */
export interface ParsedFeed {
  title: string;
  /** The site the feed belongs to. */
  siteUrl?: string;
  items: FeedItem[];
}

const SUMMARY_LIMIT = 500;

/**
 * Whether a body is an HTML page rather than a feed: what sites serve at a wrong or retired feed
 * address. Only the start of the document is looked at, after any XML declaration and comments.
 */
export function looksLikeWebPage(body: string): boolean {
  const start = body
    .replace(/^\uFEFF/, '')
    .slice(0, 4096)
    .replace(/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*/i, '')
    .toLowerCase();
  return /^<(?:!doctype\s+html|html|head|body)[\s>]/.test(start);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  laquo: '«',
  raquo: '»',
};

/**
 * Plain text of an HTML fragment, for summaries and HTML titles. Not a sanitiser (the text never
 * goes back into a page as HTML): tags are dropped, common entities decoded, spaces collapsed.
 */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as HTML paragraphs, so every item's content has one type. */
const textToHtml = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');

/** A summary cut near `SUMMARY_LIMIT` at a word boundary. */
function clip(text: string | undefined): string | undefined {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= SUMMARY_LIMIT) return trimmed;
  const cut = trimmed.slice(0, SUMMARY_LIMIT);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : SUMMARY_LIMIT)}…`;
}

/** An absolute http(s) address, resolved against `base`; undefined for anything else. */
function webUrl(link: string | undefined, base: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A title without markup: some feeds put tags in plain-text titles. */
const plainTitle = (title: string | undefined) =>
  title && /<[a-z!/][^>]*>/i.test(title) ? htmlToPlainText(title) : (title?.trim() ?? '');

/** Text of an Atom text construct, whatever its type. */
function atomText(text: { value?: string; type?: string } | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml' ? htmlToPlainText(text.value) : text.value.trim();
}

const unique = (values: Array<string | undefined>) => [
  ...new Set(values.map((value) => value?.trim()).filter((value): value is string => !!value)),
];

type Draft = Omit<FeedItem, 'guid' | 'url'> & { guid?: string; url?: string };

function fromRss(feed: Extract<AnyFeed, { format: 'rss' }>['feed'], feedUrl: string) {
  const items = (feed.items ?? []).map((item): Draft => {
    const guid = item.guid?.value?.trim();
    const guidLink = item.guid?.isPermaLink === false ? undefined : guid;
    const description = item.description?.trim();
    const encoded = item.content?.encoded?.trim();
    return {
      ...(guid ? { guid } : {}),
      url: webUrl(item.link, feedUrl) ?? (guidLink && /^https?:/i.test(guidLink) ? guidLink : undefined),
      title: plainTitle(item.title),
      authors: unique([
        ...(item.authors ?? []).map((person) => person.name ?? person.email),
        ...(item.dc?.creators ?? []),
      ]),
      publishedAt: isoDate(item.pubDate ?? item.dc?.dates?.[0]),
      contentHtml: encoded || description || undefined,
      summaryText: clip(description && htmlToPlainText(description)),
    };
  });
  return { title: plainTitle(feed.title), siteUrl: webUrl(feed.link, feedUrl), items };
}

function fromRdf(feed: Extract<AnyFeed, { format: 'rdf' }>['feed'], feedUrl: string) {
  const items = (feed.items ?? []).map((item): Draft => ({
    url: webUrl(item.link, feedUrl),
    title: plainTitle(item.title),
    authors: unique(item.dc?.creators ?? []),
    publishedAt: isoDate(item.dc?.dates?.[0]),
    contentHtml: item.content?.encoded?.trim() || item.description?.trim() || undefined,
    summaryText: clip(item.description && htmlToPlainText(item.description)),
  }));
  return { title: plainTitle(feed.title), siteUrl: webUrl(feed.link, feedUrl), items };
}

/** The entry's page: an "alternate" (or unqualified) link, HTML preferred. */
function atomLink(links: Array<{ href?: string; rel?: string; type?: string }> | undefined, base: string) {
  const pages = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  const page = pages.find((link) => !link.type || /html/i.test(link.type)) ?? pages[0];
  return webUrl(page?.href, base);
}

function fromAtom(feed: Extract<AnyFeed, { format: 'atom' }>['feed'], feedUrl: string) {
  const feedAuthors = (feed.authors ?? []).map((person) => person.name);
  const items = (feed.entries ?? []).map((entry): Draft => {
    const content = entry.content;
    const contentHtml =
      content?.value && !content.src
        ? content.type === 'html' || content.type === 'xhtml' || /html/i.test(content.type ?? '')
          ? content.value.trim()
          : textToHtml(content.value)
        : undefined;
    const authors = unique((entry.authors ?? []).map((person) => person.name));
    return {
      ...(entry.id?.trim() ? { guid: entry.id.trim() } : {}),
      url: atomLink(entry.links, feedUrl),
      title: atomText(entry.title) ?? '',
      authors: authors.length > 0 ? authors : unique(feedAuthors),
      publishedAt: isoDate(entry.published ?? entry.updated),
      contentHtml: contentHtml || undefined,
      summaryText: clip(atomText(entry.summary)),
    };
  });
  return { title: atomText(feed.title) ?? '', siteUrl: atomLink(feed.links, feedUrl), items };
}

function fromJson(feed: Extract<AnyFeed, { format: 'json' }>['feed'], feedUrl: string) {
  const base = webUrl(feed.feed_url, feedUrl) ?? feedUrl;
  const feedAuthors = (feed.authors ?? []).map((author) => author.name);
  const items = (feed.items ?? []).map((item): Draft => {
    const authors = unique((item.authors ?? []).map((author) => author.name));
    const contentHtml = item.content_html?.trim() || (item.content_text ? textToHtml(item.content_text) : '');
    return {
      ...(item.id !== undefined && String(item.id).trim() ? { guid: String(item.id).trim() } : {}),
      url: webUrl(item.url, base) ?? webUrl(item.external_url, base),
      title: plainTitle(item.title),
      authors: authors.length > 0 ? authors : unique(feedAuthors),
      publishedAt: isoDate(item.date_published ?? item.date_modified),
      contentHtml: contentHtml || undefined,
      summaryText: clip(item.summary),
    };
  });
  return { title: plainTitle(feed.title), siteUrl: webUrl(feed.home_page_url, base), items };
}

/** The parsed document, or a `FeedError` that says why there is none. */
function readDocument(body: string): AnyFeed {
  if (!body.trim()) throw new FeedError('empty', 'The feed address returned an empty document.');
  if (looksLikeWebPage(body)) {
    throw new FeedError(
      'not-a-feed',
      'This address serves a web page, not a feed. Look on the site for an RSS or Atom link and use that address.',
    );
  }
  try {
    return parseFeed(body.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof DetectError) {
      const start = body.trimStart();
      if (start.startsWith('{') || start.startsWith('[')) {
        try {
          JSON.parse(start);
        } catch (jsonError) {
          throw new FeedError('malformed', 'This JSON feed is broken: its JSON could not be read.', {
            cause: jsonError,
          });
        }
        throw new FeedError('not-a-feed', 'This address serves JSON data, but not a JSON Feed.', {
          cause: error,
        });
      }
      throw new FeedError(
        'not-a-feed',
        start.startsWith('<')
          ? 'This address serves an XML document that is not an RSS, Atom or RDF feed.'
          : 'This address does not serve a feed (neither RSS, Atom nor JSON Feed).',
        { cause: error },
      );
    }
    const detail =
      error instanceof MalformedError && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new FeedError('malformed', `This feed is broken: its XML could not be read${detail}.`, {
      cause: error,
    });
  }
}

/**
 * Parses a feed document fetched from `feedUrl` (which relative links are resolved against).
 * Items without a web link are left out. Throws `FeedError` 'not-a-feed', 'malformed' or 'empty'.
 */
export function parseFeedDocument(body: string, feedUrl: string): ParsedFeed {
  const document = readDocument(body);
  const read =
    document.format === 'rss'
      ? fromRss(document.feed, feedUrl)
      : document.format === 'atom'
        ? fromAtom(document.feed, feedUrl)
        : document.format === 'rdf'
          ? fromRdf(document.feed, feedUrl)
          : fromJson(document.feed, feedUrl);
  const items: FeedItem[] = [];
  for (const draft of read.items) {
    if (!draft.url) continue;
    const { guid, url, title, authors, publishedAt, contentHtml, summaryText } = draft;
    items.push({
      guid: guid ?? url,
      url,
      title: title || summaryText?.slice(0, 120) || url,
      authors,
      ...(publishedAt ? { publishedAt } : {}),
      ...(contentHtml ? { contentHtml } : {}),
      ...(summaryText ? { summaryText } : {}),
    });
  }
  if (read.items.length === 0) throw new FeedError('empty', 'This feed has no articles yet.');
  if (items.length === 0) {
    throw new FeedError('empty', `None of this feed's ${read.items.length} entries links to an article.`);
  }
  return {
    title: read.title || new URL(feedUrl).hostname.replace(/^www\./, ''),
    ...(read.siteUrl ? { siteUrl: read.siteUrl } : {}),
    items,
  };
}
