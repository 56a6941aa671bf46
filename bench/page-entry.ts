/**
 * The code `npm run bench` injects into each page (bundled to an IIFE, global `BackstoryBench`): one
 * function per approach, each timed from scan start to highlights set, plus a phase profile of the
 * product pipeline. See docs/benchmarks.md.
 */
import { blockRange, iterateBlocks, scanRoots, type ScanOptions, type TextBlock } from '@/lib/dom/blocks';
import { MarkLayer } from '@/lib/dom/marks';
import {
  compareRanges,
  inDocumentOrder,
  PageScanner,
  selectForHighlight,
  type PageMention,
} from '@/lib/dom/scanner';
import { Automaton } from '@/lib/entities/automaton';
import {
  matchKey,
  matcherSteps,
  type Candidate,
  type EntityMatcher,
  type MatchableEntity,
} from '@/lib/entities/matcher';
import { advance } from '@/lib/entities/steps';

/** mark.js, injected as its own script tag (dist/mark.min.js) on the runs that use it. */
interface MarkInstance {
  mark(
    keywords: string[],
    options: {
      separateWordSearch: boolean;
      accuracy: string;
      diacritics: boolean;
      acrossElements: boolean;
      done: (total: number) => void;
    },
  ): void;
}
declare const Mark: new (context: Element | Node[]) => MarkInstance;

export interface Timing {
  ms: number;
  /** Mentions highlighted (or, for the floor, characters read). */
  count: number;
}

/** Every approach reads everything: navigation and link text included. */
const OPTIONS: ScanOptions = { includeNavigation: true, includeLinks: true };

/** The content script's budget for one piece of work (entrypoints/content/page-session.ts). */
const CONTENT_SCRIPT_STEP_MS = 8;

let matcher: EntityMatcher | null = null;
let kinds = new Map<string, 'actor'>();
let regexp: RegExp | null = null;

const entitiesOf = (aliases: readonly string[]): MatchableEntity[] =>
  aliases.map((alias, index) => ({ id: `e${index}`, kind: 'actor', name: alias, aliases: [], related: [] }));

/** How long building the EntityMatcher took, in ms: in all, and its longest step. */
export interface BuildTiming {
  ms: number;
  /** The longest piece of work between two pauses, built in 8 ms steps as the content script does. */
  longestStepMs: number;
}

/** Builds the EntityMatcher for the runs that follow, as the content script does (in steps). */
export function buildMatcher(aliases: readonly string[]): BuildTiming {
  const entities = entitiesOf(aliases);
  const steps = matcherSteps(entities);
  let ms = 0;
  let longestStepMs = 0;
  for (;;) {
    const start = performance.now();
    const step = advance(steps, CONTENT_SCRIPT_STEP_MS);
    const stepMs = performance.now() - start;
    ms += stepMs;
    longestStepMs = Math.max(longestStepMs, stepMs);
    if (step.done) {
      matcher = step.value;
      break;
    }
  }
  kinds = new Map(entities.map((entity) => [entity.id, 'actor']));
  return { ms, longestStepMs };
}

let marks: MarkLayer | null = null;
/** The product's own layer of marks (one per bench page, as one per page in the product). */
const markLayer = () => (marks ??= new MarkLayer(document, new AbortController().signal));

