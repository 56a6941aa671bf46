/**
 * What a page declares about itself: title, authors, outlet, publication date, canonical address,
 * language, description and lead image. Each field is taken from the most reliable source that
 * has it: JSON-LD first, then OpenGraph, then other meta tags, then markup heuristics.
 */

import type { PageMetadata } from '../model/extract';
import { aliasKey } from '../entities/fold';

type JsonObject = Record<string, unknown>;

/** schema.org types whose object describes the article itself (not a video, breadcrumb or site). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

/** Meta tags read by name, property or itemprop, lower-cased, grouped by the tier they belong to. */
const OPENGRAPH = {
  title: ['og:title'],
  outlet: ['og:site_name'],
  publishedAt: ['article:published_time', 'og:article:published_time', 'og:published_time'],
  authors: ['article:author', 'og:article:author'],
  description: ['og:description'],
  image: ['og:image', 'og:image:url', 'og:image:secure_url'],
  url: ['og:url'],
  locale: ['og:locale'],
};
const META = {
  title: ['twitter:title', 'parsely-title', 'sailthru.title', 'citation_title', 'dc.title', 'title'],
  outlet: ['publisher', 'dc.publisher', 'citation_publisher', 'application-name'],
  publishedAt: [
    'datepublished',
    'parsely-pub-date',
    'sailthru.date',
    'article:publicationdate',
    'citation_publication_date',
    'citation_date',
    'dc.date.issued',
    'dcterms.issued',
    'dc.date',
    'pubdate',
    'publishdate',
    'publish-date',
    'date',
    'pdate',
  ],
  authors: [
    'author',
    'citation_author',
    'dc.creator',
    'dcterms.creator',
    'parsely-author',
    'sailthru.author',
    'byl',
  ],
  description: ['description', 'twitter:description', 'dc.description'],
  image: ['twitter:image', 'twitter:image:src', 'thumbnailurl'],
  language: ['content-language', 'dc.language', 'language'],
};

/** Every meta tag's content by its lower-cased name, property, itemprop and http-equiv, in page order. */
function metaIndex(doc: Document): Map<string, string[]> {
  const index = new Map<string, string[]>();
  // Some sites escape their meta content twice ("&amp;quot;"), so it reaches us still holding entities:
  // decode them as a textarea's text in an inert document of our own (DOMParser: nothing runs, nothing
  // loads, `doc` is untouched). "</" is kept literal, so the value cannot close the textarea.
  const decode = (value: string) => {
    if (!/&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(value)) return value;
    const parsed = new DOMParser().parseFromString(
      `<textarea>${value.replace(/<\//g, '&lt;/')}</textarea>`,
      'text/html',
    );
    return parsed.querySelector('textarea')?.value ?? value;
  };
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const content = decode(meta.getAttribute('content') ?? '').trim();
    if (!content) continue;
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      // A property attribute may hold several space-separated names ("og:title twitter:title").
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const values = index.get(key);
        if (values) values.push(content);
        else index.set(key, [content]);
      }
    }
  }
  return index;
}

/** All values of the first key in `keys` that the page has. */
function firstMeta(index: Map<string, string[]>, keys: readonly string[]): string[] {
  for (const key of keys) {
    const values = index.get(key);
    if (values?.length) return values;
  }
  return [];
}

/** Every object in a JSON-LD value, outermost first: arrays, @graph members and nested values. */
function* jsonLdObjects(value: unknown, depth = 0): Generator<JsonObject> {
  if (depth > 8 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdObjects(item, depth + 1);
    return;
  }
  const object = value as JsonObject;
  yield object;
  for (const nested of Object.values(object)) yield* jsonLdObjects(nested, depth + 1);
}

function isArticle(object: JsonObject): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  // Types may be written as "NewsArticle", "schema:NewsArticle" or a full schema.org URL.
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t.replace(/^.*[/:#]/, '')));
}

/** The article objects the page's JSON-LD blocks describe, in page order. Broken blocks are skipped. */
function jsonLdArticles(doc: Document): JsonObject[] {
  const articles: JsonObject[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    // Some sites wrap JSON-LD in CDATA sections or HTML comments.
    const json = (script.textContent ?? '').trim().replace(/^(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)$/g, '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      continue; // Broken JSON-LD is common; other sources follow.
    }
    for (const object of jsonLdObjects(parsed)) if (isArticle(object)) articles.push(object);
  }
  return articles;
}

/** The text of a JSON-LD value that may be a string, a `{ name }` / `{ url }` object or a list of those. */
function jsonLdStrings(value: unknown, field: 'name' | 'url'): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdStrings(item, field));
  if (value && typeof value === 'object') {
    const object = value as JsonObject;
    if ('@list' in object) return jsonLdStrings(object['@list'], field);
    return jsonLdStrings(object[field], field);
  }
  return [];
}

