/**
 * The library's vocabulary grows with its analyses. Subscribed to every write of analyses
 * (lib/db/analysis-writer.ts), it discovers the actors and events each new analysis names
 * (lib/discovery), adds what is certain at once, proposes the rest, gives names already in the
 * library their new aliases, never adds a name the reader rejected, and then tags the library's
 * analyses again with the new names in steps short enough to keep the worker answering.
 */
import { onAnalysesWritten } from '../db/analysis-writer';
import type { BackstoryDatabase } from '../db/database';
import type { AnalysisRecord, EntityRecord } from '../model/records';
import { discover, type Discovery } from '../discovery/discover';
import { Lexicon, type LexiconData } from '../discovery/lexicon';
import { aliasKey } from '../entities/fold';
import type { CandidateEntity } from '../model/extract';
import type { Alias } from '../model/schema';
import type { EntityTagger } from './tagging';
import { slugify } from './tagging';

/** What one round of learning changed. */
export interface LearnReport {
  discovered: string[];
  proposed: string[];
  /** Entities already in the library that gained aliases or sightings. */
  enriched: string[];
}

export interface VocabularyDeps {
  db: BackstoryDatabase;
  tagger: EntityTagger;
  /** The packaged lexicons (public/discovery-lexicon.json), read on first use. */
  loadLexicon: () => Promise<LexiconData>;
  /** After the vocabulary or the analyses' tags changed: caches refresh, open pages rescan. */
  changed: () => Promise<void>;
  now?: () => number;
  /** Longest stretch of work before yielding to other messages (ms). */
  sliceMs?: number;
}

/** Analyses a retag reads and writes at once. */
const RETAG_CHUNK = 100;

const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The text an analysis is discovered and tagged from when no text was kept for it. */
const fallbackText = (analysis: AnalysisRecord) =>
  [analysis.title, analysis.summary, ...analysis.keyPoints].join('\n');

/** Folded keys an entity is known by: its name and its unambiguous aliases. */
function keysOf(entity: { name: string; aliases: readonly Alias[] }): string[] {
  return [entity.name, ...entity.aliases.filter((a) => !a.ambiguous).map((a) => a.text)].map((t) =>
    aliasKey(t),
  );
}

/** A person's first name and surname without Arabic article: "Bashar al-Assad" = "Bashar Assad". */
function personKey(entity: { name: string; category: string }): string | null {
  if (entity.category !== 'person') return null;
  const words = aliasKey(entity.name)
    .split(' ')
    .filter((w) => !/^(?:al|el|ad|as|an)$/.test(w))
    .map((w) => w.replace(/^(?:al|el)-/, ''));
  return words.length >= 2 ? `person: ${words[0]} ${words.at(-1)}` : null;
}

/** Keys a lone surname finds its person by ("Assad"): the ambiguous aliases. */
function ambiguousKeysOf(entity: { aliases: readonly Alias[] }): string[] {
  return entity.aliases.filter((a) => a.ambiguous).map((a) => aliasKey(a.text));
}

export class Vocabulary {
  private lexicon: Promise<Lexicon> | null = null;
  /** Learning rounds run one after another, so two imports never race on one entity. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly sliceMs: number;

  constructor(private readonly deps: VocabularyDeps) {
    this.now = deps.now ?? Date.now;
    this.sliceMs = deps.sliceMs ?? 40;
  }

  /** Learns from every analysis written from now on; returns the unsubscribe function. */
  subscribe(onError: (error: unknown) => void = (error) => console.error('Backstory: discovery', error)) {
    return onAnalysesWritten(this.deps.db, (report) => {
      void this.learn(report.toDiscover).catch(onError);
    });
  }

