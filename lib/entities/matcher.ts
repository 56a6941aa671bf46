/**
 * Finds mentions of the library's actors and events in text, by the rules of docs/matching.md:
 * whole words, folded case and diacritics (except case-sensitive aliases), leftmost-longest and
 * non-overlapping, ambiguous aliases only with context, hidden aliases skipped.
 */
import type { Alias, EntityKind } from '../model/schema';
import { Automaton } from './automaton';
import { aliasKey, fold, FOLD_COMPLEX, FOLD_DROPPED, foldCodeUnit, isWordCode } from './fold';
import { finish, type Steps } from './steps';

/** What the matcher needs of an entity. */
export interface MatchableEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: readonly Alias[];
  related: readonly string[];
}

/** An alias the reader hid ("Not this"), already narrowed to the current site. */
export interface HiddenAlias {
  entityId: string;
  /** The alias text as shown; compared folded. */
  alias: string;
}

/** One entity that an alias may stand for. */
export interface AliasOwner {
  entityId: string;
  caseSensitive: boolean;
  /** Marked ambiguous, or shared with another entity. */
  ambiguous: boolean;
  /** The alias folded without lower-casing, for case-sensitive checks (empty when case-free). */
  casedKey: string;
}

/** A place in a text where an alias occurs; `start`/`end` are offsets in the source text. */
export interface Candidate {
  start: number;
  end: number;
  owners: AliasOwner[];
}

/** A candidate whose entity is decided. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

/**
 * The matching key of an alias: folded, and without a leading "the" before a name of two or more
 * words (so "the Assad regime" cannot steal the start of "the Islamic State group"; the highlight
 * covers the name). One-word names keep it: "The Pas" is a town, "The Times" a paper.
 */
export function matchKey(alias: string, lower = true): string {
  const key = aliasKey(alias, lower);
  const rest = key.replace(/^(?:the|The|THE) /, '');
  return rest !== key && rest.includes(' ') ? rest : key;
}

/**
 * How the scan sees a code unit (`EntityMatcher.classify`), in the bits of one number: its kind
 * (KIND), whether its fold is part of a word or a space, and its fold's trie symbol + 1 (0 when no
 * key has it) from SYMBOL_SHIFT up.
 */
const KIND = 3;
/** Kinds: folds to one unit; folds to nothing; cannot be folded alone (see FOLD_COMPLEX). */
const PLAIN = 1;
const DROPPED = 2;
const COMPLEX = 3;
const WORD_UNIT = 4;
const SPACE_UNIT = 8;
const SYMBOL_SHIFT = 4;
const FIRST_SYMBOL = 1 << SYMBOL_SHIFT;
/** The word filters (`EntityMatcher.walkWords` and others): 2^18 bits each, 2^13 words of 32. */
const FILTER_SHIFT = 32 - 18;
const FILTER_WORDS = 1 << (32 - FILTER_SHIFT - 5);

/** A word filter's bit for a word hash (its symbols rotated in, mixed here once per word). */
function filterBit(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> FILTER_SHIFT;
}

/** The hash of two words in a row, for `pairWords`. */
function pairHash(first: number, second: number): number {
  return Math.imul(first, 0x85ebca6b) ^ second;
}

/** A library ready for `EntityMatcher`: see `prepareLibrary`. */
export interface PreparedLibrary {
  /** The aliases' matching keys, each once, in code-unit order (the trie is built in that order). */
  keys: string[];
  /** The owners of each key. */
  owners: AliasOwner[][];
  /** Entity id → ids it is related to, in both directions. */
  context: Map<string, Set<string>>;
}

const isPrepared = (library: readonly MatchableEntity[] | PreparedLibrary): library is PreparedLibrary =>
  !Array.isArray(library);

/** Entities folded between two pauses of `matcherSteps` (a few ms of work). */
const ENTITIES_PER_STEP = 1000;

/**
 * The first half of building an `EntityMatcher`: every alias of every entity folded to its key (the
 * reader's hidden ones left out), owners grouped by key, keys sorted, relations both ways.
 */
export function prepareLibrary(
  entities: readonly MatchableEntity[],
  hidden: readonly HiddenAlias[] = [],
): PreparedLibrary {
  return finish(prepareSteps(entities, hidden));
}

