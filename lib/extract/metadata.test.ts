// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseDate, parseAuthors, readMetadata } from './metadata';

const PAGE = 'https://news.example/world/2016/story.html';
const page = (head: string, body = '<p>Text</p>', htmlAttributes = '') =>
  new JSDOM(`<!doctype html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`, {
    url: PAGE,
  }).window.document;
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('parseAuthors', () => {
  it('splits bylines into names and drops the "By"', () => {
    expect(parseAuthors('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(parseAuthors('Stella Kim, Jennifer Jett')).toEqual(['Stella Kim', 'Jennifer Jett']);
    expect(parseAuthors('Martin Untersinger (avec Damien Leloup et Morgane Tual)')).toEqual([
      'Martin Untersinger',
      'Damien Leloup',
      'Morgane Tual',
    ]);
  });

  it('drops desks, URLs, handles and duplicates', () => {
    expect(parseAuthors(['Our Foreign Staff', 'Staff'])).toEqual([]);
    expect(parseAuthors('https://www.theguardian.com/profile/eleanor-ainge-roy')).toEqual([]);
    expect(parseAuthors(['Jane Doe', 'jane doe', 'JANE DÖE', '@janedoe'])).toEqual(['Jane Doe']);
    expect(parseAuthors('Jane Doe, Staff Writer')).toEqual(['Jane Doe']);
  });

  it('cuts dates and counts run into a name, and calms names written in capitals', () => {
    expect(parseAuthors('by Lucas Nolan22 Dec 2016651')).toEqual(['Lucas Nolan']);
    expect(parseAuthors('JOE HILDEBRAND')).toEqual(['Joe Hildebrand']);
    expect(parseAuthors('Ahiza Garcia')).toEqual(['Ahiza Garcia']);
  });
});

describe('normaliseDate', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('keeps ISO dates as declared, with a normalised offset', () => {
    expect(normaliseDate('2015-07-24T05:36:09+01:00')).toBe('2015-07-24T05:36:09+01:00');
    expect(normaliseDate('2017-11-16T14:15+0000')).toBe('2017-11-16T14:15:00+00:00');
    expect(normaliseDate('2019-01-03T07:00:02.000Z')).toBe('2019-01-03T07:00:02.000Z');
    expect(normaliseDate('2016-02-01 01:28:49')).toBe('2016-02-01T01:28:49');
    expect(normaliseDate('2016-02-04')).toBe('2016-02-04');
    expect(normaliseDate('20160729')).toBe('2016-07-29');
  });

  it('converts other dates the same way in every time zone', () => {
    for (const tz of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(normaliseDate('Fri, 13 Mar 2015 21:30:09 GMT'), tz).toBe('2015-03-13T21:30:09.000Z');
      expect(normaliseDate('Mar 13 2015 21:30:09 -0500'), tz).toBe('2015-03-14T02:30:09.000Z');
      // Herald Sun: EST there is Melbourne time, not New York's, so only the wall clock is kept.
      expect(normaliseDate('Fri Mar 13 21:30:09 EST 2015'), tz).toBe('2015-03-13T21:30:09');
      expect(normaliseDate('July 29, 2016'), tz).toBe('2016-07-29');
      expect(normaliseDate('July 29, 2016 10:05'), tz).toBe('2016-07-29T10:05:00');
    }
  });

  it('rejects what is not a date', () => {
    expect(normaliseDate('yesterday')).toBeUndefined();
    expect(normaliseDate('2016-13-45')).toBeUndefined();
    expect(normaliseDate('')).toBeUndefined();
  });
});

describe('readMetadata', () => {
  it('reads a JSON-LD @graph article: authors in every shape, publisher, date, image', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Not the outlet' },
          {
            '@type': ['ReportageNewsArticle'],
            headline: 'Talks stall in Geneva',
            author: [{ '@type': 'Person', name: 'Jane Doe' }, 'John Roe', { name: 'https://x.example/me' }],
            publisher: { '@type': 'Organization', name: 'Example News' },
            datePublished: '2016-02-11T09:00:00Z',
            image: { '@type': 'ImageObject', url: '/img/lead.jpg' },
            inLanguage: 'en-GB',
          },
        ],
      }) +
        '<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">' +
        '<meta property="article:published_time" content="2015-01-01">' +
        '<meta name="author" content="Meta Author">',
    );
    expect(readMetadata(doc, PAGE)).toEqual({
      title: 'Talks stall in Geneva',
      authors: ['Jane Doe', 'John Roe'],
      outlet: 'Example News',
      publishedAt: '2016-02-11T09:00:00Z',
      language: 'en-GB',
      leadImageUrl: 'https://news.example/img/lead.jpg',
    });
  });

  it('falls back from broken JSON-LD to OpenGraph, then to meta tags', () => {
    const doc = page(
      '<script type="application/ld+json">{ broken</script>' +
        jsonLd({ '@type': 'BreadcrumbList', name: 'Home' }) +
        '<meta property="og:title" content="OG title">' +
        '<meta property="article:author" content="https://news.example/profile/jane">' +
        '<meta name="author" content="By Jane Doe">' +
        '<meta name="sailthru.date" content="2016-02-04 10:00:00">' +
        '<meta name="description" content="What happened &amp;quot;today&amp;quot;">' +
        '<meta property="og:locale" content="fr_FR">',
    );
    expect(readMetadata(doc, PAGE)).toEqual({
      title: 'OG title',
      authors: ['Jane Doe'],
      publishedAt: '2016-02-04T10:00:00',
      description: 'What happened "today"',
      language: 'fr-FR',
    });
  });

  it('decodes entities in meta content as text, markup included', () => {
    const doc = page(
      '<meta name="description" content="A &amp;lt;b&amp;gt; tag, &lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt; and &amp;amp;">',
    );
    expect(readMetadata(doc, PAGE).description).toBe(
      'A <b> tag, </textarea><img src=x onerror=alert(1)> and &',
    );
  });

  it('takes an article <time> only when nothing declares a date', () => {
    const body =
      '<time datetime="2001-01-01">old</time><article><time datetime="2016-02-12">Feb 12</time></article>';
    expect(readMetadata(page('', body), PAGE).publishedAt).toBe('2016-02-12');
    expect(
      readMetadata(page('<meta itemprop="datePublished" content="2016-02-10">', body), PAGE).publishedAt,
    ).toBe('2016-02-10');
  });

  it('resolves the canonical address and keeps it only when http(s)', () => {
    const relative = page('<link rel="canonical" href="/world/story"><link rel="canonical" href="/other">');
    expect(readMetadata(relative, PAGE).canonicalUrl).toBe('https://news.example/world/story');
    const scheme = page('<link rel="canonical" href="javascript:alert(1)">');
    expect(readMetadata(scheme, PAGE).canonicalUrl).toBeUndefined();
    const protocolRelative = page('<link rel="canonical" href="//us.example.com/news/">');
    expect(readMetadata(protocolRelative, PAGE).canonicalUrl).toBe('https://us.example.com/news/');
  });

  it('reads the language from <html lang> first', () => {
    const doc = page('<meta property="og:locale" content="en_US">', '<p>Texte</p>', 'lang="fr"');
    expect(readMetadata(doc, PAGE).language).toBe('fr');
  });

  it('does not take the page title for the outlet', () => {
    const doc = page(
      '<meta property="og:title" content="Yahoo News - Latest News &amp; Headlines">' +
        '<meta name="application-name" content="Yahoo News - Latest News &amp; Headlines">',
    );
    expect(readMetadata(doc, PAGE).outlet).toBeUndefined();
    expect(readMetadata(page('<meta name="application-name" content="LA NACION">'), PAGE).outlet).toBe(
      'LA NACION',
    );
  });

  it('finds nothing on a bare page', () => {
    expect(readMetadata(page(''), PAGE)).toEqual({ authors: [] });
  });
});
