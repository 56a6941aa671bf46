/** Helpers for tests that need a library on fake-indexeddb. */
import { readFileSync } from 'node:fs';
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
  const text = readFileSync(new URL('../../public/packs/starter-syria-2016.json', import.meta.url), 'utf8');
  const result = parsePackText(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}
