/**
 * Upgrade tests that bite: a full library (every table that version had, every field of every row)
 * is written at each earlier schema version, the latest version opens it, and every row of every
 * table is compared with what the upgrades must make of it (the library: ./full-library.ts).
 */
import { Dexie, type Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { EntityRecord, SavedArticleRecord } from '../model/records';
import { BackstoryDatabase, SCHEMA_VERSIONS } from './database';
import { content, fullLibraryAt } from './full-library';
import { freshDatabase } from './test-helpers';

/** What the latest version must hold after upgrading a full library written at `version`. */
function expectedAfterUpgrade(version: number): Record<string, unknown[]> {
  const latest = fullLibraryAt(SCHEMA_VERSIONS.at(-1)!.version);
  const expected: Record<string, unknown[]> = Object.fromEntries(
    Object.keys(latest).map((table) => [table, []]),
  );
  for (const [table, rows] of Object.entries(fullLibraryAt(version))) expected[table] = rows;
  if (version < 3) {
    // Version 3 computed the dedupe key and moved the article's HTML beside the row (its text is
    // extracted later, so it starts empty).
    expected.articles = latest.articles!;
    expected.articleContents = [{ ...content, text: '' }];
  }
  return expected;
}

describe('upgrades from every earlier schema version', () => {
  it('the latest version\u2019s fixture fills every table the schema declares', () => {
    const latest = SCHEMA_VERSIONS.at(-1)!.version;
    const db = new BackstoryDatabase('unopened', latest);
    expect(Object.keys(fullLibraryAt(latest)).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  for (const { version } of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`keeps every row and field of a full library written at version ${version}`, async () => {
      expect(await upgradedLibrary(version)).toEqual(expectedAfterUpgrade(version));
    });
  }

  // The mistakes an upgrade could plausibly make, each planted in the version 3 upgrade: each must
  // make the comparison above fail for a library written before it.
  const plants: Record<string, (tx: Transaction) => Promise<unknown>> = {
    'drops the sites': (tx) => tx.table('sites').clear(),
    'drops the hidden aliases': (tx) => tx.table('hiddenAliases').clear(),
    'drops the sources': (tx) => tx.table('sources').clear(),
    'drops the aliases': (tx) =>
      tx
        .table('entities')
        .toCollection()
        .modify((row: EntityRecord) => void (row.aliases = [])),
    'loses the settings': (tx) => tx.table('settings').clear(),
    'loses an article\u2019s status': (tx) =>
      tx
        .table('articles')
        .toCollection()
        .modify((row: SavedArticleRecord) => void (row.status = 'unread')),
    'loses reading progress': (tx) =>
      tx
        .table('articles')
        .toCollection()
        .modify((row: SavedArticleRecord) => void delete row.progress),
    'loses the saved content': (tx) => tx.table('articleContents').clear(),
  };
  for (const [mistake, plant] of Object.entries(plants)) {
    it(`fails when the version 3 upgrade ${mistake}`, async () => {
      expect(await upgradedLibrary(2, plant)).not.toEqual(expectedAfterUpgrade(2));
    });
  }
});

/**
 * Writes a full library at `version`, opens it at the latest version and reads every table back.
 * `plant` runs at the end of the version 3 upgrade (to show the comparison catches its mistake).
 */
async function upgradedLibrary(
  version: number,
  plant?: (tx: Transaction) => Promise<unknown>,
): Promise<Record<string, unknown[]>> {
  const old = freshDatabase(version);
  for (const [table, rows] of Object.entries(fullLibraryAt(version))) await old.table(table).bulkAdd(rows);
  old.close();
  const latest = plant ? new Dexie(old.name) : new BackstoryDatabase(old.name);
  if (plant) {
    for (const { version: v, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = latest.version(v).stores(stores);
      if (v === 3)
        declared.upgrade(async (tx) => {
          await upgrade!(tx);
          await plant(tx);
        });
      else if (upgrade) declared.upgrade(upgrade);
    }
  }
  await latest.open();
  const stored: Record<string, unknown[]> = {};
  for (const table of latest.tables) stored[table.name] = await table.toArray();
  latest.close();
  return stored;
}
