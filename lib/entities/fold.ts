/**
 * Text folding for matching: the same folding is applied to aliases and to page text, so that
 * "Erdoğan" = "Erdogan", "al-Assad" = "al Assad", "Putin’s" = "Putin's", and runs of white space,
 * soft hyphens and zero-width characters do not break a name. A map from each folded code unit back
 * to its source offset lets matches be turned into DOM ranges.
 */

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** `map[i]` is the source offset of folded code unit `i`; `map[text.length]` is the source length. */
  map: Uint32Array;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;

/** What a non-ASCII code unit folds to, when it is not plain "fold by decomposition". */
function specialFold(code: number): string | null {
  switch (code) {
    case 0x00ad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x200c: // zero-width non-joiner
    case 0x200d: // zero-width joiner
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space
      return '';
    case 0x00a0: // no-break space
    case 0x1680:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0x2028:
    case 0x2029:
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2015: // horizontal bar
    case 0x2212: // minus sign
      return ' ';
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x02bc:
    case 0x2032:
    case 0x00b4:
      return "'";
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x00ab:
    case 0x00bb:
      return '"';
  }
  if (code >= 0x2000 && code <= 0x200a) return ' ';
  return null;
}

const COMBINING_MARKS = /\p{M}/gu;

/** The fold of one non-ASCII code unit, computed the slow way (Unicode case mapping and NFD). */
function foldNonAsciiSlow(code: number, lower: boolean): string {
  const special = specialFold(code);
  if (special !== null) return special;
  const char = String.fromCharCode(code);
  // Lower first ("İ" → "i̇"), then drop the marks decomposition leaves ("ğ" → "g").
  const folded = (lower ? char.toLowerCase() : char).normalize('NFD').replace(COMBINING_MARKS, '');
  // A lone surrogate or a mark alone folds to itself or nothing; keep letters intact.
  return folded.length === 0 && !/\p{M}/u.test(char) ? char : folded;
}

/** `foldCodeUnit`: the code unit folds to nothing (soft hyphen, zero-width characters, lone marks). */
export const FOLD_DROPPED = -1;
/**
 * `foldCodeUnit`: the code unit cannot be folded on its own: it folds to several units (Hangul
 * syllables fold to their jamo) or is half of a surrogate pair. Fold the whole text instead.
 */
export const FOLD_COMPLEX = -2;

/**
 * The lower-cased folds of U+00C0–U+024F (the letters of Latin-1 Supplement, Latin Extended-A and -B),
 * one unit each, as `foldNonAsciiSlow` computes them: a table, so that a page in French or Spanish
 * does not pay for Unicode normalization (and compiling its regular expressions) as it is read.
 * fold.test.ts checks every entry against the slow path.
 */
const LATIN_FOLDS =
  'aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy' + // U+00C0–U+00FF
  'aaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀ' + // U+0100–U+013F
  'ŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſ' + // U+0140–U+017F
  'ƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿ' + // U+0180–U+01BF
  'ǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaææǥǥggkkooooʒʒjǳǳǳggƕƿnnaaææøø' + // U+01C0–U+01FF
  'aaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹⱥȼȼƚⱦȿ' + // U+0200–U+023F
  'ɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ'; // U+0240–U+024F

/**
 * `foldNonAsciiSlow(code, true)` without normalization where that is known to give the same: the
 * table above, and the rest of Latin-1 and General Punctuation (U+2000–U+206F), which have no case
 * and no canonical decomposition but the spaces `specialFold` handles. Null elsewhere.
 */
function foldLowerQuick(code: number): string | null {
  if (code >= 0xc0 && code <= 0x24f) return LATIN_FOLDS[code - 0xc0]!;
  if ((code >= 0x80 && code < 0xc0) || (code >= 0x2000 && code <= 0x206f))
    return specialFold(code) ?? String.fromCharCode(code);
  return null;
}

/**
 * Per code unit caches of the slow fold (lower-cased and cased): 0 = not computed yet, `unit + 1` for
 * a fold to one unit, FOLD_DROPPED, or FOLD_COMPLEX (then the units are in `expansions`).
 */
let lowerCodes: Int32Array | null = null;
let casedCodes: Int32Array | null = null;
const expansions = new Map<number, string>();

/** The cached fold of a non-ASCII code unit that is not a surrogate (see `lowerCodes`). */
function nonAsciiEntry(code: number, lower: boolean): number {
  const codes = lower ? (lowerCodes ??= new Int32Array(0x10000)) : (casedCodes ??= new Int32Array(0x10000));
  let entry = codes[code]!;
  if (entry === 0) {
    const folded = (lower ? foldLowerQuick(code) : null) ?? foldNonAsciiSlow(code, lower);
    if (folded.length === 0) entry = FOLD_DROPPED;
    else if (folded.length === 1) entry = folded.charCodeAt(0) + 1;
    else {
      entry = FOLD_COMPLEX;
      expansions.set(code * 2 + (lower ? 1 : 0), folded);
    }
    codes[code] = entry;
  }
  return entry;
}

