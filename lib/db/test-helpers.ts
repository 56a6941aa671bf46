/** Helpers for tests that need a library on fake-indexeddb. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePackText, type Pack } from '../pack/pack';
import { BackstoryDatabase } from './database';

let counter = 0;

/** A fresh, uniquely named database (fake-indexeddb keeps databases for the whole test file). */
export function freshDatabase(upToVersion?: number): BackstoryDatabase {
  counter += 1;
  return new BackstoryDatabase(`test-${counter}-${Math.random().toString(36).slice(2)}`, upToVersion);
}

/** The built-in starter pack, parsed. */
export function starterPack(): Pack {
  // A path, not a URL object: under jsdom, `URL` is jsdom's and node:fs rejects it.
  const here = dirname(fileURLToPath(import.meta.url));
  const text = readFileSync(resolve(here, '../../public/packs/starter-syria-2016.json'), 'utf8');
  const result = parsePackText(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

/** The packaged discovery lexicons (public/discovery-lexicon.json). */
export function lexiconData(): import('../discovery/lexicon').LexiconData {
  const here = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(readFileSync(resolve(here, '../../public/discovery-lexicon.json'), 'utf8'));
}

/** The seed digest (../shared/seed), as a reader would paste it. */
export function seedDigest(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return readFileSync(resolve(here, '../../../shared/seed/digest-2016-02-11.txt'), 'utf8');
}