/**
 * Builds an `EntityMatcher` in steps of a few milliseconds each (pausing at every `yield`), so that a
 * page can build a large library between its own tasks: a thousand entities' aliases folded per step,
 * then the keys sorted, then the trie (`Automaton.steps`).
 */
export function* matcherSteps(
  entities: readonly MatchableEntity[],
  hidden: readonly HiddenAlias[] = [],
): Steps<EntityMatcher> {
  const library = yield* prepareSteps(entities, hidden);
  yield;
  const automaton = yield* Automaton.steps(library.keys);
  yield;
  // The hidden aliases are out of the prepared library already.
  return new EntityMatcher(library, [], automaton);
}

function* prepareSteps(
  entities: readonly MatchableEntity[],
  hidden: readonly HiddenAlias[],
): Steps<PreparedLibrary> {
  const hiddenKeys = new Set(hidden.map((h) => `${h.entityId}\u0000${matchKey(h.alias)}`));
  const byKey = new Map<string, AliasOwner[]>();
  const context = new Map<string, Set<string>>();
  const relate = (from: string, to: string) => {
    const set = context.get(from) ?? new Set<string>();
    set.add(to);
    context.set(from, set);
  };
  for (let index = 0; index < entities.length; index++) {
    if (index > 0 && index % ENTITIES_PER_STEP === 0) yield;
    const entity = entities[index]!;
    // The name is an alias too, unless an alias spells it out with its own rules ("Turkey").
    const forms: Alias[] = entity.aliases.some((a) => a.text === entity.name)
      ? [...entity.aliases]
      : [{ text: entity.name }, ...entity.aliases];
    for (const alias of forms) {
      const key = matchKey(alias.text);
      if (!key || hiddenKeys.has(`${entity.id}\u0000${key}`)) continue;
      const list = byKey.get(key) ?? [];
      if (list.some((o) => o.entityId === entity.id && o.caseSensitive === !!alias.caseSensitive)) continue;
      list.push({
        entityId: entity.id,
        caseSensitive: !!alias.caseSensitive,
        ambiguous: !!alias.ambiguous,
        casedKey: alias.caseSensitive ? matchKey(alias.text, false) : '',
      });
      byKey.set(key, list);
    }
    for (const other of entity.related) {
      relate(entity.id, other);
      relate(other, entity.id);
    }
  }
  yield;
  const keys = [...byKey.keys()].sort();
  yield;
  const owners = keys.map((key) => {
    const list = byKey.get(key)!;
    // A word shared by two entities is ambiguous for both.
    const shared = list.length > 1 && list.some((o) => o.entityId !== list[0]!.entityId);
    return shared ? list.map((o) => ({ ...o, ambiguous: true })) : list;
  });
  return { keys, owners, context };
}

export class EntityMatcher {
  private readonly automaton: Automaton;
  private readonly owners: AliasOwner[][];
  /** Per key: 1 when an owner is case-sensitive (its candidates are checked against the source). */
  private readonly caseChecked: Uint8Array;
  /** How `scan` treats each code unit of page text (`classify`); 0 until first seen. */
  private readonly sourceClasses = new Int32Array(0x10000);
  /** The same for text that is folded already (`fold`'s output, for text the scan cannot fold). */
  private readonly foldedClasses = new Int32Array(0x10000);
  /**
   * Filters on word hashes (`filterBit`) that decide where the trie is walked; a word that sets none
   * of their bits starts no key, and most words of a page start none. `walkWords`: first words of
   * keys that are one word, or whose first word is not followed by a space and a word ("U.S.").
   * `pairFirst`: first words of the other keys, which start with two words ("Bashar Assad"), and
   * `pairWords` their first two words: so "New" in "New rules" is not walked from, though "New
   * York" starts a key.
   */
  private readonly walkWords = new Int32Array(FILTER_WORDS);
  private readonly pairFirst = new Int32Array(FILTER_WORDS);
  private readonly pairWords = new Int32Array(FILTER_WORDS);
  /** Where `starts` found that keys may start (reused from call to call). */
  private positions: Int32Array = new Int32Array(1024);
  /** The owners of what the last successful `walk` found. */
  private walkOwners: AliasOwner[] = [];
  /** Entity id → ids it is related to, in both directions. */
  private readonly context: Map<string, Set<string>>;
  readonly aliasCount: number;

