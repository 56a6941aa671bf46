/**
 * An Aho-Corasick automaton over UTF-16 code units: every pattern found in one pass over the text,
 * at a cost that does not grow with the number of patterns.
 *
 * Built for speed with large libraries (20,000 aliases and more): code units are mapped to a dense
 * alphabet of the symbols the patterns use (a character no pattern contains sends the automaton back
 * to its root at once); the trie lives in preallocated typed arrays (a node's children as a linked
 * list), with dense transition rows for the root and, for small alphabets, its children, where most
 * lookups happen.
 */

/** Dense rows for the root's children only when the alphabet is this small (memory: size²). */
const MAX_DENSE_ALPHABET = 256;

export class Automaton {
  /** Code unit → symbol, or -1 when no pattern uses it. */
  private readonly symbolOf = new Int32Array(0x10000).fill(-1);
  private readonly alphabetSize: number;
  /** Transitions of the root by symbol, and of its children (`row × alphabet + symbol`). */
  private readonly rootNext: Int32Array;
  private readonly denseRow: Int32Array;
  private readonly denseNext: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly nodeSymbol: Int32Array;
  private readonly fail: Int32Array;
  /** Pattern ending at this node, or -1. */
  private readonly terminal: Int32Array;
  /** Nearest node on the fail chain (excluding itself) that ends a pattern, or 0. */
  private readonly outputLink: Int32Array;
  readonly patternLengths: Int32Array;
  readonly nodeCount: number;

  constructor(patterns: readonly string[]) {
    let symbols = 0;
    let capacity = 1;
    for (const pattern of patterns) {
      capacity += pattern.length;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        if (this.symbolOf[code] === -1) this.symbolOf[code] = symbols++;
      }
    }
    const alphabet = Math.max(1, symbols);
    this.alphabetSize = alphabet;
    this.rootNext = new Int32Array(alphabet).fill(-1);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.nodeSymbol = new Int32Array(capacity);
    this.terminal = new Int32Array(capacity).fill(-1);
    this.patternLengths = new Int32Array(patterns.length);

    // Insert in code-unit order: a pattern shares its prefix with the one before it, and below that
    // prefix every node is new, so no child needs looking up.
    const order = patterns
      .map((_, index) => index)
      .sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : a - b));
    const path = new Int32Array(capacity);
    let previous = '';
    let count = 1;
    for (const index of order) {
      const pattern = patterns[index]!;
      this.patternLengths[index] = pattern.length;
      let shared = 0;
      const limit = Math.min(previous.length, pattern.length);
      while (shared < limit && previous.charCodeAt(shared) === pattern.charCodeAt(shared)) shared++;
      let node = shared === 0 ? 0 : path[shared - 1]!;
      for (let i = shared; i < pattern.length; i++) {
        const symbol = this.symbolOf[pattern.charCodeAt(i)]!;
        const child = count++;
        this.nodeSymbol[child] = symbol;
        this.nextSibling[child] = this.firstChild[node]!;
        this.firstChild[node] = child;
        if (node === 0) this.rootNext[symbol] = child;
        path[i] = child;
        node = child;
      }
      // Duplicate patterns keep their first index; callers merge owners beforehand.
      if (pattern.length > 0 && (this.terminal[node] === -1 || index < this.terminal[node]!))
        this.terminal[node] = index;
      previous = pattern;
    }
    this.nodeCount = count;

    // Dense rows for the root's children: the second character of a match is the next hottest lookup.
    this.denseRow = new Int32Array(count).fill(-1);
    let rows = 0;
    if (alphabet <= MAX_DENSE_ALPHABET) {
      for (let child = this.firstChild[0]!; child >= 0; child = this.nextSibling[child]!)
        this.denseRow[child] = rows++;
    }
    this.denseNext = new Int32Array(rows * alphabet).fill(-1);
    for (let child = this.firstChild[0]!; child >= 0 && rows > 0; child = this.nextSibling[child]!) {
      const row = this.denseRow[child]! * alphabet;
      for (let grand = this.firstChild[child]!; grand >= 0; grand = this.nextSibling[grand]!) {
        this.denseNext[row + this.nodeSymbol[grand]!] = grand;
      }
    }

    // Breadth-first: a node's fail link is the longest proper suffix that is also a trie path.
    this.fail = new Int32Array(count);
    this.outputLink = new Int32Array(count);
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    for (let child = this.firstChild[0]!; child >= 0; child = this.nextSibling[child]!) queue[tail++] = child;
    while (head < tail) {
      const node = queue[head++]!;
      for (let child = this.firstChild[node]!; child >= 0; child = this.nextSibling[child]!) {
        const symbol = this.nodeSymbol[child]!;
        let f = this.fail[node]!;
        let target = this.step(f, symbol);
        while (target < 0 && f !== 0) {
          f = this.fail[f]!;
          target = this.step(f, symbol);
        }
        const failTo = target < 0 || target === child ? 0 : target;
        this.fail[child] = failTo;
        this.outputLink[child] = this.terminal[failTo]! >= 0 ? failTo : this.outputLink[failTo]!;
        queue[tail++] = child;
      }
    }
  }

  private listStep(node: number, symbol: number): number {
    for (let child = this.firstChild[node]!; child >= 0; child = this.nextSibling[child]!) {
      if (this.nodeSymbol[child] === symbol) return child;
    }
    return -1;
  }

  private step(node: number, symbol: number): number {
    if (node === 0) return this.rootNext[symbol]!;
    const row = this.denseRow[node]!;
    if (row >= 0) return this.denseNext[row * this.alphabetSize + symbol]!;
    return this.listStep(node, symbol);
  }

  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is exclusive. */
  search(text: string, onMatch: (pattern: number, end: number) => void): void {
    let state = 0;
    const { terminal, outputLink, fail, symbolOf } = this;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbolOf[text.charCodeAt(i)]!;
      if (symbol < 0) {
        state = 0;
        continue;
      }
      let target = this.step(state, symbol);
      while (target < 0 && state !== 0) {
        state = fail[state]!;
        target = this.step(state, symbol);
      }
      state = target < 0 ? 0 : target;
      let out = terminal[state]! >= 0 ? state : outputLink[state]!;
      while (out > 0) {
        onMatch(terminal[out]!, i + 1);
        out = outputLink[out]!;
      }
    }
  }
}
