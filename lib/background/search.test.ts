import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../db/database';
import { importPack } from '../db/import';
import { freshDatabase, starterPack } from '../db/test-helpers';
import { LibrarySearch } from './search';

describe('LibrarySearch', () => {
  it('saves its index for a restarted worker and rebuilds it after invalidate', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    expect(await new LibrarySearch(db).search('Zisser')).toEqual(['zisser-2016-02-09']);

    // A new worker loads the saved index: it still finds what the analyses no longer hold.
    await db.analyses.clear();
    const restarted = new LibrarySearch(new BackstoryDatabase(db.name));
    expect(await restarted.search('Zisser')).toEqual(['zisser-2016-02-09']);

    await restarted.invalidate();
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
