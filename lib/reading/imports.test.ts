// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makePocketCsv } from '../../tests/fixtures/reading/make-pocket-csv';
import { detectFormat, parseReadingImport, READING_IMPORT_LIMITS, ReadingImportError } from './imports';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/reading');
const fixture = (name: string) => readFileSync(resolve(fixtures, name), 'utf8');
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const NOW = Date.UTC(2024, 2, 1);
const importText = (text: string, format: Parameters<typeof parseReadingImport>[1] = 'auto') =>
  parseReadingImport(text, format, parseHtml, { now: NOW });

/** The error a failing import throws, to check its class and message. */
function importError(text: string, format: Parameters<typeof parseReadingImport>[1] = 'auto') {
  try {
    importText(text, format);
  } catch (error) {
    return error as ReadingImportError;
  }
  throw new Error('the import did not fail');
}

describe('detectFormat', () => {
  it.each([
    ['pocket.csv', 'pocket-csv'],
    ['instapaper-old.csv', 'instapaper-csv'],
    ['instapaper-new.csv', 'instapaper-csv'],
    ['bookmarks-html.txt', 'netscape-html'],
    ['omnivore.json', 'omnivore-json'],
  ])('recognises %s', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format);
  });

  it('recognises a bookmark list without the doctype, and ignores a byte order mark', () => {
    expect(detectFormat('<DL><p>\n<DT><A HREF="https://example.com/">x</A>\n</DL>')).toBe('netscape-html');
    expect(detectFormat(`\ufeff${fixture('pocket.csv')}`)).toBe('pocket-csv');
  });

  it('uses the file name only when the content does not decide', () => {
    const html = '<html><body><a href="https://example.com/">x</a></body></html>';
    expect(detectFormat(html)).toBeNull();
    expect(detectFormat(html, 'Bookmarks.HTML')).toBe('netscape-html');
    expect(detectFormat('name,link\nx,https://example.com/', 'pocket.csv')).toBeNull();
  });

  it('returns null for anything else', () => {
    expect(detectFormat('just some notes\nand more')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });
});

describe('parseReadingImport: Pocket CSV', () => {
  const result = importText(fixture('pocket.csv'));

  it('reads titles, links, tags, status and times, and merges the same article', () => {
    expect(result.format).toBe('pocket-csv');
    expect(result.items).toEqual([
      {
        // The earliest save of the two copies wins; tags of both are kept.
        url: 'https://example-news.com/world/harbour-talks-stalled',
        title: 'Why the harbour talks stalled',
        tags: ['politics', 'longread', 'to cite'],
        status: 'archived',
        savedAt: 1_707_100_000_000,
      },
      {
        url: 'https://example-news.com/economy/grain-winter/',
        title: 'Grain prices and the winter',
        tags: ['economy'],
        status: 'archived',
        savedAt: 1_707_560_000_000,
      },
      {
        url: 'http://analysis.example.org/border-from-the-air#comments',
        title: 'A "quiet" border, seen from the air',
        tags: [],
        status: 'unread',
        savedAt: 1_707_400_000_000,
      },
    ]);
  });

  it('skips rows without a usable link, with their row number', () => {
    expect(result.skipped).toEqual([
      { line: 5, reason: 'url: must be an http(s) URL' },
      { line: 6, reason: 'no URL' },
    ]);
  });

  it('counts blank rows in row numbers and dates undated rows with `now`', () => {
    const text = 'title,url,time_added,tags,status\n\nA,https://example.com/a,,,\n\nB,nope,1,,\n';
    const { items, skipped } = importText(text);
    expect(items).toEqual([
      { url: 'https://example.com/a', title: 'A', tags: [], status: 'unread', savedAt: NOW },
    ]);
    expect(skipped).toEqual([{ line: 5, reason: 'url: must be an http(s) URL' }]);
  });

  it('shortens overlong titles and tags instead of dropping the article', () => {
    const text = `title,url,time_added,tags,status\n${'t'.repeat(1500)},https://example.com/a,1,${'x'.repeat(150)}|ok,unread\n`;
    const [item] = importText(text).items;
    expect(item?.title).toHaveLength(1000);
    expect(item?.tags).toEqual(['x'.repeat(100), 'ok']);
  });

  it('imports a generated 500-row export whole', () => {
    const csv = makePocketCsv(500, 'http://127.0.0.1:8123/');
    expect(makePocketCsv(500, 'http://127.0.0.1:8123/')).toBe(csv);
    const { items, skipped } = importText(csv);
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(500);
    expect(items.every((item) => item.url.startsWith('http://127.0.0.1:8123/'))).toBe(true);
    const archived = items.filter((item) => item.status === 'archived').length;
    expect(archived).toBeGreaterThan(50);
    expect(archived).toBeLessThan(250);
    expect(items.some((item) => item.tags.length === 0)).toBe(true);
    expect(items.some((item) => item.tags.length >= 2)).toBe(true);
    expect(new Set(items.map((item) => item.savedAt)).size).toBe(500);
  });
});

