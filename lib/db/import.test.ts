import { describe, expect, it } from 'vitest';
import { importPack } from './import';
import { freshDatabase, starterPack } from './test-helpers';

const counts = async (db: ReturnType<typeof freshDatabase>) => ({
  analyses: await db.analyses.count(),
  entities: await db.entities.count(),
  sources: await db.sources.count(),
});

describe('importPack', () => {
  it('adds every record of the pack and the pack itself as a source', async () => {
    const db = freshDatabase();
    const pack = starterPack();
    const report = await importPack(db, pack);
    expect(report.added).toEqual({
      analyses: pack.analyses.length,
      entities: pack.entities.length,
      sources: pack.sources.length + 1,
    });
    expect((await db.sources.get(pack.id))?.kind).toBe('pack');
  });

  it('adds nothing when the same pack is imported again', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    const before = await counts(db);
    const report = await importPack(db, starterPack());
    expect(report.added).toEqual({ analyses: 0, entities: 0, sources: 0 });
    expect(report.updated).toEqual({ analyses: 0, entities: 0, sources: 0 });
    expect(await counts(db)).toEqual(before);
  });

  it('updates a changed analysis in place, matched by URL even under a new id', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack(), 1000);
    const pack = starterPack();
    const original = pack.analyses[0]!;
    pack.analyses[0] = { ...original, id: 'renamed-id', summary: 'A revised summary of ours.' };
    const report = await importPack(db, pack, 2000);
    expect(report.updated.analyses).toBe(1);
    expect(report.added.analyses).toBe(0);
    const stored = await db.analyses.where('url').equals(original.url).first();
    expect(stored).toMatchObject({
      id: original.id,
      summary: 'A revised summary of ours.',
      addedAt: 1000,
      updatedAt: 2000,
    });
  });

  it('keeps the reader’s choice to hide an entity when the pack updates it', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    await db.entities.update('russia', { hidden: true });
    const pack = starterPack();
    pack.entities = pack.entities.map((e) => (e.id === 'russia' ? { ...e, description: 'Changed.' } : e));
    await importPack(db, pack);
    expect(await db.entities.get('russia')).toMatchObject({ hidden: true, description: 'Changed.' });
  });

  it('writes nothing when it fails halfway (a full disk, a crash)', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    const before = await counts(db);
    const pack = starterPack();
    pack.entities.push({
      id: 'new-actor',
      kind: 'actor',
      category: 'person',
      name: 'New Actor',
      description: 'x',
      aliases: [],
      related: [],
    });
    pack.analyses.push({
      ...pack.analyses[0]!,
      id: 'new-analysis',
      url: 'https://example.com/new',
      title: 'A new analysis',
    });
    // Simulate the storage failing while the last record is written.
    db.analyses.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(importPack(db, pack)).rejects.toThrow(/quota/i);
    expect(await counts(db)).toEqual(before);
    expect(await db.entities.get('new-actor')).toBeUndefined();
  });
});
