import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../extract/readable';
import { aliasKey } from '../entities/fold';
import { freshDatabase, lexiconData, seedDigest } from '../db/test-helpers';
import type { BackstoryDatabase } from '../db/database';
import type { EntityRecord } from '../model/records';
import { LibraryEditor } from './library-edit';
import { EntityTagger } from './tagging';
import { Vocabulary } from './vocabulary';

function setUp(db: BackstoryDatabase = freshDatabase()) {
  const tagger = new EntityTagger(db);
  let changes = 0;
  const vocabulary = new Vocabulary({
    db,
    tagger,
    loadLexicon: async () => lexiconData(),
    changed: async () => {
      changes++;
    },
  });
  vocabulary.subscribe((error) => {
    throw error;
  });
  return { db, tagger, vocabulary, editor: new LibraryEditor(db, tagger), changes: () => changes };
}

/** The entity a name (or one of its aliases) belongs to. */
async function entityNamed(db: BackstoryDatabase, name: string): Promise<EntityRecord | undefined> {
  const key = aliasKey(name);
  return (await db.entities.toArray()).find(
    (e) => aliasKey(e.name) === key || e.aliases.some((a) => aliasKey(a.text) === key),
  );
}

const settle = async (vocabulary: Vocabulary) => {
  await vocabulary.idle();
  // A learning round queued by the round before (none today) would be waited for too.
  await vocabulary.idle();
};