describe('parseReadingImport: Instapaper CSV', () => {
  it('reads the old export: folders become status or tags, the selection the excerpt', () => {
    const { format, items, skipped } = importText(fixture('instapaper-old.csv'));
    expect(format).toBe('instapaper-csv');
    expect(items).toEqual([
      {
        url: 'https://example-news.com/world/council-vote',
        title: 'Council vote delayed',
        tags: [],
        status: 'unread',
        savedAt: NOW,
        excerpt: 'The vote moves to March.',
      },
      {
        url: 'https://analysis.example.org/pipeline-deal',
        title: 'The pipeline deal explained',
        tags: [],
        status: 'archived',
        savedAt: NOW,
      },
      {
        url: 'https://example-news.com/science/satellite-images',
        title: 'What the satellite images show',
        tags: ['Starred'],
        status: 'unread',
        savedAt: NOW,
      },
      {
        url: 'https://blog.example.net/notes/tariffs',
        title: 'Notes on tariffs',
        tags: ['Economics'],
        status: 'unread',
        savedAt: NOW,
      },
    ]);
    expect(skipped).toEqual([{ line: 6, reason: 'url: must be an http(s) URL' }]);
  });

  it('reads the newer export: timestamps, and tags as a JSON array or a list', () => {
    const { items } = importText(fixture('instapaper-new.csv'));
    expect(items.map(({ tags, savedAt, status }) => ({ tags, savedAt, status }))).toEqual([
      { tags: ['politics', 'europe'], savedAt: 1_707_650_000_000, status: 'unread' },
      { tags: [], savedAt: 1_707_500_000_000, status: 'archived' },
      { tags: ['Economics', 'trade', 'reading group'], savedAt: 1_707_400_000_000, status: 'unread' },
    ]);
    expect(items[1]?.excerpt).toBe('Gas, money and a map.');
  });
});

describe('parseReadingImport: Netscape bookmark HTML', () => {
  const result = importText(fixture('bookmarks-html.txt'));

  it('reads links, dates, TAGS, folders as tags (not the browser root folders) and descriptions', () => {
    expect(result.format).toBe('netscape-html');
    expect(result.items).toEqual([
      {
        // Merged with the later, earlier-dated copy of the same article.
        url: 'https://www.example-news.com/world/harbour-talks-stalled/?utm_campaign=share',
        title: 'Harbour talks (shared link)',
        tags: ['politics', 'longread', 'to cite'],
        status: 'unread',
        savedAt: 1_707_000_000_000,
        excerpt: 'Three rounds, no agreement.',
      },
      {
        url: 'https://example-news.com/economy/grain-winter',
        title: 'Grain prices & the winter',
        tags: ['Reading', 'Economy & trade'],
        status: 'unread',
        savedAt: 1_707_560_000_000,
      },
      {
        url: 'https://blog.example.net/notes/tariffs',
        title: 'Notes on tariffs',
        tags: ['Reading', 'trade'],
        status: 'unread',
        savedAt: 1_707_400_000_000,
      },
    ]);
  });

  it('skips bookmarklets and links without an address', () => {
    expect(result.skipped).toEqual([
      { line: 2, reason: 'url: must be an http(s) URL' },
      { line: 6, reason: 'no URL' },
    ]);
  });

  it('refuses an HTML page that has no bookmark entries', () => {
    const error = importError('<DL><p><DT><H3>Empty folder</H3><DL><p></DL><p></DL>');
    expect(error).toBeInstanceOf(ReadingImportError);
    expect(error.message).toMatch(/no bookmarks/);
  });
});

