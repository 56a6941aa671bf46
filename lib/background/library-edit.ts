/**
 * Growing and editing the library by hand: analyses the reader added from a page, digests, and the
 * actors-and-events manager. Every change is one transaction.
 */
import { analysisTables, writeAnalyses } from '../db/analysis-writer';
import type { BackstoryDatabase } from '../db/database';
import type { AnalysisRecord, EntityRecord } from '../model/records';
import { parseDigest, DigestParseError } from '../digest/parse';
import { aliasKey } from '../entities/fold';
import type { ImportReport } from '../model/import-report';
import type { Analysis, Entity } from '../model/schema';
import type { AnalysisDraft, EntityRow, NewActor } from '../model/views';
import { InvalidInputError } from '../protocol/dispatch';
import { articleKey, fnv1a64 } from '../reading/url';
import { slugify, type EntityTagger } from './tagging';

/** An id for a new record that no stored record has. */
async function freeId(exists: (id: string) => Promise<boolean>, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(id))) return id;
  }
}

/** The stored analysis for a URL: same URL, or same article key (tracking parameters, www, slash). */
async function analysisForUrl(db: BackstoryDatabase, url: string): Promise<AnalysisRecord | undefined> {
  const exact = await db.analyses.where('url').equals(url).first();
  if (exact) return exact;
  const key = articleKey(url);
  return db.analyses.filter((analysis) => articleKey(analysis.url) === key).first();
}

/**
 * Creates the actors and events a page proposed: those the reader ticked as their own, the others
 * as proposals waiting in the manager (`proposedIn`: the analysis they were found in). Returns the
 * ids of the ticked ones.
 */
async function addFromPage(
  db: BackstoryDatabase,
  entities: readonly NewActor[],
  now: number,
  where: { title: string; outlet: string },
  proposedIn?: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const entity of entities) {
    const existing = await db.entities.where('name').equalsIgnoreCase(entity.name).first();
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const id = await freeId(async (candidate) => !!(await db.entities.get(candidate)), slugify(entity.name));
    await db.entities.add({
      id,
      kind: entity.kind,
      category: entity.category,
      name: entity.name,
      description: proposedIn
        ? `Named in “${where.title}” (${where.outlet}).`.slice(0, 300)
        : `Added by you from “${where.title}” (${where.outlet}).`.slice(0, 300),
      aliases: entity.aliases.filter((alias) => alias.text !== entity.name).slice(0, 200),
      related: [],
      ...(proposedIn
        ? {
            discovery: {
              state: 'proposed' as const,
              analysisIds: [proposedIn],
              firstSeenAt: now,
              evidence: ['left unticked when the page was added'],
            },
          }
        : {}),
      updatedAt: now,
    });
    ids.push(id);
  }
  return ids;
}