/** The first non-empty trimmed string, with white space runs collapsed. */
function firstText(values: readonly unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = value.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

/** `value` resolved against `base`, when that gives an http(s) URL. */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const LOOKS_LIKE_URL = /^(?:[a-z][a-z+.-]*:\/\/|\/\/|www\.)|^\S+\.(?:com|org|net|co\.uk)\b/i;
/** Job titles and desks that sites put where a person's name belongs. */
const NOT_A_PERSON =
  /\b(?:staff|writers?|editors?|reporters?|correspondents?|contributors?|admin(?:istrator)?|newsroom|desk)\b/i;
/** Words that introduce a byline or a co-author ("By", "Par", "Written by", "avec", "with"). */
const BYLINE_PREFIX =
  /^(?:(?:written|reported|reporting|words)\s+by|by|par|por|von|door|and|et|with|avec)\b[\s:]*/i;
/** What separates several authors in one byline: punctuation or "and" in a few languages. */
const AUTHOR_SEPARATOR = /\s*[,;&|/()[\]+\n]\s*|\s+(?:and|et|y|e|und|with|avec|con|mit)\s+/i;
const MAX_NAME_WORDS = 6;

/** "JOE HILDEBRAND" → "Joe Hildebrand"; names already in mixed case are left as they are. */
function titleCaseShouting(name: string): string {
  if (!name.includes(' ') || name !== name.toUpperCase() || name === name.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });
}

/**
 * The person names in one or more bylines: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
 * Drops URLs, e-mail addresses, desks ("Staff", "Our Foreign Staff"), text glued on after a name
 * (dates, comment counts) and duplicates (compared folded, so case and accents do not matter).
 */
export function parseAuthors(bylines: string | readonly string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const byline of typeof bylines === 'string' ? [bylines] : bylines) {
    const trimmed = byline.replace(/\s+/g, ' ').trim();
    // A whole byline that is a URL (an author page) names nobody.
    if (LOOKS_LIKE_URL.test(trimmed)) continue;
    // Names hold no digits: anything from the first digit on is a date or a count run into the name.
    const withoutTail = trimmed.replace(/\d[\s\S]*$/, '');
    for (const part of withoutTail.split(AUTHOR_SEPARATOR)) {
      // Handles and e-mail addresses ("@jdoe", "jane@example.com") are not names.
      if (part.includes('@')) continue;
      const name = titleCaseShouting(
        part
          .replace(BYLINE_PREFIX, '')
          .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
          .trim(),
      );
      if (!/\p{L}/u.test(name) || LOOKS_LIKE_URL.test(name) || NOT_A_PERSON.test(name)) continue;
      if (name.split(' ').length > MAX_NAME_WORDS) continue;
      const key = aliasKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const EXPLICIT_ZONE = /\dZ\b|[+-]\d{2}:?\d{2}\b|\b(?:UTC|GMT)\b/;
/** Zone abbreviations mean different offsets in different countries (EST is UTC−5 in New York, +10 in Melbourne). */
const ZONE_ABBREVIATION = /\s*\b(?!GMT\b)[A-Z]{2,4}T\b/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A declared date as ISO 8601: ISO values keep their own offset (or lack of one), "20160729" becomes
 * a calendar date, other parseable dates are converted: to UTC when they give an offset, UTC or GMT,
 * otherwise to the wall-clock time they state, without an offset (also when the zone is only an
 * ambiguous abbreviation such as "EST"). Unparseable values give undefined.
 */
export function normaliseDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    let normalised = `${year}-${month}-${day}`;
    if (hour !== undefined) {
      normalised += `T${hour}:${minute}:${second ?? '00'}${fraction ?? ''}`;
      if (zone) {
        const offset = zone.toUpperCase();
        normalised +=
          offset === 'Z' ? 'Z' : offset.length === 3 ? `${offset}:00` : offset.replace(/^(.\d\d):?/, '$1:');
      }
    }
    return Number.isNaN(Date.parse(normalised)) ? undefined : normalised;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) {
    const normalised = `${compact[1]}-${compact[2]}-${compact[3]}`;
    return Number.isNaN(Date.parse(normalised)) ? undefined : normalised;
  }
  // An ambiguous zone abbreviation is dropped: the wall-clock time is what the page reliably says.
  const unzoned = text.replace(ZONE_ABBREVIATION, '');
  const time = Date.parse(unzoned);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  if (EXPLICIT_ZONE.test(unzoned)) return date.toISOString();
  // Without a zone the parser read local time; reading local fields back gives what the page said.
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  if (!unzoned.includes(':')) return day;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The first value, in source order, that `normaliseDate` can read. */
function firstDate(values: readonly unknown[]): string | undefined {
  for (const value of values) {
    const date = typeof value === 'string' ? normaliseDate(value) : undefined;
    if (date) return date;
  }
  return undefined;
}

/** "en_GB" → "en-GB"; anything that is not a language tag gives undefined. */
function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : undefined;
}

