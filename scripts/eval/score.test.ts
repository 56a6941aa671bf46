import { describe, expect, it } from 'vitest';
import { rates, scoreDocument, total, type GoldDocument } from './score';

const gold: GoldDocument = {
  document: 'A piece',
  source: 'test',
  entities: [
    { name: 'John Kerry', kind: 'actor', type: 'person', forms: ['John Kerry', 'Kerry'], central: true },
    { name: 'Syria', kind: 'actor', type: 'state', forms: ['Syria'], central: true },
    { name: 'Geneva talks', kind: 'event', type: 'talks', forms: ['Geneva talks'], central: false },
  ],
};

describe('scoreDocument', () => {
  it('counts a form of a gold entity right, folded, and the same entity again as a near-duplicate', () => {
    const score = scoreDocument(gold, [
      { name: 'KERRY', kind: 'actor' },
      { name: 'John Kerry', kind: 'actor' },
      { name: 'Secretary of State John Kerry', kind: 'actor' },
      { name: 'Geneva talks', kind: 'event' },
    ]);
    expect(score.right).toBe(2);
    expect(score.duplicates).toEqual(['John Kerry']);
    expect(score.wrong).toEqual(['Secretary of State John Kerry']);
    expect(score.missed).toEqual(['Syria']);
    expect(rates(score)).toEqual({
      precision: 0.5,
      recall: 2 / 3,
      centralRecall: 0.5,
      eventRecall: 1,
      eventPrecision: 1,
    });
  });

  it('counts an event found only when it was called an event', () => {
    const score = scoreDocument(gold, [{ name: 'Geneva talks', kind: 'actor' }]);
    expect(score.right).toBe(1);
    expect(rates(score).eventRecall).toBe(0);
  });

  it('gives no precision for a document where nothing was found, and adds documents up', () => {
    const none = scoreDocument(gold, []);
    expect(rates(none).precision).toBeNull();
    expect(rates(none).recall).toBe(0);
    const both = total([none, scoreDocument(gold, [{ name: 'Syria', kind: 'actor' }])]);
    expect(both.gold).toBe(6);
    expect(both.recalled).toBe(1);
    expect(rates(both).precision).toBe(1);
  });
});