export class LibraryEditor {
  constructor(
    private readonly db: BackstoryDatabase,
    private readonly tagger: EntityTagger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored analysis for a page, if any (by canonical URL). */
  async existingFor(url: string): Promise<{ id: string; title: string } | null> {
    const stored = await analysisForUrl(this.db, url);
    return stored ? { id: stored.id, title: stored.title } : null;
  }

  /** Saves a reviewed draft; a page already in the library is updated, never doubled. */
  /**
   * Saves a page the reader reviewed as an analysis, with the names they ticked as new actors and
   * events and the ones they left unticked as proposals. The reader chose its tags, so discovery
   * leaves it be.
   */
  async saveDraft(
    draft: AnalysisDraft,
    newActors: readonly NewActor[],
    proposals: readonly NewActor[] = [],
    text?: string,
  ): Promise<{ id: string; created: boolean }> {
    const db = this.db;
    const now = this.now();
    return db.transaction('rw', [...analysisTables(db), db.entities, db.sources], async () => {
      const actorIds = await addFromPage(db, newActors, now, draft);
      // The page's stored analysis, if any, is found by the writer's duplicate rule and keeps its id.
      const analysis: Analysis = {
        id: `${slugify(draft.title, 50)}-${fnv1a64(articleKey(draft.url))}`,
        url: draft.url,
        title: draft.title,
        authors: draft.authors,
        outlet: draft.outlet,
        // The schema wants a date; a page without one is dated the day it was added.
        publishedAt: draft.publishedAt || new Date(now).toISOString().slice(0, 10),
        summary: draft.summary,
        keyPoints: draft.keyPoints,
        entityIds: [...new Set([...draft.entityIds, ...actorIds])],
        sourceId: 'pages-you-added',
      };
      if (!(await db.sources.get('pages-you-added'))) {
        await db.sources.add({ id: 'pages-you-added', kind: 'page', title: 'Pages you added', addedAt: now });
      }
      const written = await writeAnalyses(
        db,
        [
          {
            analysis,
            text: `${draft.title}\n${text ?? [draft.summary, ...draft.keyPoints].join('\n')}`,
            curated: true,
          },
        ],
        { merge: 'replace', now },
      );
      const id = written.ids[0]!;
      await addFromPage(db, proposals, now, draft, id);
      return { id, created: written.added.length === 1 };
    });
  }

  /** Deletes one analysis. */
  async deleteAnalysis(id: string): Promise<boolean> {
    const exists = !!(await this.db.analyses.get(id));
    if (exists) await this.db.analyses.delete(id);
    return exists;
  }

  /**
   * Imports a digest: one analysis per piece, the editor's paragraph as its summary, the digest as
   * its source. All or nothing; a piece already stored (same URL or same title and outlet) is updated.
   */
  async importDigest(text: string, url?: string): Promise<ImportReport> {
    let digest;
    try {
      digest = parseDigest(text, url ? { url } : {});
    } catch (error) {
      if (error instanceof DigestParseError) throw new InvalidInputError(error.message);
      throw error;
    }
    const db = this.db;
    const now = this.now();
    const report: ImportReport = {
      added: { analyses: 0, entities: 0, sources: 0 },
      updated: { analyses: 0, entities: 0, sources: 0 },
      unchanged: 0,
    };
    const sourceId = `digest-${slugify(digest.title, 50)}-${fnv1a64(text)}`;
    const tagged = await Promise.all(
      digest.pieces.map((piece) => this.tagger.tag(`${piece.title}\n${piece.text}`)),
    );
    const date = digest.publishedAt ?? new Date(now).toISOString().slice(0, 10);
    const incoming = digest.pieces.map((piece, i) => ({
      analysis: {
        id: `${slugify(piece.title, 50)}-${fnv1a64(`${piece.outlet} ${piece.title}`)}`,
        // A piece without its own link points at the digest, or at a search for its title.
        url:
          piece.url ??
          (url
            ? `${url.split('#')[0]}#piece-${i + 1}`
            : `https://duckduckgo.com/?q=${encodeURIComponent(`"${piece.title}" ${piece.outlet}`)}`),
        title: piece.title,
        authors: piece.authors.length > 0 ? piece.authors : [{ name: piece.outlet }],
        outlet: piece.outlet,
        publishedAt: piece.publishedAt ?? date,
        summary: piece.summary || piece.text.slice(0, 600),
        keyPoints: [],
        entityIds: tagged[i]!,
        sourceId,
      },
      text: `${piece.title}\n${piece.text}`,
      linkIsStandIn: !piece.url,
      titleIsStandIn: untitled(piece.title),
    }));
    await db.transaction('rw', [...analysisTables(db), db.sources], async () => {
      if (await db.sources.get(sourceId)) report.unchanged++;
      else {
        await db.sources.add({
          id: sourceId,
          kind: 'digest',
          title: digest.title,
          ...(digest.publisher ? { publisher: digest.publisher } : {}),
          ...(url ? { url } : {}),
          ...(digest.publishedAt ? { publishedAt: digest.publishedAt } : {}),
          description: digest.intro.slice(0, 2000),
          addedAt: now,
        });
        report.added.sources++;
      }
      const written = await writeAnalyses(db, incoming, { merge: 'enrich', now });
      report.added.analyses += written.added.length;
      report.updated.analyses += written.updated.length;
      report.unchanged += written.unchanged;
    });
    return report;
  }

  /** Every actor and event, with analysis counts. */
  async listEntities(): Promise<EntityRow[]> {
    const [entities, counts] = await Promise.all([
      this.db.entities.orderBy('name').toArray(),
      this.analysisCounts(),
    ]);
    const titles = await this.titlesOf(entities);
    return entities.map((entity) => toRow(entity, counts.get(entity.id) ?? 0, titles));
  }

  /** Titles and outlets of the analyses the given entities were discovered in. */
  private async titlesOf(entities: readonly EntityRecord[]): Promise<Titles> {
    const ids = [...new Set(entities.flatMap((e) => e.discovery?.analysisIds ?? []))];
    const analyses = await this.db.analyses.bulkGet(ids);
    return new Map(
      analyses.flatMap((a) => (a ? [[a.id, { title: a.title, outlet: a.outlet }] as const] : [])),
    );
  }

  private async analysisCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.db.analyses.each((analysis) => {
      for (const id of analysis.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    return counts;
  }

  private async row(id: string): Promise<EntityRow> {
    const entity = await this.db.entities.get(id);
    if (!entity) throw new InvalidInputError(`No actor or event "${id}" in the library.`);
    const count = await this.db.analyses.where('entityIds').equals(id).count();
    return toRow(entity, count, await this.titlesOf([entity]));
  }

  /** Creates or updates an entity (related ids that do not exist are dropped). */
  async saveEntity(entity: Entity): Promise<EntityRow> {
    const db = this.db;
    await db.transaction('rw', db.entities, async () => {
      const stored = await db.entities.get(entity.id);
      const related = (await db.entities.bulkGet(entity.related)).flatMap((e) =>
        e && e.id !== entity.id ? [e.id] : [],
      );
      await db.entities.put({
        ...entity,
        related,
        hidden: stored?.hidden,
        ...(stored?.discovery ? { discovery: stored.discovery } : {}),
        updatedAt: this.now(),
      });
    });
    return this.row(entity.id);
  }

  async hideEntity(id: string, hidden: boolean): Promise<EntityRow> {
    const updated = await this.db.entities.update(id, { hidden, updatedAt: this.now() });
    if (!updated) throw new InvalidInputError(`No actor or event "${id}" in the library.`);
    return this.row(id);
  }

  /** Accepts a proposed or discovered entity: it stays, highlighted, as the reader's own. */
  async acceptEntity(id: string): Promise<EntityRow> {
    const db = this.db;
    await db.transaction('rw', db.entities, async () => {
      const entity = await db.entities.get(id);
      if (!entity) throw new InvalidInputError(`No actor or event "${id}" in the library.`);
      if (!entity.discovery) return;
      await db.entities.put({
        ...entity,
        discovery: { ...entity.discovery, state: 'accepted' },
        updatedAt: this.now(),
      });
    });
    return this.row(id);
  }

  /**
   * Rejects an entity: it is deleted with every reference to it, and its name and unambiguous
   * aliases are remembered so discovery never adds them again.
   */
  async rejectEntity(id: string): Promise<boolean> {
    const db = this.db;
    const entity = await db.entities.get(id);
    if (!entity) return false;
    const names = [entity.name, ...entity.aliases.filter((a) => !a.ambiguous).map((a) => a.text)];
    await db.transaction('rw', [db.entities, db.analyses, db.hiddenAliases, db.rejectedNames], async () => {
      await db.rejectedNames.bulkPut(
        names.map((name) => ({ key: aliasKey(name), name: name.slice(0, 200), rejectedAt: this.now() })),
      );
      await this.deleteEntity(id);
    });
    return true;
  }

  /** Deletes an entity and every reference to it (analyses' tags, relations, hidden aliases). */
  async deleteEntity(id: string): Promise<boolean> {
    const db = this.db;
    return db.transaction('rw', [db.entities, db.analyses, db.hiddenAliases], async () => {
      if (!(await db.entities.get(id))) return false;
      await db.entities.delete(id);
      await db.analyses
        .where('entityIds')
        .equals(id)
        .modify((analysis) => {
          analysis.entityIds = analysis.entityIds.filter((e) => e !== id);
        });
      await db.entities.toCollection().modify((entity) => {
        if (entity.related.includes(id)) entity.related = entity.related.filter((r) => r !== id);
      });
      await db.hiddenAliases.where('entityId').equals(id).delete();
      return true;
    });
  }

  /** Merges `mergeId` into `keepId`: aliases (the merged name becomes one), relations, tags, hidden aliases. */
  async mergeEntities(keepId: string, mergeId: string): Promise<EntityRow> {
    if (keepId === mergeId) throw new InvalidInputError('Choose two different actors or events to merge.');
    const db = this.db;
    await db.transaction('rw', [db.entities, db.analyses, db.hiddenAliases], async () => {
      const [keep, merge] = await db.entities.bulkGet([keepId, mergeId]);
      if (!keep || !merge)
        throw new InvalidInputError('Both actors or events must be in the library to merge.');
      const aliases = [...keep.aliases];
      const seen = new Set(aliases.map((a) => a.text.toLowerCase()));
      for (const alias of [{ text: merge.name }, ...merge.aliases]) {
        if (seen.has(alias.text.toLowerCase()) || alias.text.toLowerCase() === keep.name.toLowerCase())
          continue;
        seen.add(alias.text.toLowerCase());
        aliases.push(alias);
      }
      const related = [...new Set([...keep.related, ...merge.related])].filter(
        (r) => r !== keepId && r !== mergeId,
      );
      await db.entities.put({ ...keep, aliases: aliases.slice(0, 200), related, updatedAt: this.now() });
      await db.entities.delete(mergeId);
      await db.analyses
        .where('entityIds')
        .equals(mergeId)
        .modify((analysis) => {
          analysis.entityIds = [...new Set(analysis.entityIds.map((e) => (e === mergeId ? keepId : e)))];
        });
      await db.entities.toCollection().modify((entity) => {
        if (!entity.related.includes(mergeId)) return;
        entity.related = [...new Set(entity.related.map((r) => (r === mergeId ? keepId : r)))].filter(
          (r) => r !== entity.id,
        );
      });
      const hidden = await db.hiddenAliases.where('entityId').equals(mergeId).toArray();
      await db.hiddenAliases.where('entityId').equals(mergeId).delete();
      for (const { id: _id, ...alias } of hidden) {
        const duplicate = await db.hiddenAliases
          .where({ entityId: keepId, alias: alias.alias, host: alias.host })
          .first();
        if (!duplicate) await db.hiddenAliases.add({ ...alias, entityId: keepId });
      }
    });
    return this.row(keepId);
  }
}

/** The parser's stand-in for a headline the digest lost ("Untitled (author, outlet)"). */
const untitled = (title: string) => title.startsWith('Untitled (');

type Titles = ReadonlyMap<string, { title: string; outlet: string }>;

function toRow(
  { updatedAt: _updatedAt, discovery, ...entity }: EntityRecord,
  analysisCount: number,
  titles: Titles,
): EntityRow {
  if (!discovery) return { ...entity, analysisCount };
  return {
    ...entity,
    analysisCount,
    discovery: {
      state: discovery.state,
      evidence: discovery.evidence,
      firstSeenAt: discovery.firstSeenAt,
      foundIn: discovery.analysisIds.flatMap((id) => {
        const found = titles.get(id);
        return found ? [{ id, ...found }] : [];
      }),
      ...(discovery.quote ? { quote: discovery.quote.text } : {}),
    },
  };
}
