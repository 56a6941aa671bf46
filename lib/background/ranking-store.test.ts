import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../db/database';
import { importPack } from '../db/import';
import { freshDatabase, starterPack } from '../db/test-helpers';
import { RankingIndexStore } from './ranking-store';

describe('RankingIndexStore', () => {
  it('builds the index once, keeps it in the database for a restarted worker, rebuilds after any write to the analyses', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    const store = new RankingIndexStore(db);
    const first = await store.get();
    expect(first.ids).toHaveLength(3);
    expect(await store.get()).toBe(first);
    // Other tables' writes keep it.
    await db.sites.put({ host: 'news.example', enabled: false, updatedAt: 1 });
    expect(await store.get()).toBe(first);

    // A new worker: same database, new store; the saved index is loaded, not rebuilt (a saved
    // index marked by hand shows it).
    await db.settings.put({ key: 'rankingIndex', value: { ...first, ids: [...first.ids, 'marked'] } });
    const reopened = new RankingIndexStore(new BackstoryDatabase(db.name));
    expect((await reopened.get()).ids).toContain('marked');

    // Any write to the analyses, by any code, drops it everywhere.
    await db.analyses.delete(first.ids[0]!);
    expect((await store.get()).ids).toHaveLength(2);
    expect((await reopened.get()).ids).toHaveLength(2);
  });

  it('reads large libraries in batches', async () => {
    const db = freshDatabase();
    const base = starterPack().analyses[0]!;
    await db.analyses.bulkAdd(
      Array.from({ length: 12_345 }, (_, i) => ({
        ...base,
        id: `a-${String(i).padStart(5, '0')}`,
        url: `https://example.com/${i}`,
        addedAt: 1,
        updatedAt: 1,
      })),
    );
    const index = await new RankingIndexStore(db).get();
    expect(index.ids).toHaveLength(12_345);
    expect(new Set(index.ids).size).toBe(12_345);
  });
});