/** ASCII folds as a table (lower-cased and cased): hyphens and white space become a space, ` a '. */
function asciiTable(lower: boolean): Uint16Array {
  const table = new Uint16Array(0x80);
  for (let code = 0; code < 0x80; code++) {
    if (code >= 0x41 && code <= 0x5a) table[code] = lower ? code + 32 : code;
    else if (code === SPACE || code === 0x2d || (code >= 0x09 && code <= 0x0d)) table[code] = SPACE;
    else if (code === 0x60) table[code] = APOSTROPHE;
    else table[code] = code;
  }
  return table;
}
const ASCII_LOWER = asciiTable(true);
const ASCII_CASED = asciiTable(false);

/**
 * What one code unit folds to on its own, lower-cased, as `fold` folds it (white space runs apart):
 * the folded unit, FOLD_DROPPED, or FOLD_COMPLEX.
 */
export function foldCodeUnit(code: number): number {
  if (code < 0x80) return ASCII_LOWER[code]!;
  if (code >= 0xd800 && code <= 0xdfff) return FOLD_COMPLEX;
  const entry = nonAsciiEntry(code, true);
  return entry > 0 ? entry - 1 : entry;
}

/**
 * Folds `source`: diacritics removed, hyphens and dashes become spaces, white space runs collapse to
 * one space, apostrophes and quotes are made straight, invisible characters dropped, and (when
 * `lower`) letters lower-cased.
 */
export function fold(source: string, lower = true): FoldedText {
  const length = source.length;
  // Typed arrays, not arrays of numbers: no allocation per character. Only expansions lengthen text.
  let units = new Uint16Array(length);
  let map = new Uint32Array(length + 1);
  const ascii = lower ? ASCII_LOWER : ASCII_CASED;
  let out = 0;
  let lastWasSpace = false;
  const push = (unit: number, at: number) => {
    if (unit === SPACE) {
      if (lastWasSpace) return;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    if (out === units.length) {
      const grown = new Uint16Array(units.length * 2 + 8);
      grown.set(units);
      units = grown;
      const grownMap = new Uint32Array(grown.length + 1);
      grownMap.set(map);
      map = grownMap;
    }
    units[out] = unit;
    map[out++] = at;
  };
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      push(ascii[code]!, i);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      // Astral characters (emoji, rare scripts) are kept as they are.
      push(code, i);
      push(source.charCodeAt(i + 1), i);
      i++;
    } else {
      const entry = nonAsciiEntry(code, lower);
      if (entry > 0) push(entry - 1, i);
      else if (entry === FOLD_COMPLEX) {
        const replacement = expansions.get(code * 2 + (lower ? 1 : 0))!;
        for (let r = 0; r < replacement.length; r++) push(replacement.charCodeAt(r), i);
      }
    }
  }
  let text = '';
  for (let start = 0; start < out; start += 8192) {
    text += String.fromCharCode(...units.subarray(start, Math.min(start + 8192, out)));
  }
  map[out] = length;
  return { text, map: map.slice(0, out + 1) };
}

/** Folds an alias to its matching key: trimmed, single-spaced. */
export function aliasKey(alias: string, lower = true): string {
  // Most aliases are plain ASCII: fold them with string operations, no offset map needed.
  if (/^[\x20-\x7e]*$/.test(alias)) {
    const spaced = alias
      .replace(/[\s-]+/g, ' ')
      .replace(/`/g, "'")
      .trim();
    return lower ? spaced.toLowerCase() : spaced;
  }
  return fold(alias, lower).text.trim();
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Per code unit: 0 = not computed yet, 1 = part of a word, 2 = not. ASCII and surrogates filled in. */
const wordCodes = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const word =
    (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  wordCodes[code] = word ? 1 : 2;
}
wordCodes.fill(1, 0xd800, 0xe000);
// Latin-1 and Latin Extended-A and -B, and General Punctuation, known in advance (fold.test.ts
// checks them against WORD_CHAR): pages in European languages compile no Unicode class to read.
wordCodes.fill(2, 0x80, 0x250);
for (const [from, to] of [
  [0xaa, 0xaa],
  [0xb2, 0xb3],
  [0xb5, 0xb5],
  [0xb9, 0xba],
  [0xbc, 0xbe],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x24f],
] as const) {
  wordCodes.fill(1, from, to + 1);
}
wordCodes.fill(2, 0x2000, 0x2070);

/** True when the code unit is part of a word (letter, digit, mark, or half of an astral character). */
export function isWordCode(code: number): boolean {
  let kind = wordCodes[code]!;
  if (kind === 0) kind = wordCodes[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

/** The source span `[start, end)` of folded units `[foldedStart, foldedEnd)`. */
export function sourceSpan(source: string, folded: FoldedText, foldedStart: number, foldedEnd: number) {
  const start = folded.map[foldedStart]!;
  const last = folded.map[foldedEnd - 1]!;
  const code = source.charCodeAt(last);
  return { start, end: last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1) };
}
