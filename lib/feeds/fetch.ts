/**
 * Fetches a feed politely and safely: a conditional GET (ETag, Last-Modified) so an unchanged feed
 * costs one empty 304, a cap on redirects, time and size so a wrong address cannot hang or flood
 * the extension, and a `FeedError` with a reader-facing message for every way it can fail.
 * The `fetch` function is passed in (tests use Node's; the extension uses the browser's).
 */
import { FeedError, looksLikeWebPage } from './parse';

export { FeedError, type FeedErrorCode } from './parse';

/** What the last successful fetch returned, for a conditional request. */
export interface FeedFetchState {
  etag?: string;
  lastModified?: string;
}

/** Limits and the `fetch` to use. */
export interface FetchFeedOptions {
  fetch?: typeof fetch;
  /** Largest body read, in bytes: 5 MB unless set. */
  maxBytes?: number;
  /** Redirects followed before giving up: 5 unless set. */
  maxRedirects?: number;
  /** Time allowed for the whole fetch, body included: 30 s unless set. */
  timeoutMs?: number;
  /**
   * How an unchanged feed is recognised. 'headers' (the default) sends the validators itself and
   * sees the 304. 'http-cache' leaves them to the browser's HTTP cache (`cache: 'no-cache'`, which
   * revalidates with the validators it stored and answers 200 from the cache on a 304): for
   * Firefox, which sends a CORS preflight for an extension's request with `If-None-Match` or
   * `If-Modified-Since` even when it holds the site's permission, and so fails on every feed
   * server that does not answer preflights.
   */
  revalidation?: 'headers' | 'http-cache';
}

/** The feed has not changed since `state`, or its new body and validators. */
export type FetchFeedResult =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; etag?: string; lastModified?: string; finalUrl: string };

/** Default `maxBytes`: far above any real feed, far below what would strain the extension. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Default `maxRedirects`. */
export const DEFAULT_MAX_REDIRECTS = 5;
/** Default `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Kept within the 128 bytes of a CORS-safelisted Accept header: a longer one makes Firefox send a
 * preflight that feed servers do not answer.
 */
export const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5';

/** Content types that are certainly not feeds: refused before their body is read. */
const NOT_FEED_TYPES = /^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|gzip)\b/i;

const hostOf = (url: string) => new URL(url).host;
const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} seconds`;

function tooLarge(maxBytes: number): FeedError {
  return new FeedError(
    'too-large',
    `This feed is too large: it is over ${size(maxBytes)}, the most Backstory reads. ` +
      'It may not be a feed at all.',
  );
}

function redirectLoop(url: string, detail: string, cause?: unknown): FeedError {
  return new FeedError(
    'redirect-loop',
    `The address ${url} keeps redirecting (${detail}), so the feed could not be reached. ` +
      'Open it in a tab to see where it leads.',
    cause === undefined ? undefined : { cause },
  );
}

/** The body as bytes, reading no more than `maxBytes` of it. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Text of the body in the charset the header declares, else the XML declaration's, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const charset =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** A final response turned into a result, or the `FeedError` its status stands for. */
async function settle(response: Response, finalUrl: string, maxBytes: number): Promise<FetchFeedResult> {
  const { status } = response;
  if (status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { status: 'not-modified' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (status === 404 || status === 410) {
      throw new FeedError(
        'not-found',
        status === 410
          ? `${hostOf(finalUrl)} has removed this feed for good (HTTP 410).`
          : `There is no feed at this address any more (HTTP 404). The site may have moved it.`,
      );
    }
    if (status >= 500) {
      throw new FeedError(
        'server-error',
        `${hostOf(finalUrl)} had a problem answering (HTTP ${status}). Backstory will try again later.`,
      );
    }
    throw new FeedError('http-error', `${hostOf(finalUrl)} refused to send the feed (HTTP ${status}).`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (NOT_FEED_TYPES.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError(
      'not-a-feed',
      `This address serves a file (${contentType.split(';')[0]}), not a feed.`,
    );
  }
  const body = decode(await readCapped(response, maxBytes), contentType);
  // Servers label feeds as text/html often enough that the body, not the header, decides.
  if (looksLikeWebPage(body)) {
    throw new FeedError(
      'not-a-feed',
      'This address serves a web page, not a feed. Look on the site for an RSS or Atom link and use that address.',
    );
  }
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return {
    status: 'ok',
    body,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    finalUrl,
  };
}

/** Why a `fetch` call threw, as a `FeedError`. */
function failure(
  error: unknown,
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
  browserFollowed: boolean,
) {
  if (error instanceof FeedError) return error;
  if (signal.aborted) {
    return new FeedError(
      'timeout',
      `${hostOf(url)} took longer than ${seconds(timeoutMs)} to send the feed. Backstory will try again later.`,
      { cause: error },
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  // Node names the reason; browsers only say "Failed to fetch", which after a redirect they
  // followed themselves is most likely their own redirect limit.
  if (/redirect/i.test(cause?.message ?? '') || browserFollowed) {
    return redirectLoop(url, 'too many redirects', error);
  }
  const code = (cause as { code?: string } | undefined)?.code;
  const reason =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'no site has that name'
      : code === 'ECONNREFUSED'
        ? 'the site refused the connection'
        : 'check the address and your connection';
  return new FeedError('network', `Could not reach ${hostOf(url)}: ${reason}.`, { cause: error });
}

/**
 * Fetches a feed with a conditional GET. Redirects are followed by hand where the environment
 * shows them (Node) so loops and chains longer than `maxRedirects` are caught; where it hides them
 * (browsers return an opaque redirect), the browser follows them and its failure is reported as a
 * redirect loop. Throws `FeedError`: 'not-found', 'server-error', 'http-error', 'too-large',
 * 'not-a-feed', 'redirect-loop', 'timeout' or 'network'.
 */
export async function fetchFeed(
  url: string,
  state: FeedFetchState,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { Accept: ACCEPT };
  const byHttpCache = options.revalidation === 'http-cache';
  if (!byHttpCache) {
    if (state.etag) headers['If-None-Match'] = state.etag;
    if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  }
  const request = (target: string, redirect: RequestRedirect) =>
    doFetch(target, {
      headers,
      redirect,
      signal,
      credentials: 'omit',
      ...(byHttpCache ? { cache: 'no-cache' as const } : {}),
    });

  let current = url;
  const visited = new Set([url]);
  let browserFollowed = false;
  try {
    for (;;) {
      const response = await request(current, 'manual');
      if (response.type === 'opaqueredirect') {
        browserFollowed = true;
        const followed = await request(current, 'follow');
        return await settle(followed, followed.url || current, maxBytes);
      }
      if (![301, 302, 303, 307, 308].includes(response.status)) {
        return await settle(response, current, maxBytes);
      }
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) {
        throw new FeedError('http-error', `${hostOf(current)} redirected without saying where to.`);
      }
      const next = new URL(location, current);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FeedError(
          'http-error',
          `${hostOf(current)} redirected to an address that is not a web page.`,
        );
      }
      next.hash = '';
      if (visited.has(next.href))
        throw redirectLoop(url, `${next.href} leads back to an address already visited`);
      if (visited.size > maxRedirects) throw redirectLoop(url, `more than ${maxRedirects} redirects`);
      visited.add(next.href);
      current = next.href;
    }
  } catch (error) {
    throw failure(error, current, signal, timeoutMs, browserFollowed);
  }
}
