import { readFileSync } from 'node:fs';
import { parseDigest } from '../lib/digest/parse';
import { discover } from '../lib/discovery/discover';
import { Lexicon } from '../lib/discovery/lexicon';
const lex = new Lexicon(JSON.parse(readFileSync('public/discovery-lexicon.json', 'utf8')));
const d = parseDigest(readFileSync('../shared/seed/digest-2016-02-11.txt', 'utf8'));
for (const p of d.pieces) {
  console.log('=== ', p.title);
  const found = discover(p.title, p.text, lex);
  for (const f of found)
    console.log(
      f.certain ? '+' : '?',
      f.kind,
      f.category,
      f.name,
      '|',
      f.aliases
        .slice(0, 4)
        .map((a) => a.text + (a.ambiguous ? '~' : ''))
        .join(', '),
      f.mentions,
      f.quote ?? '',
    );
}
