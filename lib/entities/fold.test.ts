import { describe, expect, it } from 'vitest';
import { fold, FOLD_COMPLEX, FOLD_DROPPED, foldCodeUnit, isWordCode } from './fold';

describe('foldCodeUnit', () => {
  it('folds one code unit as fold does, or says it cannot', () => {
    const unit = (char: string) => foldCodeUnit(char.charCodeAt(0));
    expect(String.fromCharCode(unit('A'))).toBe('a');
    expect(String.fromCharCode(unit('ğ'))).toBe('g');
    expect(String.fromCharCode(unit('–'))).toBe(' ');
    expect(String.fromCharCode(unit('’'))).toBe("'");
    expect(unit('\u00ad')).toBe(FOLD_DROPPED);
    expect(unit('\u0301')).toBe(FOLD_DROPPED);
    // A Hangul syllable folds to its jamo; half a surrogate pair means nothing alone.
    expect(unit('한')).toBe(FOLD_COMPLEX);
    expect(unit('🇸')).toBe(FOLD_COMPLEX);
  });
});

describe('folding tables', () => {
  /** Code units `fold` maps by rule rather than by Unicode normalization (docs/matching.md). */
  const SPECIAL: Record<number, string> = {
    0xa0: ' ',
    0xad: '',
    0xab: '"',
    0xbb: '"',
    0xb4: "'",
    0x200b: '',
    0x200c: '',
    0x200d: '',
    0x2060: '',
    0x2010: ' ',
    0x2011: ' ',
    0x2012: ' ',
    0x2013: ' ',
    0x2014: ' ',
    0x2015: ' ',
    0x2028: ' ',
    0x2029: ' ',
    0x202f: ' ',
    0x205f: ' ',
    0x2018: "'",
    0x2019: "'",
    0x201a: "'",
    0x201b: "'",
    0x2032: "'",
    0x201c: '"',
    0x201d: '"',
    0x201e: '"',
    0x201f: '"',
  };
  for (let code = 0x2000; code <= 0x200a; code++) SPECIAL[code] = ' ';
  const ranges = [
    [0x80, 0x24f],
    [0x2000, 0x206f],
  ] as const;

  it('fold Latin letters and punctuation as lower-casing and NFD without marks do', () => {
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        const expected = SPECIAL[code] ?? char.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
        const unit = foldCodeUnit(code);
        const actual = unit === FOLD_DROPPED ? '' : String.fromCharCode(unit);
        expect(actual, `U+${code.toString(16)}`).toBe(expected);
        expect(fold(`x${char}y`).text, `U+${code.toString(16)} in text`).toBe(
          `x${expected}y`.replace(/ +/g, ' '),
        );
      }
    }
  });

  it('know which of those code units are parts of words', () => {
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        expect(isWordCode(code), `U+${code.toString(16)}`).toBe(
          /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)),
        );
      }
    }
  });
});
