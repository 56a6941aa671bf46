/**
 * Conventions of the stored records (lib/model/records.ts): every table the latest schema version
 * declares has a record schema and is in the backup, and the full library fixture (every field of
 * every table, ./full-library.ts) is exactly what those schemas accept.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '../background/backup';
import { recordSchemas, type TableName } from '../model/records';
import { BackstoryDatabase, SCHEMA_VERSIONS } from './database';
import { fullLibrary } from './full-library';

/** The tables of `db`'s latest version that have no record schema or are left out of backups. */
function tablesMissingFromRecords(db: Dexie): string[] {
  return db.tables
    .map((table) => table.name)
    .filter((name) => !(name in recordSchemas) || !BACKUP_TABLES.includes(name as TableName));
}

const tables = Object.keys(recordSchemas) as TableName[];

describe('stored records', () => {
  it('every table of the latest schema version has a record schema and is in the backup', () => {
    const db = new BackstoryDatabase('unopened');
    expect(tablesMissingFromRecords(db)).toEqual([]);
    // And no record schema names a table the database does not have.
    expect([...tables].sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect([...BACKUP_TABLES].sort()).toEqual([...tables].sort());
  });

  it('a table added without a record schema is found', () => {
    const latest = SCHEMA_VERSIONS.at(-1)!;
    const db = new Dexie('unopened-with-a-new-table');
    for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
    db.version(latest.version + 1).stores({ bookmarks: 'id' });
    expect(tablesMissingFromRecords(db)).toEqual(['bookmarks']);
  });

  for (const table of tables) {
    it(`${table}: the full library's row is exactly what its schema accepts, and no other field`, () => {
      const [row] = fullLibrary[table];
      expect(recordSchemas[table].parse(row)).toEqual(row);
      expect(recordSchemas[table].safeParse({ ...row, unknownField: 1 }).success).toBe(false);
    });
  }
});
