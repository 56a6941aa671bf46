/* global chrome */
// Pieces both benchmarks use: a seeded random generator and bundling product code for a page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/** mulberry32: a small seeded PRNG returning floats in [0, 1), so every run builds the same data. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bundles `entry` (product code through the `@` alias) as a minified IIFE exposing global `name`. */
export async function bundleIife({ entry, name, outDir, fileName }) {
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@': process.cwd() } },
    build: {
      lib: { entry: resolve(entry), formats: ['iife'], name, fileName: () => fileName },
      outDir,
      emptyOutDir: false,
      write: true,
      minify: true,
    },
  });
}

/** What `chromium --version` prints, or "unknown". */
export function chromiumVersion(executable) {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The options every benchmark takes: `--quick` (a smoke run that only prints), `--write` (write the
 * doc even so) and `--runs N` (`runs` by default, 3 with --quick; a full run needs at least `runs`).
 */
export function benchOptions(argv, { runs }) {
  const quick = argv.includes('--quick');
  const runsArg = argv.indexOf('--runs');
  const count = runsArg >= 0 ? Number(argv[runsArg + 1]) : quick ? 3 : runs;
  if (!Number.isInteger(count) || count < 1) throw new Error('--runs takes a positive whole number');
  if (!quick && count < runs)
    throw new Error(`a full run needs at least ${runs} runs (use --quick for smoke runs)`);
  return { quick, write: argv.includes('--write') || !quick, runs: count };
}

const ascending = (values) => [...values].sort((a, b) => a - b);

export function median(values) {
  const sorted = ascending(values);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank 95th percentile (with 7 values: the largest). */
export const p95 = (values) => ascending(values)[Math.max(0, Math.ceil(0.95 * values.length) - 1)];

/** Milliseconds with three significant digits at most ("0.42", "12.3", "456"). */
export const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export const fmtInt = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Adds records to one store of the extension's database in one transaction, with raw IndexedDB in
 * its service worker (`worker`, a playwright Worker). Ids already there are kept and counted.
 */
export const addRecords = (worker, store, records) =>
  worker.evaluate(
    async ({ store, records }) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        return await new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const objectStore = tx.objectStore(store);
          let skipped = 0;
          for (const record of records) {
            const request = objectStore.add(record);
            request.onerror = (event) => {
              if (request.error?.name !== 'ConstraintError') return;
              event.preventDefault();
              event.stopPropagation();
              skipped++;
            };
          }
          tx.oncomplete = () => resolve({ skipped });
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        });
      } finally {
        db.close();
      }
    },
    { store, records },
  );

/** Stops the extension's service worker (DevTools protocol) and waits until it has stopped. */
export async function stopWorker(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    let stopped;
    const done = new Promise((resolve) => (stopped = resolve));
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length && versions.every((v) => v.runningStatus === 'stopped')) stopped();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The words of the corpus pages' visible text, in order: real news prose to cut texts from. */
export function corpusWords(corpusDir) {
  const words = [];
  for (const name of readdirSync(corpusDir).sort()) {
    const file = join(corpusDir, name, 'source.html');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8')
      .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ');
    words.push(...text.split(/\s+/).filter((word) => /^[\p{L}][\p{L}’'-]*[.,;:]?$/u.test(word)));
  }
  return words;
}

/** One protocol message from an extension page (a playwright Page), timed there: { ms, value }. */
export const askFromPage = (page, type, data) =>
  page.evaluate(
    async ({ type, data }) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ protocol: 'backstory/1', type, data });
      const ms = performance.now() - start;
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error?.message ?? 'no reply'}`);
      return { ms, value: reply.value };
    },
    { type, data },
  );