describe('parseReadingImport: Omnivore JSON', () => {
  it('maps states and progress, reads both label shapes, skips deleted items', () => {
    const { format, items, skipped } = importText(fixture('omnivore.json'));
    expect(format).toBe('omnivore-json');
    expect(items).toEqual([
      {
        url: 'https://example-news.com/world/harbour-talks-stalled',
        title: 'Why the harbour talks stalled',
        tags: ['politics', 'longread'],
        status: 'unread',
        savedAt: Date.parse('2024-02-11T09:30:00.000Z'),
        excerpt: 'Three rounds, no agreement.',
      },
      {
        url: 'https://example-news.com/economy/grain-winter',
        title: 'Grain prices and the winter',
        tags: [],
        status: 'archived',
        savedAt: Date.parse('2024-02-10T08:00:00.000Z'),
      },
      {
        url: 'https://example-news.com/science/satellite-images',
        title: 'What the satellite images show',
        tags: ['science'],
        status: 'read',
        savedAt: Date.parse('2024-02-09T18:15:00.000Z'),
      },
    ]);
    expect(skipped).toEqual([
      { line: 4, reason: 'deleted in Omnivore' },
      { line: 5, reason: 'url: must be an http(s) URL' },
    ]);
  });

  it('skips entries that are not objects', () => {
    const { skipped } = importText('[{"url":"https://example.com/a"}, 42, null]');
    expect(skipped.map((row) => row.line)).toEqual([2, 3]);
  });
});

describe('parseReadingImport: files it cannot import', () => {
  it.each([
    ['', 'auto', /empty/],
    ['   \n', 'auto', /empty/],
    ['name,link\nx,https://example.com/', 'auto', /no url column — expected a Pocket or Instapaper export/],
    ['url,note\nhttps://example.com/,x', 'auto', /columns url, note — expected a Pocket export/],
    ['<html><body><p>An article</p></body></html>', 'auto', /not a bookmarks export/],
    ['{"items": []}', 'auto', /not a list of saved items/],
    ['[{"url": ', 'auto', /cannot be read/],
    [
      'title,url,time_added,tags,status\nx,https://example.com/,1,,unread',
      'instapaper-csv',
      /is a Pocket export, not an Instapaper export/,
    ],
    [
      'URL,Title,Selection,Folder\nhttps://example.com/,x,,Unread',
      'pocket-csv',
      /is an Instapaper export, not a Pocket export/,
    ],
  ] as const)('refuses %j (as %s)', (text, format, message) => {
    const error = importError(text, format);
    expect(error).toBeInstanceOf(ReadingImportError);
    expect(error.message).toMatch(message);
  });

  it('refuses a file with no usable item, and says why the rows were skipped', () => {
    const error = importError('title,url,time_added,tags,status\na,javascript:alert(1),1,,\nb,,1,,\n');
    expect(error.message).toBe(
      'No item in this Pocket export (CSV) could be imported: 2 skipped (line 2: url: must be an http(s) URL).',
    );
    expect(error.skipped).toHaveLength(2);
    expect(importError('[]').message).toMatch(/No item in this Omnivore export/);
  });

  it(`refuses more than ${READING_IMPORT_LIMITS.maxItems} entries`, () => {
    const rows = Array.from(
      { length: READING_IMPORT_LIMITS.maxItems + 1 },
      (_, i) => `t,https://example.com/${i},1,,unread`,
    );
    const error = importError(`title,url,time_added,tags,status\n${rows.join('\n')}`);
    expect(error.message).toMatch(/100,001 entries; at most 100,000/);
  });

  it('refuses files over 50 MB, counting UTF-8 bytes', () => {
    expect(importError('a'.repeat(READING_IMPORT_LIMITS.maxBytes + 1)).message).toMatch(/at most 50 MB/);
    // 18 million characters, but 3 bytes each in UTF-8: 54 MB.
    expect(importError('\u20ac'.repeat(18_000_000)).message).toMatch(/This file is 52 MB/);
  });
});
