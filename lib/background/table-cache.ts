/**
 * Reads that the service worker keeps until a table changes, for data asked for far more often than
 * it changes (the reading list on every keystroke of a search, the catalogue on every page load).
 */
import Dexie from 'dexie';

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