/** 1. The product pipeline, as entrypoints/content/page-session.ts runs it, without yielding. */
export async function runBackstory(): Promise<Timing> {
  if (!matcher) throw new Error('buildMatcher first');
  const start = performance.now();
  const scanner = new PageScanner(matcher, OPTIONS, (id) => kinds.get(id));
  await scanner.scan(scanRoots(document), { budgetMs: Infinity, yieldToBrowser: () => Promise.resolve() });
  const highlighted = selectForHighlight(scanner.mentions(), 'every');
  markLayer().show(highlighted);
  const ms = performance.now() - start;
  return { ms, count: highlighted.length };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles (and runs once, so V8 compiles it to code) the alternation of the RegExp reference. */
export function buildRegexp(aliases: readonly string[]): number {
  const start = performance.now();
  const alternatives = [...aliases]
    .sort((a, b) => b.length - a.length)
    .map((alias) => alias.trim().split(/\s+/).map(escapeRegExp).join('\\s+'));
  regexp = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  // V8 interprets a new RegExp's bytecode first and compiles it to machine code on a later run:
  // run it a few times on page-sized text so the timed run uses the compiled code.
  const sample = 'Warm up the compiled expression, ten words at a time. '.repeat(40);
  for (let i = 0; i < 3; i++) {
    regexp.lastIndex = 0;
    while (regexp.exec(sample));
  }
  regexp.lastIndex = 0;
  return performance.now() - start;
}

const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The text nodes under `roots`, except script and style content: one TreeWalker pass. */
function walkText(roots: readonly Node[], visit: (node: Text) => void) {
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentNode;
      if (parent && SKIP_PARENTS.has((parent as Element).tagName)) continue;
      visit(node as Text);
    }
  }
}

/** What the references read: the same roots as the product (given to them outside their timing). */
export function referenceRoots(): Node[] {
  return scanRoots(document);
}

/** A run stopped at its time cap: what it got through, to bound and estimate the full time. */
export interface CappedTiming extends Timing {
  capped: boolean;
  /** Fraction of the work done before the cap (1 when not capped). */
  done: number;
}

/**
 * 3. RegExp alternation: one pass over text nodes, one big RegExp per node, one Highlight. Stops
 * after `capMs` (checked between text nodes); `done` is then the fraction of characters searched.
 */
export function runRegexp(roots: readonly Node[], capMs = Infinity): CappedTiming {
  const pattern = regexp;
  if (!pattern) throw new Error('buildRegexp first');
  const start = performance.now();
  const ranges: Range[] = [];
  let searched = 0;
  let capped = false;
  walkText(roots, (node) => {
    if (capped || performance.now() - start >= capMs) {
      capped = true;
      return;
    }
    const text = node.data;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
    searched += text.length;
  });
  CSS.highlights.set('bench-regexp', new Highlight(...ranges));
  const ms = performance.now() - start;
  let total = 0;
  walkText(roots, (node) => (total += node.data.length));
  return { ms, count: ranges.length, capped, done: total ? searched / total : 1 };
}

/** The RegExp run's mentions inside the text the product reads (same text, for the count check). */
export function regexpMentionsInProductText(): number {
  const read = new Set<Text>();
  for (const root of scanRoots(document))
    for (const block of iterateBlocks(root, OPTIONS)) block.nodes.forEach((n) => read.add(n));
  const highlight = CSS.highlights.get('bench-regexp');
  let count = 0;
  highlight?.forEach((range) => {
    if (read.has((range as Range).startContainer as Text)) count++;
  });
  return count;
}

/** 4. The floor: one TreeWalker pass collecting the text of every text node, no matching. */
export function runFloor(roots: readonly Node[]): Timing {
  const start = performance.now();
  const parts: string[] = [];
  walkText(roots, (node) => parts.push(node.data));
  const text = parts.join('');
  const ms = performance.now() - start;
  return { ms, count: text.length };
}

/** What a bare minimum costs: see `runBare` and `runBareWasm`. */
export interface BareTiming {
  /** The floor's walk plus reading every character once. */
  readMs: number;
  /** That, plus `mentions` ranges and one highlight set: the whole bare minimum. */
  ms: number;
}

/** The floor's walk, keeping the text nodes too (the bare minimums set ranges in them). */
function collectText(roots: readonly Node[]) {
  const nodes: Text[] = [];
  const parts: string[] = [];
  walkText(roots, (node) => {
    nodes.push(node);
    parts.push(node.data);
  });
  return { nodes, parts };
}

/** `mentions` ranges spread over `nodes`, set as one highlight. */
function highlightSpread(nodes: readonly Text[], mentions: number) {
  const ranges: Range[] = [];
  for (let i = 0; i < mentions && nodes.length > 0; i++) {
    const node = nodes[Math.floor((i * nodes.length) / mentions)]!;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(1, node.length));
    ranges.push(range);
  }
  CSS.highlights.set('bench-bare', new Highlight(...ranges));
}