  /**
   * A matcher for a library, or for one prepared apart (`matcherSteps` prepares it in steps first, so
   * that a page can build a large library between its own tasks).
   */
  constructor(
    library: readonly MatchableEntity[] | PreparedLibrary,
    hidden: readonly HiddenAlias[] = [],
    /** The trie of a prepared library's keys, when built apart (`matcherSteps`). */
    automaton?: Automaton,
  ) {
    const { keys, owners, context } = isPrepared(library) ? library : prepareLibrary(library, hidden);
    this.owners = owners;
    this.context = context;
    this.caseChecked = Uint8Array.from(owners, (list) => (list.some((o) => o.caseSensitive) ? 1 : 0));
    this.aliasCount = keys.length;
    this.automaton = automaton ?? new Automaton(keys);
    for (const key of keys) this.addToFilters(key);
  }

  /** Notes a key that starts with a word in the word filters (`walkWords`, `pairFirst`, `pairWords`). */
  private addToFilters(key: string) {
    const { symbolOf } = this.automaton;
    if (!isWordCode(key.charCodeAt(0))) return;
    // The hashes of the first word and (after one space) the second, as `starts` computes them.
    let first = 0;
    let at = 0;
    for (; at < key.length && isWordCode(key.charCodeAt(at)); at++) {
      first = ((first << 5) | (first >>> 27)) ^ (symbolOf[key.charCodeAt(at)]! + 1);
    }
    let filter = this.walkWords;
    let bit = filterBit(first);
    if (key.charCodeAt(at) === 0x20 && isWordCode(key.charCodeAt(at + 1))) {
      let second = 0;
      for (at++; at < key.length && isWordCode(key.charCodeAt(at)); at++) {
        second = ((second << 5) | (second >>> 27)) ^ (symbolOf[key.charCodeAt(at)]! + 1);
      }
      this.pairFirst[bit >>> 5]! |= 1 << (bit & 31);
      filter = this.pairWords;
      bit = filterBit(pairHash(first, second));
    }
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }

  /**
   * Alias occurrences in `text`: whole words, case rules applied, leftmost-longest, non-overlapping.
   * Folds as it goes; text with units that cannot be folded one at a time (surrogate pairs, Hangul
   * syllables) is folded first, then scanned the same way.
   */
  find(text: string): Candidate[] {
    // Page text comes from the DOM as external strings, which V8's mid-tier compiler (Maglev) reads
    // a unit at a time through a runtime call: scan a sequential copy (one native copy) instead.
    const copy = (text + ' ').slice(0, -1);
    const direct = this.scan(copy, copy, this.sourceClasses, null);
    if (direct) return direct;
    const folded = fold(text);
    return this.scan(folded.text, text, this.foldedClasses, folded.map)!;
  }

  /**
   * The scan behind `find`, over `haystack`: `text` itself (folded unit by unit through
   * `sourceClasses`; null when a unit cannot be), or its fold (`foldedClasses`, `map` to `text`).
   * First `starts` finds where a key may start; then the trie is walked from each of those places
   * that no earlier match covers.
   */
  private scan(haystack: string, text: string, classes: Int32Array, map: Uint32Array | null) {
    const count = this.starts(haystack, classes);
    if (count < 0) return null;
    const positions = this.positions;
    const taken: Candidate[] = [];
    let resume = 0;
    for (let i = 0; i < count; i++) {
      const from = positions[i]!;
      // Nothing overlaps what was taken.
      if (from < resume) continue;
      const last = this.walk(haystack, text, classes, map, from);
      if (last === -2) return null;
      if (last >= 0) {
        const { start, end } = this.span(text, map, from, last);
        taken.push({ start, end, owners: this.walkOwners });
        resume = last + 1;
      }
    }
    return taken;
  }

