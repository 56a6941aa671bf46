import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { BackstoryDatabase, SCHEMA_VERSIONS, type LegacySavedArticleRecord } from './database';
import { importPack } from './import';
import { freshDatabase, starterPack } from './test-helpers';

describe('BackstoryDatabase', () => {
  it('finds analyses by entity (multiEntry), newest first by date, and by unique URL', async () => {
    const db = freshDatabase();
    await importPack(db, starterPack());
    const aboutSafeZone = await db.analyses.where('entityIds').equals('northern-syria-safe-zone').toArray();
    expect(aboutSafeZone.map((a) => a.id).sort()).toEqual(['burns-jeffrey-2016-02-04', 'ross-2016-02-09']);
    const newest = await db.analyses.orderBy('publishedAt').reverse().first();
    expect(newest?.publishedAt).toBe('2016-02-09');
    const first = await db.analyses.toCollection().first();
    await expect(db.analyses.add({ ...first!, id: 'copy' })).rejects.toThrow(/ConstraintError|uniqueness/i);
  });

  it('keeps saved articles unique by URL and finds them by status and date', async () => {
    const db = freshDatabase();
    const base = { entityIds: [], tags: [], updatedAt: 1 };
    await db.articles.bulkAdd([
      { ...base, id: 'a', url: 'https://example.com/a', key: 'a', title: 'A', status: 'unread', savedAt: 1 },
      {
        ...base,
        id: 'b',
        url: 'https://example.com/b',
        key: 'b',
        title: 'B',
        status: 'archived',
        savedAt: 2,
      },
      { ...base, id: 'c', url: 'https://example.com/c', key: 'c', title: 'C', status: 'unread', savedAt: 3 },
    ]);
    const unread = await db.articles
      .where('[status+savedAt]')
      .between(['unread', Dexie.minKey], ['unread', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(unread.map((a) => a.id)).toEqual(['c', 'a']);
    await expect(
      db.articles.add({
        ...base,
        id: 'd',
        url: 'https://example.com/a',
        key: 'd',
        title: 'dup',
        status: 'unread',
        savedAt: 4,
      }),
    ).rejects.toThrow();
  });

  it('upgrading to version 3 keeps one row per article when two URLs are the same article', async () => {
    const old = freshDatabase(2);
    const base = { entityIds: [], tags: [], status: 'unread' as const, updatedAt: 1 };
    await old.table<LegacySavedArticleRecord, string>('articles').bulkAdd([
      { ...base, id: 'first', url: 'https://www.example.com/x?utm_medium=email', title: 'X', savedAt: 1 },
      { ...base, id: 'second', url: 'https://example.com/x/', title: 'X again', savedAt: 2 },
    ]);
    old.close();
    const latest = new BackstoryDatabase(old.name);
    expect((await latest.articles.toArray()).map((a) => a.id)).toEqual(['first']);
    latest.close();
  });

  it('declares versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  // Every earlier schema version: write a library there, open the latest, nothing may be lost.
  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a library written at schema version ${version} with everything intact`, async () => {
      const old = freshDatabase(version);
      const name = old.name;
      await importPack(old, starterPack());
      await old.settings.put({ key: 'probe', value: version });
      // Saved articles as each version stored them (content inline before version 3).
      const article = { entityIds: ['turkey'], tags: ['t'], status: 'unread' as const, updatedAt: 1 };
      if (version < 3) {
        await old.table<LegacySavedArticleRecord, string>('articles').bulkAdd([
          {
            ...article,
            id: 'a',
            url: 'https://www.example.com/a/?utm_source=x',
            title: 'A',
            savedAt: 1,
            contentHtml: '<p>A</p>',
          },
          { ...article, id: 'b', url: 'https://example.com/b', title: 'B', savedAt: 2 },
        ]);
      } else {
        await old.articles.bulkAdd([
          {
            ...article,
            id: 'a',
            url: 'https://www.example.com/a/?utm_source=x',
            key: 'https://example.com/a',
            title: 'A',
            savedAt: 1,
          },
          {
            ...article,
            id: 'b',
            url: 'https://example.com/b',
            key: 'https://example.com/b',
            title: 'B',
            savedAt: 2,
          },
        ]);
        await old.articleContents.add({ id: 'a', contentHtml: '<p>A</p>', text: 'A' });
      }
      const before = { analyses: await old.analyses.count(), entities: await old.entities.count() };
      old.close();

      const latest = new BackstoryDatabase(name);
      await latest.open();
      expect(latest.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      expect({ analyses: await latest.analyses.count(), entities: await latest.entities.count() }).toEqual(
        before,
      );
      expect((await latest.settings.get('probe'))?.value).toBe(version);
      const articles = await latest.articles.orderBy('savedAt').toArray();
      expect(articles.map((a) => [a.id, a.title, a.tags, a.status])).toEqual([
        ['a', 'A', ['t'], 'unread'],
        ['b', 'B', ['t'], 'unread'],
      ]);
      expect(await latest.articles.where('key').equals('https://example.com/a').count()).toBe(1);
      // Content lives beside the rows from version 3 on, whichever version wrote it.
      expect((await latest.articleContents.get('a'))?.contentHtml).toBe('<p>A</p>');
      latest.close();
    });
  }
});
