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
  return { title, ...(publishedAt ? { publishedAt } : {}), ...(lead ? { lead } : {}) };
}