  /**
   * Where in `haystack` a key may start, into `positions`; returns how many, or -1 when a unit
   * cannot be folded alone. A match starts where a word can (at the start, or after a unit that is
   * not part of a word) and ends where one does. So a key that starts with a word matches only where
   * the text has the same first word (and, for most keys of several words, the same second word):
   * each word of the text is hashed as it is read and looked up in the word filters. A key that
   * starts with punctuation may start wherever that punctuation can start a match. A small loop of
   * its own, so the JIT compiles it early.
   */
  private starts(haystack: string, classes: Int32Array): number {
    const { denseNext } = this.automaton;
    const { walkWords, pairFirst, pairWords } = this;
    const length = haystack.length;
    let positions = this.positions;
    let count = 0;
    let wordBefore = false;
    // A word that may start a key of two words or more, while only white space follows it.
    let pairFrom = -1;
    let pairStart = 0;
    let at = 0;
    while (at < length) {
      let unit = classes[haystack.charCodeAt(at)]!;
      if (unit === 0) unit = this.classify(haystack.charCodeAt(at), classes);
      let next = at + 1;
      let start = false;
      if ((unit & (KIND | WORD_UNIT)) === (PLAIN | WORD_UNIT)) {
        if (wordBefore) {
          at = next;
          continue;
        }
        // A word starts here: read it to its end, hashing its symbols.
        let hash = unit >> SYMBOL_SHIFT;
        for (; next < length; next++) {
          let inner = classes[haystack.charCodeAt(next)]!;
          if ((inner & (KIND | WORD_UNIT)) !== (PLAIN | WORD_UNIT)) {
            if (inner === 0) inner = this.classify(haystack.charCodeAt(next), classes);
            if ((inner & KIND) === DROPPED) continue;
            if ((inner & (KIND | WORD_UNIT)) !== (PLAIN | WORD_UNIT)) break;
          }
          hash = ((hash << 5) | (hash >>> 27)) ^ (inner >> SYMBOL_SHIFT);
        }
        wordBefore = true;
        if (unit >= FIRST_SYMBOL) {
          // The word before and this one may start a key (that place comes first).
          if (pairFrom >= 0) {
            const pair = filterBit(pairHash(pairStart, hash));
            if ((pairWords[pair >>> 5]! & (1 << (pair & 31))) !== 0) {
              if (count === positions.length) positions = this.growPositions();
              positions[count++] = pairFrom;
            }
          }
          const bit = filterBit(hash);
          start = (walkWords[bit >>> 5]! & (1 << (bit & 31))) !== 0;
          // A walk from here tries the keys of several words too; otherwise they wait for the next word.
          if (!start && (pairFirst[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
            pairFrom = at;
            pairStart = hash;
          } else {
            pairFrom = -1;
          }
        } else {
          pairFrom = -1;
        }
      } else if ((unit & KIND) === PLAIN) {
        // Not part of a word: a key that starts with it (an apostrophe, say) may start here.
        start = !wordBefore && unit >= FIRST_SYMBOL && denseNext[(unit >> SYMBOL_SHIFT) - 1]! >= 0;
        // White space keeps a pending first word (its key may go on after it); anything else ends it.
        if (!(unit & SPACE_UNIT)) pairFrom = -1;
        wordBefore = false;
      } else if ((unit & KIND) !== DROPPED) {
        return -1;
      }
      if (start) {
        if (count === positions.length) positions = this.growPositions();
        positions[count++] = at;
      }
      at = next;
    }
    return count;
  }

  /** Doubles `positions`, keeping its content. */
  private growPositions(): Int32Array {
    const grown = new Int32Array(this.positions.length * 2);
    grown.set(this.positions);
    this.positions = grown;
    return grown;
  }

  /**
   * Walks the trie from haystack unit `from` for the longest key that ends a word there and whose
   * case rules hold: returns the index of its last unit (owners in `walkOwners`), -1 for none, or -2
   * when a unit cannot be folded alone. The trie's transitions are inlined: before the JIT compiles
   * this loop, every call counts.
   */
  private walk(haystack: string, text: string, classes: Int32Array, map: Uint32Array | null, from: number) {
    const { terminal, denseRow, denseNext, alphabetSize, firstChild, nextSibling, nodeSymbol } =
      this.automaton;
    const length = haystack.length;
    let last = from;
    let lastUnit = classes[haystack.charCodeAt(from)]!;
    // The root's dense row is row 0.
    let node = denseNext[(lastUnit >> SYMBOL_SHIFT) - 1]!;
    let found = -1;
    for (let at = from + 1; node >= 0; at++) {
      // The next folded unit: dropped units skipped, and a space right after a space.
      let next = 0;
      for (; at < length; at++) {
        next = classes[haystack.charCodeAt(at)]!;
        if (next === 0) next = this.classify(haystack.charCodeAt(at), classes);
        if ((next & KIND) === DROPPED) continue;
        if ((next & KIND) !== PLAIN) return -2;
        if (!(next & SPACE_UNIT && lastUnit & SPACE_UNIT)) break;
      }
      if (at >= length) next = 0;
      const key = terminal[node]!;
      if (key >= 0 && !(next & WORD_UNIT)) {
        let owners: AliasOwner[] | null = this.owners[key]!;
        if (this.caseChecked[key]) {
          const span = this.span(text, map, from, last);
          owners = this.casedOwners(key, text, span.start, span.end);
        }
        if (owners) {
          found = last;
          this.walkOwners = owners;
        }
      }
      if (next < FIRST_SYMBOL) break;
      const symbol = (next >> SYMBOL_SHIFT) - 1;
      const row = denseRow[node]!;
      if (row >= 0) {
        node = denseNext[row * alphabetSize + symbol]!;
      } else {
        let child = firstChild[node]!;
        while (child >= 0 && nodeSymbol[child] !== symbol) child = nextSibling[child]!;
        node = child;
      }
      last = at;
      lastUnit = next;
    }
    return found;
  }

  /** The span of `text` that haystack units `first` to `last` (inclusive) come from. */
  private span(text: string, map: Uint32Array | null, first: number, last: number) {
    if (!map) return { start: first, end: last + 1 };
    const end = map[last]!;
    const code = text.charCodeAt(end);
    return { start: map[first]!, end: end + (code >= 0xd800 && code <= 0xdbff ? 2 : 1) };
  }

  /** How the scan treats code unit `code` (`classes` is one of the two tables), cached there. */
  private classify(code: number, classes: Int32Array): number {
    const unit = classes === this.sourceClasses ? foldCodeUnit(code) : code;
    let entry: number;
    if (unit === FOLD_DROPPED) entry = DROPPED;
    else if (unit === FOLD_COMPLEX) entry = COMPLEX;
    else {
      entry = PLAIN | ((this.automaton.symbolOf[unit]! + 1) << SYMBOL_SHIFT);
      if (isWordCode(unit)) entry |= WORD_UNIT;
      if (unit === 0x20) entry |= SPACE_UNIT;
    }
    classes[code] = entry;
    return entry;
  }

  /** The owners of a key whose case matches `text` from `start` to `end`, or null. */
  private casedOwners(key: number, text: string, start: number, end: number) {
    const cased = aliasKey(text.slice(start, end), false);
    const owners = this.owners[key]!.filter((o) => !o.caseSensitive || o.casedKey === cased);
    return owners.length > 0 ? owners : null;
  }

  /**
   * Decides each candidate's entity for a whole page: an unambiguous alias counts; an ambiguous one
   * counts only when its entity, or an entity related to it, is named unambiguously on the page.
   * Returns, for each candidate, the entity id or null (dropped).
   */
  resolve(candidates: readonly Candidate[]): Array<string | null> {
    const decided: Array<string | null> = new Array<string | null>(candidates.length).fill(null);
    let uncertain = false;
    for (let i = 0; i < candidates.length; i++) {
      const owners = candidates[i]!.owners;
      if (owners.length === 1 && !owners[0]!.ambiguous) decided[i] = owners[0]!.entityId;
      else uncertain = true;
    }
    // Most pages have no ambiguous candidate at all: then there is nothing to weigh.
    if (!uncertain) return decided;
    const certain = new Map<string, number>();
    for (const id of decided) if (id !== null) certain.set(id, (certain.get(id) ?? 0) + 1);
    const hasContext = (id: string) =>
      certain.has(id) || [...(this.context.get(id) ?? [])].some((other) => certain.has(other));
    candidates.forEach(({ owners }, index) => {
      if (decided[index] !== null) return;
      const plausible = owners.filter((o) => hasContext(o.entityId));
      if (plausible.length === 0) return;
      plausible.sort((a, b) => (certain.get(b.entityId) ?? 0) - (certain.get(a.entityId) ?? 0));
      decided[index] = plausible[0]!.entityId;
    });
    return decided;
  }

  /** Finds and resolves in one text (tests, single-block pages). */
  mentions(text: string): Mention[] {
    const candidates = this.find(text);
    const ids = this.resolve(candidates);
    return candidates.flatMap((c, i) => (ids[i] ? [{ start: c.start, end: c.end, entityId: ids[i] }] : []));
  }
}
