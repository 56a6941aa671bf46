/**
 * Names an article mentions that the library does not know yet (people, organisations, places),
 * found by the `compromise` NLP library and proposed to the reader, never added silently.
 *
 * compromise is large: only this file imports it, so only extension pages that extract pages load it.
 */

import nlp from 'compromise';
import type { CandidateEntity } from '../model/extract';
import { aliasKey } from '../entities/fold';

const MAX_CANDIDATES = 25;

type Category = CandidateEntity['category'];

interface Tally {
  count: number;
  /** Each spelling seen and how often. */
  forms: Map<string, number>;
  /** The folded keys of this name and of the first names or surnames merged into it. */
  keys: Set<string>;
  categories: Map<Category, number>;
}

/** Job titles compromise does not tag as honorifics but that often stand before a name. */
const LEADING_ROLE =
  /^(?:(?:Prime|Foreign|Defence|Defense|Finance|Interior|Deputy|Vice|Chief|Former|Acting)\s+)*(?:Minister|President|Premier|Chancellor|Commissioner|Secretary|Senator|Governor|Mayor|Judge|Justice|General|Colonel|Captain|Admiral|Ambassador|Professor|King|Queen|Prince|Princess|Pope|Writer|Reporter|Spokesman|Spokeswoman|Leader)\s+(?=\p{Lu})/u;

/**
 * The names in one mention: split where compromise ran several together ("Baikonur, Kazakhstan",
 * "AP/Getty Images"), each without possessive, surrounding punctuation, a leading "the" or job
 * title ("the BBC's," → "BBC", "Minister Lee" → "Lee"). A dotted acronym keeps its final full stop.
 */
function namesIn(mention: string): string[] {
  return mention.split(/\s*[,;/|]\s*/).map((part) => {
    let name = part
      .replace(/\s+/g, ' ')
      .replace(/^[\s\p{P}]+/u, '')
      .replace(/[\s\p{P}]+$/u, '')
      .replace(/['’]s$/u, '')
      .replace(/^the\s+/i, '')
      .replace(LEADING_ROLE, '');
    if (/(?:^|\P{L})(?:\p{Lu}\.)+\p{Lu}$/u.test(name)) name += '.';
    return name;
  });
}

function mostFrequent<T>(counts: Map<T, number>, tieBreak: (a: T, b: T) => number): T {
  return [...counts].sort((a, b) => b[1] - a[1] || tieBreak(a[0], b[0]))[0]![0];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Counts every name compromise finds in `text`, keyed by its folded form. */
function tallyNames(text: string): Map<string, Tally> {
  const doc = nlp(text);
  const views: [Category, string[]][] = [
    // Titles are not part of a name: "President Barack Obama" and "Mr Obama" are Barack Obama.
    ['person', doc.people().not('#Honorific').out('array') as string[]],
    ['organisation', doc.organizations().out('array') as string[]],
    ['place', doc.places().out('array') as string[]],
  ];
  const tallies = new Map<string, Tally>();
  for (const [category, mentions] of views) {
    for (const name of mentions.flatMap(namesIn)) {
      // Names start with a capital letter (compromise sometimes tags "president" on its own) and
      // hold no brackets ("Kauri (Te Kaurinui Robert) Parata" is two spellings run together).
      if (name.length < 2 || !/^\p{Lu}/u.test(name) || /[()[\]]/.test(name)) continue;
      const key = aliasKey(name);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { count: 0, forms: new Map(), keys: new Set([key]), categories: new Map() };
        tallies.set(key, tally);
      }
      tally.count++;
      tally.forms.set(name, (tally.forms.get(name) ?? 0) + 1);
      tally.categories.set(category, (tally.categories.get(category) ?? 0) + 1);
    }
  }
  return tallies;
}

/**
 * A one-word person name joins the single longer person name that starts or ends with it ("Obama"
 * → "Barack Obama"); one that matches no such name and is named once is too little to propose.
 */
function mergePartialNames(tallies: Map<string, Tally>): void {
  for (const [key, tally] of tallies) {
    if (key.includes(' ') || !tally.categories.has('person')) continue;
    const fuller = [...tallies].filter(
      ([other, otherTally]) =>
        (other.endsWith(` ${key}`) || other.startsWith(`${key} `)) && otherTally.categories.has('person'),
    );
    if (fuller.length === 1) {
      const target = fuller[0]![1];
      target.count += tally.count;
      for (const merged of tally.keys) target.keys.add(merged);
      for (const [category, count] of tally.categories) {
        target.categories.set(category, (target.categories.get(category) ?? 0) + count);
      }
      tallies.delete(key);
    } else if (fuller.length === 0 && tally.count === 1 && tally.categories.size === 1) {
      tallies.delete(key);
    }
  }
}

/**
 * Proposes the people, organisations and places `text` names that are not in `knownNames` (the
 * library's entity names and aliases, compared folded: case, accents and possessives do not matter).
 * A lone first name or surname counts towards the one full name it belongs to ("Obama" → "Barack
 * Obama"). Sorted by how often each is named, then by name; at most 25.
 */
export function proposeCandidates(text: string, knownNames: Iterable<string>): CandidateEntity[] {
  const known = new Set<string>();
  for (const name of knownNames) known.add(aliasKey(name));

  const tallies = tallyNames(text);
  mergePartialNames(tallies);

  const candidates: CandidateEntity[] = [];
  for (const tally of tallies.values()) {
    if ([...tally.keys].some((key) => known.has(key))) continue;
    candidates.push({
      // The usual spelling; on a tie the longer, then the first in code-point order.
      name: mostFrequent(tally.forms, (a, b) => b.length - a.length || byName(a, b)),
      category: mostFrequent(tally.categories, byName),
      count: tally.count,
    });
  }
  return candidates.sort((a, b) => b.count - a.count || byName(a.name, b.name)).slice(0, MAX_CANDIDATES);
}