/**
 * 5. The bare minimum of any JavaScript highlighter, as a lower bound (no matching at all): the
 * floor's walk, one `charCodeAt` pass over every character collected (a matcher reads each at
 * least once), then `mentions` ranges (as many as backstory highlights on the page, spread over its
 * text nodes) set as one highlight.
 */
export function runBare(roots: readonly Node[], mentions: number): BareTiming {
  const start = performance.now();
  const { nodes, parts } = collectText(roots);
  let checksum = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) checksum = (checksum + part.charCodeAt(i)) | 0;
  }
  const read = performance.now();
  highlightSpread(nodes, mentions);
  const end = performance.now();
  // The checksum keeps the reading loop from being optimised away.
  if (checksum === 0.5) console.log(checksum);
  return { readMs: read - start, ms: end - start };
}

/** The first byte of text in the word scan's memory (bench/word-scan.wat). */
const WASM_TEXT_AT = 65536;
let wordScan: { memory: WebAssembly.Memory; scan: (at: number, length: number) => number } | null = null;

/**
 * Compiles bench/word-scan.wat's module (`bytes`, assembled by scripts/bench.mjs) and fills its class
 * table and bitset: outside the timed window, as a matcher's build would be.
 */
export function prepareWordScan(bytes: readonly number[]) {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(bytes)), {});
  const exports = instance.exports as unknown as NonNullable<typeof wordScan>;
  const memory = new Uint8Array(exports.memory.buffer);
  for (let byte = 0; byte < 256; byte++) {
    const word =
      (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) || byte >= 0x80;
    memory[byte] = word ? byte | 0x20 : 0;
  }
  // About one word in eight hits the bitset, as a sparse filter of keys' first words would.
  for (let i = 0; i < 1 << 15; i++) memory[1024 + i] = Math.imul(i, 0x9e3779b1) & 0x11;
  wordScan = exports;
}

/**
 * 6. The bare minimum with WebAssembly doing the reading (no JIT to wait for): the floor's walk, the
 * joined text copied into the module's memory as UTF-8 (`TextEncoder.encodeInto`), one pass of
 * bench/word-scan.wat over it (word hashes and one filter lookup per word), then the same ranges and
 * highlight as `runBare`.
 */
export function runBareWasm(roots: readonly Node[], mentions: number): BareTiming {
  if (!wordScan) throw new Error('prepareWordScan first');
  const { memory, scan } = wordScan;
  const start = performance.now();
  const { nodes, parts } = collectText(roots);
  const text = parts.join(' ');
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  const needed = WASM_TEXT_AT + text.length * 3;
  if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
  const { written } = new TextEncoder().encodeInto(text, new Uint8Array(memory.buffer, WASM_TEXT_AT));
  const hits = scan(WASM_TEXT_AT, written);
  const read = performance.now();
  highlightSpread(nodes, mentions);
  const end = performance.now();
  if (hits === -1) console.log(hits);
  return { readMs: read - start, ms: end - start };
}

/**
 * mark.js 8.11 recurses once per keyword (each keyword's callback starts the next), which overflows the
 * stack with thousands of keywords in one call: keywords go in batches (longest first overall), each
 * started from the previous one's `done`.
 */
export const MARK_BATCH = 25;

/**
 * 2. mark.js, timed until the `done` callback of its last batch. Stops after `capMs` (checked between
 * batches); `done` is then the fraction of keywords marked.
 */
