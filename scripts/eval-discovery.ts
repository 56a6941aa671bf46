/**
 * `npm run eval:discovery`: precision and recall of the actors and events discovered in each
 * document with a hand-made gold list (tests/fixtures/discovery-gold/, docs/discovery.md).
 * Corpus pages are read as the extension reads them (Readability on the saved page); the seed
 * digest's pieces as its digest import splits them. The discoverer is lib/discovery/discover.ts:
 * what it is certain of is added at once, the rest proposed; both are scored. Documents marked
 * `heldOut` were annotated after the rules were written and are totalled apart; documents marked
 * `blind` are scored only with `-- --blind`, once the rules are final, so nobody tunes on them.
 * `-- --errors` lists every wrong, duplicate and missed name (of the blind set only with --blind).
 * Pages from mozilla/readability's test pages beyond ../shared/corpus are read from ../eval-pages
 * (`node scripts/eval/copy-readability-pages.mjs <clone>` puts them there); absent ones are skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseDigest } from '../lib/digest/parse';
import { discover } from '../lib/discovery/discover';
import { Lexicon } from '../lib/discovery/lexicon';
import { readArticle } from '../lib/extract/readable';
import { rates, scoreDocument, total, type Found, type GoldDocument, type Score } from './eval/score';

const GOLD_DIR = 'tests/fixtures/discovery-gold';
const SEED = '../shared/seed/digest-2016-02-11.txt';

/** The headline and body a document's analysis would hold. */
function documentText(gold: GoldDocument, file: string): { title: string; text: string } {
  if (gold.source.endsWith('.txt')) {
    // seed-<author surname>[-<surname>].json: the digest piece by that author.
    const surname = file.replace(/^seed-/, '').split('-')[0]!;
    const digest = parseDigest(readFileSync(SEED, 'utf8'));
    const piece = digest.pieces.find((p) =>
      p.authors.some((author) => author.name.toLowerCase().split(' ').at(-1) === surname),
    );
    if (!piece) throw new Error(`No piece by ${surname} in ${SEED}`);
    return { title: piece.title, text: piece.text };
  }
  const html = readFileSync(gold.source, 'utf8');
  const dom = new JSDOM(html, { url: 'https://example.invalid/' });
  const article = readArticle(
    dom.window.document,
    'https://example.invalid/',
    dom.window as unknown as Window,
  );
  return { title: article.title ?? '', text: article.text };
}

const lexicon = new Lexicon(JSON.parse(readFileSync('public/discovery-lexicon.json', 'utf8')));
const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

interface Row {
  name: string;
  /** What is added at once. */
  certain: Score;
  /** What is added at once and what is proposed. */
  offered: Score;
}

function line({ name, certain, offered }: Row) {
  const c = rates(certain);
  const o = rates(offered);
  return `| ${name} | ${certain.found} / ${offered.found} | ${percent(c.precision)} | ${percent(o.precision)} | ${percent(c.centralRecall)} / ${percent(o.centralRecall)} | ${percent(c.recall)} / ${percent(o.recall)} | ${percent(c.eventRecall)} / ${percent(o.eventRecall)} | ${percent(c.eventPrecision)} | ${certain.duplicates.length} |`;
}

const files = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
if (files.length === 0) throw new Error(`No gold lists in ${GOLD_DIR}.`);
type Split = 'development' | 'held-out' | 'blind';
const rows: Array<Row & { split: Split; central: string[] }> = [];
let words = 0;
let milliseconds = 0;
const showBlind = process.argv.includes('--blind');
const skipped: string[] = [];
for (const file of files) {
  const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8')) as GoldDocument;
  const name = file.replace(/\.json$/, '');
  if (gold.blind && !showBlind) continue;
  if (!existsSync(gold.source)) {
    skipped.push(`${name} (${gold.source})`);
    continue;
  }
  const { title, text } = documentText(gold, name);
  const started = performance.now();
  const discovered = discover(title, text, lexicon);
  milliseconds += performance.now() - started;
  words += text.split(/\s+/).length;
  const found = (certainOnly: boolean): Found[] =>
    discovered
      .filter((d) => d.certain || !certainOnly)
      .map((d) => ({ name: d.name, kind: d.kind, aliases: d.aliases.map((a) => a.text) }));
  rows.push({
    name,
    split: gold.blind ? 'blind' : gold.heldOut ? 'held-out' : 'development',
    central: gold.entities.filter((e) => e.central).map((e) => e.name),
    certain: scoreDocument(gold, found(true)),
    offered: scoreDocument(gold, found(false)),
  });
}
console.log(
  '| document | found (certain / all) | precision (certain) | precision (all) | recall central (certain / all) | recall all (certain / all) | recall events (certain / all) | precision events (certain) | near-duplicates (certain) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(line(row));
for (const split of ['development', 'held-out', 'blind'] as const) {
  const label = `**${split} set**`;
  const part = rows.filter((r) => r.split === split);
  if (part.length === 0) continue;
  console.log(
    line({
      name: label,
      certain: total(part.map((r) => r.certain)),
      offered: total(part.map((r) => r.offered)),
    }),
  );
}
if (skipped.length > 0)
  console.log(
    `\nSkipped, page absent: ${skipped.join(', ')}. Copy them with node scripts/eval/copy-readability-pages.mjs <a clone of github.com/mozilla/readability>.`,
  );
if (!showBlind)
  console.log('\nThe blind set is left out; score it with -- --blind once the rules are final.');
console.log(`\nDiscovery time: ${milliseconds.toFixed(1)} ms for ${words} words (Node, one pass each).`);
if (process.argv.includes('--errors')) {
  for (const { name, certain, offered, central } of rows) {
    const proposedWrong = offered.wrong.filter((w) => !certain.wrong.includes(w));
    const onlyProposed = certain.missed.filter((m) => !offered.missed.includes(m));
    console.log(
      `\n${name}\n  wrong (certain): ${certain.wrong.join('; ')}\n  wrong (proposed): ${proposedWrong.join('; ')}\n  central, not added at once: ${central.filter((c) => certain.missed.includes(c)).join('; ')}\n  right but only proposed: ${onlyProposed.join('; ')}\n  duplicates: ${offered.duplicates.join('; ')}\n  missed: ${offered.missed.join('; ')}`,
    );
  }
}
