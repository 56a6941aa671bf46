/**
 * What a page says about itself: its headline, its publication date and its lead paragraph, from
 * meta tags, JSON-LD and the markup. Used to weigh mentions (title, lead) and to compare dates.
 */

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

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="sailthru.date"]',
  'meta[property="og:published_time"]',
];

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Report|Blog|Scholarly)?Article$|^BlogPosting$|^LiveBlogPosting$/;

/** Every object in a JSON-LD value, outermost first: @graph members and nested values too. */
function* jsonLdObjects(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdObjects(item, depth + 1);
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    yield object;
    for (const nested of Object.values(object)) {
      if (nested && typeof nested === 'object') yield* jsonLdObjects(nested, depth + 1);
    }
  }
}

function isArticle(object: Record<string, unknown>): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

function validDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

/** The page's publication date from JSON-LD, meta tags or an article's <time>. */
export function publishedDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      // Some sites wrap JSON-LD in CDATA or HTML comments.
      const json = (script.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '');
      for (const object of jsonLdObjects(JSON.parse(json))) {
        const date = isArticle(object) ? validDate(object.datePublished) : undefined;
        if (date) return date;
      }
    } catch {
      // Broken JSON-LD is common; other sources follow.
    }
  }
  for (const selector of DATE_META) {
    const date = validDate(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  return validDate(
    doc.querySelector('article time[datetime], time[pubdate][datetime]')?.getAttribute('datetime'),
  );
}

/** Reads the page's headline, date and lead; `articleRoot` is where the article text is. */
export function readPageMeta(doc: Document, articleRoot: Element | null): PageMeta {
  const title =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ||
    doc.querySelector('h1')?.textContent?.trim() ||
    doc.title.trim();
  const paragraphs = (articleRoot ?? doc.body)?.querySelectorAll('p') ?? [];
  let lead: string | undefined;
  for (const paragraph of paragraphs) {
    const text = paragraph.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (text.length >= 80) {
      lead = text;
      break;
    }
  }
  const publishedAt = publishedDate(doc);
  const feeds = advertisedFeeds(doc);
  return {
    title,
    ...(publishedAt ? { publishedAt } : {}),
    ...(lead ? { lead } : {}),
    ...(feeds.length > 0 ? { feeds } : {}),
  };
}
