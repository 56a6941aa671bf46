import { describe, expect, it } from 'vitest';
import { starterPack } from '../db/test-helpers';
import { dateBadge, idf, prominence, rankAnalyses, timeFactor, type PageEntity } from './rank';

const pack = starterPack();
const df = (id: string) => pack.analyses.filter((a) => a.entityIds.includes(id)).length;
const rank = (entities: PageEntity[], publishedAt?: string) =>
  rankAnalyses({ entities, publishedAt }, pack.analyses, df, pack.analyses.length);

describe('rankAnalyses on the starter library', () => {
  it('puts Burns and Jeffrey first for a page about a safe zone in northern Syria', () => {
    const ranked = rank(
      [
        { entityId: 'northern-syria-safe-zone', count: 6, inTitle: true, inLead: true },
        { entityId: 'northern-syria-no-fly-zone', count: 3, inLead: true },
        { entityId: 'turkey', count: 5 },
        { entityId: 'nato', count: 2 },
        { entityId: 'kurdish-forces', count: 2 },
        { entityId: 'syria', count: 8, inTitle: true },
        { entityId: 'russia', count: 2 },
      ],
      '2016-02-15',
    );
    expect(ranked[0]?.analysis.id).toBe('burns-jeffrey-2016-02-04');
    expect(ranked[0]?.matched[0]).toBe('northern-syria-safe-zone');
  });

  it('puts Zisser first for a page about whether peace summits help', () => {
    const ranked = rank(
      [
        { entityId: 'israeli-palestinian-peace-conference', count: 4, inTitle: true, inLead: true },
        { entityId: 'france', count: 3, inLead: true },
        { entityId: 'geneva-talks-2016', count: 3 },
        { entityId: 'refugee-crisis', count: 2 },
        { entityId: 'un-security-council', count: 1 },
        { entityId: 'syria', count: 4 },
      ],
      '2016-02-20',
    );
    expect(ranked[0]?.analysis.id).toBe('zisser-2016-02-09');
  });

  it('scores analyses sharing nothing with the page at zero, last', () => {
    const ranked = rank([{ entityId: 'eyal-zisser', count: 1 }]);
    expect(ranked.map((r) => r.score > 0)).toEqual([true, false, false]);
  });
});

describe('the parts of the score', () => {
  it('weighs prominence by mentions, headline and lead', () => {
    expect(prominence({ entityId: 'x', count: 1 })).toBe(1);
    expect(prominence({ entityId: 'x', count: 1, inTitle: true, inLead: true })).toBe(2.5);
    expect(prominence({ entityId: 'x', count: 10 })).toBeCloseTo(1 + Math.log(10));
  });

  it('makes rare entities weigh more', () => {
    expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
  });

  it('decays with time apart and badges old or later analyses', () => {
    expect(timeFactor(100, 100)).toBe(1);
    expect(timeFactor(100, 465)).toBe(0.5);
    expect(timeFactor(null, 100)).toBe(1);
    expect(dateBadge(100, 100)).toBeNull();
    expect(dateBadge(100, 400)).toBe('older');
    expect(dateBadge(101, 100)).toBe('later');
  });
});
