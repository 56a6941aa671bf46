import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { parseOpml, toOpml } from './opml';
import { FeedError } from './parse';

const here = dirname(fileURLToPath(import.meta.url));
const subscriptions = readFileSync(resolve(here, '../../tests/fixtures/feeds/subscriptions.opml'), 'utf8');

describe('parseOpml', () => {
  it('flattens folders, keeps each feed once and skips non-web addresses', () => {
    expect(parseOpml(subscriptions)).toEqual([
      {
        url: 'https://crossroads.example.org/feed/',
        title: 'The Crossroads Review',
        siteUrl: 'https://crossroads.example.org/',
      },
      {
        url: 'https://harbourside.example.net/commentary.atom',
        title: 'Harbourside Policy Commentary',
        siteUrl: 'https://harbourside.example.net/commentary',
      },
      // Its text is only its address: no title.
      { url: 'https://meridian.example.com/feed.json' },
      { url: 'https://notes.example.com/rss?topic=sanctions&lang=en', title: 'Tracker & Notes' },
    ]);
  });

  it('refuses a file that is not OPML, and one that lists no feed', () => {
    for (const [text, code, message] of [
      ['<html><body>Not OPML</body></html>', 'malformed', /not an OPML feed list/],
      ['<opml version="2.0"><body><outline text="x"', 'malformed', /not an OPML feed list/],
      [
        '<opml version="2.0"><head/><body><outline text="Empty folder"/></body></opml>',
        'empty',
        /lists no feeds/,
      ],
    ] as const) {
      let thrown: unknown;
      try {
        parseOpml(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FeedError);
      expect((thrown as FeedError).code).toBe(code);
      expect((thrown as FeedError).message).toMatch(message);
    }
  });
});

describe('toOpml', () => {
  const feeds = [
    {
      url: 'https://crossroads.example.org/feed/',
      title: 'The Crossroads Review',
      siteUrl: 'https://crossroads.example.org/',
    },
    { url: 'https://notes.example.com/rss?topic=sanctions&lang=en', title: 'Tracker & "Notes" <beta>' },
    { url: 'https://meridian.example.com/feed.json' },
  ];

  it('writes an OPML 2.0 file any reader can import', () => {
    const document = parseOpmlDocument(toOpml(feeds, 'Backstory feeds'));
    expect(document.head?.title).toBe('Backstory feeds');
    expect(document.body?.outlines?.map((outline) => [outline.type, outline.xmlUrl, outline.text])).toEqual([
      ['rss', 'https://crossroads.example.org/feed/', 'The Crossroads Review'],
      ['rss', 'https://notes.example.com/rss?topic=sanctions&lang=en', 'Tracker & "Notes" <beta>'],
      ['rss', 'https://meridian.example.com/feed.json', 'https://meridian.example.com/feed.json'],
    ]);
  });

  it('round-trips through parseOpml unchanged', () => {
    expect(parseOpml(toOpml(feeds, 'Backstory feeds'))).toEqual(feeds);
    const imported = parseOpml(subscriptions);
    expect(parseOpml(toOpml(imported, 'Again'))).toEqual(imported);
  });
});
