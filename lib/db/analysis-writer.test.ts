import { describe, expect, it } from 'vitest';
import type { Analysis } from '../model/schema';
import { InvalidInputError } from '../protocol/dispatch';
import { analysisTables, writeAnalyses, type IncomingAnalysis, type WriteOptions } from './analysis-writer';
import { freshDatabase } from './test-helpers';

const base: Analysis = {
  id: 'ross-syria',
  url: 'https://www.latimes.com/opinion/ross-syria',
  title: 'What Vladimir Putin is really up to in Syria',
  authors: [{ name: 'Dennis Ross' }],
  outlet: 'Los Angeles Times',
  publishedAt: '2016-02-09',
  summary: 'Ross on Moscow’s aims in Syria.',
  keyPoints: ['Moscow wants Assad to win.'],
  entityIds: ['vladimir-putin'],
  sourceId: 'pack',
};

async function write(db: ReturnType<typeof freshDatabase>, items: IncomingAnalysis[], options: WriteOptions) {
  return db.transaction('rw', analysisTables(db), async () => await writeAnalyses(db, items, options));
}

describe('writeAnalyses: one duplicate rule for every path', () => {
  it('finds the same article under another link (tracking parameters, www.) and updates it', async () => {
    const db = freshDatabase();
    await write(db, [{ analysis: base }], { merge: 'replace', now: 1 });
    const again = {
      ...base,
      id: 'other-id',
      url: 'https://latimes.com/opinion/ross-syria/?utm_source=x',
      summary: 'New.',
    };
    const report = await write(db, [{ analysis: again }], { merge: 'replace', now: 2 });
    expect(report).toMatchObject({ ids: ['ross-syria'], added: [], updated: ['ross-syria'] });
    expect(await db.analyses.count()).toBe(1);
    expect(await db.analyses.get('ross-syria')).toMatchObject({ summary: 'New.', addedAt: 1, updatedAt: 2 });
  });

  it('takes a digest’s copy of a piece (same headline, an author in common) into the stored one', async () => {
    const db = freshDatabase();
    await write(db, [{ analysis: base }], { merge: 'replace', now: 1 });
    const fromDigest: IncomingAnalysis = {
      analysis: {
        ...base,
        id: 'digest-piece',
        url: 'https://digest.example/2016-02-11#piece-1',
        outlet: 'LA Times',
        keyPoints: [],
        entityIds: ['bashar-al-assad'],
        sourceId: 'digest',
      },
      linkIsStandIn: true,
    };
    const report = await write(db, [fromDigest], { merge: 'enrich', now: 2 });
    expect(report.updated).toEqual(['ross-syria']);
    expect(await db.analyses.get('ross-syria')).toMatchObject({
      url: base.url,
      keyPoints: base.keyPoints,
      entityIds: ['vladimir-putin', 'bashar-al-assad'],
      sourceId: 'digest',
    });
  });

  it('keeps two pieces apart that only share a headline', async () => {
    const db = freshDatabase();
    const other = {
      ...base,
      id: 'other',
      url: 'https://other.example/a',
      outlet: 'Other Post',
      authors: [{ name: 'Jane Doe' }],
    };
    const report = await write(db, [{ analysis: base }, { analysis: other }], { merge: 'replace' });
    expect(report.added).toEqual(['ross-syria', 'other']);
  });

  it('matches a piece whose headline the digest lost by outlet, day and author, only then', async () => {
    const db = freshDatabase();
    await write(db, [{ analysis: base }], { merge: 'replace' });
    const untitled = {
      ...base,
      id: 'untitled',
      url: 'https://digest.example/#piece-2',
      title: 'Untitled (Dennis Ross, Los Angeles Times)',
    };
    expect(
      (await write(db, [{ analysis: untitled, titleIsStandIn: true }], { merge: 'enrich' })).updated,
    ).toEqual(['ross-syria']);
    expect((await db.analyses.get('ross-syria'))!.title).toBe(base.title);
    const secondPiece = {
      ...untitled,
      id: 'second',
      url: 'https://latimes.com/another',
      title: 'Another piece that day',
    };
    expect((await write(db, [{ analysis: secondPiece }], { merge: 'replace' })).added).toEqual(['second']);
  });

  it('leaves a stored analysis alone for a feed item, and gives the feed its id', async () => {
    const db = freshDatabase();
    await write(db, [{ analysis: base }], { merge: 'replace', now: 1 });
    const item = { ...base, id: 'feed-item', summary: 'A feed’s excerpt.', sourceId: 'feed' };
    const report = await write(db, [{ analysis: item }], { merge: 'keep', now: 2 });
    expect(report).toMatchObject({ ids: ['ross-syria'], added: [], updated: [], unchanged: 1 });
    expect((await db.analyses.get('ross-syria'))!.summary).toBe(base.summary);
  });

  it('skips an invalid analysis when asked, else refuses the batch with the reasons', async () => {
    const db = freshDatabase();
    const broken = { ...base, id: 'broken', url: 'not a link', title: 'Broken' };
    const skipping = await write(db, [{ analysis: broken }, { analysis: base }], {
      merge: 'keep',
      skipInvalid: true,
    });
    expect(skipping.ids).toEqual([null, 'ross-syria']);
    expect(skipping.skipped).toEqual([expect.stringMatching(/^Broken: url: /)]);
    const strict = write(
      db,
      [{ analysis: { ...base, id: 'x', url: 'https://x.example/', title: 'X' } }, { analysis: broken }],
      {
        merge: 'replace',
      },
    );
    await expect(strict).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.analyses.get('x')).toBeUndefined();
  });

  it('restores a backup row as it was, replacing the stored analysis with its link', async () => {
    const db = freshDatabase();
    await write(db, [{ analysis: { ...base, id: 'newer-id' } }], { merge: 'replace', now: 5 });
    const report = await write(db, [{ analysis: base, addedAt: 1, updatedAt: 2 }], { merge: 'restore' });
    expect(report.updated).toEqual(['ross-syria']);
    expect(await db.analyses.toArray()).toEqual([{ ...base, addedAt: 1, updatedAt: 2 }]);
  });

  it('sees its own earlier writes in one batch: the same article twice is one analysis', async () => {
    const db = freshDatabase();
    const copy = { ...base, id: 'copy', url: `${base.url}?ref=feed` };
    const report = await write(db, [{ analysis: base }, { analysis: copy }], { merge: 'keep' });
    expect(report.ids).toEqual(['ross-syria', 'ross-syria']);
    expect(await db.analyses.count()).toBe(1);
  });
});
