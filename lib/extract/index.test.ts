// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { aliasKey } from '../entities/fold';
import type { PageExtract } from '../model/extract';
import { extractPage } from './index';
import { splitSentences } from './summarize';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

/** Where each saved page was published (its og:url or canonical address), so relative links resolve. */
const PAGES: Record<string, string> = {
  'bbc-1': 'http://www.bbc.com/news/world-us-canada-33646704',
  breitbart:
    'http://www.breitbart.com/tech/2016/12/22/neutral-snopes-fact-checker-david-emery-un-angry-trump-supporters/',
  'buzzfeed-1': 'http://www.buzzfeed.com/markdistefano/diet-pills-burns-up',
  cnn: 'http://money.cnn.com/2016/02/01/news/economy/poverty-inequality-united-states/index.html',
  'guardian-1':
    'https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings',
  'herald-sun-1':
    'http://www.heraldsun.com.au/news/opinion/angry-media-wont-buckle-over-new-surveillance-laws/story-fni0fha6-1227261886014',
  'la-nacion': 'http://www.lanacion.com.ar/2089096-una-solucion-no-violenta-para-la-cuestion-mapuche',
  'lemonde-1':
    'http://www.lemonde.fr/pixels/article/2015/05/04/que-contient-la-loi-sur-le-renseignement_4627068_4408996.html',
  'nytimes-2':
    'https://www.nytimes.com/2016/07/30/business/dealbook/yahoos-sale-to-verizon-leaves-shareholders-with-little-say.html',
  'schema-org-context-object':
    'https://www.nbcnews.com/news/world/south-korea-martial-law-president-yoon-suk-yeol-impeachment-vote-rcna183138',
  telegraph:
    'http://www.telegraph.co.uk/news/2017/11/16/zimbabwes-robert-mugabe-wife-grace-insisting-finishes-term-priest/',
  'yahoo-2': 'https://www.yahoo.com/news/',
};

/** What each page declares, as recorded beside it (from Firefox Reader View's own test suite). */
interface Expected {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

interface Loaded {
  name: string;
  url: string;
  dom: JSDOM;
  expected: Expected;
  /** The page serialised before extraction. */
  before: string;
  extract: PageExtract;
}

const pages: Loaded[] = [];

beforeAll(() => {
  // jsdom reports every stylesheet it cannot parse; the saved pages have many.
  const virtualConsole = new VirtualConsole();
  for (const [name, url] of Object.entries(PAGES)) {
    const dom = new JSDOM(readFileSync(resolve(corpus, name, 'source.html'), 'utf8'), {
      url,
      virtualConsole,
    });
    const expected = JSON.parse(
      readFileSync(resolve(corpus, name, 'expected-metadata.json'), 'utf8'),
    ) as Expected;
    const before = dom.serialize();
    const extract = extractPage(dom.window.document, url, { purifyWindow: dom.window as unknown as Window });
    pages.push({ name, url, dom, expected, before, extract });
  }
}, 180_000);

const fold = (text: string) => aliasKey(text);

/** Whether each field the page records was read right; undefined when the page records none. */
function compare({ expected, extract }: Loaded) {
  const { metadata } = extract;
  return {
    title: metadata.title === expected.title,
    // Every author found must be named in the recorded byline (which may carry extra text).
    authors: expected.byline
      ? metadata.authors.length > 0 &&
        metadata.authors.every((author) => fold(expected.byline!).includes(fold(author)))
      : undefined,
    date: expected.publishedTime
      ? !!metadata.publishedAt &&
        new Date(metadata.publishedAt).toISOString() === new Date(expected.publishedTime).toISOString()
      : undefined,
    outlet: expected.siteName
      ? !!metadata.outlet && fold(metadata.outlet) === fold(expected.siteName)
      : undefined,
  };
}

describe('extractPage on the saved news pages', () => {
  it('reads authors, dates and outlets right on at least 10 of the 12 pages', () => {
    const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'right' : 'WRONG');
    const rows = pages.map((page) => {
      const result = compare(page);
      const { metadata } = page.extract;
      return {
        page: page.name,
        right: result.authors !== false && result.date !== false && result.outlet !== false,
        line:
          `| ${page.name} | ${mark(result.title)} | ${mark(result.authors)} ${metadata.authors.join(', ') || '–'} ` +
          `| ${mark(result.date)} ${metadata.publishedAt ?? '–'} | ${mark(result.outlet)} ${metadata.outlet ?? '–'} |`,
      };
    });
    const table = ['| page | title | authors | published | outlet |', ...rows.map((row) => row.line)].join(
      '\n',
    );
    console.log(table);
    expect(pages).toHaveLength(12);
    expect(rows.filter((row) => row.right).length, table).toBeGreaterThanOrEqual(10);
  });

  it('reads every declared publication date and canonical address', () => {
    for (const page of pages) {
      if (page.expected.publishedTime) expect(compare(page).date, page.name).toBe(true);
      const canonical = page.extract.metadata.canonicalUrl;
      if (canonical) expect(canonical, page.name).toMatch(/^https?:\/\//);
    }
    expect(pages.filter((page) => page.extract.metadata.canonicalUrl).length).toBeGreaterThanOrEqual(10);
  });

  it('summarises every page with its own sentences, within the bounds', () => {
    for (const { name, extract } of pages) {
      const { summary, keyPoints, text } = extract;
      expect(summary.length, name).toBeGreaterThan(0);
      expect(summary.length, name).toBeLessThanOrEqual(600);
      for (const sentence of splitSentences(summary, extract.metadata.language)) {
        expect(text, `${name}: ${sentence}`).toContain(sentence);
      }
      expect(keyPoints.length, name).toBeGreaterThanOrEqual(3);
      expect(keyPoints.length, name).toBeLessThanOrEqual(5);
      for (const point of keyPoints) {
        expect(text, `${name}: ${point}`).toContain(point);
        expect(point.length, name).toBeLessThanOrEqual(300);
        expect(summary, name).not.toContain(point);
      }
    }
  });

  it('counts words and reading time from the article text', () => {
    for (const { name, extract } of pages) {
      expect(extract.wordCount, name).toBeGreaterThan(250);
      expect(extract.wordCount, name).toBeLessThan(extract.text.length / 3);
      expect(extract.readingMinutes, name).toBe(Math.max(1, Math.round(extract.wordCount / 230)));
      expect(extract.url, name).toBe(PAGES[name]);
    }
  });

  it('stores only sanitised HTML', () => {
    for (const { name, extract, dom } of pages) {
      const holder = dom.window.document.createElement('div');
      holder.innerHTML = extract.contentHtml;
      expect(holder.querySelector('script, style, iframe, form, input, object, embed'), name).toBeNull();
      expect(extract.contentHtml, name).not.toMatch(/\son\w+=|javascript:/i);
      for (const link of holder.querySelectorAll('a[href]'))
        expect(link.getAttribute('href'), name).toMatch(/^https?:/);
    }
  });

  it('leaves every page exactly as it was', () => {
    for (const { name, dom, before } of pages) expect(dom.serialize() === before, name).toBe(true);
  });

  it('gives the same result every time', () => {
    for (const { name, dom, url, extract } of pages.filter((page) => /bbc|lemonde|nacion/.test(page.name))) {
      expect(
        extractPage(dom.window.document, url, { purifyWindow: dom.window as unknown as Window }),
        name,
      ).toEqual(extract);
    }
  });
});