export function runMark(roots: readonly Node[], aliases: string[], capMs = Infinity): Promise<CappedTiming> {
  return new Promise((resolve, reject) => {
    const context = roots.length === 1 && roots[0] === document.body ? document.body : [...roots];
    const start = performance.now();
    const sorted = [...aliases].sort((a, b) => b.length - a.length);
    let total = 0;
    const next = (from: number) => {
      const ms = performance.now() - start;
      if (from >= sorted.length || ms >= capMs) {
        const done = Math.min(from, sorted.length) / sorted.length;
        resolve({ ms, count: total, capped: from < sorted.length, done });
        return;
      }
      try {
        new Mark(context).mark(sorted.slice(from, from + MARK_BATCH), {
          separateWordSearch: false,
          accuracy: 'exactly',
          diacritics: false,
          acrossElements: false,
          done: (marks) => {
            total += marks;
            // A microtask, not a call: the next batch starts on a fresh stack, with no delay.
            queueMicrotask(() => next(from + MARK_BATCH));
          },
        });
      } catch (error) {
        reject(error);
      }
    };
    next(0);
  });
}

/** Where the product's time goes: the pipeline of runBackstory split into phases (ms each). */
export function profileBackstory(): Record<string, number> {
  if (!matcher) throw new Error('buildMatcher first');
  const active = matcher;
  const t0 = performance.now();
  const roots = scanRoots(document);
  const t1 = performance.now();
  const blocks: TextBlock[] = [];
  for (const root of roots) for (const block of iterateBlocks(root, OPTIONS)) blocks.push(block);
  const t2 = performance.now();
  const scanned: Array<{ block: TextBlock; candidates: Candidate[] }> = [];
  for (const block of blocks) {
    const candidates = active.find(block.text);
    if (candidates.length > 0) scanned.push({ block, candidates });
  }
  const t3 = performance.now();
  const all = scanned.flatMap(({ block, candidates }) =>
    candidates.map((candidate) => ({ block, candidate })),
  );
  const decided = active.resolve(all.map(({ candidate }) => candidate));
  const t4 = performance.now();
  const mentions: PageMention[] = [];
  all.forEach(({ block, candidate }, index) => {
    const entityId = decided[index];
    if (entityId)
      mentions.push({ entityId, kind: 'actor', range: blockRange(block, candidate.start, candidate.end) });
  });
  const t5 = performance.now();
  // As PageScanner: a full scan of roots in document order yields mentions in document order.
  if (!inDocumentOrder(roots)) mentions.sort(compareRanges);
  const t6 = performance.now();
  const selected = selectForHighlight(mentions, 'every');
  markLayer().show(selected);
  const t7 = performance.now();
  // Not part of the pipeline's sum: what a visibility check on every element would cost.
  let elements = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()!) {
      if (node.nodeType === 1) {
        (node as Element).checkVisibility({ visibilityProperty: true });
        elements++;
      }
    }
  }
  const t8 = performance.now();
  // Not part of the sum either: the page's shared registry, which highlighted before the marks did
  // (and let the page read which names the library holds).
  CSS.highlights.set('bench-registry', new Highlight(...selected.map((m) => m.range)));
  const t9 = performance.now();
  CSS.highlights.delete('bench-registry');
  return {
    roots: t1 - t0,
    blocks: t2 - t1,
    find: t3 - t2,
    resolve: t4 - t3,
    ranges: t5 - t4,
    sort: t6 - t5,
    highlight: t7 - t6,
    total: t7 - t0,
    visibilityOnly: t8 - t7,
    registryOnly: t9 - t8,
    blockCount: blocks.length,
    elementCount: elements,
    textChars: blocks.reduce((sum, block) => sum + block.text.length, 0),
    mentions: mentions.length,
  };
}

/**
 * Where EntityMatcher's build time goes, on a fresh page: folding the aliases to keys (lower-cased
 * and cased, as the constructor does), then the automaton over the keys; then a full build again.
 */
export function profileBuild(aliases: readonly string[]): Record<string, number> {
  const t0 = performance.now();
  const keys = aliases.map((alias) => matchKey(alias));
  const t1 = performance.now();
  aliases.forEach((alias) => matchKey(alias, false));
  const t2 = performance.now();
  const automaton = new Automaton(keys);
  const t3 = performance.now();
  const again = buildMatcher(aliases).ms;
  return {
    keysLower: t1 - t0,
    keysCased: t2 - t1,
    automaton: t3 - t2,
    nodes: automaton.nodeCount,
    matcherAgain: again,
  };
}
