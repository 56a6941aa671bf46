// `node scripts/bench-churn.mjs`: what a page that never stops changing costs with Backstory, in real
// headless Chromium with the built extension. A page script adds and removes 1,000 paragraphs a
// second inside the demo article for 20 s (a live ticker), and the page's main-thread time is read
// from Chromium's own accounting (DevTools `Performance.getMetrics`: TaskDuration, ScriptDuration,
// the sums of the renderer main thread's tasks and script), with Backstory and in a browser without
// it. Three storms: the same 40 headlines over and over (nothing new to read), 40 headlines naming
// actors the library holds (the marks change all the time), and headlines with new numbers each
// time (new words, no names). Prints a table; writes docs/benchmarks-churn.md. Not a test.
//   --quick      5 s storms, 1 run; prints only (unless --write)
//   --runs N     runs per storm and browser (default 3)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { benchOptions, chromiumVersion, fmtMs, median } from '../bench/shared.mjs';
import { BROWSER_ARGS, findBrowser, launchWithExtension } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const { quick: QUICK, write: WRITE, runs: RUNS } = benchOptions(process.argv.slice(2), { runs: 3 });
const STORM_MS = QUICK ? 5_000 : 20_000;
const NODES_PER_SECOND = 1_000;
const TARGET_EXTRA = 0.1;
const DOC = resolve('docs/benchmarks-churn.md');

const STORMS = {
  'same 40 headlines, again and again': 'repeat',
  '40 headlines naming library actors': 'names',
  'new numbers in every headline': 'fresh',
};

/** The page's storm: every 10 ms, ten paragraphs in and the ten oldest out (50 kept). */
function storm({ kind, ms, perSecond }) {
  const names = ['Vladimir Putin', 'Bashar al-Assad', 'Hezbollah', 'Staffan de Mistura', 'Aleppo'];
  const headline = (i) =>
    kind === 'fresh'
      ? `Markets update ${Math.floor(Math.random() * 1e9)}: index moves ${i % 97} points`
      : kind === 'names'
        ? `${names[i % names.length]} in headline number ${i % 40}`
        : `Ticker headline number ${i % 40} about the weather and the markets`;
  const ticker = document.createElement('div');
  ticker.id = 'ticker';
  document.querySelector('article')?.prepend(ticker);
  const batch = perSecond / 100;
  let i = 0;
  return new Promise((done) => {
    const timer = setInterval(() => {
      for (let n = 0; n < batch; n++) {
        const p = document.createElement('p');
        p.textContent = headline(i++);
        ticker.append(p);
        if (ticker.childElementCount > 50) ticker.firstElementChild.remove();
      }
    }, 10);
    setTimeout(() => {
      clearInterval(timer);
      done(i);
    }, ms);
  });
}

async function measure(context, url, kind) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // Backstory has read the page (or, without it, the page has settled).
  await page.waitForTimeout(2_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await page.evaluate(storm, { kind, ms: STORM_MS, perSecond: NODES_PER_SECOND });
  // What Backstory was still doing when the storm ended counts too.
  await page.waitForTimeout(1_000);
  const after = await metrics();
  await page.close();
  return {
    taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
    scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
  };
}

const server = await startStaticServer({ '/demo/': 'demo' });
const url = `${server.origin}/demo/index.html`;
const profiles = [];
const newProfile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-churn-'));
  profiles.push(dir);
  return dir;
};

const rows = [];
try {
  const withBackstory = await launchWithExtension({ profileDir: newProfile() });
  // The starter library is installed on first run.
  await new Promise((r) => setTimeout(r, 3_000));
  const without = await chromium.launchPersistentContext(newProfile(), {
    executablePath: findBrowser(),
    headless: true,
    args: ['--headless=new', ...BROWSER_ARGS],
    viewport: { width: 1280, height: 900 },
  });
  for (const [label, kind] of Object.entries(STORMS)) {
    const runs = { with: [], without: [] };
    for (let run = 0; run < RUNS; run++) {
      runs.without.push(await measure(without, url, kind));
      runs.with.push(await measure(withBackstory.context, url, kind));
    }
    const m = (list, key) => median(list.map((r) => r[key]));
    const row = {
      label,
      withoutTask: m(runs.without, 'taskMs'),
      withTask: m(runs.with, 'taskMs'),
      withoutScript: m(runs.without, 'scriptMs'),
      withScript: m(runs.with, 'scriptMs'),
    };
    row.extra = (row.withTask - row.withoutTask) / row.withoutTask;
    rows.push(row);
    console.log(
      `${label}: tasks ${fmtMs(row.withoutTask)} → ${fmtMs(row.withTask)} ms (extra ${(row.extra * 100).toFixed(0)}%), script ${fmtMs(row.withoutScript)} → ${fmtMs(row.withScript)} ms`,
    );
  }
  await withBackstory.context.close();
  await without.close();
} finally {
  await server.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
}

const table = [
  '| storm | page alone: tasks | with Backstory: tasks | extra (target ≤ 10%) | page alone: script | with Backstory: script |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${fmtMs(r.withoutTask)} ms | ${fmtMs(r.withTask)} ms | ${(r.extra * 100).toFixed(1)}% ${r.extra <= TARGET_EXTRA ? '✓' : '✗'} | ${fmtMs(r.withoutScript)} ms | ${fmtMs(r.withScript)} ms |`,
  ),
].join('\n');
console.log(`\n${table}`);

if (WRITE) {
  const doc = `# Benchmark: a page that never stops changing

Produced by \`node scripts/bench-churn.mjs${QUICK ? ' --quick' : ''}\` (part of \`npm run bench\`) on
${new Date().toISOString().slice(0, 10)}, ${chromiumVersion(findBrowser())}, ${cpus().length} cores (load ${loadavg()[0].toFixed(2)}).

A page script adds and removes ${NODES_PER_SECOND.toLocaleString('en-US')} paragraphs a second inside the demo page's article for
${STORM_MS / 1000} s (ten in, the ten oldest out, every 10 ms; 50 kept), then rests 1 s. The figures are the
page's main-thread time over those ${STORM_MS / 1000 + 1} s from Chromium's own accounting (\`Performance.getMetrics\`:
TaskDuration and ScriptDuration of the renderer main thread, which runs the content script too),
median of ${RUNS} runs, in a browser with the built extension and its starter library and in one
without any extension. Target: Backstory's extra time at most 10% of the page's own.

${table}
`;
  writeFileSync(DOC, await prettier.format(doc, { parser: 'markdown', proseWrap: 'preserve' }));
  console.log(`Wrote ${DOC}`);
}
