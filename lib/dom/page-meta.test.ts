// @vitest-environment jsdom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from './blocks';
import { advertisedFeeds, readPageMeta } from './page-meta';

const here = dirname(fileURLToPath(import.meta.url));
const load = (path: string) => {
  document.documentElement.innerHTML = readFileSync(resolve(here, path), 'utf8').replace(
    /^[\s\S]*?<html[^>]*>/i,
    '',
  );
  return document;
};

describe('readPageMeta', () => {
  it('reads the demo page: title, JSON-LD date, lead paragraph', () => {
    const doc = load('../../demo/index.html');
    const meta = readPageMeta(doc, findArticleRoot(doc));
    expect(meta.title).toMatch(/Syria talks stall/);
    expect(meta.publishedAt).toBe('2016-02-12T08:00:00Z');
    expect(meta.lead).toMatch(/^With UN-led negotiations in Geneva on hold/);
  });

  it('reads the publication date every corpus page declares', () => {
    const corpus = resolve(here, '../../../shared/corpus');
    let checked = 0;
    for (const page of readdirSync(corpus)) {
      const metadataFile = resolve(corpus, page, 'expected-metadata.json');
      if (!existsSync(metadataFile)) continue;
      const expected = (JSON.parse(readFileSync(metadataFile, 'utf8')) as { publishedTime?: string | null })
        .publishedTime;
      if (!expected) continue;
      const found = readPageMeta(load(`../../../shared/corpus/${page}/source.html`), null).publishedAt;
      expect(found && new Date(found).toISOString(), page).toBe(new Date(expected).toISOString());
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  }, 60_000); // jsdom parses twelve large saved pages

  it('ignores broken JSON-LD and falls back to meta tags', () => {
    document.documentElement.innerHTML =
      '<head><script type="application/ld+json">{broken</script><meta property="article:published_time" content="2016-02-04"></head><body><h1>T</h1></body>';
    expect(readPageMeta(document, null).publishedAt).toBe('2016-02-04');
    document.documentElement.innerHTML = '<head></head><body><p>No date</p></body>';
    expect(readPageMeta(document, null).publishedAt).toBeUndefined();
  });
});

describe('advertisedFeeds', () => {
  it('lists RSS, Atom and JSON feeds from alternate links, absolute and without duplicates', () => {
    const doc = new DOMParser().parseFromString(
      `<head><base href="https://news.example/section/">
        <link rel="alternate" type="application/rss+xml" title="Opinion" href="/opinion/rss.xml">
        <link rel="alternate" type="application/atom+xml" href="atom.xml">
        <link rel="alternate" type="application/rss+xml" href="/opinion/rss.xml">
        <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        <link rel="stylesheet" type="application/rss+xml" href="/not-a-feed">
      </head>`,
      'text/html',
    );
    expect(advertisedFeeds(doc)).toEqual([
      { url: 'https://news.example/opinion/rss.xml', title: 'Opinion' },
      { url: 'https://news.example/section/atom.xml' },
    ]);
  });
});
