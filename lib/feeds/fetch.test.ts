import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, fetchFeed, type FetchFeedOptions, type FetchFeedResult } from './fetch';
import { parseFeedDocument } from './parse';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(resolve(here, '../../tests/fixtures/feeds', name));

const RSS_ETAG = '"crossroads-4812"';
const ATOM_MODIFIED = 'Mon, 04 Mar 2024 11:00:00 GMT';
const TWENTY_MB = 20 * 1024 * 1024;

/** Writes `total` bytes in chunks, honouring back-pressure, and stops when the client goes away. */
function streamFiller(res: ServerResponse, total: number) {
  const chunk = Buffer.alloc(64 * 1024, '<!-- filler -->');
  let sent = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const write = () => {
    while (!closed && sent < total) {
      sent += chunk.byteLength;
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
    if (!closed) res.end();
  };
  write();
}

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}) => {
  res.writeHead(status, { 'Content-Type': type, ...extra });
  res.end(body);
};

let server: Server;
let base: string;
const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, headers: req.headers });
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) {
      res.writeHead(302, { Location: `/hop/${Number(hop[1]) + 1}` });
      res.end();
      return;
    }
    switch (path) {
      case '/rss.xml':
        if (req.headers['if-none-match'] === RSS_ETAG) {
          res.writeHead(304, { ETag: RSS_ETAG });
          res.end();
        } else {
          send(res, 200, 'application/rss+xml; charset=utf-8', fixture('commentary.rss.xml'), {
            ETag: RSS_ETAG,
          });
        }
        return;
      case '/atom.xml':
        if (req.headers['if-modified-since'] === ATOM_MODIFIED) {
          res.writeHead(304);
          res.end();
        } else {
          send(res, 200, 'application/atom+xml', fixture('commentary.atom.xml'), {
            'Last-Modified': ATOM_MODIFIED,
          });
        }
        return;
      case '/feed.json':
        return send(res, 200, 'application/feed+json', fixture('commentary.feed.json'));
      case '/old-feed':
        res.writeHead(301, { Location: '/rss.xml' });
        res.end();
        return;
      case '/loop-a':
        res.writeHead(302, { Location: '/loop-b' });
        res.end();
        return;
      case '/loop-b':
        res.writeHead(307, { Location: `${base}/loop-a` });
        res.end();
        return;
      case '/missing':
        return send(res, 404, 'text/html', '<!DOCTYPE html><title>Not found</title>');
      case '/retired':
        return send(res, 410, 'text/plain', 'Gone');
      case '/crash':
        return send(res, 500, 'text/plain', 'Internal Server Error');
      case '/maintenance':
        return send(res, 503, 'text/plain', 'Back soon', { 'Retry-After': '120' });
      case '/members-only':
        return send(res, 403, 'text/plain', 'Forbidden');
      case '/home':
        return send(res, 200, 'text/html; charset=utf-8', fixture('page.html'));
      case '/page-labelled-xml':
        return send(res, 200, 'application/xml', fixture('page.html'));
      case '/rss-labelled-html':
        return send(res, 200, 'text/html', fixture('commentary.rss.xml'));
      case '/logo.png':
        return send(res, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/broken.xml':
        return send(res, 200, 'application/rss+xml', fixture('broken.xml'));
      case '/latin1.xml':
        return send(
          res,
          200,
          'application/xml',
          Buffer.from(
            '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Revue de défense</title>' +
              '<item><title>Sécurité européenne</title><link>https://revue.example.fr/1</link></item></channel></rss>',
            'latin1',
          ),
        );
      case '/huge.xml':
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        return streamFiller(res, TWENTY_MB);
      case '/huge-declared.xml':
        res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': String(TWENTY_MB) });
        return streamFiller(res, TWENTY_MB);
      case '/stalled':
        return; // never answers
      default:
        send(res, 404, 'text/plain', 'No such route');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

async function feedErrorOf(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

const ok = (result: FetchFeedResult) => {
  if (result.status !== 'ok') throw new Error(`expected a body, got ${result.status}`);
  return result;
};

describe('fetchFeed against a local server', () => {
  it.each([
    ['RSS 2.0 with content:encoded', '/rss.xml', 'The Crossroads Review – Commentary', 3],
    ['Atom with xhtml content', '/atom.xml', 'Harbourside Policy Commentary', 3],
    ['JSON Feed 1.1', '/feed.json', 'Meridian Notes', 3],
  ])('fetches %s, and the body parses', async (_, path, title, count) => {
    const result = ok(await fetchFeed(`${base}${path}`, {}));
    expect(result.finalUrl).toBe(`${base}${path}`);
    const feed = parseFeedDocument(result.body, result.finalUrl);
    expect(feed.title).toBe(title);
    expect(feed.items).toHaveLength(count);
    expect(feed.items.every((item) => item.contentHtml)).toBe(true);
  });

  it('asks with a CORS-safelisted Accept header (at most 128 bytes), so no browser sends a preflight', async () => {
    await fetchFeed(`${base}/rss.xml`, {});
    const accept = seen.at(-1)!.headers.accept!;
    expect(accept).toMatch(/application\/rss\+xml/);
    expect(new TextEncoder().encode(accept).length).toBeLessThanOrEqual(128);
  });

  it('leaves revalidation to the HTTP cache when asked: no validator headers, cache "no-cache"', async () => {
    const inits: RequestInit[] = [];
    const recording: typeof fetch = (input, init) => (inits.push(init ?? {}), fetch(input, init));
    const result = ok(
      await fetchFeed(
        `${base}/rss.xml`,
        { etag: RSS_ETAG, lastModified: ATOM_MODIFIED },
        { fetch: recording, revalidation: 'http-cache' },
      ),
    );
    expect(result.body).toContain('<rss');
    expect(inits.every((init) => init.cache === 'no-cache')).toBe(true);
    expect(seen.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(seen.at(-1)!.headers['if-modified-since']).toBeUndefined();
  });

  it('keeps the validators and sends them back: an unchanged feed is a 304', async () => {
    const first = ok(await fetchFeed(`${base}/rss.xml`, {}));
    expect(first.etag).toBe(RSS_ETAG);
    expect(await fetchFeed(`${base}/rss.xml`, { etag: first.etag })).toEqual({ status: 'not-modified' });
    expect(seen.at(-1)!.headers['if-none-match']).toBe(RSS_ETAG);

    const atom = ok(await fetchFeed(`${base}/atom.xml`, {}));
    expect(atom.lastModified).toBe(ATOM_MODIFIED);
    expect(await fetchFeed(`${base}/atom.xml`, { lastModified: atom.lastModified })).toEqual({
      status: 'not-modified',
    });
    expect(seen.at(-1)!.headers['if-modified-since']).toBe(ATOM_MODIFIED);
  });

  it('follows a redirect and reports where the feed ended up', async () => {
    const result = ok(await fetchFeed(`${base}/old-feed`, {}));
    expect(result.finalUrl).toBe(`${base}/rss.xml`);
    expect(parseFeedDocument(result.body, result.finalUrl).items[1]!.url).toBe(
      `${base}/2024/03/sahel-partners/`,
    );
  });

  it('decodes the charset an XML declaration names', async () => {
    const feed = parseFeedDocument(ok(await fetchFeed(`${base}/latin1.xml`, {})).body, `${base}/latin1.xml`);
    expect(feed.title).toBe('Revue de défense');
    expect(feed.items[0]!.title).toBe('Sécurité européenne');
  });

  it.each([
    ['/missing', 'not-found', /^There is no feed at this address any more \(HTTP 404\)/],
    ['/retired', 'not-found', /has removed this feed for good \(HTTP 410\)/],
    ['/crash', 'server-error', /had a problem answering \(HTTP 500\)\. Backstory will try again later\./],
    ['/maintenance', 'server-error', /\(HTTP 503\)/],
    ['/members-only', 'http-error', /refused to send the feed \(HTTP 403\)/],
    ['/home', 'not-a-feed', /^This address serves a web page, not a feed\./],
    ['/page-labelled-xml', 'not-a-feed', /serves a web page, not a feed/],
    ['/logo.png', 'not-a-feed', /serves a file \(image\/png\), not a feed/],
  ])('maps %s to %s', async (path, code, message) => {
    const error = await feedErrorOf(fetchFeed(`${base}${path}`, {}));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('accepts a real feed that the server mislabels as HTML', async () => {
    const result = ok(await fetchFeed(`${base}/rss-labelled-html`, {}));
    expect(parseFeedDocument(result.body, result.finalUrl).items).toHaveLength(3);
  });

  it('fetches broken XML, which the parser then refuses as malformed', async () => {
    const result = ok(await fetchFeed(`${base}/broken.xml`, {}));
    let error: unknown;
    try {
      parseFeedDocument(result.body, result.finalUrl);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('malformed');
    expect((error as FeedError).message).toMatch(/^This feed is broken: its XML could not be read/);
  });

  it.each(['/huge.xml', '/huge-declared.xml'])('stops reading %s at 5 MB: too-large', async (path) => {
    const error = await feedErrorOf(fetchFeed(`${base}${path}`, {}));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'This feed is too large: it is over 5 MB, the most Backstory reads. It may not be a feed at all.',
    );
  });

  it('honours a smaller byte cap', async () => {
    const error = await feedErrorOf(fetchFeed(`${base}/rss.xml`, {}, { maxBytes: 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^This feed is too large: it is over 1 KB,/);
  });

  it('reports a redirect loop', async () => {
    const error = await feedErrorOf(fetchFeed(`${base}/loop-a`, {}));
    expect(error.code).toBe('redirect-loop');
    expect(error.message).toMatch(
      /^The address .*\/loop-a keeps redirecting \(.*leads back to an address already visited\)/,
    );
  });

  it('gives up after maxRedirects redirects', async () => {
    const error = await feedErrorOf(fetchFeed(`${base}/hop/1`, {}, { maxRedirects: 3 }));
    expect(error.code).toBe('redirect-loop');
    expect(error.message).toMatch(/keeps redirecting \(more than 3 redirects\)/);
    expect(seen.filter((request) => request.path.startsWith('/hop/')).map((request) => request.path)).toEqual(
      ['/hop/1', '/hop/2', '/hop/3', '/hop/4'],
    );
  });

  it('times out on a server that never answers', async () => {
    const error = await feedErrorOf(fetchFeed(`${base}/stalled`, {}, { timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ took longer than 0\.3 seconds to send the feed\./);
  });

  it('reports an unreachable site as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const error = await feedErrorOf(fetchFeed(`http://127.0.0.1:${port}/feed`, {}));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`Could not reach 127.0.0.1:${port}: the site refused the connection.`);
  });
});

describe('fetchFeed where redirects are opaque (as in browsers)', () => {
  /** Node's fetch, but answering `redirect: 'manual'` the way browsers do: no status, no Location. */
  const browserLikeFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (init?.redirect === 'manual' && response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return {
        type: 'opaqueredirect',
        status: 0,
        ok: false,
        url: '',
        headers: new Headers(),
        body: null,
      } as Response;
    }
    return response;
  };
  const options: FetchFeedOptions = { fetch: browserLikeFetch };

  it('lets the environment follow the redirect and reports the final address', async () => {
    const result = ok(await fetchFeed(`${base}/old-feed`, {}, options));
    expect(result.finalUrl).toBe(`${base}/rss.xml`);
    expect(result.etag).toBe(RSS_ETAG);
  });

  it('reports the error fetch throws on a loop as a redirect loop', async () => {
    const error = await feedErrorOf(fetchFeed(`${base}/loop-a`, {}, options));
    expect(error.code).toBe('redirect-loop');
    expect(error.message).toMatch(/keeps redirecting \(too many redirects\)/);
    expect((error.cause as Error).message).toBe('fetch failed');
  });
});
