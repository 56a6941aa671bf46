import { describe, expect, it } from 'vitest';
import { createReadingSearch, type ReadingSearchDocument } from './search';

const DOCS: ReadingSearchDocument[] = [
  {
    id: 'a-1',
    title: 'Harbour talks stall over grain quotas',
    byline: 'Mira Castellano',
    siteName: 'Example News',
    excerpt: 'Three rounds and no agreement.',
    text: 'Delegates left the harbour without a deal. The quartermaster said the convoy would wait.',
    tags: ['politics', 'longread'],
    status: 'unread',
  },
  {
    id: 'a-2',
    title: 'Grain prices and the winter',
    text: 'Bakers expect higher prices. A caf\u00e9 owner in the old town shrugged.',
    tags: ['economy'],
    status: 'archived',
  },
  {
    id: 'a-3',
    title: 'What satellite images show about the harbour',
    text: 'New images show ships queueing outside the harbour for a week.',
    tags: ['politics', 'science'],
    status: 'read',
  },
];

async function searchWith(docs = DOCS) {
  const search = createReadingSearch();
  await search.addAll(docs);
  return search;
}

describe('createReadingSearch', () => {
  it('finds an article by a word that appears only in its body', async () => {
    expect((await searchWith()).search('quartermaster')).toEqual(['a-1']);
  });

  it('ranks a title match above a body match', async () => {
    // "satellite" is in a-3's title; a body-only mention is added to check the order.
    const search = await searchWith([
      ...DOCS,
      { id: 'a-4', title: 'Weather', text: 'A satellite saw the storm.', tags: [], status: 'unread' },
    ]);
    expect(search.search('satellite')).toEqual(['a-3', 'a-4']);
  });

  it('searches byline, site name, excerpt and tags', async () => {
    const search = await searchWith();
    expect(search.search('castellano')).toEqual(['a-1']);
    expect(search.search('example news')).toEqual(['a-1']);
    expect(search.search('agreement')).toEqual(['a-1']);
    expect(search.search('science')).toEqual(['a-3']);
  });

  it('needs every word of the query', async () => {
    expect((await searchWith()).search('harbour images')).toEqual(['a-3']);
  });

  it('matches prefixes and typos of words of four letters or more, ignoring case and accents', async () => {
    const search = await searchWith();
    expect(search.search('quarterm')).toEqual(['a-1']);
    expect(search.search('satelite')).toEqual(['a-3']);
    expect(search.search('CAFE')).toEqual(['a-2']);
  });

  it('matches short words only whole', async () => {
    const search = await searchWith([
      { id: 'x', title: 'On the town', text: 'town', tags: [], status: 'unread' },
      { id: 'y', title: 'Towns', text: 'tow', tags: [], status: 'unread' },
    ]);
    expect(search.search('tow')).toEqual(['y']);
  });

  it('filters by status and by tag', async () => {
    const search = await searchWith();
    expect(search.search('harbour').sort()).toEqual(['a-1', 'a-3']);
    expect(search.search('harbour', { status: 'read' })).toEqual(['a-3']);
    expect(search.search('harbour', { tag: 'longread' })).toEqual(['a-1']);
    expect(search.search('harbour', { tag: 'long' })).toEqual([]);
    expect(search.search('harbour', { status: 'archived', tag: 'politics' })).toEqual([]);
  });

  it('returns nothing for a blank query', async () => {
    expect((await searchWith()).search('  ')).toEqual([]);
  });

  it('adds, replaces and removes documents', async () => {
    const search = await searchWith();
    search.add({ id: 'a-5', title: 'Lighthouse keepers', text: 'Night shifts.', tags: [], status: 'unread' });
    expect(search.search('lighthouse')).toEqual(['a-5']);

    search.replace({ id: 'a-5', title: 'Ferry crews', text: 'Night shifts.', tags: [], status: 'read' });
    expect(search.search('lighthouse')).toEqual([]);
    expect(search.search('ferry', { status: 'read' })).toEqual(['a-5']);
    search.replace({ id: 'a-6', title: 'Ferry timetables', text: '', tags: [], status: 'unread' });
    expect(search.search('ferry').sort()).toEqual(['a-5', 'a-6']);

    search.remove('a-5');
    search.remove('no-such-id');
    expect(search.search('ferry')).toEqual(['a-6']);
    expect(() => search.add(DOCS[0]!)).toThrow();
  });

  it('indexes many documents a chunk at a time, letting other work run in between', async () => {
    const many = Array.from({ length: 500 }, (_, index): ReadingSearchDocument => ({
      id: `m-${index}`,
      title: `Dispatch ${index}`,
      text: 'Harbour pilots and lighthouse keepers. '.repeat(20),
      tags: [],
      status: 'unread',
    }));
    const search = createReadingSearch();
    let ranMeanwhile = false;
    setTimeout(() => (ranMeanwhile = true), 0);
    const indexing = search.addAll(many);
    expect(search.search('dispatch')).not.toHaveLength(many.length);
    await indexing;
    expect(ranMeanwhile).toBe(true);
    expect(search.search('dispatch')).toHaveLength(many.length);
  });

  it('saves to plain data and loads it back', async () => {
    const saved = JSON.parse(JSON.stringify(await searchWith())) as unknown;
    const restored = createReadingSearch();
    expect(restored.load(saved)).toBe(true);
    expect(restored.search('quartermaster')).toEqual(['a-1']);
    expect(restored.search('harbour', { tag: 'science' })).toEqual(['a-3']);
  });

  it('refuses an index saved by another version and keeps its own', async () => {
    const search = await searchWith();
    const saved = search.toJSON();
    expect(search.load({ ...saved, version: saved.version + 1 })).toBe(false);
    expect(search.load('garbage')).toBe(false);
    expect(search.search('quartermaster')).toEqual(['a-1']);
  });
});

