/**
 * Copies the mozilla/readability test pages that discovery's blind gold lists were made on
 * (tests/fixtures/discovery-gold/*.json whose source is ../eval-pages/...) from a clone of
 * https://github.com/mozilla/readability into ../eval-pages, beside ../shared/corpus.
 * The pages are not kept in this repository: they are the sites' own, as Readability's tests keep them.
 * Usage: node scripts/eval/copy-readability-pages.mjs <path to the clone>
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const clone = process.argv[2];
if (!clone || !existsSync(join(clone, 'test/test-pages'))) {
  console.error('Give the path of a clone of github.com/mozilla/readability (it holds test/test-pages).');
  process.exit(1);
}
const goldDir = 'tests/fixtures/discovery-gold';
let copied = 0;
for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
  const { source } = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
  const match = /^\.\.\/eval-pages\/([^/]+)\/source\.html$/.exec(source);
  if (!match) continue;
  const from = join(clone, 'test/test-pages', match[1], 'source.html');
  if (!existsSync(from)) {
    console.error(`Not in the clone: ${from}`);
    process.exit(1);
  }
  mkdirSync(dirname(source), { recursive: true });
  copyFileSync(from, source);
  copied++;
}
console.log(`Copied ${copied} pages into ../eval-pages.`);
