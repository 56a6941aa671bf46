/**
 * Writing packs into the library: all or nothing, idempotent.
 */
import type { Pack } from '../pack/pack';
import type { BackstoryDatabase } from './database';
import type { ImportReport } from '../model/import-report';
import { analysisTables, sameContent, writeAnalyses } from './analysis-writer';

export type { ImportReport };

const emptyCounts = () => ({ analyses: 0, entities: 0, sources: 0 });

/**
 * Imports a validated pack in one read-write transaction: if anything fails, nothing is written.
 * Sources and entities are matched by id, analyses by the library's one duplicate rule
 * (`writeAnalyses`), so a pack that renames an analysis updates the stored one instead of doubling
 * it. Importing the same pack twice changes nothing.
 */
export async function importPack(db: BackstoryDatabase, pack: Pack, now = Date.now()): Promise<ImportReport> {
  const report: ImportReport = { added: emptyCounts(), updated: emptyCounts(), unchanged: 0 };

  await db.transaction('rw', [db.sources, db.entities, ...analysisTables(db)], async () => {
    const packSource = {
      id: pack.id,
      kind: 'pack' as const,
      title: pack.title,
      ...(pack.description ? { description: pack.description } : {}),
      ...(pack.publishedAt ? { publishedAt: pack.publishedAt } : {}),
    };
    for (const source of [packSource, ...pack.sources]) {
      const stored = await db.sources.get(source.id);
      if (!stored) {
        await db.sources.add({ ...source, addedAt: now });
        report.added.sources++;
      } else if (!sameContent(stored, source)) {
        await db.sources.put({ ...source, addedAt: stored.addedAt });
        report.updated.sources++;
      } else {
        report.unchanged++;
      }
    }

    for (const entity of pack.entities) {
      const stored = await db.entities.get(entity.id);
      if (!stored) {
        await db.entities.add({ ...entity, updatedAt: now });
        report.added.entities++;
      } else if (!sameContent(stored, entity)) {
        // Keep the reader's own choice to hide an entity across pack updates.
        await db.entities.put({ ...entity, hidden: stored.hidden, updatedAt: now });
        report.updated.entities++;
      } else {
        report.unchanged++;
      }
    }

    const written = await writeAnalyses(
      db,
      // A pack's analyses are discovered from what they carry, unless the pack tagged them itself.
      pack.analyses.map((analysis) => ({
        analysis,
        text: [analysis.title, analysis.summary, ...analysis.keyPoints].join('\n'),
        curated: analysis.entityIds.length > 0,
      })),
      { merge: 'replace', now },
    );
    report.added.analyses += written.added.length;
    report.updated.analyses += written.updated.length;
    report.unchanged += written.unchanged;
  });

  return report;
}
