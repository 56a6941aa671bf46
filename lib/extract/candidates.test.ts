import { describe, expect, it } from 'vitest';
import { proposeCandidates } from './candidates';

const TEXT = [
  'President Barack Obama met Angela Merkel in Berlin on Monday.',
  "Mr Obama's aides said Obama would return to Berlin in May.",
  'Mrs Merkel told the United Nations that Germany would help.',
  'The United Nations thanked Germany and Angela Merkel.',
  'Obama later flew to Kenya.',
].join(' ');

describe('proposeCandidates', () => {
  it('finds people, organisations and places, merging titles, possessives and lone surnames', () => {
    const candidates = proposeCandidates(TEXT, []);
    const byName = new Map(candidates.map((candidate) => [candidate.name, candidate]));
    expect(byName.get('Barack Obama')).toEqual({ name: 'Barack Obama', category: 'person', count: 4 });
    expect(byName.get('Angela Merkel')).toMatchObject({ category: 'person', count: 3 });
    expect(byName.get('Berlin')).toMatchObject({ category: 'place', count: 2 });
    expect(byName.get('United Nations')).toMatchObject({ category: 'organisation', count: 2 });
    // No second entry for a spelling of a name already listed.
    expect(candidates.map((candidate) => candidate.name)).not.toContain('Obama');
    expect(candidates.some((candidate) => /^(?:Mr|President) /.test(candidate.name))).toBe(false);
  });

  it('sorts by count, then by name', () => {
    const candidates = proposeCandidates(TEXT, []);
    const sorted = [...candidates].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
    expect(candidates).toEqual(sorted);
    expect(candidates[0]!.name).toBe('Barack Obama');
  });

  it('leaves out names the library knows, compared folded', () => {
    const names = proposeCandidates(TEXT, ['BARACK OBAMA', 'Ángela Merkel', 'berlin']).map((c) => c.name);
    expect(names).not.toContain('Barack Obama');
    expect(names).not.toContain('Angela Merkel');
    expect(names).not.toContain('Berlin');
    expect(names).toContain('United Nations');
  });

  it('proposes at most 25 names', () => {
    const countries = ['France', 'Spain', 'Italy', 'Greece', 'Portugal', 'Poland', 'Austria', 'Hungary'];
    countries.push('Sweden', 'Norway', 'Finland', 'Denmark', 'Ireland', 'Belgium', 'Romania', 'Bulgaria');
    countries.push('Croatia', 'Serbia', 'Albania', 'Turkey', 'Egypt', 'Morocco', 'Tunisia', 'Algeria');
    countries.push('Nigeria', 'Ghana', 'Kenya', 'Ethiopia', 'Brazil', 'Chile');
    const text = countries.map((country) => `The minister travelled to ${country} last year.`).join(' ');
    expect(proposeCandidates(text, [])).toHaveLength(25);
  });

  it('proposes nothing for text without names', () => {
    expect(proposeCandidates('it rained all day and nobody came.', [])).toEqual([]);
  });
});
