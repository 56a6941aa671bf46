/**
 * The packaged lexicons discovery reads (public/discovery-lexicon.json, written by
 * scripts/build-lexicon.mjs), compiled once into lookups keyed by folded text.
 */
import { aliasKey } from '../entities/fold';
import { ALIAS_SETS, FAITHS, MULTIWORD_TITLES, NEVER_NAMES, TITLE_WORDS, WORLD_REGIONS } from './cues';

/** The file's shape. */
export interface LexiconData {
  states: Array<{
    name: string;
    code: string;
    sovereign: boolean;
    names: string[];
    translations: string[];
    demonyms: string[];
    capitals: string[];
  }>;
  cities: string[];
  regions: string[];
  givenNames: string[];
  surnames: string[];
  honorifics: string[];
  roles: string[];
  organisations: string[];
  demonyms: string[];
  commonWords: string[];
}

export interface KnownName {
  /** The entity's name ("Syria" for "Syrie"). */
  name: string;
  category: 'state' | 'place' | 'organisation' | 'group';
  /** Every form it goes by (for a state: its names in every language the lexicon carries). */
  forms: string[];
}

export class Lexicon {
  /** Folded form → the known entity it names. */
  readonly known = new Map<string, KnownName>();
  readonly givenNames: Set<string>;
  readonly surnames: Set<string>;
  /** Folded one-word titles and honorifics. */
  readonly titles: Set<string>;
  /** Folded titles of several words, longest first. */
  readonly multiwordTitles: string[][];
  /** The same, joined ("attorney general"), for titles written as one hyphenated word. */
  readonly hyphenatedTitles: Set<string>;
  readonly demonyms: Set<string>;
  readonly commonWords: Set<string>;
  readonly neverNames: Set<string>;
  /** Faiths and ideologies, cut from the front of a name. */
  readonly faiths: Set<string>;
  /** Folded demonym → the state's name ("syrian" → "Syria"). */
  readonly demonymState = new Map<string, string>();

  constructor(data: LexiconData) {
    for (const set of ALIAS_SETS) {
      this.add({ name: set.names[0]!, category: set.category, forms: set.names });
    }
    for (const state of data.states) {
      const entry: KnownName = {
        name: state.name,
        category: state.sovereign ? 'state' : 'place',
        forms: [...new Set([state.name, ...state.names, ...state.translations])],
      };
      this.add(entry);
      for (const demonym of state.demonyms) this.demonymState.set(aliasKey(demonym), state.name);
    }
    for (const region of WORLD_REGIONS) this.add({ name: region, category: 'place', forms: [region] });
    for (const city of data.cities) this.add({ name: city, category: 'place', forms: [city] });
    for (const region of data.regions) this.add({ name: region, category: 'place', forms: [region] });
    for (const organisation of data.organisations) {
      // compromise's list is lower-case: an acronym there ("bbc") is written in capitals.
      const name =
        /^[a-z]{2,5}$/.test(organisation) && !organisation.includes(' ')
          ? organisation.toUpperCase()
          : titleCase(organisation);
      this.add({ name, category: 'organisation', forms: [name] });
    }
    this.givenNames = new Set(data.givenNames.map(nameKey));
    this.surnames = new Set(data.surnames.map(nameKey));
    this.titles = new Set(
      [...data.honorifics, ...data.roles, ...TITLE_WORDS]
        .filter((t) => !t.includes(' '))
        .map((t) => aliasKey(t)),
    );
    this.multiwordTitles = [...MULTIWORD_TITLES, ...data.honorifics.filter((t) => t.includes(' '))]
      .map((t) => aliasKey(t).split(' '))
      .sort((a, b) => b.length - a.length);
    this.hyphenatedTitles = new Set(this.multiwordTitles.map((words) => words.join(' ')));
    this.demonyms = new Set(data.demonyms.map((d) => aliasKey(d)));
    this.commonWords = new Set(data.commonWords);
    this.neverNames = new Set([...NEVER_NAMES, ...FAITHS]);
    this.faiths = new Set(FAITHS);
  }

  /** The first entry wins: alias sets, then states, then cities, then organisations. */
  private add(entry: KnownName): void {
    for (const form of entry.forms) {
      const key = aliasKey(form);
      if (!this.known.has(key)) this.known.set(key, entry);
    }
  }

  lookup(name: string): KnownName | undefined {
    return this.known.get(aliasKey(name));
  }
}

/** `aliasKey` of a one-word name: plain letters fold by lower-casing (40,000 of them, at start-up). */
const nameKey = (name: string) => (/^[A-Za-z]+$/.test(name) ? name.toLowerCase() : aliasKey(name));

function titleCase(text: string): string {
  return text.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}
