// `node scripts/bench-reading.mjs`: times the reading list's search in real headless Chromium with the
// built extension, over 10,000 saved articles with full text, against a naive reference. Prints a
// table and ratios; writes docs/benchmarks-reading.md. Not a test: nothing fails on a missed target.
//   (a) `reading.list` with a query, round trip from an extension page, index built (20 queries);
//   (b) the first search after the service worker was stopped (the worker reads every article and
//       builds the index first), and how long the worker takes to answer another message while the
//       index is being built after the list was shown;
//   reference: in the service worker, every article and its text read from IndexedDB and filtered by
//   lower-case substrings (every query word must occur), with and without the read.
//   --quick      2,000 articles, 3 runs; prints only (unless --write)
//   --runs N     passes over the queries (default 5; at least 5 in a full run)
//   --write      write docs/benchmarks-reading.md even with --quick
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import {
  addRecords,
  askFromPage,
  benchOptions,
  corpusWords,
  chromiumVersion,
  createRandom,
  fmtInt,
  fmtMs,
  median,
  p95,
  stopWorker,
} from '../bench/shared.mjs';
import { EXTENSION_DIR, launchWithExtension } from './chromium.mjs';

const { quick: QUICK, write: WRITE, runs: RUNS } = benchOptions(process.argv.slice(2), { runs: 5 });

const ARTICLES = QUICK ? 2_000 : 10_000;
const WORDS_PER_ARTICLE = 300;
const BATCH = 1_000;
const COLD_RUNS = 3;
const TARGET_MS = 100;
const CORPUS = resolve('../shared/corpus');
const DOC = resolve('docs/benchmarks-reading.md');
const CHROMIUM = '/usr/bin/chromium';
const START = '<!-- bench:reading:start -->';
const END = '<!-- bench:reading:end -->';

const log = (...parts) => console.log(...parts);

/** Deterministic saved articles: title, excerpt and body cut from corpus prose at seeded places. */
function buildArticles(count, words) {
  const random = createRandom(7);
  const run = (length) => {
    const from = Math.floor(random() * (words.length - length));
    return words.slice(from, from + length).join(' ');
  };
  const now = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, index) => {
    const id = `a-bench${String(index).padStart(8, '0')}`;
    const text = run(WORDS_PER_ARTICLE);
    return {
      article: {
        id,
        url: `https://bench.example/articles/${index}`,
        key: `https://bench.example/articles/${index}`,
        title: run(8),
        siteName: `Outlet ${index % 40}`,
        excerpt: run(25),
        wordCount: WORDS_PER_ARTICLE,
        readingMinutes: 2,
        entityIds: [],
        tags: index % 10 === 0 ? ['longread'] : [],
        status: index % 3 === 0 ? 'archived' : 'unread',
        savedAt: now - index * 60_000,
        updatedAt: now - index * 60_000,
        contentState: 'saved',
      },
      content: { id, contentHtml: `<p>${text}</p>`, text },
    };
  });
}

