// `node scripts/bench-panel.mjs`: times the side panel in real headless Chromium with the built
// extension, on a deterministic synthetic library, against naive reference approaches. Prints a
// table and ratios; writes docs/benchmarks-panel.md. Not a test: nothing fails on a missed target.
//   (a) `panel.view` round trip from an extension page for a page with 30 actors and events,
//       library of 100,000 analyses and 20,000 entities (ranking happens in the background): the first
//       one after the library changed (builds the ranking index), warm ones, and after the service
//       worker was stopped (loads the saved index);
//   (b) the full panel: navigation to sidepanel.html?tabId=… until the first ranked card is in the DOM,
//       with a running and with a stopped service worker;
//   (c) `library.search` over 10,000 analyses (fresh profile): the first query (index build), twelve
//       realistic queries, and the first query after the worker was stopped.
// References, run in the service worker: load every analysis (getAll) and score it in JS; load
// every analysis and filter by lowercase substring. Where the time goes: the product's handler and
// search class, injected into the worker (bench/panel/worker-probe.ts), timed step by step.
//   --quick      ranking library of 10,000 analyses / 2,000 entities, 3 runs; prints, no doc (unless --write)
//   --runs N     measured runs per figure after one warm-up (default 7; at least 7 in a full run)
//   --write      write docs/benchmarks-panel.md even with --quick
//   --wait-quiet S  first wait up to S seconds for other processes to leave the CPUs (default 0)
//   --use-output measure .output/chrome-mv3 instead of a private build of the working tree
/* global BackstoryPanelProbe */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
  FREQUENT_RANKS,
  analysisBatches,
  buildEntities,
  pageState,
  searchQueries,
} from '../bench/panel/synth.mjs';
import {
  addRecords,
  benchOptions,
  bundleIife,
  chromiumVersion,
  fmtInt,
  fmtMs,
  median,
  p95,
  stopWorker,
} from '../bench/shared.mjs';
import { launchWithExtension } from './chromium.mjs';

const argv = process.argv.slice(2);
const { quick: QUICK, write: WRITE, runs: RUNS } = benchOptions(argv, { runs: 7 });

const RANKING = QUICK ? { analyses: 10_000, entities: 2_000 } : { analyses: 100_000, entities: 20_000 };
const SEARCH = { analyses: 10_000, entities: 2_000 };
/** Fewer runs for the side figures (other pages, reference scans, cold starts): not the targets. */
const SIDE_RUNS = Math.max(3, Math.min(RUNS, 5));
const USE_OUTPUT = argv.includes('--use-output');
const quietArg = argv.indexOf('--wait-quiet');
const WAIT_QUIET_S = quietArg >= 0 ? Number(argv[quietArg + 1]) : 0;
const TARGETS = { panelMs: 100, searchMs: 100 };
const BATCH = 5_000;
const LIMIT = 50;

const EXTENSION_BUILD = resolve('.output/chrome-mv3');
const CACHE = resolve('node_modules/.cache/backstory-bench-panel');
const PROBE = join(CACHE, 'probe.js');
const DOC = resolve('docs/benchmarks-panel.md');
const CHROMIUM = '/usr/bin/chromium';

const log = (...parts) => console.log(...parts);
const STARTED = Date.now();
const elapsed = () => `${Math.round((Date.now() - STARTED) / 1000)} s`;
const fmtRatio = (ratio) =>
  (ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)) + '×';
const stats = (values) => ({ median: median(values), p95: p95(values), runs: values.length });
const medianOf = (rows, key) => median(rows.map((row) => row[key]));

/**
 * CPU time (jiffies) used so far per process, split into this script's tree (its browsers) and the
 * rest (other people's builds, tests and benchmarks share this machine). Read from /proc; empty elsewhere.
 */
function cpuSample() {
  const mine = new Map();
  const others = new Map();
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return { mine, others };
  }
  const info = new Map();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      info.set(Number(pid), { ppid: Number(fields[1]), jiffies: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // exited meanwhile
    }
  }
  const isMine = (pid) => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; hops++) {
      if (at === process.pid) return true;
      at = info.get(at)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, { jiffies }] of info) (isMine(pid) ? mine : others).set(pid, jiffies);
  return { mine, others };
}

/** Average number of cores a set of processes kept busy between two samples. */
function coresUsed(before, after, seconds) {
  let jiffies = 0;
  for (const [pid, value] of after) jiffies += value - (before.get(pid) ?? 0);
  return Math.max(0, jiffies / 100 / seconds);
}

/** Starts watching other processes; the returned function gives the cores they used meanwhile. */
function watchOthers() {
  const before = cpuSample().others;
  const started = Date.now();
  return () => coresUsed(before, cpuSample().others, Math.max(0.001, (Date.now() - started) / 1000));
}

/**
 * Waits until this script's browser is idle (under 0.1 core over 2 s): after a bulk import,
 * IndexedDB's LevelDB compacts in the background for a while, which would slow the first measurements.
 */
async function waitForIdleBrowser(limitS = 120) {
  const started = Date.now();
  for (;;) {
    const before = cpuSample().mine;
    await new Promise((r) => setTimeout(r, 2000));
    const own = coresUsed(before, cpuSample().mine, 2) - 0.02; // minus this script's own polling
    if (own < 0.1 || Date.now() - started > limitS * 1000) return (Date.now() - started) / 1000;
  }
}

