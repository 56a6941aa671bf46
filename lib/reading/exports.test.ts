// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ReadingItem } from '../model/reading';
import { toCsv, toJson, toNetscapeHtml } from './exports';
import { detectFormat, parseReadingImport } from './imports';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Items with what breaks naive writers: quotes, markup, commas, newlines, formulas, non-ASCII. */
const ITEMS: ReadingItem[] = [
  {
    url: 'https://example.com/world/a?id=1&lang=en',
    title: 'He said "no" & <b>left</b>, then came back',
    tags: ['politics', 'middle east'],
    status: 'unread',
    savedAt: 1_707_650_000_000,
    excerpt: 'Line one <script>alert(1)</script>\nline "two" & three',
  },
  {
    url: 'https://example.org/caf%C3%A9/2024/',
    title: '=SUM(1,2) and other formulas',
    tags: ['-negative', '@mention', 'café'],
    status: 'read',
    savedAt: 1_707_560_000_000,
  },
  {
    url: 'http://example.net/story',
    title: '',
    tags: [],
    status: 'archived',
    savedAt: 0,
  },
  {
    url: 'https://example.com/quote',
    title: "It's a 'quoted' title \u2014 with a dash",
    tags: ['+plus'],
    status: 'unread',
    savedAt: 1_600_000_000_000,
    excerpt: 'Short.',
  },
];

describe.each([
  ['toJson', toJson, 'omnivore-json'],
  ['toCsv', toCsv, 'pocket-csv'],
  ['toNetscapeHtml', toNetscapeHtml, 'netscape-html'],
] as const)('%s', (_name, write, format) => {
  it(`is read back as ${format} with nothing lost`, () => {
    const text = write(ITEMS);
    expect(detectFormat(text)).toBe(format);
    const result = parseReadingImport(text, 'auto', parseHtml);
    expect(result.skipped).toEqual([]);
    // CSV has no excerpt column; everything else survives every format.
    const expected = format === 'pocket-csv' ? ITEMS.map(({ excerpt: _excerpt, ...item }) => item) : ITEMS;
    expect(result.items).toEqual(expected);
  });

  it('writes an empty list that is still a file of its format', () => {
    expect(detectFormat(write([]))).toBe(format);
  });
});

describe('toCsv', () => {
  it("has Pocket's columns and status names", () => {
    const lines = toCsv(ITEMS).split('\r\n');
    expect(lines[0]).toBe('title,url,time_added,tags,status');
    expect(lines[1]).toMatch(/,1707650000,politics\|middle east,unread$/);
    expect(lines[3]).toBe(',http://example.net/story,0,,archive');
  });

  it('keeps spreadsheets from running a title as a formula', () => {
    expect(toCsv(ITEMS)).toContain(`"'=SUM(1,2) and other formulas"`);
  });

  it('escapes a formula that runs over several lines too', () => {
    const csv = toCsv([{ ...ITEMS[0]!, title: '=HYPERLINK("http://evil.example","click")\nsecond line' }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")\nsecond line"`);
  });
});

describe('toNetscapeHtml', () => {
  it('escapes markup so titles and excerpts stay text', () => {
    const html = toNetscapeHtml([
      { ...ITEMS[0]!, title: '"><img src=x onerror=alert(1)>', tags: ['a" onclick="x'] },
    ]);
    const document = parseHtml(html);
    expect(document.querySelector('img, script')).toBeNull();
    const link = document.querySelector('dt > a')!;
    expect(link.getAttributeNames()).toEqual(['href', 'add_date', 'tags', 'toread', 'status']);
    expect(link.textContent).toBe('"><img src=x onerror=alert(1)>');
    expect(link.getAttribute('tags')).toBe('a" onclick="x');
  });

  it('writes ADD_DATE in seconds, TAGS comma-separated and TOREAD for unread items', () => {
    const html = toNetscapeHtml(ITEMS);
    expect(html).toContain('ADD_DATE="1707650000" TAGS="politics,middle east" TOREAD="1" STATUS="unread"');
    expect(html).toContain('ADD_DATE="0" STATUS="archived"');
  });
});

describe('toJson', () => {
  it("uses Omnivore's fields: ARCHIVED state, progress 100 for read, labels and ISO dates", () => {
    const [first, second, third] = JSON.parse(toJson(ITEMS)) as Array<Record<string, unknown>>;
    expect(first).toMatchObject({
      state: 'SUCCEEDED',
      readingProgressPercent: 0,
      labels: ['politics', 'middle east'],
      savedAt: '2024-02-11T11:13:20.000Z',
      description: ITEMS[0]!.excerpt,
    });
    expect(second).toMatchObject({ state: 'SUCCEEDED', readingProgressPercent: 100 });
    expect(third).toMatchObject({ state: 'ARCHIVED', savedAt: '1970-01-01T00:00:00.000Z' });
    expect(third).not.toHaveProperty('description');
  });
});
