/**
 * Reads a newsletter digest pasted as plain text: an editor's introduction with one paragraph
 * about each piece, then the pieces themselves, each with a title, a byline, an outlet and date line
 * and the text. Layouts differ between newsletters (and copy-paste loses most formatting), so the
 * parser looks for the lines every layout has: a piece starts at a byline ("By …", "Author: …") or
 * an outlet-and-date line ("Washington Post, February 4", "Source: Outlet — 3 March 2024"), and
 * the short lines just above it are its title (and, without a "By", its authors). The rules are
 * described in docs/digests-and-feeds.md.
 */

/** One author of a piece, as the digest names them. */
export interface DigestAuthor {
  name: string;
  /** Posts, institution, expertise: from the byline or the biography at the end of the piece. */
  credentials?: string;
}

/** One piece (op-ed, analysis) reproduced in a digest. */
export interface DigestPiece {
  /** The headline; when the digest lost it, a stand-in naming author and outlet (see `warnings`). */
  title: string;
  authors: DigestAuthor[];
  /** Where the piece first appeared; empty when the digest does not say (see `warnings`). */
  outlet: string;
  /** `YYYY-MM-DD`. A date without a year takes the digest's year. */
  publishedAt?: string;
  /** The piece's own link, when the digest gives one. */
  url?: string;
  /** The editor's paragraph about this piece from the introduction; empty when none was found. */
  summary: string;
  /** The piece's text, paragraphs separated by blank lines. */
  text: string;
}

/** What `parseDigest` found. */
export interface DigestParse {
  title: string;
  publisher?: string;
  /** `YYYY-MM-DD`. */
  publishedAt?: string;
  /** The editor's introduction, less the paragraphs that became a piece's `summary`. */
  intro: string;
  pieces: DigestPiece[];
  /** Things a reader should check before saving: missing titles, authors, outlets, summaries. */
  warnings: string[];
}

/** Options for `parseDigest`. */
export interface ParseDigestOptions {
  /** Where the digest was found: relative links in it are resolved against this address. */
  url?: string;
}

/** Thrown when the text holds no recognisable piece, with a message saying what was expected. */
export class DigestParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigestParseError';
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