describe('Vocabulary: the library learns from what enters it', () => {
  it('an empty library that imports the seed digest knows its central actors and events, with aliases', async () => {
    const { db, vocabulary, editor } = setUp();
    await editor.importDigest(seedDigest());
    await settle(vocabulary);
    const central = ['Vladimir Putin', 'Assad', 'Kerry', 'Obama', 'de Mistura', 'Russia', 'Iran', 'Turkey'];
    for (const name of [...central, 'Hezbollah', 'Islamic State', 'United Nations', 'Aleppo']) {
      const entity = await entityNamed(db, name);
      expect(entity, name).toBeDefined();
      expect(entity!.discovery?.state, name).toBe('discovered');
    }
    // The fullest spelling names a person, whichever op-ed named them first.
    expect((await entityNamed(db, 'Bashar Assad'))?.name).toBe('Bashar al-Assad');
    // Forms of one actor are one entity.
    expect((await entityNamed(db, 'ISIS'))?.id).toBe((await entityNamed(db, 'Islamic State'))?.id);
    expect((await entityNamed(db, 'U.N.'))?.id).toBe((await entityNamed(db, 'United Nations'))?.id);
    expect((await entityNamed(db, 'Syrie'))?.id).toBe((await entityNamed(db, 'Syria'))?.id);
    const russia = (await entityNamed(db, 'Russia'))!;
    // Named in every op-ed: its provenance lists them, and they are tagged with it.
    expect(russia.discovery!.analysisIds).toHaveLength(3);
    expect(await db.analyses.where('entityIds').equals(russia.id).count()).toBe(3);
    // A lone surname is an ambiguous alias: the page's context decides.
    const putin = (await entityNamed(db, 'Putin'))!;
    expect(putin.aliases.find((a) => a.text === 'Putin')?.ambiguous).toBe(true);
    expect(putin.description).toMatch(/Dennis Ross|President/);
  });

  it('a name already in the library gains new aliases instead of a duplicate', async () => {
    const { db, vocabulary, editor } = setUp();
    await db.entities.add({
      id: 'assad',
      kind: 'actor',
      category: 'person',
      name: 'Bashar al-Assad',
      description: 'President of Syria.',
      aliases: [],
      related: [],
      updatedAt: 1,
    });
    await editor.importDigest(seedDigest());
    await settle(vocabulary);
    const all = await db.entities.toArray();
    const assads = all.filter((e) => /assad/i.test(e.name));
    expect(assads.map((e) => e.id)).toEqual(['assad']);
    expect(assads[0]!.aliases.map((a) => a.text)).toContain('Bashar Assad');
    expect(assads[0]!.discovery).toBeUndefined();
  });

  it('a rejected name is never discovered again, and proposals are not highlighted', async () => {
    const { db, vocabulary, editor, tagger } = setUp();
    await editor.importDigest(seedDigest());
    await settle(vocabulary);
    const aleppo = (await entityNamed(db, 'Aleppo'))!;
    expect(await editor.rejectEntity(aleppo.id)).toBe(true);
    expect(await entityNamed(db, 'Aleppo')).toBeUndefined();
    expect(await db.analyses.where('entityIds').equals(aleppo.id).count()).toBe(0);
    // The same op-eds again, as another digest: Aleppo stays gone.
    await editor.importDigest(seedDigest().replace(/^[^\n]*/, 'Another digest of the same op-eds'));
    await vocabulary.learn((await db.analyses.toCollection().primaryKeys()) as string[]);
    await settle(vocabulary);
    expect(await entityNamed(db, 'Aleppo')).toBeUndefined();
    const proposed = (await db.entities.toArray()).filter((e) => e.discovery?.state === 'proposed');
    for (const entity of proposed) expect(await tagger.tag(entity.name)).not.toContain(entity.id);
  });

  it('tags the library again in slices, answering other work in between', async () => {
    const db = freshDatabase();
    const { vocabulary } = setUp(db);
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: `a-${i}`,
      url: `https://example.com/${i}`,
      title: `Piece ${i}`,
      authors: [{ name: 'A. Writer' }],
      outlet: 'Example',
      publishedAt: '2016-02-01',
      summary: i % 3 === 0 ? 'What Kilis means for the border.' : 'Nothing named here.',
      keyPoints: [],
      entityIds: [],
      addedAt: 1,
      updatedAt: 1,
    }));
    await db.analyses.bulkAdd(rows);
    await db.entities.add({
      id: 'kilis',
      kind: 'actor',
      category: 'place',
      name: 'Kilis',
      description: 'A Turkish town on the Syrian border.',
      aliases: [],
      related: [],
      updatedAt: 1,
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const changed = await vocabulary.retagLibrary();
    clearInterval(timer);
    expect(changed).toBe(100);
    expect(await db.analyses.where('entityIds').equals('kilis').count()).toBe(100);
    // Other tasks ran while it worked: it yielded between slices.
    expect(ticks).toBeGreaterThan(0);
  });

  it('offers what a page names that the library lacks, certain names first, known and rejected ones left out', async () => {
    const { db, vocabulary } = setUp();
    const html = readFileSync(new URL('../../../shared/corpus/bbc-1/source.html', import.meta.url), 'utf8');
    const dom = new JSDOM(html, { url: 'https://www.bbc.co.uk/news' });
    const article = readArticle(
      dom.window.document,
      'https://www.bbc.co.uk/news',
      dom.window as unknown as Window,
    );
    const before = await vocabulary.candidatesFor(article.title ?? '', article.text);
    const names = before.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Barack Obama', 'Kenya', 'Jon Sopel']));
    const firstUnsure = before.findIndex((c) => !c.certain);
    expect(before.slice(firstUnsure).every((c) => !c.certain)).toBe(true);
    await db.entities.add({
      id: 'obama',
      kind: 'actor',
      category: 'person',
      name: 'Barack Obama',
      description: 'President of the United States.',
      aliases: [{ text: 'Obama', ambiguous: true }],
      related: [],
      updatedAt: 1,
    });
    await db.rejectedNames.put({ key: 'kenya', name: 'Kenya', rejectedAt: 1 });
    const after = (await vocabulary.candidatesFor(article.title ?? '', article.text)).map((c) => c.name);
    expect(after.filter((name) => ['Barack Obama', 'Obama', 'Kenya'].includes(name))).toEqual([]);
    expect(after).toContain('Jon Sopel');
  });
});
