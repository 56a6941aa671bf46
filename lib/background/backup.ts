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
import { readingStatuses } from '../model/reading';
import { analysisSchema, entitySchema, idSchema, sourceSchema, webUrlSchema } from '../model/schema';
import type { BackupPreview } from '../model/views';
import { describeIssues } from '../pack/pack';
import { InvalidInputError } from '../protocol/dispatch';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;

/** Settings that are caches, not the reader's data. */
const DERIVED_SETTINGS = new Set(['searchIndex', 'rankingIndex']);

const time = z.number().int().nonnegative();

const tablesSchema = z.strictObject({
  analyses: z.array(analysisSchema.extend({ addedAt: time, updatedAt: time })).default([]),
  entities: z
    .array(
      entitySchema.and(
        z.object({
          hidden: z.boolean().optional(),
          discovery: z
            .strictObject({
              state: z.enum(['discovered', 'proposed', 'accepted']),
              analysisIds: z.array(idSchema).max(10_000),
              firstSeenAt: time,
              evidence: z.array(z.string().max(200)).max(20),
              quote: z.strictObject({ text: z.string().max(400), analysisId: idSchema }).optional(),
            })
            .optional(),
          updatedAt: time,
        }),
      ),
    )
    .default([]),
  sources: z.array(sourceSchema.extend({ addedAt: time })).default([]),
  articles: z
    .array(
      z.strictObject({
        id: idSchema,
        url: webUrlSchema,
        key: z.string().max(4096),
        title: z.string().max(1000),
        byline: z.string().max(1000).optional(),
        siteName: z.string().max(300).optional(),
        publishedAt: z.string().max(100).optional(),
        excerpt: z.string().max(5000).optional(),
        leadImageUrl: webUrlSchema.optional(),
        wordCount: z.number().int().nonnegative().optional(),
        readingMinutes: z.number().int().nonnegative().optional(),
        entityIds: z.array(idSchema).max(500),
        tags: z.array(z.string().trim().min(1).max(100)).max(100),
        status: z.enum(readingStatuses),
        savedAt: time,
        addedAt: time.optional(),
        updatedAt: time,
        contentState: z.enum(['pending', 'saved', 'failed']).optional(),
        fetchError: z.string().max(1000).optional(),
        progress: z.number().min(0).max(1).optional(),
        // An article deleted within its undo window is kept as it is: restored, it can still be undone.
        deletedAt: time.optional(),
      }),
    )
    .default([]),
  articleContents: z
    .array(
      z.strictObject({
        id: idSchema,
        contentHtml: z.string().max(5_000_000),
        text: z.string().max(2_000_000),
      }),
    )
    .default([]),
  feeds: z
    .array(
      z.strictObject({
        id: idSchema,
        url: webUrlSchema,
        title: z.string().max(400).optional(),
        siteUrl: z.string().max(2048).optional(),
        intervalMinutes: z
          .int()
          .min(5)
          .max(7 * 24 * 60),
        etag: z.string().max(1000).optional(),
        lastModified: z.string().max(200).optional(),
        lastFetchedAt: time.optional(),
        lastError: z.string().max(1000).optional(),
        articleError: z.string().max(1000).optional(),
        failures: z.int().min(0),
        nextPollAt: time,
        addedAt: time,
      }),
    )
    .default([]),
  feedItems: z
    .array(z.strictObject({ key: z.string().min(1).max(4200), feedId: idSchema, analysisId: idSchema }))
    .default([]),
  sites: z
    .array(z.strictObject({ host: z.string().min(1).max(300), enabled: z.boolean(), updatedAt: time }))
    .default([]),
  hiddenAliases: z
    .array(
      z.strictObject({
        id: z.int().optional(),
        entityId: idSchema,
        alias: z.string().min(1).max(200),
        host: z.string().min(1).max(300),
        createdAt: time,
      }),
    )
    .default([]),
  settings: z.array(z.strictObject({ key: z.string().min(1).max(200), value: z.unknown() })).default([]),
  analysisTexts: z.array(z.strictObject({ id: idSchema, text: z.string().max(2_000_000) })).default([]),
  rejectedNames: z
    .array(
      z.strictObject({ key: z.string().min(1).max(200), name: z.string().min(1).max(200), rejectedAt: time }),
    )
    .default([]),
});

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  schemaVersion: z.int().min(1),
  tables: tablesSchema,
});

type Tables = z.infer<typeof tablesSchema>;
type TableName = keyof Tables;

const TABLES = Object.keys(tablesSchema.shape) as TableName[];
/** Serialises the whole library. */
export async function exportBackup(db: BackstoryDatabase, now = Date.now()): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction(
    'r',
    TABLES.map((name) => db.table(name)),
    async () => {
      for (const name of TABLES) {
        const rows = await db.table(name).toArray();
        tables[name] = name === 'settings' ? rows.filter((row) => !DERIVED_SETTINGS.has(row.key)) : rows;
      }
    },
  );
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion: SCHEMA_VERSIONS.at(-1)!.version,
    tables,
  };
  return JSON.stringify(backup);
}

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
  for (const name of TABLES) {
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
    TABLES.map((name) => db.table(name)),
    async () => {
      for (const name of TABLES) {
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
