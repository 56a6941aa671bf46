import { describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../protocol/messages';
import { compileRegexMatcher } from './regex-matcher';

const entity = (id: string, name: string, aliases: CatalogEntity['aliases'] = []): CatalogEntity => ({
  id,
  kind: 'actor',
  category: 'person',
  name,
  aliases,
  related: [],
});

const catalog = [
  entity('assad', 'Bashar al-Assad', [{ text: 'Assad' }, { text: 'Syrian President Bashar Assad' }]),
  entity('islamic-state', 'Islamic State', [
    { text: 'Islamic State group' },
    { text: 'IS', caseSensitive: true },
  ]),
  entity('turkey', 'Turkey', [{ text: 'Turkey', caseSensitive: true }]),
  entity('putin', 'Vladimir Putin', [{ text: 'Putin' }]),
];
const count = (text: string) =>
  Object.fromEntries(compileRegexMatcher(catalog)(text).map(({ entityId, count }) => [entityId, count]));

describe('compileRegexMatcher', () => {
  it('counts the longest alias once (a sentence of the seed digest)', () => {
    expect(
      count(
        'He would have conveyed to us that he would stop Syrian President Bashar Assad from using barrel bombs',
      ),
    ).toEqual({
      assad: 1,
    });
    expect(count('the Islamic State group and IS fighters')).toEqual({ 'islamic-state': 2 });
  });

  it('matches whole words only, case-insensitively unless the alias keeps its case', () => {
    expect(count('Assadist putinism')).toEqual({});
    expect(count('PUTIN and putin')).toEqual({ putin: 2 });
    expect(count('a roast turkey, this is it')).toEqual({});
    expect(count('Turkey and IS')).toEqual({ turkey: 1, 'islamic-state': 1 });
  });

  it('accepts line breaks and runs of spaces inside a name', () => {
    expect(count('Russian President Vladimir\n   Putin said')).toEqual({ putin: 1 });
  });
});
