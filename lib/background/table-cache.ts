/**
 * Reads that the service worker keeps until a table changes, for data asked for far more often than
 * it changes (the reading list on every keystroke of a search, the catalogue on every page load).
 */
import Dexie from 'dexie';
import type { BackstoryDatabase } from '../db/database';

/**
 * Wraps `read` so it runs once and its result is kept until a committed write touches one of
 * `tables`. Dexie reports every such write (from any code in this context, through any table method
 * or transaction) before the writer resumes, so no caller sees data older than its own last write.
 * Callers must not change what it returns: every caller gets the same value.
 */
export function keptUntilChanged<T>(
  db: Dexie,
  tables: string | readonly string[],
  read: () => Promise<T>,
): () => Promise<T> {
  let kept: Promise<T> | null = null;
  const prefixes = [tables].flat().map((table) => `idb://${db.name}/${table}/`);
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) kept = null;
  });
  return () =>
    (kept ??= read().catch((error: unknown) => {
      kept = null;
      throw error;
    }));
}

/** A node of the key ranges Dexie reports as changed (its RangeSet, possibly a structured clone). */
interface KeyRangeNode {
  from?: unknown;
  to?: unknown;
  l?: KeyRangeNode | null;
  r?: KeyRangeNode | null;
}

/**
 * Calls `listener` after every committed write to `tables` with the primary keys it changed, or
 * with 'all' when Dexie reports a range instead of keys (a clear, a delete by range, or a bulk
 * write of 50 rows or more): for a derived copy that is cheaper to update row by row than to
 * rebuild, such as the reading list's search index.
 */
export function onRowsChanged(
  db: Dexie,
  tables: readonly string[],
  listener: (keys: ReadonlySet<string> | 'all') => void,
): void {
  const parts = tables.map((table) => `idb://${db.name}/${table}/`);
  Dexie.on('storagemutated', (mutated) => {
    let keys: Set<string> | 'all' | null = null;
    const visit = (node: KeyRangeNode | null | undefined): void => {
      if (!node || keys === 'all' || node.from === undefined) return;
      if (typeof node.from !== 'string' || node.from !== node.to) {
        keys = 'all';
        return;
      }
      keys!.add(node.from);
      visit(node.l);
      visit(node.r);
    };
    for (const part of parts) {
      const changed = (mutated as Record<string, KeyRangeNode | undefined>)[part];
      if (!changed) continue;
      keys ??= new Set();
      visit(changed);
    }
    if (keys !== null) listener(keys);
  });
}

/**
 * Like `keptUntilChanged`, for a derived value that is slow to build (an index): also saved in the
 * `settings` table under `key`, so a restarted worker loads it, and dropped there too by every
 * committed write to `tables`. `revive` returns undefined for a saved value of another version. A
 * value built from rows a write has since changed is neither kept nor saved.
 */
export function savedUntilChanged<T>(
  db: BackstoryDatabase,
  tables: readonly string[],
  key: string,
  {
    build,
    save,
    revive,
  }: { build: () => Promise<T>; save: (value: T) => unknown; revive: (saved: unknown) => T | undefined },
): () => Promise<T> {
  let generation = 0;
  let kept: Promise<T> | null = null;
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  Dexie.on('storagemutated', (parts) => {
    if (!Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) return;
    generation++;
    kept = null;
    void db.settings.delete(key).catch(() => undefined);
  });
  const load = async (built: number): Promise<T> => {
    const saved = (await db.settings.get(key))?.value;
    const revived = saved === undefined ? undefined : revive(saved);
    if (revived !== undefined && built === generation) return revived;
    const value = await build();
    if (built === generation) await db.settings.put({ key, value: save(value) });
    return value;
  };
  return () => {
    if (kept) return kept;
    const loading: Promise<T> = load(generation).catch((error: unknown) => {
      if (kept === loading) kept = null;
      throw error;
    });
    kept = loading;
    return loading;
  };
}