/** Queries as a reader types them: a rare word, a name, two words, a prefix, a misspelling. */
function buildQueries(articles) {
  const random = createRandom(11);
  const queries = [];
  const wordsOf = (text) => text.split(/\s+/).map((word) => word.replace(/[.,;:’']+$/u, ''));
  for (let i = 0; queries.length < 20; i++) {
    const { text } = articles[Math.floor(random() * articles.length)].content;
    const words = wordsOf(text).filter((word) => word.length >= 6);
    if (words.length < 2) continue;
    const word = words[Math.floor(random() * words.length)];
    const name = wordsOf(text).find((w) => /^\p{Lu}\p{Ll}{3,}$/u.test(w)) ?? word;
    const kind = i % 5;
    queries.push(
      kind === 0
        ? word
        : kind === 1
          ? name
          : kind === 2
            ? `${word} ${words[(words.indexOf(word) + 1) % words.length]}`
            : kind === 3
              ? word.slice(0, 5)
              : word.slice(0, 2) + word[3] + word[2] + word.slice(4),
    );
  }
  return queries;
}

const ask = askFromPage;

/** The naive reference in the worker, per query: { load, filter } ms and the number found. */
const naiveSearch = (worker, queries) =>
  worker.evaluate(async (queries) => {
    const getAll = (db, store) =>
      new Promise((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const results = [];
    for (const query of queries) {
      const start = performance.now();
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const [articles, contents] = [await getAll(db, 'articles'), await getAll(db, 'articleContents')];
      db.close();
      const loaded = performance.now();
      const texts = new Map(contents.map((content) => [content.id, content.text]));
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const found = articles.filter((article) => {
        const haystack =
          `${article.title} ${article.siteName ?? ''} ${article.excerpt ?? ''} ${texts.get(article.id) ?? ''}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      }).length;
      results.push({ load: loaded - start, filter: performance.now() - loaded, found });
    }
    return results;
  }, queries);

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('Build the extension first: npm run build');
  const began = Date.now();
  const loadBefore = loadavg()[0];
  const words = corpusWords(CORPUS);
  const seeded = buildArticles(ARTICLES, words);
  const queries = buildQueries(seeded);
  log(
    `${fmtInt(ARTICLES)} articles of ${WORDS_PER_ARTICLE} words cut from ${fmtInt(words.length)} words of corpus prose; ${queries.length} queries`,
  );

  const profileDir = mkdtempSync(join(tmpdir(), 'backstory-bench-reading-'));
  const { context, worker, extensionId } = await launchWithExtension({ profileDir });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    // The starter pack installs first; then the articles go in directly (the import path would
    // also tag every article, which is not what is measured here).
    await ask(page, 'library.stats', {});
    for (let i = 0; i < seeded.length; i += BATCH) {
      const batch = seeded.slice(i, i + BATCH);
      await addRecords(
        worker,
        'articles',
        batch.map((s) => s.article),
      );
      await addRecords(
        worker,
        'articleContents',
        batch.map((s) => s.content),
      );
    }
    log(`Seeded in ${Math.round((Date.now() - began) / 1000)} s`);

    // (b) Cold: the first search after the worker stopped, nothing shown before.
    const cold = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      await stopWorker(context, page);
      cold.push((await ask(page, 'reading.list', { view: 'all', query: queries[run] })).ms);
    }
    // (b) The list shown first: the worker starts indexing; another message meanwhile, then a search.
    const during = [];
    const afterList = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      await stopWorker(context, page);
      await ask(page, 'reading.list', { view: 'all' });
      during.push((await ask(page, 'settings.get', {})).ms);
      afterList.push((await ask(page, 'reading.list', { view: 'all', query: queries[run] })).ms);
    }
    // (a) Warm searches.
    const roundTrips = queries.map(() => []);
    const inWorker = queries.map(() => []);
    const found = [];
    for (let run = 0; run < RUNS; run++) {
      for (const [index, query] of queries.entries()) {
        const { ms, value } = await ask(page, 'reading.list', { view: 'all', query });
        roundTrips[index].push(ms);
        inWorker[index].push(value.searchMs);
        found[index] = value.items.length;
      }
    }
    const naive = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) naive.push(await naiveSearch(worker, queries));
    const naiveOf = (index, key) => median(naive.map((runs) => runs[index][key]));

    const rows = queries.map((query, index) => ({
      query,
      found: found[index],
      naiveFound: naive[0][index].found,
      roundTrip: median(roundTrips[index]),
      searchMs: median(inWorker[index]),
      naiveLoad: naiveOf(index, 'load') + naiveOf(index, 'filter'),
      naiveFilter: naiveOf(index, 'filter'),
    }));
    const all = roundTrips.flat();
    const summary = {
      median: median(all),
      p95: p95(all),
      searchMs: median(inWorker.flat()),
      cold: median(cold),
      afterList: median(afterList),
      during: median(during),
      naiveLoad: median(rows.map((r) => r.naiveLoad)),
      naiveFilter: median(rows.map((r) => r.naiveFilter)),
    };
    const seconds = Math.round((Date.now() - began) / 1000);
    const generated = report({ rows, summary, seconds, loadBefore });
    log('\n' + generated);
    if (WRITE) {
      await writeDoc(generated);
      log(`Wrote ${DOC}`);
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

function report({ rows, summary: s, seconds, loadBefore }) {
  const verdict = s.median < TARGET_MS ? `met (< ${TARGET_MS} ms)` : `**missed** (target < ${TARGET_MS} ms)`;
  const lines = [
    `Generated by \`npm run bench:reading${QUICK ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} (${seconds} s): ` +
      `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `${chromiumVersion(CHROMIUM)}, headless=new. ${fmtInt(ARTICLES)} saved articles of ${WORDS_PER_ARTICLE} words ` +
      `(full text), ${rows.length} queries × ${RUNS} passes. Load average (1 min) ${loadBefore.toFixed(1)} at start, ` +
      `${loadavg()[0].toFixed(1)} at end.`,
    '',
    '| measure | median ms | p95 ms | naive: read + filter ms | naive / ours | naive: filter only ms |',
    '| --- | --- | --- | --- | --- | --- |',
    `| **(a)** \`reading.list\` with a query, round trip, index built: ${verdict} | ${fmtMs(s.median)} | ${fmtMs(s.p95)} | ` +
      `${fmtMs(s.naiveLoad)} | ${(s.naiveLoad / s.median).toFixed(1)}× | ${fmtMs(s.naiveFilter)} |`,
    `| (a) the search itself, in the worker (\`searchMs\`) | ${fmtMs(s.searchMs)} | | | | |`,
    `| (b) first search after the worker stopped (reads ${fmtInt(ARTICLES)} articles, builds the index) | ${fmtMs(s.cold)} | | | | |`,
    `| (b) first search sent right after the list was shown (the index is already being built) | ${fmtMs(s.afterList)} | | | | |`,
    `| (b) another message (\`settings.get\`) answered while the index is being built | ${fmtMs(s.during)} | | | | |`,
    '',
    '| query | found (ours · naive substring) | round trip ms | in worker ms | naive read + filter ms |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| \`${r.query}\` | ${fmtInt(r.found)} · ${fmtInt(r.naiveFound)} | ${fmtMs(r.roundTrip)} | ${fmtMs(r.searchMs)} | ${fmtMs(r.naiveLoad)} |`,
    ),
  ];
  return lines.join('\n');
}

async function writeDoc(generated) {
  const block = `${START}\n${generated}\n${END}`;
  const current = readFileSync(DOC, 'utf8');
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${DOC} has no ${START} … ${END} block`);
  const doc = current.slice(0, from) + block + current.slice(to + END.length);
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await prettier.format(doc, { ...options, filepath: DOC }));
}

await main();
