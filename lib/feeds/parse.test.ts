import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FeedError, htmlToPlainText, looksLikeWebPage, parseFeedDocument } from './parse';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(resolve(here, '../../tests/fixtures/feeds', name), 'utf8');

/** The FeedError a call throws (fails the test when it throws something else or nothing). */
function feedErrorOf(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError, but nothing was thrown');
}

describe('parseFeedDocument: RSS 2.0', () => {
  const feed = parseFeedDocument(fixture('commentary.rss.xml'), 'https://crossroads.example.org/feed/');

  it('reads the channel and keeps only items with a link', () => {
    expect(feed.title).toBe('The Crossroads Review – Commentary');
    expect(feed.siteUrl).toBe('https://crossroads.example.org/');
    expect(feed.items.map((item) => item.title)).toEqual([
      'The quiet return of deterrence by denial in the Baltic',
      'Why the Sahel juntas are betting on new partners',
      'Can the Security Council still manage a crisis?',
    ]);
  });

  it('uses the guid as identity, else the link, and resolves relative links against the feed', () => {
    expect(feed.items.map((item) => [item.guid, item.url])).toEqual([
      ['https://crossroads.example.org/?p=4812', 'https://crossroads.example.org/2024/03/baltic-denial/'],
      ['https://crossroads.example.org/?p=4807', 'https://crossroads.example.org/2024/03/sahel-partners/'],
      [
        'https://crossroads.example.org/2024/03/security-council/',
        'https://crossroads.example.org/2024/03/security-council/',
      ],
    ]);
  });

  it('reads dc:creator and <author>, and dates as ISO', () => {
    expect(feed.items.map((item) => item.authors)).toEqual([
      ['Kristiina Vask'],
      ['Moussa Diallo', 'Claire Fontaine'],
      ['Priya Natarajan'],
    ]);
    expect(feed.items.map((item) => item.publishedAt)).toEqual([
      '2024-03-05T07:00:00.000Z',
      '2024-03-04T15:45:00.000Z',
      '2024-03-03T10:15:00.000Z',
    ]);
  });

  it('keeps content:encoded raw (unsanitised) and makes the description a plain-text summary', () => {
    const [baltic, sahel, council] = feed.items;
    expect(baltic!.contentHtml).toMatch(/^<p>For thirty years, the defence of the Baltic states/);
    expect(baltic!.contentHtml).toContain('<em>at the border</em>');
    expect(baltic!.contentHtml).toContain("<script>alert('feeds are not trusted')</script>");
    expect(baltic!.summaryText).toBe(
      'Northern allies are spending less on promises of rescue & more on making an invasion fail in its first week.',
    );
    expect(sahel!.summaryText).toContain('their alliances — and their economies — around');
    expect(council!.contentHtml).toMatch(/^The veto has paralysed the Council/);
  });
});

describe('parseFeedDocument: Atom', () => {
  const feed = parseFeedDocument(
    fixture('commentary.atom.xml'),
    'https://harbourside.example.net/commentary.atom',
  );

  it('reads the feed, entry titles of every type, and the alternate links', () => {
    expect(feed.title).toBe('Harbourside Policy Commentary');
    expect(feed.siteUrl).toBe('https://harbourside.example.net/commentary');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Escorts, insurers & the Red Sea',
      'What a Black Sea grain deal would need now',
      'Taiwan Strait: the grey zone widens',
    ]);
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://harbourside.example.net/commentary/escorts-insurers',
      'https://harbourside.example.net/commentary/black-sea-grain',
      'https://harbourside.example.net/commentary/grey-zone',
    ]);
    expect(feed.items[0]!.guid).toBe('tag:harbourside.example.net,2024:escorts-insurers');
  });

  it('reads entry authors, falling back to the feed author', () => {
    expect(feed.items.map((item) => item.authors)).toEqual([
      ['Tomasz Nowicki'],
      ['Harbourside Editors'],
      ['Lin Wei-ting', 'Daniel Okoro'],
    ]);
    expect(feed.items.map((item) => item.publishedAt)).toEqual([
      '2024-03-04T08:30:00.000Z',
      '2024-03-01T08:00:00.000Z',
      '2024-02-27T06:00:00.000Z',
    ]);
  });

  it('takes xhtml content as HTML, turns text content into paragraphs, summaries into text', () => {
    const [escorts, grain, greyZone] = feed.items;
    expect(escorts!.contentHtml).toMatch(/^<p>Naval escorts have reduced/);
    expect(escorts!.contentHtml).toContain('<strong>price</strong>');
    expect(escorts!.contentHtml).not.toContain('<div');
    expect(escorts!.summaryText).toBe('Warships can escort a convoy; only insurers can bring traffic back.');
    expect(grain!.contentHtml).toBe(
      '<p>Any new corridor would rest on naval facts rather than signatures.</p>\n' +
        '<p>Ukraine has already reopened its own route along the western coast.</p>',
    );
    expect(greyZone!.contentHtml).toBe(
      '<p>Coast guard patrols near outlying islands test rules that were never written down.</p>',
    );
    expect(greyZone!.summaryText).toBeUndefined();
  });
});

