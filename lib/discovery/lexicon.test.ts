import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../scripts/build-lexicon.mjs';
import { lexiconData } from '../db/test-helpers';
import { Lexicon } from './lexicon';

describe('the packaged lexicon', () => {
  it('is what scripts/build-lexicon.mjs writes from the packages (run `npm run build:lexicon`)', () => {
    expect(JSON.parse(JSON.stringify(buildLexicon()))).toEqual(lexiconData());
  });

  it('knows states by every name it carries, and their demonyms', () => {
    const lexicon = new Lexicon(lexiconData());
    for (const name of ['Syria', 'Syrie', 'États-Unis', 'U.S.', 'Turkey', 'Türkiye', 'Allemagne']) {
      expect(lexicon.lookup(name)?.category, name).toBe('state');
    }
    expect(lexicon.lookup('États-Unis')?.name).toBe('United States');
    expect(lexicon.demonymState.get('syrian')).toBe('Syria');
    expect(lexicon.lookup('Aleppo')?.category).toBe('place');
    expect(lexicon.lookup('ISIS')?.name).toBe('Islamic State');
  });

  it("never gives a state another state's own name in a translation: Sudan is Sudan, not South Sudan", () => {
    const lexicon = new Lexicon(lexiconData());
    expect(lexicon.lookup('Sudan')?.name).toBe('Sudan');
    expect(lexicon.lookup('South Sudan')?.name).toBe('South Sudan');
    const owner = new Map<string, string>();
    for (const state of lexiconData().states)
      for (const name of state.names) owner.set(name.toLowerCase(), state.name);
    const clashes = lexiconData().states.flatMap((state) =>
      state.translations
        .filter((t) => (owner.get(t.toLowerCase()) ?? state.name) !== state.name)
        .map((t) => `${state.name}: ${t}`),
    );
    expect(clashes).toEqual([]);
  });
});
