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
const lowerCache = new Map<number, string>();
const casedCache = new Map<number, string>();

function foldNonAscii(code: number, lower: boolean): string {
  const cache = lower ? lowerCache : casedCache;
  let folded = cache.get(code);
  if (folded === undefined) {
    const special = specialFold(code);
    if (special !== null) {
      folded = special;
    } else {
      const char = String.fromCharCode(code);
      // Lower first ("İ" → "i̇"), then drop the marks decomposition leaves ("ğ" → "g").
      folded = (lower ? char.toLowerCase() : char).normalize('NFD').replace(COMBINING_MARKS, '');
      // A lone surrogate or a mark alone folds to itself or nothing; keep letters intact.
      if (folded.length === 0 && !/\p{M}/u.test(char)) folded = char;
    }
    cache.set(code, folded);
  }
  return folded;
}

/**
 * Folds `source`: diacritics removed, hyphens and dashes become spaces, white space runs collapse to
 * one space, apostrophes and quotes are made straight, invisible characters dropped, and (when
 * `lower`) letters lower-cased.
 */
export function fold(source: string, lower = true): FoldedText {
  const length = source.length;
  const codes: number[] = [];
  const map: number[] = [];
  let lastWasSpace = false;

  const push = (code: number, at: number) => {
    if (code === SPACE) {
      if (lastWasSpace) return;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    codes.push(code);
    map.push(at);
  };

  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) push(lower ? code + 32 : code, i);
      else if (code === SPACE || code === 0x2d || (code >= 0x09 && code <= 0x0d)) push(SPACE, i);
      else if (code === 0x60) push(APOSTROPHE, i);
      else push(code, i);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      // Astral characters (emoji, rare scripts) are kept as they are.
      push(code, i);
      push(source.charCodeAt(i + 1), i);
      i++;
    } else {
      const replacement = foldNonAscii(code, lower);
      for (let r = 0; r < replacement.length; r++) push(replacement.charCodeAt(r), i);
    }
  }

  let text = '';
  for (let start = 0; start < codes.length; start += 8192) {
    text += String.fromCharCode(...codes.slice(start, start + 8192));
  }
  map.push(length);
  return { text, map: Uint32Array.from(map) };
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

/** True when the code unit is part of a word (letter, digit, mark, or half of an astral character). */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  }
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return WORD_CHAR.test(String.fromCharCode(code));
}

/** The source span `[start, end)` of folded units `[foldedStart, foldedEnd)`. */
export function sourceSpan(source: string, folded: FoldedText, foldedStart: number, foldedEnd: number) {
  const start = folded.map[foldedStart]!;
  const last = folded.map[foldedEnd - 1]!;
  const code = source.charCodeAt(last);
  return { start, end: last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1) };
}
