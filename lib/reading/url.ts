/**
 * The identity of a saved article. Saving the same article again (from another link, with
 * campaign parameters, over http instead of https) must update the saved copy, not add a second
 * one: `articleKey` maps every such variant of a URL to one string, and `articleId` turns that
 * string into a record id.
 */

/**
 * Query parameters that only say how the reader got to the page (campaigns, ad clicks, shares),
 * never which page it is. Compared in lowercase.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', // Facebook
  'gclid', // Google Ads
  'dclid', // Google Display & Video
  'gbraid', // Google Ads (iOS)
  'wbraid', // Google Ads (iOS)
  '_gl', // Google cross-domain linker
  '_ga', // Google Analytics linker
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'igshid', // Instagram shares
  'mc_cid', // Mailchimp campaign
  'mc_eid', // Mailchimp recipient
  'mkt_tok', // Marketo
  '_hsenc', // HubSpot
  '_hsmi', // HubSpot
  'ref',
  'ref_src', // Twitter embeds
  'cmpid', // newspaper campaign ids
  'ocid', // Microsoft / MSN
  'smid', // New York Times shares
]);

/** Families of tracking parameters: Google's `utm_*` and AT Internet's `at_medium`, `at_campaign`... */
const TRACKING_PREFIXES = ['utm_', 'at_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function parseWebUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function siteHost(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/**
 * Same site: the same host, or one a subdomain of the other (`m.example.com` and
 * `www.example.com`, `amp.example.co.uk` and `example.co.uk`), ignoring `www.`.
 */
function isSameSite(a: URL, b: URL): boolean {
  const hostA = siteHost(a);
  const hostB = siteHost(b);
  return hostA === hostB || hostA.endsWith(`.${hostB}`) || hostB.endsWith(`.${hostA}`);
}

/**
 * The dedupe key of an article: two URLs of the same article give the same key.
 *
 * - A canonical URL (`<link rel=canonical>`) is preferred when it is a valid http(s) URL on the
 *   same site; one on another site is ignored, so a page cannot pass itself off as another
 *   site's article and overwrite it.
 * - http and https give the same key (the key always says `https://`).
 * - The host is lowercased and loses a leading `www.`; default ports (80, 443) are dropped.
 * - The fragment, user name and password are dropped.
 * - Tracking parameters (`utm_*`, `fbclid`, `gclid`, `at_*`, `ref`...) are dropped and the rest
 *   sorted by name; repeated names keep their order, which can carry meaning.
 * - A trailing slash is dropped, except for the site root.
 *
 * @throws TypeError when `url` is not an http(s) URL.
 */
export function articleKey(url: string, canonicalUrl?: string): string {
  const page = parseWebUrl(url);
  if (!page) throw new TypeError(`not an http(s) URL: ${url.slice(0, 200)}`);
  const canonical = parseWebUrl(canonicalUrl);
  const chosen = canonical && isSameSite(canonical, page) ? canonical : page;

  const params = new URLSearchParams();
  for (const [name, value] of chosen.searchParams) {
    if (!isTrackingParam(name)) params.append(name, value);
  }
  params.sort();
  const query = params.size > 0 ? `?${params.toString()}` : '';
  const path = chosen.pathname.replace(/\/+$/, '') || '/';
  const port = chosen.port ? `:${chosen.port}` : '';
  return `https://${siteHost(chosen)}${port}${path}${query}`;
}

const encoder = new TextEncoder();

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits. The 64-bit product is computed
 * in two 32-bit halves: the FNV prime is 2^40 + 0x1b3, so multiplying is one small product plus a
 * shift, and every intermediate stays an exact double.
 */
export function fnv1a64(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (const byte of encoder.encode(text)) {
    low ^= byte;
    const lowProduct = (low >>> 0) * 0x1b3;
    high = (high * 0x1b3 + Math.floor(lowProduct / 0x1_0000_0000) + (low << 8)) >>> 0;
    low = lowProduct >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/**
 * A stable record id for an article key: `a-` and a 64-bit hash of the key, so it fits the
 * library's id pattern (lowercase letters, digits, single hyphens) and is the same on every device.
 */
export function articleId(key: string): string {
  return `a-${fnv1a64(key)}`;
}
