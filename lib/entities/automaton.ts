/**
 * An Aho-Corasick automaton over UTF-16 code units: every pattern found in one pass over the text,
 * at a cost that does not grow with the number of patterns.
 */

/** Transitions from the root are an array (the hottest lookups); others share one hash map. */
const ROOT_SPAN = 0x10000;

export class Automaton {
  private readonly rootNext = new Int32Array(ROOT_SPAN).fill(-1);
  private readonly next = new Map<number, number>();
  private fail: Int32Array;
  /** Pattern ending at this node, or -1. */
  private terminal: Int32Array;
  /** Nearest node on the fail chain (excluding itself) that ends a pattern, or 0. */
  private outputLink: Int32Array;
  readonly patternLengths: Int32Array;
  readonly nodeCount: number;

  constructor(patterns: readonly string[]) {
    const terminal: number[] = [-1];
    const children: number[][] = [[]];
    const depth: number[] = [0];
    this.patternLengths = new Int32Array(patterns.length);

    patterns.forEach((pattern, index) => {
      this.patternLengths[index] = pattern.length;
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let child = this.step(node, code);
        if (child < 0) {
          child = terminal.length;
          terminal.push(-1);
          children.push([]);
          depth.push(depth[node]! + 1);
          children[node]!.push(code, child);
          if (node === 0) this.rootNext[code] = child;
          else this.next.set(node * ROOT_SPAN + code, child);
        }
        node = child;
      }
      // Duplicate patterns keep the first index; callers merge owners beforehand.
      if (pattern.length > 0 && terminal[node] === -1) terminal[node] = index;
    });

    const count = terminal.length;
    this.nodeCount = count;
    this.terminal = Int32Array.from(terminal);
    this.fail = new Int32Array(count);
    this.outputLink = new Int32Array(count);

    // Breadth-first: a node's fail link is the longest proper suffix that is also a trie path.
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    const rootChildren = children[0]!;
    for (let i = 0; i < rootChildren.length; i += 2) queue[tail++] = rootChildren[i + 1]!;
    while (head < tail) {
      const node = queue[head++]!;
      const list = children[node]!;
      for (let i = 0; i < list.length; i += 2) {
        const code = list[i]!;
        const child = list[i + 1]!;
        let f = this.fail[node]!;
        let target = this.step(f, code);
        while (target < 0 && f !== 0) {
          f = this.fail[f]!;
          target = this.step(f, code);
        }
        const failTo = target < 0 || target === child ? 0 : target;
        this.fail[child] = failTo;
        this.outputLink[child] = this.terminal[failTo]! >= 0 ? failTo : this.outputLink[failTo]!;
        queue[tail++] = child;
      }
    }
  }

  private step(node: number, code: number): number {
    if (node === 0) return this.rootNext[code]!;
    return this.next.get(node * ROOT_SPAN + code) ?? -1;
  }

  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is exclusive. */
  search(text: string, onMatch: (pattern: number, end: number) => void): void {
    let state = 0;
    const { terminal, outputLink, fail } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let target = this.step(state, code);
      while (target < 0 && state !== 0) {
        state = fail[state]!;
        target = this.step(state, code);
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
