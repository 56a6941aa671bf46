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
});