  /** Resolves when every learning round queued so far has finished (tests, imports that wait). */
  idle(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  private loadLexicon(): Promise<Lexicon> {
    this.lexicon ??= this.deps.loadLexicon().then(
      (data) => new Lexicon(data),
      (error: unknown) => {
        this.lexicon = null;
        throw error;
      },
    );
    return this.lexicon;
  }

  /**
   * What a page names that the library does not know yet, for "Add as analysis": certain names
   * first, then by how often the page names them; never a rejected name. At most `limit`.
   */
  async candidatesFor(title: string, text: string, limit = 25): Promise<CandidateEntity[]> {
    const { db } = this.deps;
    const [lexicon, entities, rejected] = await Promise.all([
      this.loadLexicon(),
      db.entities.toArray(),
      db.rejectedNames.toArray(),
    ]);
    const known = new Set([...entities.flatMap((e) => keysOf(e)), ...rejected.map((r) => r.key)]);
    const people = new Set(entities.flatMap((e) => personKey(e) ?? []));
    return discover(title, text, lexicon)
      .filter((d) => !keysOf(d).some((key) => known.has(key)) && !people.has(personKey(d) ?? ''))
      .sort(
        (a, b) =>
          Number(b.certain) - Number(a.certain) || b.mentions - a.mentions || a.name.localeCompare(b.name),
      )
      .slice(0, limit)
      .map((d) => ({
        name: d.name,
        kind: d.kind,
        category: d.category,
        count: d.mentions,
        certain: d.certain,
        aliases: d.aliases.filter((alias) => aliasKey(alias.text) !== aliasKey(d.name)),
      }));
  }

  /** Discovers the actors and events of the given analyses and adds them to the library. */
  learn(analysisIds: readonly string[]): Promise<LearnReport> {
    const round = this.queue.then(() => this.learnNow(analysisIds));
    this.queue = round.catch(() => undefined);
    return round;
  }

  private async learnNow(analysisIds: readonly string[]): Promise<LearnReport> {
    const { db } = this.deps;
    const report: LearnReport = { discovered: [], proposed: [], enriched: [] };
    if (analysisIds.length === 0) return report;
    const lexicon = await this.loadLexicon();
    const [analyses, texts] = await Promise.all([
      db.analyses.bulkGet([...analysisIds]),
      db.analysisTexts.bulkGet([...analysisIds]),
    ]);
    const found: Array<{ analysis: AnalysisRecord; discoveries: Discovery[] }> = [];
    for (const [i, analysis] of analyses.entries()) {
      if (!analysis) continue;
      const text = texts[i]?.text ?? fallbackText(analysis);
      const [title, ...body] = text.split('\n');
      found.push({ analysis, discoveries: discover(title ?? '', body.join('\n'), lexicon) });
      if (found.length % 5 === 0) await yieldToOthers();
    }
    const now = this.now();
    await db.transaction('rw', [db.entities, db.rejectedNames], async () => {
      const rejected = new Set((await db.rejectedNames.toArray()).map((r) => r.key));
      const byKey = new Map<string, EntityRecord>();
      const bySurname = new Map<string, EntityRecord>();
      const ids = new Set<string>();
      const index = (entity: EntityRecord) => {
        const person = personKey(entity);
        for (const key of [...keysOf(entity), ...(person ? [person] : [])]) {
          if (!byKey.has(key)) byKey.set(key, entity);
        }
        for (const key of ambiguousKeysOf(entity)) if (!bySurname.has(key)) bySurname.set(key, entity);
      };
      for (const entity of await db.entities.toArray()) {
        ids.add(entity.id);
        index(entity);
      }
      const changed = new Map<string, EntityRecord>();
      for (const { analysis, discoveries } of found) {
        for (const discovery of discoveries) {
          const keys = keysOf(discovery);
          if (keys.some((key) => rejected.has(key))) continue;
          const person = personKey(discovery);
          const existing =
            byKey.get(aliasKey(discovery.name)) ??
            keys.map((key) => byKey.get(key)).find(Boolean) ??
            (person ? byKey.get(person) : undefined) ??
            // A lone surname ("Assad") is the person the library already calls so.
            (discovery.name.includes(' ') ? undefined : bySurname.get(aliasKey(discovery.name)));
          if (existing && existing.kind === discovery.kind) {
            if (this.enrich(existing, discovery, analysis, rejected, now)) {
              changed.set(existing.id, existing);
              if (!report.enriched.includes(existing.id)) report.enriched.push(existing.id);
            }
            index(existing);
            continue;
          }
          if (existing) continue; // The same name as an actor and as an event: leave it to the reader.
          const entity = this.create(discovery, analysis, ids, rejected, now);
          ids.add(entity.id);
          changed.set(entity.id, entity);
          (entity.discovery!.state === 'discovered' ? report.discovered : report.proposed).push(entity.id);
          index(entity);
        }
      }
      await db.entities.bulkPut([...changed.values()]);
    });
    if (report.discovered.length + report.proposed.length + report.enriched.length > 0) {
      await this.retag(analysisIds);
      await this.deps.changed();
      // Analyses already in the library may name what was just learned.
      if (report.discovered.length + report.enriched.length > 0) void this.retagLibrary();
    }
    return report;
  }

  /** Adds the new forms and the sighting to an entity already known; true when it changed. */
  private enrich(
    entity: EntityRecord,
    discovery: Discovery,
    analysis: AnalysisRecord,
    rejected: ReadonlySet<string>,
    now: number,
  ): boolean {
    let changed = false;
    // A lone surname discovery found first ("Assad") takes the full name once one is seen.
    const seenName = entity.discovery && entity.discovery.state !== 'accepted';
    if (
      seenName &&
      !entity.name.includes(' ') &&
      discovery.category === 'person' &&
      discovery.name.includes(' ')
    ) {
      const lone = entity.name;
      entity.name = discovery.name;
      entity.category = 'person';
      entity.aliases = [
        { text: lone, ambiguous: true },
        ...entity.aliases.filter((a) => aliasKey(a.text) !== aliasKey(lone)),
      ];
      changed = true;
    }
    // "Bashar al-Assad" seen after "Bashar Assad": the fuller spelling becomes the name.
    const samePerson = personKey(entity) !== null && personKey(entity) === personKey(discovery);
    if (seenName && samePerson && discovery.name.length > entity.name.length) {
      const before = entity.name;
      entity.name = discovery.name;
      entity.aliases = [
        { text: before },
        ...entity.aliases.filter((a) => aliasKey(a.text) !== aliasKey(before)),
      ];
      changed = true;
    }
    const known = new Set([aliasKey(entity.name), ...entity.aliases.map((a) => aliasKey(a.text))]);
    for (const alias of discovery.aliases) {
      const key = aliasKey(alias.text);
      if (known.has(key) || rejected.has(key) || entity.aliases.length >= 200) continue;
      entity.aliases.push(alias);
      known.add(key);
      changed = true;
    }
    const seen = entity.discovery;
    if (seen && !seen.analysisIds.includes(analysis.id)) {
      seen.analysisIds.push(analysis.id);
      seen.evidence = [...new Set([...seen.evidence, ...discovery.evidence])].slice(0, 20);
      // Named in two or more analyses: certain enough to add.
      if (seen.state === 'proposed' && (discovery.certain || seen.analysisIds.length >= 2)) {
        seen.state = 'discovered';
        if (seen.analysisIds.length >= 2) seen.evidence.push('named in two or more analyses');
      }
      if (!seen.quote && discovery.quote) seen.quote = { text: discovery.quote, analysisId: analysis.id };
      changed = true;
    }
    if (changed) entity.updatedAt = now;
    return changed;
  }

  private create(
    discovery: Discovery,
    analysis: AnalysisRecord,
    ids: ReadonlySet<string>,
    rejected: ReadonlySet<string>,
    now: number,
  ): EntityRecord {
    const base = slugify(discovery.name);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    const aliases = discovery.aliases.filter(
      (alias) => aliasKey(alias.text) !== aliasKey(discovery.name) && !rejected.has(aliasKey(alias.text)),
    );
    return {
      id,
      kind: discovery.kind,
      category: discovery.category,
      name: discovery.name,
      description: describe(discovery, analysis),
      aliases,
      related: [],
      discovery: {
        state: discovery.certain ? 'discovered' : 'proposed',
        analysisIds: [analysis.id],
        firstSeenAt: now,
        evidence: discovery.evidence,
        ...(discovery.quote ? { quote: { text: discovery.quote, analysisId: analysis.id } } : {}),
      },
      updatedAt: now,
    };
  }

  /**
   * Tags analyses with every name the library highlights; tags already there are kept. The tagging
   * yields to other work whenever it has run for `sliceMs`. Returns how many analyses gained tags.
   */
  private async retag(analysisIds: readonly string[]): Promise<number> {
    const { db, tagger } = this.deps;
    const [analyses, texts, tag] = await Promise.all([
      db.analyses.bulkGet([...analysisIds]),
      db.analysisTexts.bulkGet([...analysisIds]),
      tagger.ready(),
    ]);
    const updates: Array<{ key: string; changes: { entityIds: string[] } }> = [];
    let sliceStarted = performance.now();
    for (const [i, analysis] of analyses.entries()) {
      if (!analysis) continue;
      const tags = tag(texts[i]?.text ?? fallbackText(analysis));
      const entityIds = [...new Set([...analysis.entityIds, ...tags])].slice(0, 500);
      if (entityIds.length !== analysis.entityIds.length) {
        updates.push({ key: analysis.id, changes: { entityIds } });
      }
      if (performance.now() - sliceStarted >= this.sliceMs) {
        await yieldToOthers();
        sliceStarted = performance.now();
      }
    }
    // Only the tags change: a write in between (the reader editing) keeps its other fields.
    if (updates.length > 0) await db.analyses.bulkUpdate(updates);
    return updates.length;
  }

  /**
   * Tags every analysis in the library again, a chunk at a time (one read and one write each),
   * yielding to other messages at least every `sliceMs` of work. Returns how many gained tags.
   */
  async retagLibrary(): Promise<number> {
    const { db } = this.deps;
    const ids = (await db.analyses.toCollection().primaryKeys()) as string[];
    let changed = 0;
    for (let from = 0; from < ids.length; from += RETAG_CHUNK) {
      changed += await this.retag(ids.slice(from, from + RETAG_CHUNK));
      await yieldToOthers();
    }
    if (changed > 0) await this.deps.changed();
    return changed;
  }
}

/** The card's description: what the text says it is, quoted with its analysis, or where it was seen. */
function describe(discovery: Discovery, analysis: AnalysisRecord): string {
  const where = `“${analysis.title}” (${analysis.outlet})`;
  const text = discovery.quote ? `“${discovery.quote}”, in ${where}.` : `Named in ${where}.`;
  return text.length <= 300 ? text : `${text.slice(0, 297)}…`;
}
