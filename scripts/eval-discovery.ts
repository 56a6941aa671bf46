/**
 * `npm run eval:discovery`: precision and recall of the actors and events discovered in each
 * document with a hand-made gold list (tests/fixtures/discovery-gold/, docs/discovery.md).
 * Corpus pages are read as the extension reads them (Readability on the saved page); the seed
 * digest's pieces as its digest import splits them. The discoverer measured is the one the product
 * has today: the names "Add as analysis" proposes (lib/extract/candidates.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseDigest } from '../lib/digest/parse';
import { proposeCandidates } from '../lib/extract/candidates';
import { readArticle } from '../lib/extract/readable';
import { rates, scoreDocument, total, type Found, type GoldDocument, type Score } from './eval/score';

const GOLD_DIR = 'tests/fixtures/discovery-gold';
const SEED = '../shared/seed/digest-2016-02-11.txt';

/** The text a document's analysis would hold: headline and body. */
function documentText(gold: GoldDocument, file: string): string {
  if (gold.source.endsWith('.txt')) {
    // seed-<author surname>[-<surname>].json: the digest piece by that author.
    const surname = file.replace(/^seed-/, '').split('-')[0]!;
    const digest = parseDigest(readFileSync(SEED, 'utf8'));
    const piece = digest.pieces.find((p) =>
      p.authors.some((author) => author.name.toLowerCase().split(' ').at(-1) === surname),
    );
    if (!piece) throw new Error(`No piece by ${surname} in ${SEED}`);
    return `${piece.title}\n\n${piece.text}`;
  }
  const html = readFileSync(gold.source, 'utf8');
  const dom = new JSDOM(html, { url: 'https://example.invalid/' });
  const article = readArticle(
    dom.window.document,
    'https://example.invalid/',
    dom.window as unknown as Window,
  );
  return `${article.title ?? ''}\n\n${article.text}`;
}

/** Today's discoverer: compromise's people, organisations and places, proposed as actors. */
const discover = (text: string): Found[] =>
  proposeCandidates(text, []).map((candidate) => ({ name: candidate.name, kind: 'actor' }));

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

function row(name: string, score: Score) {
  const r = rates(score);
  return `| ${name} | ${score.found} | ${percent(r.precision)} | ${percent(r.centralRecall)} | ${percent(r.recall)} | ${percent(r.eventRecall)} | ${score.duplicates.length} |`;
}

const files = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
if (files.length === 0) throw new Error(`No gold lists in ${GOLD_DIR}.`);
const scores: Array<[string, Score]> = [];
for (const file of files) {
  const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8')) as GoldDocument;
  scores.push([
    file.replace(/\.json$/, ''),
    scoreDocument(gold, discover(documentText(gold, file.replace(/\.json$/, '')))),
  ]);
}
console.log(
  '| document | found | precision | recall (central) | recall (all) | recall (events) | near-duplicates |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, score] of scores) console.log(row(name, score));
const all = total(scores.map(([, score]) => score));
console.log(row('**all**', all));
if (process.argv.includes('--errors')) {
  for (const [name, score] of scores) {
    console.log(
      `\n${name}\n  wrong: ${score.wrong.join('; ')}\n  duplicates: ${score.duplicates.join('; ')}\n  missed: ${score.missed.join('; ')}`,
    );
  }
}
