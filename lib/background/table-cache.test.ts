import { describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../db/test-helpers';
import { keptUntilChanged, onRowsChanged } from './table-cache';

describe('keptUntilChanged', () => {
  it('reads once, then again only after a write to its table', async () => {
    const db = freshDatabase();
    // Opened first: opening a new database writes its set-up, which counts as a change.
    await db.open();
    const read = vi.fn(() => db.sites.toArray());
    const sites = keptUntilChanged(db, 'sites', read);
    expect(await sites()).toEqual([]);
    expect(await sites()).toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
    // A write to another table keeps it; a write to its own, in any form, drops it.
    await db.settings.put({ key: 'unrelated', value: 1 });
    await sites();
    expect(read).toHaveBeenCalledTimes(1);
    await db.transaction('rw', db.sites, () =>
      db.sites.put({ host: 'news.example', enabled: false, updatedAt: 1 }),
    );
    expect(await sites()).toEqual([{ host: 'news.example', enabled: false, updatedAt: 1 }]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again after a failed read', async () => {
    const db = freshDatabase();
    const read = vi.fn<() => Promise<number>>().mockRejectedValueOnce(new Error('disk')).mockResolvedValue(3);
    const count = keptUntilChanged(db, 'sites', read);
    await expect(count()).rejects.toThrow('disk');
    expect(await count()).toBe(3);
  });
});

describe('onRowsChanged', () => {
  it('reports the keys a write changed, and "all" for a clear or a bulk write of 50 rows or more', async () => {
    const db = freshDatabase();
    await db.open();
    const reports: Array<string[] | 'all'> = [];
    onRowsChanged(db, ['sites'], (keys) => reports.push(keys === 'all' ? 'all' : [...keys].sort()));
    await db.settings.put({ key: 'unrelated', value: 1 });
    await db.sites.bulkPut([
      { host: 'b.example', enabled: true, updatedAt: 1 },
      { host: 'a.example', enabled: false, updatedAt: 1 },
    ]);
    await db.sites.delete('b.example');
    await db.sites.bulkPut(
      Array.from({ length: 60 }, (_, i) => ({ host: `h${i}.example`, enabled: true, updatedAt: 2 })),
    );
    await db.sites.clear();
    expect(reports).toEqual([['a.example', 'b.example'], ['b.example'], 'all', 'all']);
  });
});