/** Reads the metadata a page declares. `pageUrl` resolves relative canonical and image addresses. */
export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const articles = jsonLdArticles(doc);
  const meta = metaIndex(doc);
  const fromArticles = (field: string) => articles.map((article) => article[field]);

  const title = firstText([
    ...fromArticles('headline'),
    ...fromArticles('name'),
    ...firstMeta(meta, OPENGRAPH.title),
    ...firstMeta(meta, META.title),
  ]);

  let authors: string[] = [];
  for (const article of articles) {
    authors = parseAuthors(jsonLdStrings(article.author ?? article.creator, 'name'));
    if (authors.length) break;
  }
  if (!authors.length) authors = parseAuthors(firstMeta(meta, OPENGRAPH.authors));
  for (const key of META.authors) {
    if (authors.length) break;
    authors = parseAuthors(meta.get(key) ?? []);
  }

  // Some sites put the page title where their name belongs (application-name on Yahoo News).
  const titleKey = title && aliasKey(title);
  const outlet = firstText(
    [
      ...articles.flatMap((article) => jsonLdStrings(article.publisher, 'name')),
      ...firstMeta(meta, OPENGRAPH.outlet),
      ...firstMeta(meta, META.outlet),
    ].filter((name) => aliasKey(name) !== titleKey),
  );

  const publishedAt = firstDate([
    ...fromArticles('datePublished'),
    ...firstMeta(meta, OPENGRAPH.publishedAt),
    ...META.publishedAt.flatMap((key) => meta.get(key) ?? []),
    // Last resort: a <time> inside the article.
    ...Array.from(
      doc.querySelectorAll(
        'article time[datetime], time[pubdate][datetime], time[itemprop~="datePublished"]',
      ),
      (time) => time.getAttribute('datetime'),
    ),
  ]);

  const canonicalUrl =
    absoluteHttpUrl(doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'), pageUrl) ??
    absoluteHttpUrl(firstMeta(meta, OPENGRAPH.url)[0], pageUrl);

  // The document's own lang attribute is the most direct statement of its language.
  const language = [
    doc.documentElement.getAttribute('lang') ?? undefined,
    ...fromArticles('inLanguage').filter((value): value is string => typeof value === 'string'),
    ...firstMeta(meta, OPENGRAPH.locale),
    ...firstMeta(meta, META.language),
  ]
    .map(languageTag)
    .find(Boolean);

  const description = firstText([
    ...fromArticles('description'),
    ...firstMeta(meta, OPENGRAPH.description),
    ...firstMeta(meta, META.description),
  ]);

  const leadImageUrl = [
    ...articles.flatMap((article) => jsonLdStrings(article.image ?? article.thumbnailUrl, 'url')),
    ...firstMeta(meta, OPENGRAPH.image),
    ...firstMeta(meta, META.image),
  ]
    .map((value) => absoluteHttpUrl(value, pageUrl))
    .find(Boolean);

  return {
    authors,
    ...(title && { title }),
    ...(outlet && { outlet }),
    ...(publishedAt && { publishedAt }),
    ...(canonicalUrl && { canonicalUrl }),
    ...(language && { language }),
    ...(description && { description }),
    ...(leadImageUrl && { leadImageUrl }),
  };
}
