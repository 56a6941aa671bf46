/**
 * What `scripts/bench-discovery.mjs` runs inside the extension's service worker: discovery on
 * given texts, and, for reference, compromise's named-entity pass (people, organisations, places)
 * on the same texts; and the tagging of many texts in one uninterrupted pass (what a retag without
 * slices would hold the worker for).
 */
import nlp from 'compromise';
import { discover } from '@/lib/discovery/discover';
import { Lexicon, type LexiconData } from '@/lib/discovery/lexicon';
import { EntityMatcher } from '@/lib/entities/matcher';
import type { Entity } from '@/lib/model/schema';

let lexicon: Lexicon | null = null;

/** Compiles the lexicon; returns how long it took (ms). */
export function loadLexicon(data: LexiconData): number {
  const started = performance.now();
  lexicon = new Lexicon(data);
  return performance.now() - started;
}

/** Milliseconds to discover each text, and how many names it found. */
export function timeDiscovery(texts: string[]): Array<{ ms: number; found: number }> {
  if (!lexicon) throw new Error('loadLexicon first');
  return texts.map((text) => {
    const started = performance.now();
    const found = discover('', text, lexicon!).length;
    return { ms: performance.now() - started, found };
  });
}

/** Milliseconds for compromise to parse each text and list its people, organisations and places. */
export function timeCompromise(texts: string[]): Array<{ ms: number; found: number }> {
  return texts.map((text) => {
    const started = performance.now();
    const doc = nlp(text);
    const found =
      (doc.people().out('array') as string[]).length +
      (doc.organizations().out('array') as string[]).length +
      (doc.places().out('array') as string[]).length;
    return { ms: performance.now() - started, found };
  });
}

/** Milliseconds to tag every text with `entities` in one pass, as a retag without slices would. */
export function timeTagInOnePass(entities: Entity[], texts: string[]): { ms: number; tagged: number } {
  const started = performance.now();
  const matcher = new EntityMatcher(entities, []);
  let tagged = 0;
  for (const text of texts) if (matcher.mentions(text).length > 0) tagged++;
  return { ms: performance.now() - started, tagged };
}

let lag: {
  timer: ReturnType<typeof setInterval>;
  last: number;
  max: number;
  at: number;
  started: number;
} | null = null;

/** Starts watching the worker's event loop: a timer every 5 ms notes how late it fires. */
export function startLagMonitor(): void {
  const started = performance.now();
  lag = { timer: setInterval(() => {}, 5), last: started, max: 0, at: 0, started };
  clearInterval(lag.timer);
  lag.timer = setInterval(() => {
    const now = performance.now();
    const late = now - lag!.last - 5;
    if (late > lag!.max) {
      lag!.max = late;
      lag!.at = now - lag!.started;
    }
    lag!.last = now;
  }, 5);
}

/** Stops the watch: the longest the event loop was held (ms) and when (ms after the start). */
export function stopLagMonitor(): { maxMs: number; atMs: number } {
  if (!lag) throw new Error('startLagMonitor first');
  clearInterval(lag.timer);
  const result = { maxMs: lag.max, atMs: lag.at };
  lag = null;
  return result;
}
