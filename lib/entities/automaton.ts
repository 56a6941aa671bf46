/**
 * A trie of keys over UTF-16 code units, for whole-word matching: `EntityMatcher` walks it from each
 * place in the text where a word can start, so the cost per character does not grow with the number
 * of keys, and text inside words is never walked at all.
 *
 * Built for speed with large libraries (20,000 aliases and more): code units are mapped to a dense
 * alphabet of the symbols the keys use (a character no key contains ends a walk at once); the trie
 * lives in preallocated typed arrays (a node's children as a linked list), with dense transition rows
 * for the root and for every node with several children, where most lookups happen.
 */
import { finish, type Steps } from './steps';

/** A node with at least this many children gets a dense transition row. */
const DENSE_MIN_CHILDREN = 4;
/** At most this many dense transition entries (rows × alphabet size): 4 MB. */
const MAX_DENSE_ENTRIES = 1 << 20;

/** Patterns inserted between two pauses of `Automaton.steps` (a few ms of work). */
const PATTERNS_PER_STEP = 4000;
/** Trie nodes given their dense rows between two pauses of `Automaton.steps`. */
const NODES_PER_STEP = 40_000;

/** The arrays of a built trie (see `Automaton`'s fields). */
interface TrieParts {
  symbolOf: Int32Array;
  alphabetSize: number;
  denseRow: Int32Array;
  denseNext: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  nodeSymbol: Int32Array;
  terminal: Int32Array;
  nodeCount: number;
}

export class Automaton {
  /** Code unit → symbol, or -1 when no key uses it. */
  readonly symbolOf: Int32Array;
  readonly alphabetSize: number;
  /** Node → its dense row (`row × alphabet + symbol` in `denseNext`), or -1; the root's row is 0. */
  readonly denseRow: Int32Array;
  readonly denseNext: Int32Array;
  /** Children of nodes without a dense row, as linked lists. */
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly nodeSymbol: Int32Array;
  /** Key ending at this node, or -1. */
  readonly terminal: Int32Array;
  readonly nodeCount: number;

  /** The trie of `patterns`, built at once (`Automaton.steps` builds it in steps). */
  constructor(patterns: readonly string[] | TrieParts) {
    const parts = Array.isArray(patterns) ? finish(trieSteps(patterns)) : (patterns as TrieParts);
    this.symbolOf = parts.symbolOf;
    this.alphabetSize = parts.alphabetSize;
    this.denseRow = parts.denseRow;
    this.denseNext = parts.denseNext;
    this.firstChild = parts.firstChild;
    this.nextSibling = parts.nextSibling;
    this.nodeSymbol = parts.nodeSymbol;
    this.terminal = parts.terminal;
    this.nodeCount = parts.nodeCount;
  }

  /** Builds the trie of `patterns` in steps of a few milliseconds, pausing at every `yield`. */
  static *steps(patterns: readonly string[]): Steps<Automaton> {
    return new Automaton(yield* trieSteps(patterns));
  }

  /**
   * The child of `node` by `symbol` (from `symbolOf`), or -1. The root is node 0. (`EntityMatcher`
   * inlines this in its scan loop.)
   */
  next(node: number, symbol: number): number {
    const row = this.denseRow[node]!;
    if (row >= 0) return this.denseNext[row * this.alphabetSize + symbol]!;
    for (let child = this.firstChild[node]!; child >= 0; child = this.nextSibling[child]!) {
      if (this.nodeSymbol[child] === symbol) return child;
    }
    return -1;
  }
}

function* trieSteps(patterns: readonly string[]): Steps<TrieParts> {
  const symbolOf = new Int32Array(0x10000).fill(-1);
  let symbols = 0;
  let capacity = 1;
  for (const pattern of patterns) {
    capacity += pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (symbolOf[code] === -1) symbolOf[code] = symbols++;
    }
  }
  const alphabet = Math.max(1, symbols);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const nodeSymbol = new Int32Array(capacity);
  const terminal = new Int32Array(capacity).fill(-1);
  const childCount = new Int32Array(capacity);
  yield;

  // Insert in code-unit order: a key shares its prefix with the one before it, and below that
  // prefix every node is new, so no child needs looking up.
  const order = patterns
    .map((_, index) => index)
    .sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : a - b));
  yield;
  const path = new Int32Array(capacity);
  let previous = '';
  let count = 1;
  for (let step = 0; step < order.length; step++) {
    if (step > 0 && step % PATTERNS_PER_STEP === 0) yield;
    const index = order[step]!;
    const pattern = patterns[index]!;
    let shared = 0;
    const limit = Math.min(previous.length, pattern.length);
    while (shared < limit && previous.charCodeAt(shared) === pattern.charCodeAt(shared)) shared++;
    let node = shared === 0 ? 0 : path[shared - 1]!;
    for (let i = shared; i < pattern.length; i++) {
      const child = count++;
      nodeSymbol[child] = symbolOf[pattern.charCodeAt(i)]!;
      nextSibling[child] = firstChild[node]!;
      firstChild[node] = child;
      childCount[node]!++;
      path[i] = child;
      node = child;
    }
    // Duplicate keys keep their first index; callers merge owners beforehand.
    if (pattern.length > 0 && (terminal[node] === -1 || index < terminal[node]!)) terminal[node] = index;
    previous = pattern;
  }
  yield;

  // Dense rows: the root always, then nodes with several children while the budget lasts.
  const denseRow = new Int32Array(count).fill(-1);
  const maxRows = Math.max(1, Math.floor(MAX_DENSE_ENTRIES / alphabet));
  let rows = 0;
  denseRow[0] = rows++;
  for (let node = 1; node < count && rows < maxRows; node++) {
    if (childCount[node]! >= DENSE_MIN_CHILDREN) denseRow[node] = rows++;
  }
  const denseNext = new Int32Array(rows * alphabet).fill(-1);
  for (let node = 0; node < count; node++) {
    if (node > 0 && node % NODES_PER_STEP === 0) yield;
    const row = denseRow[node]!;
    if (row < 0) continue;
    for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
      denseNext[row * alphabet + nodeSymbol[child]!] = child;
    }
  }
  return {
    symbolOf,
    alphabetSize: alphabet,
    denseRow,
    denseNext,
    firstChild,
    nextSibling,
    nodeSymbol,
    terminal,
    nodeCount: count,
  };
}