/** Waits (up to `limitS`) until other processes use less than a quarter of a core over 5 s. */
async function waitForQuiet(limitS) {
  const end = Date.now() + limitS * 1000;
  for (;;) {
    const before = cpuSample().others;
    await new Promise((r) => setTimeout(r, 5000));
    const cores = coresUsed(before, cpuSample().others, 5);
    if (cores < 0.25 || Date.now() >= end) return cores;
    log(`  machine busy: other processes use ${cores.toFixed(2)} cores; waiting…`);
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The extension to measure. By default a private build of the working tree (WXT with the project's
 * config, written under this run's temporary folder, so .output is left alone and the figures match
 * the sources); with --use-output, or if that build fails, a copy of .output/chrome-mv3 (built
 * first if missing), so a rebuild by someone else mid-run cannot change what is measured.
 */
function extensionToMeasure(root) {
  if (!USE_OUTPUT) {
    const config = join(root, 'wxt.config.ts');
    const outDir = join(root, 'build');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(resolve('wxt.config.ts'))};\n` +
        `export default { ...base, outDir: ${JSON.stringify(outDir)} };\n`,
    );
    const result = spawnSync('npx', ['wxt', 'build', '-c', config], { encoding: 'utf8' });
    const dir = join(outDir, 'chrome-mv3');
    if (result.status === 0 && existsSync(join(dir, 'manifest.json')))
      return { dir, builtAt: new Date(), source: 'a private build of the working tree' };
    log(
      `Private build failed (${(result.stderr || result.stdout).trim().split('\n').at(-1)}); using .output.`,
    );
  }
  if (!existsSync(join(EXTENSION_BUILD, 'manifest.json'))) {
    log('No built extension: running npx wxt build…');
    const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('wxt build failed');
  }
  const builtAt = statSync(join(EXTENSION_BUILD, 'background.js')).mtime;
  const dir = join(root, 'extension');
  cpSync(EXTENSION_BUILD, dir, { recursive: true });
  return { dir, builtAt, source: '`.output/chrome-mv3`, copied before the run', stale: staleBuild(builtAt) };
}

/** Uncommitted changes to the product's sources (lib, entrypoints, components), for the record. */
function uncommitted() {
  try {
    const lines = execFileSync('git', ['status', '--porcelain', '--', 'lib', 'entrypoints', 'components'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    return lines.length;
  } catch {
    return 0;
  }
}

/** Bundles bench/panel/worker-probe.ts (the product's handler, search and schema) as an IIFE. */
async function bundleProbe() {
  await bundleIife({
    entry: 'bench/panel/worker-probe.ts',
    name: 'BackstoryPanelProbe',
    outDir: CACHE,
    fileName: 'probe.js',
  });
  return readFileSync(PROBE, 'utf8');
}

async function launch(root, name, extensionDir) {
  const profileDir = join(root, name);
  const session = await launchWithExtension({ profileDir, headless: true, extensionDir });
  // Offline machine: fail remote requests at once.
  await session.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return session;
}

/** Rows per store, read in the service worker with raw IndexedDB (no version: no upgrade). */
const countRows = (worker) =>
  worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['analyses', 'entities', 'settings'].filter((n) => db.objectStoreNames.contains(n));
          if (names.length < 3) {
            db.close();
            resolve({ analyses: 0, entities: 0, starter: false });
            return;
          }
          const tx = db.transaction(names);
          const out = {};
          tx.objectStore('analyses').count().onsuccess = (e) => (out.analyses = e.target.result);
          tx.objectStore('entities').count().onsuccess = (e) => (out.entities = e.target.result);
          tx.objectStore('settings').get('starterPackInstalled').onsuccess = (e) =>
            (out.starter = Boolean(e.target.result));
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

async function waitForStarter(worker) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const counts = await countRows(worker);
    if (counts.analyses >= 3 && counts.starter) return counts;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Timed out waiting for the starter library');
}

/** Seeds a library; returns the entities (frequency-ordered), a sample batch and timings. */
async function seed(worker, { analyses, entities: entityCount }) {
  const started = Date.now();
  const entities = buildEntities(entityCount);
  let skippedEntities = 0;
  for (let i = 0; i < entities.length; i += BATCH) {
    const batch = entities.slice(i, i + BATCH).map(({ rank: _rank, ...entity }) => entity);
    skippedEntities += (await addRecords(worker, 'entities', batch)).skipped;
  }
  let sample = null;
  let written = 0;
  let skippedAnalyses = 0;
  const df = new Map();
  // Generate the next batch while the browser stores the previous one.
  let pending = Promise.resolve({ skipped: 0 });
  for (const batch of analysisBatches({ count: analyses, entities, batchSize: BATCH })) {
    sample ??= batch.slice(0, 200);
    for (const analysis of batch) for (const id of analysis.entityIds) df.set(id, (df.get(id) ?? 0) + 1);
    skippedAnalyses += (await pending).skipped;
    pending = addRecords(worker, 'analyses', batch);
    await new Promise((r) => setTimeout(r, 20)); // let the message leave before generating synchronously
    written += batch.length;
    if (process.stdout.isTTY)
      process.stdout.write(`  seeded ${fmtInt(written)} / ${fmtInt(analyses)} analyses\r`);
  }
  skippedAnalyses += (await pending).skipped;
  if (skippedAnalyses) throw new Error(`${skippedAnalyses} synthetic analyses collided with existing ones`);
  const frequencies = entities.map((entity) => df.get(entity.id) ?? 0);
  return {
    entities,
    sample,
    skippedEntities,
    topDf: frequencies[0],
    medianDf: median(frequencies),
    seconds: (Date.now() - started) / 1000,
  };
}

/** A real tab (about:blank: no content script overwrites its state) and its id. */
async function openTab(context, worker) {
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
  return { page, tabId };
}

const setPageState = (worker, tabId, state) =>
  worker.evaluate(([key, value]) => chrome.storage.session.set({ [key]: value }), [`tab:${tabId}`, state]);

/** Sends one protocol message `runs` times from an extension page; times each in the page. */
const roundTrips = (page, type, data, runs) =>
  page.evaluate(
    async ({ type, data, runs }) => {
      const out = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const reply = await chrome.runtime.sendMessage({ protocol: 'backstory/1', type, data });
        const ms = performance.now() - started;
        if (!reply?.ok) throw new Error(`${type}: ${reply?.error?.message}`);
        const value = reply.value;
        out.push({
          ms,
          bytes: JSON.stringify(reply).length,
          ranked: value.ranked?.length,
          total: value.total,
          totalAnalyses: value.totalAnalyses,
          ids: value.ranked?.map((r) => r.analysis.id),
        });
      }
      return out;
    },
    { type, data, runs },
  );

/** Calls a probe function in the service worker `runs` times. */
const probe = (worker, name, args, runs = 1) =>
  worker.evaluate(
    async ({ name, args, runs }) => {
      const out = [];
      for (let i = 0; i < runs; i++) out.push(await BackstoryPanelProbe[name](...args));
      return out;
    },
    { name, args, runs },
  );

/**
 * Runs in the side panel page before its own scripts: records when protocol messages are sent and
 * answered, when <main data-ready> flips and when the first ranked card is in the DOM (and laid out),
 * all as performance.now() from the navigation's time origin.
 */
function panelInitScript() {
  if (!location.pathname.endsWith('/sidepanel.html')) return;
  const marks = { messages: [], documentAt: performance.now() };
  window.__panelBench = marks;
  const runtime = globalThis.chrome?.runtime;
  if (runtime?.sendMessage) {
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args) => {
      const envelope = args.find((arg) => arg && typeof arg === 'object' && arg.protocol);
      const entry = { type: envelope?.type, sentAt: performance.now(), repliedAt: null };
      marks.messages.push(entry);
      if (typeof args.at(-1) === 'function') {
        const callback = args.pop();
        return original(...args, (reply) => {
          entry.repliedAt = performance.now();
          callback(reply);
        });
      }
      return original(...args).then((reply) => {
        entry.repliedAt = performance.now();
        return reply;
      });
    };
  }
  new MutationObserver((_, observer) => {
    if (marks.readyAt === undefined && document.querySelector('main[data-ready="true"]'))
      marks.readyAt = performance.now();
    if (marks.cardsAt === undefined && document.querySelector('[data-testid=ranked] article')) {
      marks.cardsAt = performance.now();
      marks.cards = document.querySelectorAll('[data-testid=ranked] article').length;
      // Style and layout of the new cards (paint cannot be timed reliably headless).
      document.documentElement.getBoundingClientRect();
      marks.layoutAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * Times the side panel page `runs` times (after a warm-up unless `warmUp` is false); `beforeRun`
 * runs before each navigation (e.g. to stop the service worker).
 */
async function measurePanel(context, extensionId, tabId, runs, { warmUp = true, beforeRun } = {}) {
  const page = await context.newPage();
  await page.addInitScript(panelInitScript);
  const url = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
  const rows = [];
  for (let i = warmUp ? 0 : 1; i <= runs; i++) {
    await page.goto('about:blank');
    if (beforeRun) await beforeRun(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__panelBench?.layoutAt !== undefined, null, {
      timeout: 120_000,
      polling: 25,
    });
    // Let every message of the panel be answered, so runs do not overlap.
    await page.waitForFunction(() => window.__panelBench.messages.every((m) => m.repliedAt !== null), null, {
      timeout: 120_000,
      polling: 25,
    });
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        ...window.__panelBench,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
      };
    });
    if (i === 0) continue; // warm-up
    const message = (type) => marks.messages.find((m) => m.type === type);
    const view = message('panel.view');
    rows.push({
      cardsMs: marks.cardsAt,
      layoutMs: marks.layoutAt,
      domContentLoaded: marks.domContentLoaded,
      responseEnd: marks.responseEnd,
      documentAt: marks.documentAt,
      viewSent: view?.sentAt ?? NaN,
      viewReplied: view?.repliedAt ?? NaN,
      cards: marks.cards,
      viewMessages: marks.messages.filter((m) => m.type === 'panel.view').length,
    });
  }
  await page.close();
  return {
    cards: stats(rows.map((r) => r.cardsMs)),
    layout: stats(rows.map((r) => r.layoutMs)),
    domContentLoaded: medianOf(rows, 'domContentLoaded'),
    responseEnd: medianOf(rows, 'responseEnd'),
    documentAt: medianOf(rows, 'documentAt'),
    viewSent: medianOf(rows, 'viewSent'),
    viewReplied: medianOf(rows, 'viewReplied'),
    cardCount: rows[0].cards,
    viewMessages: Math.max(...rows.map((r) => r.viewMessages)),
  };
}

/**
 * Stops the extension's service worker (as the browser does after about 30 s idle) through the
 * DevTools protocol, and waits until it is stopped. The next message starts it again.
 */
/**
 * Forgets the saved ranking and search indexes (raw IndexedDB): the seeded analyses bypassed the
 * import path that would have invalidated them.
 */
const forgetSavedIndexes = (worker) =>
  worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').delete('rankingIndex');
          tx.objectStore('settings').delete('searchIndex');
          tx.oncomplete = () => {
            db.close();
            resolve(undefined);
          };
          tx.onabort = () => reject(tx.error);
        };
      }),
  );

const PAGE_KINDS = ['typical', 'narrow', 'broad'];

async function rankingSession(root, extensionDir) {
  log(
    `\n[${elapsed()}] == Ranking: ${fmtInt(RANKING.analyses)} analyses, ${fmtInt(RANKING.entities)} entities ` +
      '(fresh profile)',
  );
  const { context, worker, extensionId } = await launch(root, 'profile-ranking', extensionDir);
  try {
    const starter = await waitForStarter(worker);
    const seeded = await seed(worker, RANKING);
    await forgetSavedIndexes(worker);
    const counts = await countRows(worker);
    log(
      `  seeded in ${seeded.seconds.toFixed(0)} s; library: ${fmtInt(counts.analyses)} analyses, ` +
        `${fmtInt(counts.entities)} entities (starter pack: ${starter.analyses} analyses)`,
    );
    const pages = {};
    for (const kind of PAGE_KINDS) {
      const { tabId } = await openTab(context, worker);
      const state = pageState(kind, seeded.entities);
      await setPageState(worker, tabId, state);
      pages[kind] = { tabId, state };
    }
    const sender = await context.newPage();
    await sender.goto(`chrome-extension://${extensionId}/options.html`, { waitUntil: 'load' });
    const settled = await waitForIdleBrowser();
    log(`  browser idle (IndexedDB compaction done) after ${settled.toFixed(0)} s`);
    const others = watchOthers();

    // The first panel.view after the library changed builds the ranking index (and saves it).
    const [first] = await roundTrips(sender, 'panel.view', { tabId: pages.typical.tabId }, 1);
    if (first.totalAnalyses !== counts.analyses)
      throw new Error(`the ranking index holds ${first.totalAnalyses} analyses, not ${counts.analyses}`);
    log(`  [${elapsed()}] first panel.view (builds the ranking index): ${fmtMs(first.ms)} ms`);
    await waitForIdleBrowser(30);

    await worker.evaluate(await bundleProbe());
    const result = {
      counts,
      starter,
      seeded: { seconds: seeded.seconds, settled },
      topDf: seeded.topDf,
      topName: seeded.entities[0].name,
      medianDf: seeded.medianDf,
      firstView: first.ms,
      pages: {},
    };
    for (const kind of PAGE_KINDS) {
      const headline = kind === 'typical';
      const { tabId } = pages[kind];
      const [shape] = await probe(worker, 'shape', [tabId]);
      log(
        `\n  [${elapsed()}] page "${kind}": 30 entities, Σ df ${fmtInt(shape.sumDf)}, ` +
          `candidates ${fmtInt(shape.candidates)}`,
      );
      const trips = (
        await roundTrips(sender, 'panel.view', { tabId }, (headline ? RUNS : SIDE_RUNS) + 1)
      ).slice(1);
      const handler = (await probe(worker, 'handler', [tabId, LIMIT], SIDE_RUNS + 1)).slice(1);
      const steps = (await probe(worker, 'breakdown', [tabId, LIMIT], SIDE_RUNS + 1)).slice(1);
      const page = {
        candidates: shape.candidates,
        sumDf: shape.sumDf,
        roundTrip: stats(trips.map((t) => t.ms)),
        replyBytes: trips[0].bytes,
        ranked: trips[0].ranked,
        handler: stats(handler.map((h) => h.ms)),
        steps: Object.fromEntries(Object.keys(steps[0].t).map((k) => [k, median(steps.map((b) => b.t[k]))])),
        room: steps[0].room,
        names: steps[0].names,
        productTop: trips[0].ids,
        runs: trips.length,
      };
      log(
        `    panel.view ${fmtMs(page.roundTrip.median)} ms (p95 ${fmtMs(page.roundTrip.p95)}), handler alone ` +
          `${fmtMs(page.handler.median)} ms`,
      );
      log(
        '    steps: ' +
          Object.entries(page.steps)
            .map(([k, v]) => `${k} ${fmtMs(v)}`)
            .join(', '),
      );
      result.pages[kind] = page;
    }
    log(`\n  [${elapsed()}] full panel, worker running…`);
    result.panel = await measurePanel(context, extensionId, pages.typical.tabId, RUNS);
    logPanel(result.panel);

    log(`\n  [${elapsed()}] worker stopped before each run: panel.view, then the full panel…`);
    const cold = [];
    for (let i = 0; i < SIDE_RUNS; i++) {
      await stopWorker(context, sender);
      cold.push((await roundTrips(sender, 'panel.view', { tabId: pages.typical.tabId }, 1))[0].ms);
    }
    result.coldView = stats(cold);
    const coldState = [];
    for (let i = 0; i < SIDE_RUNS; i++) {
      await stopWorker(context, sender);
      coldState.push((await roundTrips(sender, 'tab.state', { tabId: pages.typical.tabId }, 1))[0].ms);
    }
    result.coldState = stats(coldState);
    log(`    tab.state (no database, no index) after a worker stop: ${fmtMs(result.coldState.median)} ms`);
    log(
      `    panel.view after a worker stop: ${fmtMs(result.coldView.median)} ms (p95 ${fmtMs(result.coldView.p95)})`,
    );
    result.coldPanel = await measurePanel(context, extensionId, pages.typical.tabId, SIDE_RUNS, {
      warmUp: false,
      beforeRun: (page) => stopWorker(context, page),
    });
    logPanel(result.coldPanel);

    // Last, the heavy reads (whole library) whose garbage would slow the measurements above.
    log(`\n  [${elapsed()}] index costs and naive references…`);
    const current = context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
    await current.evaluate(await bundleProbe());
    const costs = await probe(current, 'indexCosts', [], 3);
    result.index = {
      loadMs: medianOf(costs, 'loadMs'),
      readMs: medianOf(costs, 'readMs'),
      buildMs: medianOf(costs, 'buildMs'),
      cloneMs: medianOf(costs, 'cloneMs'),
      bytes: costs[0].bytes,
      postings: costs[0].postings,
    };
    log(
      `\n  ranking index: ${fmtInt(result.index.postings)} postings, ~${fmtInt(result.index.bytes / 2 ** 20)} MB; ` +
        `load saved ${fmtMs(result.index.loadMs)} ms, read analyses ${fmtMs(result.index.readMs)} ms, ` +
        `build ${fmtMs(result.index.buildMs)} ms`,
    );

    for (const kind of PAGE_KINDS) {
      const page = result.pages[kind];
      const runs = kind === 'typical' ? RUNS : 3;
      const naive = (await probe(current, 'naiveRank', [pages[kind].tabId, LIMIT], runs + 1)).slice(1);
      const productTop = new Set(page.productTop);
      Object.assign(page, {
        naive: stats(naive.map((n) => n.ms)),
        naiveLoad: medianOf(naive, 'loadMs'),
        naiveScore: medianOf(naive, 'scoreMs'),
        sameTop: naive[0].top.filter((id) => productTop.has(id)).length,
      });
      log(
        `    ${kind}: naive ${fmtMs(page.naive.median)} ms (${fmtRatio(page.naive.median / page.roundTrip.median)} ` +
          `panel.view; same top ${LIMIT}: ${page.sameTop})`,
      );
    }
    result.otherCores = others();
    log(`  other processes kept ${result.otherCores.toFixed(2)} cores busy meanwhile`);
    return result;
  } finally {
    await context.close();
  }
}

function logPanel(panel) {
  log(
    `    first card at ${fmtMs(panel.cards.median)} ms (p95 ${fmtMs(panel.cards.p95)}); document ` +
      `${fmtMs(panel.documentAt)}, DOMContentLoaded ${fmtMs(panel.domContentLoaded)}, panel.view sent ` +
      `${fmtMs(panel.viewSent)}, answered ${fmtMs(panel.viewReplied)}`,
  );
}

async function searchSession(root, extensionDir) {
  log(
    `\n[${elapsed()}] == Search: ${fmtInt(SEARCH.analyses)} analyses, ${fmtInt(SEARCH.entities)} entities ` +
      '(second fresh profile)',
  );
  const { context, worker, extensionId } = await launch(root, 'profile-search', extensionDir);
  try {
    await waitForStarter(worker);
    const seeded = await seed(worker, SEARCH);
    await forgetSavedIndexes(worker);
    const counts = await countRows(worker);
    log(`  library: ${fmtInt(counts.analyses)} analyses, ${fmtInt(counts.entities)} entities`);
    const queries = searchQueries(seeded.sample, seeded.entities);
    const sender = await context.newPage();
    await sender.goto(`chrome-extension://${extensionId}/options.html`, { waitUntil: 'load' });
    const settled = await waitForIdleBrowser();
    log(`  browser idle after ${settled.toFixed(0)} s`);
    const others = watchOthers();

    // The very first search builds the background's index.
    const [first] = await roundTrips(sender, 'library.search', { query: queries[0].query }, 1);
    log(`  first query (builds the index): ${fmtMs(first.ms)} ms`);

    await worker.evaluate(await bundleProbe());
    const builds = await probe(worker, 'searchBuild', [], 3);
    const rows = [];
    for (const { kind, query } of queries) {
      const trips = (await roundTrips(sender, 'library.search', { query }, RUNS + 1)).slice(1);
      const inWorker = (await probe(worker, 'searchQuery', [query], RUNS + 1)).slice(1);
      const row = {
        kind,
        query,
        total: trips[0].total,
        ms: trips.map((t) => t.ms),
        median: median(trips.map((t) => t.ms)),
        indexMs: medianOf(inWorker, 'indexMs'),
        readMs: medianOf(inWorker, 'readMs'),
        namesMs: medianOf(inWorker, 'namesMs'),
        bytes: trips[0].bytes,
      };
      rows.push(row);
      log(
        `  ${kind.padEnd(20)} ${JSON.stringify(query).padEnd(34)} ${String(row.total).padStart(6)} hits  ` +
          `${fmtMs(row.median).padStart(6)} ms  (index ${fmtMs(row.indexMs)}, read ${fmtMs(row.readMs)}, ` +
          `names ${fmtMs(row.namesMs)})`,
      );
    }
    // The naive references after the product's figures (their garbage would slow them).
    for (const row of rows) {
      const naive = await probe(worker, 'naiveSearch', [row.query, 30, false], 3);
      const scan = (await probe(worker, 'naiveSearch', [row.query, 30, true], 4)).slice(1);
      Object.assign(row, {
        naiveTotal: naive[0].total,
        naive: medianOf(naive, 'ms'),
        naiveLoad: medianOf(naive, 'loadMs'),
        scan: medianOf(scan, 'scanMs'),
      });
    }
    log(
      `  naive scan: ${rows.map((r) => `${fmtMs(r.naive)} (${fmtRatio(r.naive / r.median)})`).join(', ')} ms`,
    );
    // A stopped worker forgets the index: the next search builds it again.
    const cold = [];
    for (let i = 0; i < 3; i++) {
      await stopWorker(context, sender);
      cold.push((await roundTrips(sender, 'library.search', { query: queries[i + 1].query }, 1))[0].ms);
    }
    log(`  first query after a worker stop: ${cold.map(fmtMs).join(', ')} ms`);
    const all = rows.flatMap((r) => r.ms);
    const otherCoresUsed = others();
    log(`  other processes kept ${otherCoresUsed.toFixed(2)} cores busy meanwhile`);
    return {
      otherCores: otherCoresUsed,
      counts,
      first: first.ms,
      cold: stats(cold),
      build: {
        readMs: medianOf(builds, 'readMs'),
        buildMs: builds[0].buildMs === null ? null : medianOf(builds, 'buildMs'),
        jsonMs: builds[0].jsonMs === null ? null : medianOf(builds, 'jsonMs'),
        jsonBytes: builds[0].jsonBytes,
        loadMs: medianOf(builds, 'firstSearchMs'),
        readSavedMs: builds[0].readSavedMs === null ? null : medianOf(builds, 'readSavedMs'),
      },
      rows,
      overall: stats(all),
      naive: median(rows.map((r) => r.naive)),
      naiveLoad: median(rows.map((r) => r.naiveLoad)),
      scan: median(rows.map((r) => r.scan)),
    };
  } finally {
    await context.close();
  }
}

function table(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

const verdict = (ms, target) => (ms < target ? `met (< ${target} ms)` : `**missed** (target < ${target} ms)`);
const withP95 = (s) => `${fmtMs(s.median)} (p95 ${fmtMs(s.p95)})`;

function report({ ranking, search }) {
  const typical = ranking.pages.typical;
  const lib = `${fmtInt(ranking.counts.analyses)} analyses / ${fmtInt(ranking.counts.entities)} entities`;
  const searchLib = `${fmtInt(search.counts.analyses)} analyses`;
  const results = table(
    ['measure', 'library', 'median ms (p95)', 'target', 'naive reference ms', 'naive / ours'],
    [
      [
        '**(a)** `panel.view` round trip, typical page (30 entities), worker running',
        lib,
        withP95(typical.roundTrip),
        verdict(typical.roundTrip.median, TARGETS.panelMs),
        fmtMs(typical.naive.median),
        fmtRatio(typical.naive.median / typical.roundTrip.median),
      ],
      [
        '(a) the same, first call after the worker was stopped (loads the saved index)',
        lib,
        withP95(ranking.coldView),
        verdict(ranking.coldView.median, TARGETS.panelMs),
        fmtMs(typical.naive.median),
        fmtRatio(typical.naive.median / ranking.coldView.median),
      ],
      [
        '(a) the same, first call after the library changed (builds the index)',
        lib,
        `${fmtMs(ranking.firstView)} (1 run)`,
        verdict(ranking.firstView, TARGETS.panelMs),
        fmtMs(typical.naive.median),
        fmtRatio(typical.naive.median / ranking.firstView),
      ],
      [
        '**(b)** full panel: navigation → first ranked card in the DOM, worker running',
        lib,
        withP95(ranking.panel.cards),
        verdict(ranking.panel.cards.median, TARGETS.panelMs),
        '',
        '',
      ],
      [
        '(b) the same, worker stopped before each run',
        lib,
        withP95(ranking.coldPanel.cards),
        verdict(ranking.coldPanel.cards.median, TARGETS.panelMs),
        '',
        '',
      ],
      [
        `**(c)** \`library.search\`, ${search.rows.length} queries × ${RUNS} runs`,
        searchLib,
        withP95(search.overall),
        verdict(search.overall.median, TARGETS.searchMs),
        fmtMs(search.naive),
        fmtRatio(search.naive / search.overall.median),
      ],
      [
        '(c) first query (builds the search index)',
        searchLib,
        `${fmtMs(search.first)} (1 run)`,
        verdict(search.first, TARGETS.searchMs),
        '',
        '',
      ],
      [
        '(c) first query after the worker was stopped',
        searchLib,
        withP95(search.cold),
        verdict(search.cold.median, TARGETS.searchMs),
        '',
        '',
      ],
    ],
  );
  const pagesTable = table(
    [
      'page (30 entities)',
      'candidates',
      'Σ df',
      '`panel.view` ms (p95)',
      'handler alone ms',
      'naive ms',
      'naive / ours',
      `same top ${LIMIT}`,
      'runs',
    ],
    Object.entries(ranking.pages).map(([kind, p]) => [
      kind,
      fmtInt(p.candidates),
      fmtInt(p.sumDf),
      withP95(p.roundTrip),
      fmtMs(p.handler.median),
      fmtMs(p.naive.median),
      fmtRatio(p.naive.median / p.roundTrip.median),
      `${p.sameTop} / ${Math.min(LIMIT, p.candidates)}`,
      String(p.runs),
    ]),
  );
  const stepNames = {
    tabState: 'tab state from `storage.session` (+ focus)',
    indexInMemory: '`ranking.get()` (index already in memory)',
    siteStatus: 'site switch + display settings (2 reads)',
    rankWithIndex: '`rankWithIndex`: weights, score the postings, sort candidates',
    bulkGetShown: `\`bulkGet\` of the ${LIMIT} shown analyses`,
    buildCards: 'views + matched entities',
    othersQuery: '"others" query (only when fewer than 50 are ranked)',
    entityNames: '`entities.bulkGet` of the names shown on the cards',
    cloneReply: 'structured clone of the reply (≈ message serialisation)',
  };
  const stepsTable = table(
    ['step (medians, ms)', ...PAGE_KINDS],
    Object.keys(typical.steps).map((k) => [
      stepNames[k] ?? k,
      ...PAGE_KINDS.map((kind) => fmtMs(ranking.pages[kind].steps[k])),
    ]),
  );
  const timeline = (p) => [
    ['HTML received (`responseEnd`)', fmtMs(p.responseEnd)],
    ['document created (init script runs)', fmtMs(p.documentAt)],
    ['DOMContentLoaded', fmtMs(p.domContentLoaded)],
    ['`panel.view` sent', fmtMs(p.viewSent)],
    ['`panel.view` answered', fmtMs(p.viewReplied)],
    ['first ranked card in the DOM', withP95(p.cards)],
    ['… styled and laid out (forced layout)', withP95(p.layout)],
  ];
  const warmRows = timeline(ranking.panel);
  const coldRows = timeline(ranking.coldPanel);
  const panelTable = table(
    ['moment in the panel page (ms from navigation start, medians)', 'worker running', 'worker stopped'],
    warmRows.map(([name, value]) => [name, value, coldRows.find((row) => row[0] === name)?.[1] ?? '—']),
  );
  const searchTable = table(
    [
      'kind',
      'query',
      'hits',
      'round trip median ms',
      'MiniSearch ms',
      'bulkGet 30 ms',
      'entity names ms',
      'naive ms',
      'naive / ours',
    ],
    search.rows.map((r) => [
      r.kind,
      `\`${r.query}\``,
      fmtInt(r.total),
      fmtMs(r.median),
      fmtMs(r.indexMs),
      fmtMs(r.readMs),
      fmtMs(r.namesMs),
      fmtMs(r.naive),
      fmtRatio(r.naive / r.median),
    ]),
  );
  return { results, pagesTable, stepsTable, panelTable, searchTable, lib };
}

function writeDoc(data, tables) {
  const { ranking, search, machine, extension, date, seconds } = data;
  const typical = ranking.pages.typical;
  const quiet = Math.max(ranking.otherCores, search.otherCores) <= 0.25;
  const doc = `# Side panel benchmark

How fast the side panel ranks and shows analyses for a page, and how fast library search answers, on a
large synthetic library, in real headless Chromium with the built extension. Not a test: it measures
and prints ratios against naive approaches; nothing fails when a target is missed.

\`\`\`
node scripts/bench-panel.mjs          # full run (this file); --quick for a smoke run (10,000 / 2,000)
\`\`\`

- Date: ${date}; commit ${machine.commit}${extension.uncommitted ? ` with ${extension.uncommitted} uncommitted change(s) under lib/, entrypoints/ or components/` : ''}; extension: ${extension.source}, built ${extension.builtAt.toISOString()}${extension.stale ? `; **the sources changed after that build** (${extension.stale})` : ''}.
- Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memGb} GB RAM; ${machine.chromium}, headless (\`--headless=new\`), Node ${process.version}.
- Other load: the machine is shared; processes other than this script and its browser kept on average
  ${ranking.otherCores.toFixed(2)} of the ${machine.cores} cores busy during the ranking measurements and ${search.otherCores.toFixed(2)} during the search ones
  (read from \`/proc\`; ${machine.otherCoresAtStart.toFixed(2)} at the start).${quiet ? '' : ' **The machine was not quiet: figures are slower and noisier than on an idle machine.**'}
- Runs: ${RUNS} measured runs after 1 warm-up for each headline figure, ${SIDE_RUNS} for side figures (other pages, stopped
  worker), 3 for the naive references of the side pages; p95 is nearest-rank, so with ${RUNS} runs it is the slowest run.
  Whole run: ${Math.round(seconds)} s.

## Results

${tables.results}

Ratios are naive reference time ÷ our time: above 1× we are faster.

## Method

- **Library** (\`bench/panel/synth.mjs\`, word lists in \`bench/panel/words.mjs\`, seeded PRNG: the same library every run):
  ${fmtInt(RANKING.entities)} entities — real states, cities and organisations mostly in the top ranks, then generated people
  (given name + surname), organisations and events ("Aleppo offensive 2016"), with aliases — and ${fmtInt(RANKING.analyses)}
  analyses with a title, 1–3 authors with credentials (a few prolific authors), one of 52 outlets (skewed),
  \`publishedAt\` uniform over 2010–2024, a summary of about 50 words, 3–5 key points and 5–15 entity ids drawn
  with P(rank r) ∝ 1/(r+1) (Zipf, s = 1): the most frequent entity (${ranking.topName}) is in ${fmtInt(ranking.topDf)} analyses, the
  median one in ${fmtInt(ranking.medianDf)}. Added with raw IndexedDB in the service worker (5,000 per transaction) after the
  starter pack (${ranking.starter.analyses} analyses) was installed: ${fmtInt(ranking.counts.analyses)} analyses and ${fmtInt(ranking.counts.entities)} entities in all (seeding took
  ${Math.round(ranking.seeded.seconds)} s; the measurements start once the browser is idle again, ${Math.round(ranking.seeded.settled)} s later, after
  IndexedDB's compaction). The seeding bypasses the import path, so the script deletes the saved ranking and search
  indexes and checks that the first \`panel.view\` ranks over all ${fmtInt(ranking.counts.analyses)} analyses.
- **Pages** (30 actors and events each, in \`storage.session\` as the content script would report them, for a real
  \`about:blank\` tab; dated 2016-03-15, top entities in the headline and lead, 1–12 mentions each):
  *typical* (the headline case) mixes 3 frequent entities (frequency ranks ${FREQUENT_RANKS.map((r) => r + 1).join(', ')}), 7 middling and 20 rare ones;
  *narrow* has only rare ones; *broad* also names the three most frequent entities of the library.
- **(a)** \`chrome.runtime.sendMessage({ protocol: 'backstory/1', type: 'panel.view', data: { tabId } })\` from an
  extension page (options.html), timed with \`performance.now()\` in that page. Three states of the background:
  the first call after the library changed (the ranking index is built from the analyses and saved), calls with
  the worker running (the headline), and the first call after the worker was stopped through the DevTools
  protocol (\`ServiceWorker.stopAllWorkers\`, as Chrome does after about 30 s idle: the saved index is loaded).
- **(b)** a tab navigates to \`sidepanel.html?tabId=…\`; an init script (before the panel's own code) records, as
  \`performance.now()\` from the navigation's time origin, when each protocol message is sent and answered and
  when a MutationObserver first sees \`[data-testid=ranked] article\` (then forces style and layout and records that
  too; paint is not timed, headless frames are not paced by a display). With the worker running, and stopped
  before each run.
- **(c)** a second, fresh profile with ${fmtInt(search.counts.analyses)} analyses and ${fmtInt(SEARCH.entities)} entities; \`library.search\` from an extension page.
  The first query builds the background's MiniSearch index and is reported alone; then ${search.rows.length} queries
  taken from the library (author names, outlets, entity names, a summary phrase, prefixes, topics), each
  ${RUNS} runs after a warm-up; then 3 first queries each after stopping the worker.
- **References** (in the service worker, raw IndexedDB): ranking — \`getAll()\` every analysis, count df and score
  each one with the same formula, sort, top ${LIMIT} ("same top ${LIMIT}" below compares its result with the product's);
  search — \`getAll()\` every analysis and keep those whose lowercase title + summary + author names + outlet
  \`includes\` the lowercase query.
- **Where the time goes**: \`bench/panel/worker-probe.ts\` (bundled with Vite, evaluated in the service
  worker) opens the same database with the product's Dexie schema and calls the product's \`panel.view\`
  handler, ranking index and \`LibrarySearch\` directly (no messaging), and times each step of the handler.

## Ranking: pages

${tables.pagesTable}

Candidates are the analyses sharing at least one entity with the page; Σ df is the number of postings the
ranking touches. "Handler alone" is the product handler called inside the worker without messaging.

## Ranking: where the time goes (${tables.lib})

${tables.stepsTable}

The ranking index holds ${fmtInt(ranking.index.postings)} postings (about ${fmtInt(ranking.index.bytes / 2 ** 20)} MB with the ids). Loading the saved index
(a new \`RankingIndexStore\`, as in a restarted worker): ${fmtMs(ranking.index.loadMs)} ms. Building it: reading the analyses in batches of
5,000 ${fmtMs(ranking.index.readMs)} ms + \`buildRankingIndex\` ${fmtMs(ranking.index.buildMs)} ms (then it is saved). Messaging, envelope validation and
serialisation of the ${fmtInt(typical.replyBytes / 1024)} KB reply (round trip minus handler alone): ${
    typical.roundTrip.median > typical.handler.median
      ? `${fmtMs(typical.roundTrip.median - typical.handler.median)} ms`
      : `within the noise (handler alone ${fmtMs(typical.handler.median)} ms, round trip ${fmtMs(typical.roundTrip.median)} ms)`
  }.

## Full panel: timeline (typical page, ${tables.lib})

${tables.panelTable}

${fmtInt(ranking.panel.cardCount)} ranked cards are rendered; the panel sends \`panel.view\` ${ranking.panel.viewMessages === 1 ? 'once' : `${ranking.panel.viewMessages} times`} per load.

## Search (${fmtInt(search.counts.analyses)} analyses)

First query, which builds the index: ${fmtMs(search.first)} ms round trip. In the worker (medians of 3): reading the
analyses and entities ${fmtMs(search.build.readMs)} ms${
    search.build.buildMs !== null
      ? `, building the MiniSearch index ${fmtMs(search.build.buildMs)} ms, \`JSON.stringify\` of it
(${fmtInt(search.build.jsonBytes / 1024)} KB, what is saved) ${fmtMs(search.build.jsonMs)} ms`
      : ''
  }; a new \`LibrarySearch\` answering its first query from the
saved index ${fmtMs(search.build.loadMs)} ms. First queries after a worker stop: ${fmtMs(search.cold.median)} ms (median of ${search.cold.runs}).

${tables.searchTable}

All ${search.rows.length * RUNS} query runs: median ${fmtMs(search.overall.median)} ms, p95 ${fmtMs(search.overall.p95)} ms. Naive reference: median
${fmtMs(search.naive)} ms per query, of which ${fmtMs(search.naiveLoad)} ms loading the library and ${fmtMs(search.scan)} ms scanning it once loaded.
The naive substring scan does not find prefixes or fuzzy matches the way MiniSearch does, so its hit
counts differ; it is a cost reference, not a quality one.

## Analysis

${data.analysis}
`;
  writeFileSync(DOC, doc);
  // Tables padded as the project's formatter wants them (npm run format:check).
  spawnSync('npx', ['prettier', '--write', DOC], { stdio: 'ignore' });
  log(`\nWrote ${DOC}`);
}

/** The written analysis: derived from the measured numbers so it stays true run to run. */
function analyse({ ranking, search }) {
  const t = ranking.pages.typical;
  const b = ranking.pages.broad;
  const n = ranking.pages.narrow;
  const s = t.steps;
  const p = ranking.panel;
  const c = ranking.coldPanel;
  const met = (v, target) => (v < target ? 'met' : '**missed**');
  const faster = (naive, ours) =>
    naive >= ours ? `${fmtRatio(naive / ours)} faster than` : `${fmtRatio(ours / naive)} slower than`;
  const lines = [];
  lines.push(
    `- **Ranking (a)**, worker running: ${fmtMs(t.roundTrip.median)} ms (p95 ${fmtMs(t.roundTrip.p95)}) for the typical page's ` +
      `${fmtInt(t.candidates)} candidates — target ${met(t.roundTrip.median, TARGETS.panelMs)}; ` +
      `${faster(t.naive.median, t.roundTrip.median)} the naive load-and-score (${fmtMs(t.naive.median)} ms, ` +
      `${fmtMs(t.naiveLoad)} ms of it loading), with the same top ${LIMIT} (${t.sameTop} of ${LIMIT}). ` +
      `Narrow page ${fmtMs(n.roundTrip.median)} ms (${fmtInt(n.candidates)} candidates), broad page ` +
      `${fmtMs(b.roundTrip.median)} ms (${fmtInt(b.candidates)} candidates): the cost follows the postings touched, ` +
      `and the database is read only for the ${LIMIT} shown analyses.`,
  );
  const ordered = Object.entries(s).sort((x, y) => y[1] - x[1]);
  lines.push(
    `- **Where the time goes** (typical page, medians): ${ordered
      .map(([k, v]) => `${k} ${fmtMs(v)} ms`)
      .join(
        ', ',
      )}; handler alone ${fmtMs(t.handler.median)} ms, round trip ${fmtMs(t.roundTrip.median)} ms. ` +
      (s.entityNames > 5
        ? `Reading the names of the ${fmtInt(t.names)} entities on the cards (\`entities.bulkGet\`) is ` +
          `${fmtMs(s.entityNames)} ms: a names map kept in memory with the ranking index would remove it. `
        : '') +
      `On the broad page \`rankWithIndex\` takes ${fmtMs(b.steps.rankWithIndex)} ms` +
      (b.steps.rankWithIndex > 10
        ? `: it allocates two \`Float64Array\`s of the library's size and sorts all ${fmtInt(b.candidates)} ` +
          `candidates to keep ${LIMIT}; a bounded selection (a heap of ${LIMIT}) would cut that.`
        : '.'),
  );
  lines.push(
    `- **After a worker stop** (Chrome stops an idle extension worker after about 30 s, so this is the usual ` +
      `state when the reader opens the panel): \`panel.view\` ${fmtMs(ranking.coldView.median)} ms (p95 ` +
      `${fmtMs(ranking.coldView.p95)}) — target ${met(ranking.coldView.median, TARGETS.panelMs)}. Starting the worker ` +
      `alone costs ${fmtMs(ranking.coldState.median)} ms (a stopped worker answering \`tab.state\`, which reads ` +
      `neither the database nor the index); the rest is opening the database and loading the saved index ` +
      `(${fmtMs(ranking.index.loadMs)} ms in a running worker, ~${fmtInt(ranking.index.bytes / 2 ** 20)} MB of ids ` +
      `and postings in one settings record) before ranking. ` +
      `**After the library changes** the first call rebuilds the index: ${fmtMs(ranking.firstView)} ms ` +
      `(reading ${fmtInt(ranking.counts.analyses)} analyses ${fmtMs(ranking.index.readMs)} ms, building ` +
      `${fmtMs(ranking.index.buildMs)} ms, then saving); doing that right after an import, rather than on the ` +
      `next panel open, would hide it.`,
  );
  const inFlight = p.viewReplied - p.viewSent;
  const render = p.cards.median - p.viewReplied;
  lines.push(
    `- **Full panel (b)**: ${fmtMs(p.cards.median)} ms (p95 ${fmtMs(p.cards.p95)}) from navigation to the first ` +
      `card with the worker running — target ${met(p.cards.median, TARGETS.panelMs)}; ${fmtMs(c.cards.median)} ms ` +
      `with the worker stopped (${met(c.cards.median, TARGETS.panelMs)}). Running worker, medians: the document ` +
      `exists at ${fmtMs(p.documentAt)} ms, its module scripts have run at DOMContentLoaded ` +
      `(${fmtMs(p.domContentLoaded)} ms), and \`panel.view\` leaves at ${fmtMs(p.viewSent)} ms — ` +
      `${fmtMs(p.viewSent - p.domContentLoaded)} ms after DOMContentLoaded (first render, then the effects that ` +
      `resolve the tab id and send the request); the answer takes ${fmtMs(inFlight)} ms ` +
      `(${fmtMs(t.roundTrip.median)} ms alone in (a)` +
      `); rendering ${fmtInt(p.cardCount)} cards takes ${fmtMs(render)} ms. So page start-up ` +
      `(${fmtMs(p.viewSent)} ms) is ${p.viewSent > inFlight ? 'the largest part' : 'a large part'} of (b), ` +
      `more than the ranking itself. With the worker stopped, \`panel.view\` takes ` +
      `${fmtMs(c.viewReplied - c.viewSent)} ms in flight (worker start, database open, saved index load). ` +
      `Ideas, not measured here: send \`panel.view\` before the first render when the tab id is known (a ` +
      `pinned \`tabId\`, or \`tabs.query\` started at module load), render the first cards before the rest, ` +
      `and keep the panel's bundle small.`,
  );
  const slow = search.rows.filter((r) => r.median >= TARGETS.searchMs);
  const build = search.build;
  const coldIsLoad = search.cold.median < search.first / 3;
  lines.push(
    `- **Search (c)**: ${fmtMs(search.overall.median)} ms median per query (p95 ${fmtMs(search.overall.p95)}) — ` +
      `target ${met(search.overall.median, TARGETS.searchMs)}` +
      (slow.length
        ? `, but ${slow.length} of ${search.rows.length} queries are over it ` +
          `(${slow.map((r) => `\`${r.query}\` ${fmtMs(r.median)} ms`).join(', ')})`
        : ' for every query') +
      `; ${faster(search.naive, search.overall.median)} the naive scan (${fmtMs(search.naive)} ms, of which ` +
      `${fmtMs(search.naiveLoad)} ms is loading the library; scanning an already loaded array is ` +
      `${fmtMs(search.scan)} ms). The first query after the library changed builds the index: ` +
      `${fmtMs(search.first)} ms (${met(search.first, TARGETS.searchMs)}; in the worker: reading ` +
      `${fmtMs(build.readMs)} ms` +
      (build.buildMs !== null
        ? `, MiniSearch build ${fmtMs(build.buildMs)} ms, \`JSON.stringify\` of the ` +
          `${fmtInt(build.jsonBytes / 1024)} KB index ${fmtMs(build.jsonMs)} ms`
        : '') +
      `). The first query after a worker stop: ${fmtMs(search.cold.median)} ms ` +
      `(${met(search.cold.median, TARGETS.searchMs)}) — ` +
      (coldIsLoad
        ? `the saved index is loaded, not rebuilt (${fmtMs(build.loadMs)} ms for a new \`LibrarySearch\` in a ` +
          `running worker)` +
          (search.cold.median >= TARGETS.searchMs && build.jsonBytes
            ? (build.readSavedMs !== null
                ? `; reading the saved record takes ${fmtMs(build.readSavedMs)} ms, so parsing ` +
                  `${fmtInt(build.jsonBytes / 1024)} KB of JSON and rebuilding MiniSearch's tree is the rest`
                : '') +
              `; a smaller saved index (fewer fields: in this library key points and author credentials ` +
              `are about 43% of the indexed text) or loading it when the worker starts rather than on the first keystroke would help.`
            : '.')
        : `the index is rebuilt: keeping it across worker restarts (saving MiniSearch's JSON, as the ranking ` +
          `index is saved) would remove that wait.`) +
      ` Building it right after an import, rather than on the first keystroke, would hide the first-query cost.`,
  );
  return lines.join('\n');
}