interface LooseDate {
  year?: number;
  month: number;
  day: number;
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})${ORDINAL}(?:,?\s+(\d{4}))?$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}\s+${MONTH}(?:,?\s+(\d{4}))?$`, 'i');

function monthNumber(name: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
    name.slice(0, 3).toLowerCase(),
  );
}

function validDate(year: number | undefined, month: number, day: number): LooseDate | undefined {
  // Feb 29 is checked against a leap year when the year is unknown.
  const check = new Date(Date.UTC(year ?? 2000, month, day));
  if (month < 0 || check.getUTCMonth() !== month || check.getUTCDate() !== day) return undefined;
  return year === undefined ? { month, day } : { year, month, day };
}

/** A whole string read as a calendar date, in the forms newsletters use; undefined otherwise. */
function parseLooseDate(input: string): LooseDate | undefined {
  const text = input.trim().replace(/\.$/, '');
  const iso = ISO_DATE.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const year = monthFirst[3] ? Number(monthFirst[3]) : undefined;
    return validDate(year, monthNumber(monthFirst[1]!), Number(monthFirst[2]));
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const year = dayFirst[3] ? Number(dayFirst[3]) : undefined;
    return validDate(year, monthNumber(dayFirst[2]!), Number(dayFirst[1]));
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/**
 * `YYYY-MM-DD`. A date without a year ("Feb. 9") takes the year of `reference` (the digest's
 * date), or the year before when that would put the piece after the digest.
 */
function toIsoDate(date: LooseDate, reference: LooseDate | undefined): string | undefined {
  if (date.year !== undefined) return isoOf(date.year, date.month, date.day);
  if (reference?.year === undefined) return undefined;
  const sameYear = isoOf(reference.year, date.month, date.day);
  return sameYear > isoOf(reference.year, reference.month, reference.day)
    ? isoOf(reference.year - 1, date.month, date.day)
    : sameYear;
}

// ---------------------------------------------------------------------------------------------
// Names

const HONORIFIC =
  /^(?:(?:amb|ambassador|prof|professor|dr|mr|mrs|ms|mx|gen|col|lt|maj|adm|sen|senator|rep|rabbi|rev|sir|dame|lord|lady|hon)\.?\s+)+/i;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\.?$/u;
const PARTICLE = /^(?:al|el|bin|ibn|abu|de|del|della|da|di|du|dos|das|van|von|der|den|le|la|ter)$/;
const PARTICLE_JOINED = /^(?:al|el|bin|ibn|abu|abd)-\p{Lu}/u;
/** Capitalised words that occur in headlines and credentials but not in people's names. */
const NOT_IN_NAMES = new Set(
  (
    'the a an of in on and or for to why how what when where who is are was were will would can could ' +
    'this that these those with from by at as after before against over under not no its it our we us ' +
    'into up out about than more most new senior fellow professor director editor correspondent ' +
    'ambassador former research institute university council center centre foundation chair president ' +
    'minister secretary adviser advisor analyst lecturer associate visiting distinguished columnist ' +
    'contributor contributing reporter staff dean head chief officer member school college department ' +
    'policy studies programme program initiative forum group times post journal review news herald ' +
    'daily weekly tribune magazine press agency service update digest newsletter issue number'
  ).split(' '),
);

const stripHonorific = (name: string) => name.replace(HONORIFIC, '').trim();

/** Whether a short string reads as one person's name: "Eyal Zisser", "John F. Kerry". */
function isPersonName(text: string): boolean {
  const words = stripHonorific(text).split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((word, i) => {
    if (NOT_IN_NAMES.has(word.toLowerCase().replace(/\.$/, ''))) return false;
    if (/['’]s$/.test(word)) return false;
    const inner = i > 0 && i < words.length - 1;
    return NAME_WORD.test(word) || PARTICLE_JOINED.test(word) || (inner && PARTICLE.test(word));
  });
}

/** "A and B", "A & B": the names, or undefined when any part is not a person's name. */
function personNames(text: string): string[] | undefined {
  const parts = text
    .replace(/^(?:and|&)\s+/i, '')
    .split(/\s+(?:and|&)\s+/i)
    .map((part) => part.trim());
  return parts.every(isPersonName) ? parts.map(stripHonorific) : undefined;
}

/** The surname used to recognise an author in the introduction: the last word, folded. */
const surname = (name: string) => fold(name.split(/\s+/).pop() ?? '').replace(/\.$/, '');

/**
 * The authors of a byline: "Dennis Ross", "Nicholas Burns and James Jeffrey",
 * "Hana Okafor, Senior Fellow, Institute for Maritime Security", "Amira Haddad (Gulf Forum)".
 * Credentials after the names belong to the names just before them.
 */
function parseAuthors(raw: string): DigestAuthor[] {
  const authors: DigestAuthor[] = [];
  const add = (names: string[], credentials?: string) =>
    authors.push(
      ...names.map((name) => (credentials ? { name, credentials: cleanCredentials(credentials) } : { name })),
    );
  for (const group of raw.split(/\s*;\s*/).filter(Boolean)) {
    const bracketed = /^(.+?)\s*[([](.+)[)\]]$/.exec(group) ?? /^(.+?)\s+[—–-]{1,2}\s+(.+)$/.exec(group);
    const bracketedNames = bracketed && personNames(bracketed[1]!);
    if (bracketedNames) {
      add(bracketedNames, bracketed[2]);
      continue;
    }
    const segments = group.split(/\s*,\s*/);
    const firstCredential = segments.findIndex((segment) => !personNames(segment));
    const nameSegments = firstCredential < 0 ? segments : segments.slice(0, firstCredential);
    const credentials = firstCredential < 0 ? undefined : segments.slice(firstCredential).join(', ');
    if (nameSegments.length === 0) {
      // Not a person's name as we know them ("Author: Reuters, London"): keep it as written.
      add([segments[0]!], segments.slice(1).join(', ') || undefined);
      continue;
    }
    // Credentials describe the names just before them: "A, B and C, fellows at X" → B and C.
    for (const segment of nameSegments.slice(0, -1)) add(personNames(segment)!);
    add(personNames(nameSegments[nameSegments.length - 1]!)!, credentials);
  }
  return authors.filter((author) => author.name.length > 0);
}

/** Credentials without a dangling link bracket or final full stop. */
function cleanCredentials(text: string): string {
  return text
    .trim()
    .replace(/[\s([{]+$/, '')
    .replace(/^(?:is|serves as)\s+/i, '')
    .replace(/\.$/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof amb gen col lt maj sen rep gov st mt jr sr no vs etc inc ltd co corp dept ' +
    'univ ret rev hon jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

/** Sentences, without splitting after "Prof.", "U.S." or an initial. */
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?…]+["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\d])/gu)) {
    const end = match.index + match[0].trimEnd().length;
    const lastWord = /(\S+?)[.!?…]+["”’)\]]*$/u.exec(text.slice(start, end))?.[1] ?? '';
    const word = lastWord.replace(/^["“‘(]+/, '');
    const abbreviation =
      match[0].startsWith('.') &&
      (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word));
    if (abbreviation) continue;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Markdown emphasis removed: "**Hana Okafor**" and "*The Review*" read as plain words. */
function stripEmphasis(text: string): string {
  return text
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(“"‘'])([*_])(?=\S)(.+?)(?<=\S)\2(?=$|[\s).,;:!?”"’'])/g, '$1$3');
}

/** Lowercase, accents and curly quotes folded: for comparing names and words. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase();
}

/** Folded words with possessives and plurals trimmed: "Syria’s" → "syria", "summits" → "summit". */
function stems(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9']+/)
    .map((word) => word.replace(/^'+|'+$/g, '').replace(/'s?$/, ''))
    .filter(Boolean)
    .map((word) =>
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

const TITLE_STOPWORDS = new Set(
  'about after against also among because been before being between could does from have into just more most much over should than that their them then there these they this those through under very what when where which while will with would your'.split(
    ' ',
  ),
);

/** Links that did not survive copy-paste leave sentences like "For the full text, CLICK HERE." */
const LINK_SENTENCE = new RegExp(
  String.raw`\b(?:click here|read (?:it|more|the full (?:\w+ )?)?here|full (?:text|article|piece) here)\b|` +
    String.raw`\b(?:look|more|report|analysis|article|piece|story|interview|video|background)\b.*\b(?:is|are|can be found) here\.?$`,
  'i',
);

const BOILERPLATE =
  /^(?:skip to (?:main )?content|advertisement|share(?: this)?|print|email|tweet|subscribe|read more|continue reading|click here|view (?:this email )?in (?:your )?browser)$/i;

// ---------------------------------------------------------------------------------------------
// Lines → units

type Unit =
  | { kind: 'separator'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'byline'; text: string; authors: DigestAuthor[] }
  | { kind: 'source'; text: string; outlet?: string; date?: LooseDate }
  | { kind: 'field'; text: string; key: 'title' | 'publisher' | 'date' | 'url'; value: string }
  | { kind: 'date'; text: string; date: LooseDate }
  | { kind: 'url'; text: string; url: string }
  | { kind: 'line'; text: string }
  | { kind: 'prose'; text: string };

const SEPARATOR = /^(?:(?:[*\-_=~•·]\s*){3,}|[—–]{1,3}(?:\s*[—–]){0,2}|§+|#\s*#\s*#|back to top|\^\s*top)$/i;
const HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const BULLET = /^(?:[-*•‣◦▪]|\d{1,2}[.)])\s+(.+)$/;
const FIELD = /^([a-z][a-z ]{1,30}?)\s*:\s+(.+)$/i;
const BYLINE = /^(?:by|written by)\s+(.+)$/i;
const URL_LINE = /^<?(https?:\/\/\S+?)>?$/i;

const FIELD_KEYS: Record<string, 'byline' | 'source' | Extract<Unit, { kind: 'field' }>['key']> = {
  author: 'byline',
  authors: 'byline',
  writer: 'byline',
  writers: 'byline',
  byline: 'byline',
  source: 'source',
  outlet: 'source',
  publication: 'source',
  'published in': 'source',
  'originally published in': 'source',
  'first published in': 'source',
  publisher: 'publisher',
  'published by': 'publisher',
  newsletter: 'publisher',
  date: 'date',
  dated: 'date',
  published: 'date',
  'published on': 'date',
  sent: 'date',
  title: 'title',
  headline: 'title',
  subject: 'title',
  url: 'url',
  link: 'url',
  'read it at': 'url',
  'read at': 'url',
  original: 'url',
};

/** "Outlet, date", "Outlet | date", "Outlet — date", "Outlet (date)": the outlet and the date. */
function parseOutletDate(text: string): { outlet: string; date: LooseDate } | undefined {
  if (text.length > 140) return undefined;
  const candidates: Array<[string, string]> = [];
  const bracketed = /^(.+?)\s*\((.+)\)$/.exec(text);
  if (bracketed) candidates.push([bracketed[1]!, bracketed[2]!]);
  for (const match of text.matchAll(/\s*(?:,|\||·|•|—|–|\s-)\s+/g)) {
    candidates.push([text.slice(0, match.index), text.slice(match.index + match[0].length)]);
  }
  for (const [outlet, rest] of candidates) {
    const date = parseLooseDate(rest);
    if (date && looksLikeOutlet(outlet.trim())) return { outlet: outlet.trim(), date };
  }
  return undefined;
}

function looksLikeOutlet(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    text.length > 0 &&
    text.length <= 80 &&
    words.length <= 8 &&
    /^(?:[\p{Lu}\d]|the\s)/iu.test(text) &&
    /^[\p{Lu}\d]/u.test(text.replace(/^the\s+/i, '')) &&
    !/[.:;,]$/.test(text) &&
    !parseLooseDate(text)
  );
}

function sourceUnit(text: string, value: string): Unit {
  const both = parseOutletDate(value);
  if (both) return { kind: 'source', text, outlet: both.outlet, date: both.date };
  const date = parseLooseDate(value);
  return date ? { kind: 'source', text, date } : { kind: 'source', text, outlet: value };
}

/** The unit a line is on its own (heading, byline, separator…), or undefined for running text. */
function structuralLine(line: string): Unit | undefined {
  if (SEPARATOR.test(line)) return { kind: 'separator', text: line };
  const heading = HEADING.exec(line);
  if (heading) return { kind: 'heading', text: stripEmphasis(heading[1]!) };
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[1]! };
  const plain = stripEmphasis(line);
  const field = FIELD.exec(plain);
  const key = field && FIELD_KEYS[field[1]!.toLowerCase().trim()];
  if (field && key) {
    const value = field[2]!.trim();
    if (key === 'byline') return { kind: 'byline', text: plain, authors: parseAuthors(value) };
    if (key === 'source') return sourceUnit(plain, value);
    return { kind: 'field', text: plain, key, value };
  }
  const byline = BYLINE.exec(plain);
  if (byline && plain.length <= 200) {
    const firstSegment = byline[1]!.split(/\s*(?:,|;|\(|\s[—–-]\s)\s*/)[0]!;
    if (personNames(firstSegment)) return { kind: 'byline', text: plain, authors: parseAuthors(byline[1]!) };
  }
  const url = URL_LINE.exec(plain);
  if (url) return { kind: 'url', text: plain, url: url[1]! };
  const date = parseLooseDate(plain);
  if (date) return { kind: 'date', text: plain, date };
  const outletDate = parseOutletDate(plain);
  if (outletDate) return { kind: 'source', text: plain, ...outletDate };
  return undefined;
}

/** Running text: a short line (title, name, label) or a paragraph of prose. */
function textUnit(text: string): Unit {
  const plain = stripEmphasis(text);
  const prose = plain.length > 160 || /[.…]["”’)]?$/.test(plain);
  return { kind: prose ? 'prose' : 'line', text: plain };
}

/** Longest line taken for a hard-wrapped one (e-mail and plain-text newsletters wrap at 60-80). */
const WRAP_WIDTH = 100;

/**
 * Cleans pasted text (Windows line ends, no-break spaces, tabs) and cuts it into units. Lines of a
 * blank-line-separated block are joined into one paragraph only when the block looks hard-wrapped
 * (no line longer than `WRAP_WIDTH`, the line before long enough to have been wrapped); a paste with
 * one paragraph per line keeps its lines apart.
 */
function toUnits(input: string): Unit[] {
  const blocks = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\u00AD]/g, '')
    .split(/\n[ ]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim()));
  const units: Unit[] = [];
  for (const block of blocks) {
    const wrapped = block.every((line) => line.trim().length <= WRAP_WIDTH);
    let paragraph: string[] = [];
    let bullet: string[] | undefined;
    const flush = () => {
      if (bullet) units.push({ kind: 'bullet', text: stripEmphasis(bullet.join(' ')) });
      else if (paragraph.length > 0) units.push(textUnit(paragraph.join(' ')));
      paragraph = [];
      bullet = undefined;
    };
    for (const raw of block) {
      const line = raw.replace(/ {2,}/g, ' ').trim();
      const structural = structuralLine(line);
      const previous = (bullet ?? paragraph)[(bullet ?? paragraph).length - 1];
      const continues = wrapped && previous !== undefined && previous.length >= 50;
      if (structural) {
        flush();
        if (structural.kind === 'bullet') bullet = [structural.text];
        else units.push(structural);
      } else if (bullet && (continues || /^\s/.test(raw))) {
        bullet.push(line);
      } else if (!bullet && continues) {
        paragraph.push(line);
      } else {
        flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Units → pieces

interface PieceHeader {
  start: number;
  end: number;
  title?: string;
  authors: DigestAuthor[];
  outlet?: string;
  date?: LooseDate;
  url?: string;
}

const isAnchor = (unit: Unit) => unit.kind === 'byline' || unit.kind === 'source';
const isPieceMeta = (unit: Unit) =>
  isAnchor(unit) ||
  unit.kind === 'date' ||
  unit.kind === 'url' ||
  (unit.kind === 'field' && unit.key !== 'publisher');
/** The headline a unit above a piece's byline holds, if it can be one. */
function titleOf(unit: Unit): string | undefined {
  if (unit.kind === 'heading') return unit.text;
  if (unit.kind === 'field' && unit.key === 'title') return unit.value;
  if (unit.kind === 'line' && !unit.text.endsWith(':') && !BOILERPLATE.test(unit.text)) return unit.text;
  return undefined;
}

/** Folds one header unit's facts into the header. */
function absorb(header: PieceHeader, unit: Unit): void {
  switch (unit.kind) {
    case 'byline':
      header.authors.push(...unit.authors);
      break;
    case 'source':
      header.outlet ??= unit.outlet;
      header.date ??= unit.date;
      break;
    case 'date':
      header.date ??= unit.date;
      break;
    case 'url':
      header.url ??= unit.url;
      break;
    case 'field':
      if (unit.key === 'title') header.title ??= unit.value;
      if (unit.key === 'url') header.url ??= unit.value;
      if (unit.key === 'date') header.date ??= parseLooseDate(unit.value);
      break;
    case 'line': {
      const names = personNames(unit.text);
      if (names) header.authors.push(...names.map((name) => ({ name })));
      break;
    }
  }
}

/**
 * Each piece's header: the byline / outlet line, the metadata lines next to it, the name lines
 * just above it (when there is no "By") and the title above those.
 */
function findHeaders(units: Unit[]): PieceHeader[] {
  const headers: PieceHeader[] = [];
  let floor = 0;
  for (let i = 0; i < units.length; i++) {
    if (!isAnchor(units[i]!)) continue;
    let end = i;
    while (end + 1 < units.length && isPieceMeta(units[end + 1]!)) end++;
    const header: PieceHeader = { start: i, end, authors: [] };
    for (let k = i; k <= end; k++) absorb(header, units[k]!);
    const hasByline = units.slice(i, end + 1).some((unit) => unit.kind === 'byline');

    // Upwards: bare name lines (only without a byline), then the title.
    let j = i - 1;
    const nameLines: number[] = [];
    while (!hasByline && j >= floor && units[j]!.kind === 'line' && personNames(units[j]!.text)) {
      nameLines.unshift(j);
      j--;
    }
    const title = j >= floor ? titleOf(units[j]!) : undefined;
    if (title) {
      header.title ??= title;
      j--;
    } else if (nameLines.length === 1) {
      // A lone capitalised line with nothing above it is more often a headline than a name.
      header.title ??= units[nameLines.shift()!]!.text;
    }
    for (const k of nameLines) absorb(header, units[k]!);
    header.start = j + 1;

    // Downwards: a bare name line under the outlet line, when no author was named yet.
    const next = units[end + 1];
    if (header.authors.length === 0 && next?.kind === 'line' && personNames(next.text)) {
      absorb(header, next);
      header.end = ++end;
    }
    headers.push(header);
    floor = end + 1;
    i = end;
  }
  return headers;
}

/** A closing biography ("Jane Roe is…", "A, a professor…, was… B, a fellow…") split per person. */
function readBiography(paragraph: string): DigestAuthor[] | undefined {
  if (paragraph.length > 900) return undefined;
  const bioStart =
    /^((?:[\p{Lu}][\p{L}'’.-]*\s+){0,2}[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3})(?:,\s+|\s+(?=(?:is|was|has been|serves as|served as|teaches|directs|heads|leads|writes)\s))/u;
  const authors: DigestAuthor[] = [];
  for (const sentence of splitSentences(paragraph)) {
    const match = bioStart.exec(sentence);
    const names = match ? personNames(match[1]!) : undefined;
    if (match && names?.length === 1) {
      authors.push({ name: names[0]!, credentials: cleanCredentials(sentence.slice(match[0].length)) });
    } else if (authors.length > 0) {
      const last = authors[authors.length - 1]!;
      last.credentials = cleanCredentials(`${last.credentials}. ${sentence}`);
    } else {
      return undefined;
    }
  }
  return authors.length > 0 ? authors : undefined;
}

/** The header's authors completed by the closing biography; true when the biography was used. */
function applyBiography(authors: DigestAuthor[], biography: DigestAuthor[]): boolean {
  if (authors.length === 0) {
    authors.push(...biography);
    return true;
  }
  const bySurname = new Map(authors.map((author) => [surname(author.name), author]));
  if (!biography.every((person) => bySurname.has(surname(person.name)))) return false;
  for (const person of biography) {
    const author = bySurname.get(surname(person.name))!;
    author.credentials ??= person.credentials;
  }
  return true;
}

const separatorKey = (unit: Unit) => unit.text.toLowerCase().replace(/\s+/g, '');

/** The summary an editor wrote, without sentences pointing at links the paste lost. */
function cleanSummary(paragraph: string): string {
  return splitSentences(paragraph)
    .filter((sentence) => !LINK_SENTENCE.test(sentence))
    .join(' ');
}

/** How strongly an introduction paragraph speaks of a piece: authors, outlet, title words, quotes. */
function matchScore(paragraph: string, piece: DigestPiece): number {
  const words = new Set(stems(paragraph));
  const folded = ` ${fold(paragraph).replace(/[^a-z0-9']+/g, ' ')} `;
  let score = 0;
  for (const author of piece.authors) if (words.has(surname(author.name))) score += 5;
  const outlet = fold(piece.outlet)
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
  if (outlet && folded.includes(` ${outlet} `)) score += 4;
  const titleWords = new Set(stems(piece.title).filter((w) => w.length >= 4 && !TITLE_STOPWORDS.has(w)));
  score += Math.min(4, [...titleWords].filter((word) => words.has(word)).length);
  const pieceText = fold(piece.text).replace(/[^a-z0-9']+/g, ' ');
  let quotes = 0;
  for (const [, quote] of paragraph.matchAll(/[“"]([^”"]{8,200})[”"]/g)) {
    const phrase = fold(quote!)
      .replace(/[^a-z0-9']+/g, ' ')
      .trim();
    if (phrase.split(' ').length >= 2 && pieceText.includes(phrase)) quotes++;
  }
  return score + 3 * Math.min(quotes, 2);
}

/** Gives each piece the introduction paragraph that speaks of it most; returns the unmatched ones. */
function matchSummaries(paragraphs: string[], pieces: DigestPiece[]): string[] {
  const pairs: Array<{ paragraph: number; piece: number; score: number }> = [];
  for (const [p, paragraph] of paragraphs.entries()) {
    for (const [k, piece] of pieces.entries()) {
      const score = matchScore(paragraph, piece);
      if (score >= 3) pairs.push({ paragraph: p, piece: k, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.paragraph - b.paragraph);
  const usedParagraphs = new Set<number>();
  for (const { paragraph, piece } of pairs) {
    if (usedParagraphs.has(paragraph) || pieces[piece]!.summary) continue;
    pieces[piece]!.summary = cleanSummary(paragraphs[paragraph]!);
    usedParagraphs.add(paragraph);
  }
  return paragraphs.filter((_, p) => !usedParagraphs.has(p));
}

function resolveUrl(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const PUBLISHER_LINE =
  /^(?:an?\s+)?(?:update|newsletter|digest|briefing|bulletin|dispatch|round-?up|letter)\s+from\s+(?:the\s+)?(.+)$/i;

/** Title, publisher, date and introduction paragraphs from the units before the first piece. */
function readPreamble(units: Unit[]) {
  let title: string | undefined;
  let publisher: string | undefined;
  let date: LooseDate | undefined;
  const paragraphs: string[] = [];
  for (const unit of units) {
    if (unit.kind === 'field') {
      if (unit.key === 'title') title ??= unit.value;
      if (unit.key === 'publisher') publisher ??= unit.value;
      if (unit.key === 'date') date ??= parseLooseDate(unit.value);
    } else if (unit.kind === 'date') {
      date ??= unit.date;
    } else if (unit.kind === 'heading') {
      title ??= unit.text;
    } else if (unit.kind === 'line') {
      const from = PUBLISHER_LINE.exec(unit.text);
      if (from) publisher ??= from[1]!.trim();
      else if (BOILERPLATE.test(unit.text) || unit.text.endsWith(':')) continue;
      else if (!title) title = unit.text;
      else if (/[?!]["”’]?$/.test(unit.text) && unit.text.split(/\s+/).length >= 6)
        paragraphs.push(unit.text);
    } else if (unit.kind === 'prose' || unit.kind === 'bullet') {
      paragraphs.push(unit.text);
    }
  }
  return { title, publisher, date, paragraphs };
}

const describePiece = (index: number, piece: DigestPiece) =>
  `Piece ${index + 1}${piece.title ? ` (“${piece.title}”)` : ''}`;

/**
 * Parses a digest pasted as text into its title, introduction and pieces, each piece with the
 * editor's paragraph about it as `summary`. Throws `DigestParseError` when no piece is found.
 */
export function parseDigest(text: string, options: ParseDigestOptions = {}): DigestParse {
  const units = toUnits(text);
  if (units.length === 0)
    throw new DigestParseError('The digest is empty: paste the text of the newsletter.');
  const headers = findHeaders(units);
  if (headers.length === 0) {
    throw new DigestParseError(
      'No articles were found in this text. Each article in a digest needs a byline ("By Jane Roe" or ' +
        '"Author: Jane Roe") or a line naming its outlet and date ("Washington Post, February 4" or ' +
        '"Source: The Example Review — 3 March 2024").',
    );
  }
  const warnings: string[] = [];
  const preamble = readPreamble(units.slice(0, headers[0]!.start));

  // Separators seen between pieces end the last piece too; what follows is the site's footer.
  const betweenPieces = new Set<string>();
  for (const [h, header] of headers.entries()) {
    const next = headers[h + 1];
    if (!next) break;
    for (const unit of units.slice(header.end + 1, next.start)) {
      if (unit.kind === 'separator') betweenPieces.add(separatorKey(unit));
    }
  }

  const pieces = headers.map((header, h): DigestPiece => {
    const next = headers[h + 1];
    let body = units.slice(header.end + 1, next ? next.start : units.length);
    if (!next) {
      let cut = body.findIndex((unit) => unit.kind === 'separator' && betweenPieces.has(separatorKey(unit)));
      if (cut < 0 && betweenPieces.size === 0) cut = body.findLastIndex((unit) => unit.kind === 'separator');
      const dropped = cut < 0 ? [] : body.slice(cut + 1).filter((unit) => unit.kind !== 'separator');
      if (dropped.length > 0) {
        warnings.push(`Ignored ${dropped.length} paragraph(s) after the last piece (page footer or links).`);
      }
      if (cut >= 0) body = body.slice(0, cut);
    }
    const paragraphs = body
      .filter((unit) => unit.kind !== 'separator' && !BOILERPLATE.test(unit.text))
      .map((unit) => unit.text);
    const authors = header.authors.map((author) => ({ ...author }));
    const biography = paragraphs.length > 1 ? readBiography(paragraphs[paragraphs.length - 1]!) : undefined;
    if (biography && applyBiography(authors, biography)) paragraphs.pop();

    const outlet = header.outlet ?? '';
    const names = authors.map((author) => author.name).join(', ');
    const title = header.title ?? `Untitled (${[names, outlet].filter(Boolean).join(', ') || 'no byline'})`;
    const publishedAt = header.date ? toIsoDate(header.date, preamble.date) : undefined;
    const url = resolveUrl(header.url, options.url);
    const piece: DigestPiece = {
      title,
      authors,
      outlet,
      ...(publishedAt ? { publishedAt } : {}),
      ...(url ? { url } : {}),
      summary: '',
      text: paragraphs.join('\n\n'),
    };
    const label = `Piece ${h + 1}`;
    if (!header.title) warnings.push(`${label} has no title line; it was called “${title}”.`);
    if (authors.length === 0) warnings.push(`${describePiece(h, piece)} names no author.`);
    if (!outlet) warnings.push(`${describePiece(h, piece)} does not say where it was published.`);
    if (header.date && !publishedAt) {
      warnings.push(`${describePiece(h, piece)} has a date without a year, and the digest has no date.`);
    }
    if (!piece.text) warnings.push(`${describePiece(h, piece)} has no text.`);
    return piece;
  });

  const unmatched = matchSummaries(preamble.paragraphs, pieces);
  for (const [h, piece] of pieces.entries()) {
    if (!piece.summary)
      warnings.push(`${describePiece(h, piece)} has no paragraph about it in the introduction.`);
  }
  if (!preamble.title) warnings.push('The digest has no title line.');
  const publishedAt = preamble.date ? toIsoDate(preamble.date, undefined) : undefined;
  return {
    title: preamble.title ?? pieces[0]!.title,
    ...(preamble.publisher ? { publisher: preamble.publisher } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    intro: unmatched.map(cleanSummary).join('\n\n'),
    pieces,
    warnings,
  };
}