describe('parseFeedDocument: JSON Feed', () => {
  it('reads JSON Feed 1.1: authors arrays, content_html / content_text, external links', () => {
    const feed = parseFeedDocument(fixture('commentary.feed.json'), 'https://meridian.example.com/feed.json');
    expect(feed.title).toBe('Meridian Notes');
    expect(feed.siteUrl).toBe('https://meridian.example.com/');
    expect(feed.items.map((item) => [item.guid, item.url])).toEqual([
      ['2024-03-05-sanctions-fatigue', 'https://meridian.example.com/notes/sanctions-fatigue'],
      ['2024-03-02-alliance-burden', 'https://meridian.example.com/notes/alliance-burden'],
      ['2024-02-28-mediators', 'https://elsewhere.example.org/essays/mediators'],
    ]);
    expect(feed.items.map((item) => item.authors)).toEqual([
      ['Hélène Marchetti', 'Ravi Menon'],
      ['Meridian Notes staff'],
      ['Yusuf Karim'],
    ]);
    expect(feed.items.map((item) => item.publishedAt)).toEqual([
      '2024-03-05T11:00:00.000Z',
      '2024-03-02T09:00:00.000Z',
      '2024-02-28T15:30:00.000Z',
    ]);
    expect(feed.items[0]!.summaryText).toBe(
      'Why enforcement, not new listings, decides whether sanctions work.',
    );
    expect(feed.items[1]!.contentHtml).toBe(
      '<p>Defence budgets are only one measure of what allies contribute.</p>\n' +
        '<p>Hosting bases, sharing intelligence and absorbing refugees count as well.</p>',
    );
  });

  it('reads JSON Feed 1.0, whose author is a single object', () => {
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old-style notes',
      items: [
        {
          id: 7,
          url: 'https://old.example.com/7',
          title: 'Seven',
          content_text: 'A < B',
          author: { name: 'Ada Ng' },
        },
      ],
    });
    const [item] = parseFeedDocument(body, 'https://old.example.com/feed.json').items;
    expect(item).toEqual({
      guid: '7',
      url: 'https://old.example.com/7',
      title: 'Seven',
      authors: ['Ada Ng'],
      contentHtml: '<p>A &lt; B</p>',
    });
  });
});

describe('parseFeedDocument: what is not a usable feed', () => {
  it.each([
    ['an HTML page', fixture('page.html'), 'not-a-feed', /^This address serves a web page, not a feed\./],
    [
      'an XHTML page with an XML declaration',
      '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      'not-a-feed',
      /serves a web page, not a feed/,
    ],
    [
      'broken XML',
      fixture('broken.xml'),
      'malformed',
      /^This feed is broken: its XML could not be read \(.+\)\.$/,
    ],
    [
      'broken JSON',
      '{"version": "https://jsonfeed.org/version/1.1", "items": [',
      'malformed',
      /JSON could not be read/,
    ],
    ['JSON that is no feed', '{"status": "ok"}', 'not-a-feed', /JSON data, but not a JSON Feed/],
    [
      'a sitemap',
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>',
      'not-a-feed',
      /XML document that is not an RSS, Atom or RDF feed/,
    ],
    ['plain text', 'Service temporarily moved.', 'not-a-feed', /does not serve a feed/],
    ['an empty body', '  \n', 'empty', /empty document/],
    [
      'a feed without items',
      '<rss version="2.0"><channel><title>Quiet</title><link>https://q.example/</link></channel></rss>',
      'empty',
      /^This feed has no articles yet\.$/,
    ],
    [
      'a feed whose items have no link',
      '<rss version="2.0"><channel><title>Q</title><item><title>Note</title><link>mailto:a@b.example</link></item></channel></rss>',
      'empty',
      /^None of this feed's 1 entries links to an article\.$/,
    ],
  ])('refuses %s with a clear FeedError', (_, body, code, message) => {
    const error = feedErrorOf(() => parseFeedDocument(body, 'https://feeds.example.com/feed'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('falls back to the host name for a feed without a title', () => {
    const body =
      '<rss version="2.0"><channel><item><title>A</title><link>https://x.example/a</link></item></channel></rss>';
    expect(parseFeedDocument(body, 'https://www.notes.example/rss').title).toBe('notes.example');
  });

  it('clips long summaries at a word boundary', () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const body = `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link><description>${long}</description></item></channel></rss>`;
    const summary = parseFeedDocument(body, 'https://x.example/rss').items[0]!.summaryText!;
    expect(summary.length).toBeLessThanOrEqual(501);
    expect(summary).toMatch(/ word\d+…$/);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
  });
});

describe('helpers', () => {
  it('htmlToPlainText drops tags, scripts and decodes entities', () => {
    expect(
      htmlToPlainText(
        '<p>A &amp; B&#8217;s <b>plan</b></p><script>x()</script>&#x2014; done&nbsp;now &bogus;',
      ),
    ).toBe('A & B’s plan — done now &bogus;');
  });

  it('looksLikeWebPage tells pages from feeds', () => {
    expect(looksLikeWebPage(fixture('page.html'))).toBe(true);
    expect(looksLikeWebPage('\uFEFF  <!-- cached --><HTML><body></body></HTML>')).toBe(true);
    expect(looksLikeWebPage(fixture('commentary.rss.xml'))).toBe(false);
    expect(looksLikeWebPage(fixture('commentary.atom.xml'))).toBe(false);
  });
});
