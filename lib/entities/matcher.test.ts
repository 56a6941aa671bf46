import { describe, expect, it } from 'vitest';
import { starterPack } from '../db/test-helpers';
import { Automaton } from './automaton';
import { aliasKey, fold, sourceSpan } from './fold';
import { EntityMatcher, matcherSteps, prepareLibrary, type MatchableEntity } from './matcher';
import { advance } from './steps';

const starter = new EntityMatcher(starterPack().entities);
const found = (matcher: EntityMatcher, text: string) =>
  matcher.mentions(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

const actor = (id: string, name: string, aliases: MatchableEntity['aliases'] = [], related: string[] = []) =>
  ({ id, kind: 'actor', name, aliases, related }) as MatchableEntity;

describe('fold', () => {
  it('folds case, diacritics, dashes, apostrophes, quotes and invisible characters', () => {
    expect(fold('Erdoğan').text).toBe('erdogan');
    expect(fold('Māori in Whangārei').text).toBe('maori in whangarei');
    expect(fold('al-Assad’s “regime”').text).toBe('al assad\'s "regime"');
    expect(fold('Staf\u00adfan  de\n\tMistura\u200b').text).toBe('staffan de mistura');
    expect(fold('İstanbul').text).toBe('istanbul');
  });

  it('maps every folded unit back to its source offset', () => {
    const source = 'Ba\u00adshar  al–Assad';
    const folded = fold(source);
    expect(folded.text).toBe('bashar al assad');
    const al = sourceSpan(source, folded, 7, 9);
    expect(source.slice(al.start, al.end)).toBe('al');
    const assad = sourceSpan(source, folded, 10, 15);
    expect(source.slice(assad.start, assad.end)).toBe('Assad');
    expect(folded.map[folded.text.length]).toBe(source.length);
  });

  it('keeps astral characters whole', () => {
    expect(fold('🇸🇾 Syria').text).toBe('🇸🇾 syria');
  });
});

describe('Automaton', () => {
  /** The keys (index, end) found walking `text` from its start, one symbol at a time. */
  const walk = (automaton: Automaton, text: string) => {
    const ends: Array<[number, number]> = [];
    let node = 0;
    for (let i = 0; i < text.length && node >= 0; i++) {
      const symbol = automaton.symbolOf[text.charCodeAt(i)]!;
      node = symbol < 0 ? -1 : automaton.next(node, symbol);
      if (node >= 0 && automaton.terminal[node]! >= 0) ends.push([automaton.terminal[node]!, i + 1]);
    }
    return ends;
  };

  it('finds every key that starts the text, and stops where no key goes on', () => {
    const automaton = new Automaton(['he', 'she', 'his', 'hers']);
    expect(walk(automaton, 'hers')).toEqual([
      [0, 2],
      [3, 4],
    ]);
    expect(walk(automaton, 'she sells')).toEqual([[1, 3]]);
    expect(walk(automaton, 'hx his')).toEqual([]);
    expect(automaton.symbolOf['x'.charCodeAt(0)]).toBe(-1);
  });

  it('walks nodes with dense rows and with child lists alike', () => {
    // "a" has five children (a dense row), "ab" one (a list).
    const keys = ['aa', 'aba', 'ac', 'ad', 'ae', 'b'];
    const automaton = new Automaton(keys);
    for (const [index, key] of keys.entries())
      expect(walk(automaton, key)).toContainEqual([index, key.length]);
    expect(walk(automaton, 'abb')).toEqual([]);
  });
});

describe('EntityMatcher on real sentences', () => {
  it('takes "Syrian President Bashar Assad" as one mention (seed digest, Ross)', () => {
    expect(
      found(
        starter,
        'He would have conveyed to us that he would stop Syrian President Bashar Assad from using barrel bombs',
      ),
    ).toEqual([['Syrian President Bashar Assad', 'bashar-al-assad']]);
  });

  it('matches possessives with curly apostrophes and hyphen variants (seed, Burns and Jeffrey)', () => {
    expect(
      found(starter, 'the Russia-Iran-Hezbollah axis supporting Bashar al-Assad’s brutal regime'),
    ).toEqual([
      ['Russia', 'russia'],
      ['Iran', 'iran'],
      ['Hezbollah', 'hezbollah'],
      ['Bashar al-Assad', 'bashar-al-assad'],
    ]);
    expect(found(starter, 'Bashar al Assad spoke')).toEqual([['Bashar al Assad', 'bashar-al-assad']]);
    expect(found(starter, "Putin’s plan and Putin's aim")).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
    ]);
  });

  it('takes "Islamic State group" whole, not "Islamic State" plus a stray word (seed, Zisser)', () => {
    expect(found(starter, 'under the guise of fighting the Islamic State group.')).toEqual([
      ['Islamic State group', 'islamic-state'],
    ]);
    // "the Assad regime" is matched without its article; one-word names keep theirs.
    expect(found(starter, 'the Assad regime')).toEqual([['Assad regime', 'bashar-al-assad']]);
    const towns = new EntityMatcher([actor('the-pas', 'The Pas'), actor('times', 'The Times')]);
    expect(found(towns, 'pas de deux; The Pas, Manitoba; as The Times reported')).toEqual([
      ['The Pas', 'the-pas'],
      ['The Times', 'times'],
    ]);
  });

  it('matches case-sensitive names only as written', () => {
    const text = 'Sunni-led governments in Turkey, Saudi Arabia, Qatar, the United Arab Emirates and Jordan';
    expect(found(starter, text).map(([, id]) => id)).toEqual([
      'turkey',
      'saudi-arabia',
      'qatar',
      'united-arab-emirates',
      'jordan',
    ]);
    expect(found(starter, 'a roast turkey and the river jordan')).toEqual([]);
    expect(found(starter, 'NATO ally')).toEqual([['NATO', 'nato']]);
  });

  it('keeps acronyms apart from ordinary words (CNN corpus page)', () => {
    const matcher = new EntityMatcher([
      actor('us', 'United States', [
        { text: 'U.S.', caseSensitive: true },
        { text: 'US', caseSensitive: true },
      ]),
    ]);
    expect(
      found(matcher, 'the birth lottery matters more in the U.S. than in most well-off countries'),
    ).toEqual([['U.S.', 'us']]);
    expect(found(matcher, 'it tells us that US policy')).toEqual([['US', 'us']]);
  });

  it('folds diacritics both ways (Guardian corpus page: Māori)', () => {
    const matcher = new EntityMatcher([
      actor('maori', 'Maori'),
      actor('erdogan', 'Recep Tayyip Erdoğan', [{ text: 'Erdogan' }]),
    ]);
    expect(found(matcher, 'the leading Māori whale expert')).toEqual([['Māori', 'maori']]);
    expect(found(matcher, 'Erdoğan and ERDOGAN')).toEqual([
      ['Erdoğan', 'erdogan'],
      ['ERDOGAN', 'erdogan'],
    ]);
  });

  it('matches whole words only', () => {
    const matcher = new EntityMatcher([
      actor('iran', 'Iran'),
      actor('yoon', 'Yoon Suk Yeol', [{ text: 'Yoon' }]),
    ]);
    expect(found(matcher, 'Iranian and Iran-backed, Iran’s')).toEqual([
      ['Iran', 'iran'],
      ['Iran', 'iran'],
    ]);
    // NBC corpus page (schema-org-context-object)
    expect(found(matcher, 'Seoul resident Margie Kim said after Yoon’s address.')).toEqual([
      ['Yoon', 'yoon'],
    ]);
  });

  it('counts an ambiguous surname only when the page names its entity or a related one', () => {
    const matcher = new EntityMatcher([
      actor('obama', 'Barack Obama', [{ text: 'Obama', ambiguous: true }, { text: 'President Obama' }]),
      actor('gun-control', 'Gun control', [], ['obama']),
      actor('kerry', 'John Kerry', [{ text: 'Kerry', ambiguous: true }]),
      actor('kerry-county', 'County Kerry', [{ text: 'Kerry', ambiguous: true }], ['ireland']),
      actor('ireland', 'Ireland'),
    ]);
    // BBC corpus page: "Mr Obama" alone is not enough; with "President Obama" it is.
    expect(found(matcher, 'In an interview with the BBC, Mr Obama said it was "distressing"')).toEqual([]);
    expect(found(matcher, 'President Obama spoke. Later Mr Obama said')).toEqual([
      ['President Obama', 'obama'],
      ['Obama', 'obama'],
    ]);
    // A related entity gives context; a word shared by two entities goes to the one with context.
    expect(found(matcher, 'Gun control is back. Obama said')).toEqual([
      ['Gun control', 'gun-control'],
      ['Obama', 'obama'],
    ]);
    expect(found(matcher, 'Kerry in Ireland')).toEqual([
      ['Kerry', 'kerry-county'],
      ['Ireland', 'ireland'],
    ]);
    expect(found(matcher, 'John Kerry flew to Geneva; Kerry said')).toEqual([
      ['John Kerry', 'kerry'],
      ['Kerry', 'kerry'],
    ]);
  });

  it('makes a word shared by two entities ambiguous even when neither marks it', () => {
    const matcher = new EntityMatcher([
      actor('a', 'Hope', [{ text: 'Hope' }]),
      actor('b', 'Hope Project', [{ text: 'Hope' }]),
    ]);
    expect(found(matcher, 'Hope springs')).toEqual([]);
  });

  it('respects aliases the reader hid', () => {
    const matcher = new EntityMatcher(starterPack().entities, [
      { entityId: 'vladimir-putin', alias: 'putin' },
    ]);
    expect(found(matcher, 'Putin and Vladimir Putin')).toEqual([['Vladimir Putin', 'vladimir-putin']]);
  });

  it('builds the same matcher from a library prepared apart (hidden aliases and relations kept)', () => {
    const entities = [
      actor('obama', 'Barack Obama', [{ text: 'Obama', ambiguous: true }]),
      actor('gun-control', 'Gun control', [], ['obama']),
      ...starterPack().entities,
    ];
    const hidden = [{ entityId: 'vladimir-putin', alias: 'Putin' }];
    const library = prepareLibrary(entities, hidden);
    expect(library.keys).toEqual([...library.keys].sort());
    const text = 'Gun control is back. Obama said Putin and Vladimir Putin met Bashar al-Assad.';
    expect(found(new EntityMatcher(library), text)).toEqual(found(new EntityMatcher(entities, hidden), text));
    expect(found(new EntityMatcher(library), text)).toEqual([
      ['Gun control', 'gun-control'],
      ['Obama', 'obama'],
      ['Vladimir Putin', 'vladimir-putin'],
      ['Bashar al-Assad', 'bashar-al-assad'],
    ]);
  });

  it('builds in steps that a page can pause between, to the same matcher', () => {
    const entities = [
      ...starterPack().entities,
      ...Array.from({ length: 2500 }, (_, i) => actor(`city-${i}`, `Testville ${i}`)),
    ];
    const steps = matcherSteps(entities);
    let pauses = 0;
    let step = advance(steps, 0);
    for (; !step.done; step = advance(steps, 0)) pauses++;
    // Folding: between three slices of up to a thousand entities (2), then before the sort and the
    // owners (2); before the trie (1); the trie: after reading symbols, after sorting, after
    // inserting (3); after the trie (1).
    expect(pauses).toBe(9);
    const text = 'Bashar al-Assad flew to Testville 2042 and then to Testville 7.';
    expect(found(step.value, text)).toEqual(found(new EntityMatcher(entities), text));
    expect(found(step.value, text).map(([, id]) => id)).toEqual(['bashar-al-assad', 'city-2042', 'city-7']);
    expect(advance(matcherSteps(entities)).done).toBe(true);
  });

  it('finds nothing in text without names, and handles empty input', () => {
    expect(found(starter, '')).toEqual([]);
    expect(found(starter, 'The weather in the valley was mild for the season.')).toEqual([]);
  });

  it('reads names across invisible characters, white space runs, emoji and Hangul', () => {
    const matcher = new EntityMatcher([
      actor('mistura', 'Staffan de Mistura'),
      actor('seoul', '서울 특별시'),
      actor('syria', 'Syria'),
    ]);
    expect(found(matcher, 'Staf\u00adfan  de\n\tMistura\u200b said')).toEqual([
      ['Staf\u00adfan  de\n\tMistura', 'mistura'],
    ]);
    // Text the scan cannot fold unit by unit is folded first; offsets still point into the source.
    expect(found(matcher, '🇸🇾 Syria, 서울  특별시 and Syria')).toEqual([
      ['Syria', 'syria'],
      ['서울  특별시', 'seoul'],
      ['Syria', 'syria'],
    ]);
  });

  it('matches names that start with punctuation, and names that share a first word', () => {
    const matcher = new EntityMatcher([
      actor('heerenberg', "'s-Heerenberg"),
      actor('york', 'New York'),
      actor('delhi', 'New Delhi'),
      actor('new', 'New'),
    ]);
    expect(found(matcher, "From 's-Heerenberg to New Delhi, New York and New Zealand.")).toEqual([
      ["'s-Heerenberg", 'heerenberg'],
      ['New Delhi', 'delhi'],
      ['New York', 'york'],
      ['New', 'new'],
    ]);
    expect(found(matcher, "it's Heerenberg")).toEqual([]);
  });

  it('finds names of several words only where their first two words are, whatever lies between', () => {
    // No key is "New" alone here: the first word is looked up with the word after it.
    const matcher = new EntityMatcher([
      actor('york', 'New York City'),
      actor('us', 'U.S. Navy'),
      actor('assad', 'Bashar al-Assad'),
      actor('city', 'York'),
    ]);
    expect(
      found(
        matcher,
        'New rules: New\u00ad  York City, new\nyork city, the U.S. Navy, Bashar al\u2013Assad, Bashar Assad; New, York.',
      ),
    ).toEqual([
      ['New\u00ad  York City', 'york'],
      ['new\nyork city', 'york'],
      ['U.S. Navy', 'us'],
      ['Bashar al\u2013Assad', 'assad'],
      ['York', 'city'],
    ]);
    // Where the second word does not go on to a name, the walk from the first finds nothing and the
    // second word is still read for itself.
    expect(found(matcher, 'New York Times')).toEqual([['York', 'city']]);
  });

  it('builds one key per alias form', () => {
    expect(aliasKey('  Staffan   de-Mistura ')).toBe('staffan de mistura');
    expect(starter.aliasCount).toBeGreaterThan(150);
  });
});
