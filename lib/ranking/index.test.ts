import { describe, expect, it } from 'vitest';
import { starterPack } from '../db/test-helpers';
import { buildRankingIndex, postingsOf, rankWithIndex } from './index';
import { rankAnalyses, type PageEntity } from './rank';

/** A deterministic synthetic library: 2,000 analyses over 300 entities with skewed frequencies. */
function synthetic() {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 2000 }, (_, i) => ({
    id: `a${i}`,
    publishedAt: `20${10 + Math.floor(random() * 14)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    // Distinct ids, as the pack schema's analyses have.
    entityIds: [
      ...new Set(
        Array.from({ length: 3 + Math.floor(random() * 8) }, () => `e${Math.floor(300 * random() ** 2)}`),
      ),
    ],
  }));
}

describe('rankWithIndex', () => {
  it('ranks exactly like rankAnalyses', () => {
    const analyses = synthetic();
    const index = buildRankingIndex(analyses);
    const page = {
      publishedAt: '2016-03-15',
      entities: [0, 3, 17, 40, 120, 250].map((n, i): PageEntity => ({
        entityId: `e${n}`,
        count: 1 + i,
        inTitle: i === 2,
      })),
    };
    const df = (id: string) => analyses.filter((a) => new Set(a.entityIds).has(id)).length;
    const expected = rankAnalyses(page, analyses, df, analyses.length)
      .filter((r) => r.score > 0)
      .slice(0, 50);
    const { ranked } = rankWithIndex(index, page, { limit: 50 });
    expect(ranked.map((r) => r.id)).toEqual(expected.map((r) => r.analysis.id));
    ranked.forEach((r, i) => {
      expect(r.score).toBeCloseTo(expected[i]!.score, 9);
      expect(r.badge).toBe(expected[i]!.badge);
    });
  });

  it('keeps only analyses about the focus', () => {
    const analyses = synthetic();
    const index = buildRankingIndex(analyses);
    const page = {
      entities: [
        { entityId: 'e0', count: 2 },
        { entityId: 'e9', count: 1 },
      ],
    };
    const { ranked } = rankWithIndex(index, page, { focus: 'e9', limit: 1000 });
    expect(ranked.length).toBe(postingsOf(index, 'e9').length);
    for (const r of ranked) expect(analyses.find((a) => a.id === r.id)!.entityIds).toContain('e9');
  });

  it('ranks the starter library like the side panel', () => {
    const index = buildRankingIndex(starterPack().analyses);
    const { ranked } = rankWithIndex(
      index,
      {
        entities: [
          { entityId: 'northern-syria-safe-zone', count: 5, inTitle: true },
          { entityId: 'northern-syria-no-fly-zone', count: 2 },
          { entityId: 'turkey', count: 2 },
        ],
      },
      { limit: 10 },
    );
    expect(ranked[0]?.id).toBe('burns-jeffrey-2016-02-04');
    expect(postingsOf(index, 'no-such-entity')).toHaveLength(0);
  });
});
