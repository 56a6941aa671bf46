import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../db/database';
import { importPack } from '../db/import';
import { freshDatabase, starterPack } from '../db/test-helpers';
import { LibrarySearch } from './search';

/** Deletes a row with IndexedDB itself, so Dexie reports no change. */
function rawDelete(dbName: string, table: string, key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const transaction = idb.transaction(table, 'readwrite');
      transaction.objectStore(table).delete(key);
      transaction.oncomplete = () => (idb.close(), resolve());
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

describe('LibrarySearch', () => {
  it('saves its index for a restarted worker, and drops it (in memory and saved) on any write to its tables', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    expect(await new LibrarySearch(db).search('Zisser')).toEqual(['zisser-2016-02-09']);
    const saved = await db.settings.get('searchIndex');
    expect(saved).toBeDefined();

    // A new worker loads the saved index rather than reading the analyses: shown by an analysis
    // written behind Dexie's back (a raw IndexedDB write, which Dexie does not report).
    await rawDelete(db.name, 'analyses', 'zisser-2016-02-09');
    const restarted = new LibrarySearch(new BackstoryDatabase(db.name));
    expect(await restarted.search('Zisser')).toEqual(['zisser-2016-02-09']);

    // A write through Dexie, by any code and any connection, drops it.
    const stranger = new BackstoryDatabase(db.name);
    await stranger.entities.put({ id: 'zisser-fan', kind: 'actor', name: 'Eyal', aliases: [] } as never);
    expect(await restarted.search('Zisser')).toEqual([]);
  });

  it('finds by prefix and across fields', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    const search = new LibrarySearch(db);
    expect(await search.search('Washingt Post')).toContain('burns-jeffrey-2016-02-04');
    expect(await search.search('   ')).toEqual([]);
  });
});
