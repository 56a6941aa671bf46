/**
 * The library backup: one versioned JSON file with everything the reader made (analyses, actors
 * and events, sources, saved articles and their content, feeds, site switches, hidden aliases,
 * settings). Derived data (search and ranking indexes) is left out and rebuilt. Importing
 * validates the whole file first, can say what it would change, then writes all or nothing.
 */
import { z } from 'zod';
import { writeAnalyses } from '../db/analysis-writer';
import type { BackstoryDatabase } from '../db/database';
import { SCHEMA_VERSIONS } from '../db/database';
import { recordSchemas, type TableName } from '../model/records';
import type { BackupPreview } from '../model/views';
import { describeIssues } from '../pack/pack';
import { PART_SIZE } from '../protocol/backup-parts';
import { InvalidInputError } from '../protocol/dispatch';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;

/** Settings that are caches, not the reader's data. */
const DERIVED_SETTINGS = new Set(['searchIndex', 'rankingIndex']);

/** One list of rows per table, each row validated by its table's record schema. */
const tablesSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(recordSchemas).map(([name, schema]) => [name, z.array(schema).default([])]),
  ) as { [T in TableName]: z.ZodDefault<z.ZodArray<(typeof recordSchemas)[T]>> },
);

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  schemaVersion: z.int().min(1),
  tables: tablesSchema,
});

type Tables = z.infer<typeof tablesSchema>;

/** The tables a backup holds: every table of the database. */
export const BACKUP_TABLES = Object.keys(tablesSchema.shape) as TableName[];

/**
 * Serialises the whole library as the text of one JSON file, in parts of `partSize` characters
 * (the last shorter), so no one string or message has to hold it all. A part never ends inside a
 * character written with two UTF-16 units (an emoji), so each part encodes to UTF-8 on its own.
 */
export async function exportBackup(
  db: BackstoryDatabase,
  now = Date.now(),
  partSize = PART_SIZE,
): Promise<string[]> {
  const parts = new PartWriter(partSize);
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion: SCHEMA_VERSIONS.at(-1)!.version,
  };
  parts.write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
  await db.transaction(
    'r',
    BACKUP_TABLES.map((name) => db.table(name)),
    async () => {
      for (const [index, name] of BACKUP_TABLES.entries()) {
        const rows = await db.table(name).toArray();
        const kept = name === 'settings' ? rows.filter((row) => !DERIVED_SETTINGS.has(row.key)) : rows;
        parts.write(`${index === 0 ? '' : ','}${JSON.stringify(name)}:[`);
        for (const [i, row] of kept.entries()) parts.write(`${i === 0 ? '' : ','}${JSON.stringify(row)}`);
        parts.write(']');
      }
    },
  );
  parts.write('}}');
  return parts.end();
}

/** Text cut into parts of a fixed length, never between the two units of one character. */
class PartWriter {
  private readonly parts: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly partSize: number) {}

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength < this.partSize) return;
    let rest = this.pending.join('');
    while (rest.length >= this.partSize) {
      const cut = isHighSurrogate(rest.charCodeAt(this.partSize - 1)) ? this.partSize - 1 : this.partSize;
      this.parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    this.pending = [rest];
    this.pendingLength = rest.length;
  }

  end(): string[] {
    const rest = this.pending.join('');
    return rest === '' && this.parts.length > 0 ? this.parts : [...this.parts, rest];
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Parses and validates a backup file; throws a readable error naming what is wrong. */
export function parseBackup(text: string): z.infer<typeof backupSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidInputError('This file is not a Backstory backup: it is not JSON. Nothing was changed.');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new InvalidInputError(
      'This file is not a Backstory backup (no "backstory-backup" format). Nothing was changed.',
    );
  }
  if ((json as { version?: unknown }).version !== BACKUP_VERSION) {
    throw new InvalidInputError(
      `This backup has format version ${String((json as { version?: unknown }).version)}; this Backstory reads version ${BACKUP_VERSION}. Nothing was changed.`,
    );
  }
  const result = backupSchema.safeParse(json);
  if (!result.success) {
    throw new InvalidInputError(
      'This backup is damaged; nothing was changed.',
      describeIssues(result.error.issues),
    );
  }
  const settings = result.data.tables.settings.filter((row) => !DERIVED_SETTINGS.has(row.key));
  return { ...result.data, tables: { ...result.data.tables, settings } };
}

type Backup = ReturnType<typeof parseBackup>;

/** What writing a parsed backup would add and update, per table. */
async function countChanges(db: BackstoryDatabase, backup: Backup, fileName: string): Promise<BackupPreview> {
  const counts: BackupPreview['counts'] = {};
  for (const name of BACKUP_TABLES) {
    const rows = backup.tables[name] as Array<Record<string, unknown>>;
    if (rows.length === 0) continue;
    const table = db.table(name);
    // Hidden aliases have generated keys: they are matched by content when written.
    const keyPath = table.schema.primKey.keyPath as string;
    const keys = rows.map((row) => row[keyPath]).filter((k) => k !== undefined) as string[];
    const stored = name === 'hiddenAliases' ? [] : await table.bulkGet(keys);
    const update = stored.filter(Boolean).length;
    counts[name] = { add: rows.length - update, update };
  }
  return { fileName, exportedAt: backup.exportedAt, counts };
}

/** What importing would add and update, per table. */
export function previewBackup(db: BackstoryDatabase, text: string, fileName: string): Promise<BackupPreview> {
  return countChanges(db, parseBackup(text), fileName);
}

/** Writes a validated backup in one transaction: every row is added or replaced, or none is. */
export async function importBackup(db: BackstoryDatabase, text: string): Promise<BackupPreview> {
  const backup = parseBackup(text);
  const preview = await countChanges(db, backup, '');
  await db.transaction(
    'rw',
    BACKUP_TABLES.map((name) => db.table(name)),
    async () => {
      for (const name of BACKUP_TABLES) {
        const rows = backup.tables[name] as Array<Record<string, unknown>>;
        if (name === 'hiddenAliases') {
          for (const { id: _id, ...row } of rows as Tables['hiddenAliases']) {
            const existing = await db.hiddenAliases
              .where({ entityId: row.entityId, alias: row.alias, host: row.host })
              .first();
            if (!existing) await db.hiddenAliases.add(row);
          }
        } else if (name === 'analyses') {
          // The library's one writer, restoring each row as it was (stamps too); a stored analysis
          // with the same link under another id gives way to it.
          await writeAnalyses(
            db,
            // Rows the backup's library had tagged come with their entities; the rest are learned from.
            (rows as Tables['analyses']).map(({ addedAt, updatedAt, ...analysis }) => ({
              analysis,
              addedAt,
              updatedAt,
              curated: analysis.entityIds.length > 0,
            })),
            { merge: 'restore' },
          );
        } else if (name === 'articles') {
          // Unique URLs and keys: a row stored under another id replaces that row.
          for (const row of rows as Array<{ id: string; url: string; key?: string }>) {
            const table = db.table(name);
            const clashes = [await table.where('url').equals(row.url).first()];
            if (row.key !== undefined) clashes.push(await table.where('key').equals(row.key).first());
            for (const other of clashes) if (other && other.id !== row.id) await table.delete(other.id);
            await table.put(row);
          }
        } else {
          await db.table(name).bulkPut(rows);
        }
      }
    },
  );
  return preview;
}