/** A note when lib/, entrypoints/ or components/ changed after the build being measured. */
function staleBuild(builtAt) {
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|css|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
        if (statSync(path).mtime > builtAt) newer.push(path);
    }
  };
  for (const dir of ['lib', 'entrypoints', 'components']) if (existsSync(dir)) walk(dir);
  return newer.length ? `${newer.length} source file(s) newer, e.g. ${newer[0]}` : null;
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'backstory-bench-panel-'));
  try {
    const extension = extensionToMeasure(root);
    extension.uncommitted = uncommitted();
    if (extension.stale) log(`Warning: the built extension is older than its sources (${extension.stale}).`);
    const machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
      memGb: Math.round(totalmem() / 2 ** 30),
      chromium: chromiumVersion(CHROMIUM),
      commit: gitCommit(),
    };
    log(`${machine.chromium}; ${machine.cores} cores; runs ${RUNS}${QUICK ? ' (quick)' : ''}`);
    machine.otherCoresAtStart = await waitForQuiet(WAIT_QUIET_S);
    log(`  other processes use ${machine.otherCoresAtStart.toFixed(2)} cores at the start`);
    const ranking = await rankingSession(root, extension.dir);
    const search = await searchSession(root, extension.dir);
    const seconds = (Date.now() - STARTED) / 1000;
    const data = {
      ranking,
      search,
      machine,
      extension,
      date: new Date().toISOString().slice(0, 10),
      seconds,
    };
    const tables = report(data);
    data.analysis = analyse(data);
    log(
      '\n' +
        tables.results +
        '\n\n' +
        tables.pagesTable +
        '\n\n' +
        tables.stepsTable +
        '\n\n' +
        tables.panelTable,
    );
    log('\n' + tables.searchTable + '\n\n' + data.analysis);
    if (WRITE) writeDoc(data, tables);
    log(`\nDone in ${Math.round(seconds)} s.`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