/** Made-up words from syllables: a vocabulary of 4,000 that no query can luck into. */
function vocabulary(size: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'shor', 'pel', 'dri', 'nem', 'zo', 'bak'];
  return Array.from({ length: size }, (_, index) => {
    let word = '';
    for (let n = index + syllables.length; n > 0; n = Math.floor(n / syllables.length)) {
      word += syllables[n % syllables.length];
    }
    return word;
  });
}

describe('a reading list of 10,000 articles', () => {
  it('answers in under 100 ms (median of 20 queries)', { timeout: 300_000 }, async () => {
    const words = vocabulary(4000);
    let state = 42;
    // Word frequencies skewed like a real language (a few common words, a long tail).
    const word = () => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return words[Math.floor((state / 0x1_0000_0000) ** 3 * words.length)]!;
    };
    const sentence = (length: number) => Array.from({ length }, word).join(' ');
    const docs = Array.from({ length: 10_000 }, (_, index): ReadingSearchDocument => ({
      id: `a-${index}`,
      title: sentence(8),
      excerpt: sentence(25),
      text: sentence(300),
      tags: [words[index % 20]!],
      status: index % 3 === 0 ? 'archived' : 'unread',
    }));
    const search = createReadingSearch();
    const indexStart = performance.now();
    await search.addAll(docs);
    const indexMs = performance.now() - indexStart;

    const queries = Array.from({ length: 20 }, (_, i) =>
      // Common and rare words, one or two per query, some cut short (prefix) or misspelt (fuzzy).
      i % 4 === 0
        ? `${word()} ${word()}`
        : i % 4 === 1
          ? word().slice(0, 5)
          : i % 4 === 2
            ? `${word()}x`
            : word(),
    );
    const timings = queries.map((query, i) => {
      const start = performance.now();
      search.search(query, i % 2 ? {} : { status: 'unread' });
      return performance.now() - start;
    });
    timings.sort((a, b) => a - b);
    const median = timings[10]!;
    console.info(
      `reading search: indexed 10,000 docs in ${Math.round(indexMs)} ms; ` +
        `query median ${median.toFixed(1)} ms, max ${timings[19]!.toFixed(1)} ms`,
    );
    expect(search.search(docs[1234]!.title)).toContain('a-1234');
    expect(median).toBeLessThan(100);
  });
});
