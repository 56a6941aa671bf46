/**
 * Discovery: the named actors and events one analysis discusses, found in its title and text with
 * the packaged lexicons (lib/discovery/lexicon.ts) and the document's own evidence:
 * - capitalised runs of words are name candidates; a word capitalised only where a sentence starts,
 *   or also used in lower case, is not a name;
 * - titles ("Secretary of State", "Gen.") are cut off and make the rest a person;
 * - an acronym in brackets after a name is that name's alias; so is a lone surname (ambiguous);
 * - event words after a name or a modifier make an event ("the Geneva talks", "refugee crisis").
 * What is certain (a lexicon entry, a titled or repeated full name, a defined acronym, a named
 * event) is marked so; the rest is proposed to the reader. Plain TypeScript, no DOM, no network.
 */
import type { Alias } from '../model/schema';
import { aliasKey } from '../entities/fold';
import {
  CONJUNCTIONS,
  EVENT_HEADS,
  EVENT_MODIFIERS,
  NAME_CONNECTORS,
  ORGANISATION_WORDS,
  PLACE_NOUNS,
  STANDALONE_EVENTS,
  TITLE_QUALIFIERS,
  WEAK_EVENT_HEADS,
} from './cues';
import type { Lexicon } from './lexicon';

export type ActorCategory = 'person' | 'state' | 'organisation' | 'group' | 'place';
export type EventCategory = 'talks' | 'process' | 'proposal' | 'offensive' | 'crisis' | 'conflict';

/** One actor or event a text names. */
export interface Discovery {
  name: string;
  kind: 'actor' | 'event';
  category: ActorCategory | EventCategory;
  /** Every form the text uses (states also carry their names in other languages). */
  aliases: Alias[];
  /** How many times the text names it, in any form. */
  mentions: number;
  /** Certain enough to add at once; otherwise proposed to the reader. */
  certain: boolean;
  /** Why it was found, for the reader: "a state", "named with a title", ... */
  evidence: string[];
  /** The words that say what it is, as written: "Russian President Vladimir Putin", "X, the UN envoy". */
  quote?: string;
}

interface Token {
  text: string;
  /** Folded, without possessive or trailing full stop. */
  key: string;
  start: number;
  end: number;
  capitalised: boolean;
  acronym: boolean;
  /** Written with a possessive ("Russia's"): a name ends there. */
  possessive: boolean;
  /** Its place in the document's tokens. */
  index: number;
  /** A lower-case word that belongs to the name before it ("Assemblée nationale"). */
  inName?: boolean;
  sentenceStart: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  heading: boolean;
}

interface Candidate {
  tokens: Token[];
  name: string;
  kind: 'actor' | 'event';
  category: ActorCategory | EventCategory;
  certain: boolean;
  evidence: string[];
  quote?: string;
  /** A generic form ("civil war", lone "Assad"): an alias that needs context. */
  ambiguous?: boolean;
  /** An acronym the text defined in brackets after this name. */
  acronym?: string;
  /** Named with a title before it ("President Obama"). */
  titled?: boolean;
  /** A full name whose last word the text also uses alone ("Mukonori"). */
  surnameAlone?: boolean;
}

const CONNECTORS = new Set(NAME_CONNECTORS);
const PLACE_WORDS = new Set(PLACE_NOUNS);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'outside', 'around']);
/** Lower-case particles inside personal names: "Staffan de Mistura", "Ursula von der Leyen". */
const PERSON_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'von', 'van', 'der', 'bin', 'ibn']);
const AND = new Set(CONJUNCTIONS);
const ORG_WORDS = new Set(ORGANISATION_WORDS);
// Cue words are compared with tokens' folded keys ("no-fly" is "no fly").
const MODIFIERS = new Set(EVENT_MODIFIERS.map((word) => aliasKey(word)));
const QUALIFIERS = new Set(TITLE_QUALIFIERS);
const STANDALONE = new Set(STANDALONE_EVENTS.map((word) => aliasKey(word)));
const HEADS: Record<string, EventCategory> = Object.fromEntries(
  Object.entries(EVENT_HEADS).map(([word, category]) => [aliasKey(word), category]),
);
const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/;
/** Speech after or before a name, and an age in commas: how news names the people it quotes. */
const SPOKEN_AFTER =
  /^(?:,\s+\p{Ll}[^,]{0,60},)?\s+(?:said|says|told|added|asked|explained|wrote|warned|recalled)\b/u;
const SPOKEN_BEFORE = /\b(?:said|says|added|asked|explained|wrote|warned)\s+$/;
const AGED = /^,\s+\d{1,3},/;
const CONTRACTION = /'(?:re|ve|ll|d|m|t)$|n't$/;
const DEFINITE = new Set(['the', 'this', 'that']);
const LEADING_ARTICLES = new Set(['the', 'la', 'le', 'les', "l'", 'el', 'los', 'las']);
const NAME_PREFIX = /^(?:al|el|ad|as|ash|an|bin|ibn|abu|d)[-’']\p{Lu}/u;
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
/** Abbreviations that end a company's or a person's name, full stop included ("Remain Co."). */
const NAME_ABBREVIATION = /^(?:Co|Corp|Inc|Ltd|Jr|Sr|Bros)\.$/;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u;

/** Splits a line into word tokens, each knowing whether it starts a sentence. */
function tokenise(line: string, offset: number, heading: boolean): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let sentenceStart = true;
  for (const match of line.matchAll(TOKEN)) {
    let text = match[0];
    // A full stop ends the word unless the word is a dotted acronym ("U.N.") or an initial.
    let endsSentence = false;
    if (text.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(text) && !NAME_ABBREVIATION.test(text)) {
      text = text.replace(/\.+$/, '');
      endsSentence = true;
    }
    text = text.replace(/[-'’]+$/u, '');
    let start = match.index;
    // French elision: "l’Assemblée" is the article and "Assemblée".
    const elided = /^[lL][’'](?=\p{Lu})/u.exec(text);
    if (elided) {
      text = text.slice(2);
      start += 2;
    }
    const gap = line.slice(previousEnd, start);
    const bare = text.replace(/['’]s$/u, '');
    const capitalised = /^\p{Lu}/u.test(bare) || NAME_PREFIX.test(bare);
    const token: Token = {
      index: 0, // set when the document collects its lines' tokens
      text: bare,
      key: aliasKey(bare.replace(/\.$/, '')),
      start: offset + start,
      end: offset + start + text.length,
      capitalised,
      acronym: ACRONYM.test(bare),
      possessive: bare !== text,
      sentenceStart: sentenceStart || /[.!?:]["'”’)]*\s*$/.test(gap) || /^\s*["“‘(]\s*$/.test(gap),
      gap,
      heading,
    };
    tokens.push(token);
    previousEnd = match.index + match[0].length;
    sentenceStart = endsSentence && !isTitleAbbreviation(token.key);
  }
  return tokens;
}

const isTitleAbbreviation = (key: string) =>
  /^(?:mr|mrs|ms|dr|gen|sen|rep|col|lt|gov|prof|st|jr|sr|m|no|vs)$/.test(key);

/** A line that is a headline or page furniture: mostly capitalised words, or short with no sentence. */
function isHeading(line: string): boolean {
  const words = line.match(TOKEN) ?? [];
  if (words.length === 0) return true;
  if (words.length <= 6 && !/[.!?]["'”’)]*\s*$/.test(line)) return true;
  const long = words.filter((w) => w.length > 3);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w));
  return long.length > 0 && capitalised.length / long.length > 0.7 && words.length <= 20;
}

/**
 * A byline or a picture credit ("By Jane Doe", "(AP Photo/Jane Doe)", "Photo: Reuters"): the names
 * there are who made the page, not what it discusses; only known names count there.
 */
function isCredit(line: string): boolean {
  return (
    /^\s*(?:By|Par|Por|Von|Photo|Photograph|Picture|Image|Credit|Source|Foto)\b/u.test(line) ||
    // "Jane Doe reported from Seoul.", "John Roe contributed to this report."
    (/\b(?:reported from|contributed to this (?:report|article)|contributed reporting|additional reporting)\b/iu.test(
      line,
    ) &&
      (line.match(TOKEN) ?? []).length <= 30) ||
    // Wire-service and newsroom credits: "Reporting by Jane Doe; Editing by John Roe", "Follow
    // Jane Doe on Twitter", "Email John Roe at", "Jane Doe is a correspondent for The Times."
    /^\s*(?:Reporting|Writing|Editing|Additional reporting|Contributing|Contact|Follow|Email|E-mail|Copyright|©)\b/u.test(
      line,
    ) ||
    /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3} (?:is|was) (?:a|an|the)\b[^.]{0,60}\b(?:reporter|correspondent|writer|editor|columnist|journalist|contributor|photographer|producer)s?\b/u.test(
      line,
    ) ||
    /\b(?:Photo|Picture|Image|Foto)s?\s*[:/]/u.test(line) ||
    /\b(?:AP|AFP|Reuters|Getty Images|EPA|PA)\s*(?:Photo)?\s*\//u.test(line)
  );
}

class Document {
  readonly tokens: Token[] = [];
  /** Folded words the text uses in lower case. */
  readonly lowerCase = new Set<string>();
  /** Folded words the text capitalises where no sentence starts. */
  readonly capitalisedInside = new Map<string, number>();
  /** Two capitalised words the text writes together inside a sentence ("as Whole Foods lowered"). */
  readonly capitalisedPairs = new Set<string>();

  constructor(title: string, text: string) {
    let offset = 0;
    const lines = [title, ...text.split('\n')];
    lines.forEach((line, index) => {
      const heading = index === 0 || isHeading(line) || isCredit(line);
      for (const token of tokenise(line, offset, heading)) {
        token.index = this.tokens.length;
        this.tokens.push(token);
      }
      if (index === 0) this.titleTokens = this.tokens.length;
      offset += line.length + 1;
    });
    for (const token of this.tokens) {
      if (token.heading) continue;
      const next = this.tokens[token.index + 1];
      if (token.capitalised && !token.sentenceStart && next?.capitalised && /^[ \t]+$/.test(next.gap))
        this.capitalisedPairs.add(`${token.key} ${next.key}`);
      if (!token.capitalised) this.lowerCase.add(token.key);
      else if (!token.sentenceStart)
        this.capitalisedInside.set(token.key, (this.capitalisedInside.get(token.key) ?? 0) + 1);
    }
    this.source = lines.join('\n');
    const long = (title.match(TOKEN) ?? []).filter((word) => word.length > 3);
    this.sentenceCaseTitle = long.filter((word) => /^\p{Lu}/u.test(word)).length <= long.length / 2;
  }

  readonly source: string;
  /** How many tokens the title has (they come first). */
  titleTokens = 0;
  /** A headline written like a sentence, whose lower-case words read as prose ("...create a safe zone"). */
  readonly sentenceCaseTitle: boolean;
}

/** French institutions: a capitalised head, then lower-case words ("Conseil constitutionnel"). */
const INSTITUTION_HEADS = new Set(
  [
    'conseil',
    'cour',
    'assemblée',
    'commission',
    'front',
    'parti',
    'ministère',
    'tribunal',
    'agence',
    'autorité',
    'haute',
    'direction',
    'comité',
    'sénat',
  ].map((w) => aliasKey(w)),
);
const FRENCH_OF = new Set(['de', 'des', 'du', 'd']);
const FRENCH_ADJECTIVE =
  /(?:al|ale|aux|el|elle|aire|ique|ien|ienne|ais|aise|if|ive|eur|euse|ant|ante|é|ée)s?$/u;

/**
 * Extends a one-word run that is a French institution's head with the lower-case words of its name:
 * adjectives ("Assemblée nationale") or "de" and a word ("Cour de cassation", "Commission des lois").
 */
function institutionName(tokens: Token[], run: Token[], next: number): [Token[], number] {
  if (run.length !== 1 || !INSTITUTION_HEADS.has(run[0]!.key) || run[0]!.heading) return [run, next];
  const extended = [...run];
  let i = next;
  while (
    i < tokens.length &&
    extended.length < 6 &&
    /^[ \t]+$/.test(tokens[i]!.gap) &&
    !tokens[i]!.sentenceStart
  ) {
    const token = tokens[i]!;
    if (
      FRENCH_OF.has(token.key) &&
      tokens[i + 1] &&
      /^[ \t]+$/.test(tokens[i + 1]!.gap) &&
      tokens[i + 1]!.key.length > 2
    ) {
      extended.push(token, tokens[i + 1]!);
      i += 2;
      continue;
    }
    if (!token.capitalised && FRENCH_ADJECTIVE.test(token.key) && token.key.length > 4) {
      extended.push(token);
      i++;
      continue;
    }
    break;
  }
  for (const token of extended.slice(1)) token.inName = true;
  return extended.length > 1 ? [extended, i] : [run, next];
}

/** The tokens of one capitalised run starting at `from`, and the index after it. */
function runAt(tokens: Token[], from: number): [Token[], number] {
  const run = [tokens[from]!];
  let i = from + 1;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // "BBC's North America" is two names: a possessive ends the first.
    if (run.at(-1)!.possessive) break;
    if (!/^[ \t]+$/.test(token.gap) || token.sentenceStart || token.heading !== run[0]!.heading) break;
    if (token.capitalised) {
      run.push(token);
      i++;
      continue;
    }
    // A connector joins two capitalised words: "Bank of England", "Staffan de Mistura", "of the".
    let j = i;
    while (j < tokens.length && CONNECTORS.has(tokens[j]!.key) && !tokens[j]!.capitalised && j - i < 2) {
      if (!/^[ \t]+$/.test(tokens[j]!.gap)) break;
      j++;
    }
    if (
      j > i &&
      j < tokens.length &&
      tokens[j]!.capitalised &&
      /^[ \t]+$/.test(tokens[j]!.gap) &&
      !tokens[j]!.sentenceStart
    ) {
      run.push(...tokens.slice(i, j));
      i = j;
      continue;
    }
    break;
  }
  return [run, i];
}

const joinTokens = (tokens: Token[], source: string) =>
  tokens.length === 0
    ? ''
    : source
        .slice(tokens[0]!.start, tokens.at(-1)!.end)
        .replace(/['’]s$/u, '')
        .replace(/\s+/g, ' ');

/** Finds every actor and event `text` (with its `title`) names. */
export function discover(title: string, text: string, lexicon: Lexicon): Discovery[] {
  const doc = new Document(title, text);
  const finder = new Finder(doc, lexicon);
  return finder.run();
}

class Finder {
  private readonly candidates: Candidate[] = [];
  /** Per event word, how often the text writes it bare after "the" ("the zone"). */
  private readonly definiteHeads = new Map<string, number>();

  constructor(
    private readonly doc: Document,
    private readonly lexicon: Lexicon,
  ) {}

  run(): Discovery[] {
    const { tokens } = this.doc;
    for (let i = 0; i < tokens.length;) {
      const token = tokens[i]!;
      if (!token.capitalised) {
        this.lowerCaseEvent(i);
        i++;
        continue;
      }
      let [run, next] = runAt(tokens, i);
      [run, next] = institutionName(tokens, run, next);
      const previous = tokens[i - 1];
      const titled =
        previous !== undefined &&
        !previous.capitalised &&
        this.lexicon.titles.has(previous.key) &&
        /^[ \t]+$/.test(run[0]!.gap);
      this.fromRun(run, titled, tokens[next]);
      i = next;
    }
    return this.merge();
  }

  private known(tokens: Token[]) {
    return this.lexicon.lookup(joinTokens(tokens, this.doc.source));
  }

  private isTitleAt(run: Token[], at: number): number {
    for (const title of this.lexicon.multiwordTitles) {
      if (title.every((word, k) => run[at + k]?.key === word)) return title.length;
    }
    const key = run[at]?.key;
    if (key === undefined) return 0;
    if (this.lexicon.titles.has(key)) return 1;
    // A hyphenated title in one token: "Attorney-General", "Secretary-General".
    if (key.includes(' ') && this.lexicon.hyphenatedTitles.has(key)) return 1;
    // "Foreign Minister", "Defence Secretary": a qualifier counts only before a title.
    if (
      QUALIFIERS.has(key) &&
      run[at + 1] &&
      this.lexicon.titles.has(run[at + 1]!.key) &&
      key !== 'the' &&
      key !== 'of'
    )
      return 2;
    return 0;
  }

  /** Turns one capitalised run into candidates: cuts articles, sentence-start words and titles. */
  private fromRun(run: Token[], titledBefore: boolean, after: Token | undefined): void {
    let tokens = run;
    let titled = titledBefore;
    let title: Token[] = [];
    if (tokens[0]!.heading) {
      this.fromHeading(tokens);
      return;
    }
    if (LEADING_ARTICLES.has(tokens[0]!.key) && tokens.length > 1) tokens = tokens.slice(1);
    // A sentence's first word is capitalised whatever it is: drop it when it is a common word.
    const first = tokens[0]!;
    const startsKnownName = [1, 2, 3, 4].some(
      (length) => length <= tokens.length && this.known(tokens.slice(0, length)),
    );
    // ...unless the text writes it capitalised with the next word inside a sentence too: "Whole
    // Foods said" is the "Whole Foods" of "as Whole Foods lowered prices".
    const pairedInside =
      tokens[1] !== undefined && this.doc.capitalisedPairs.has(`${first.key} ${tokens[1].key}`);
    if (
      first.sentenceStart &&
      !startsKnownName &&
      !pairedInside &&
      this.isCommonWord(first) &&
      !this.isTitleAt(tokens, 0)
    ) {
      tokens = tokens.slice(1);
      while (tokens[0] && !tokens[0].capitalised) tokens = tokens.slice(1);
    }
    // "Sunni Islamic State", "Syrian Hezbollah": a faith or demonym before a name is not part of it.
    while (
      tokens.length > 1 &&
      !this.known(tokens) &&
      (this.lexicon.faiths.has(tokens[0]!.key) ||
        (this.lexicon.demonyms.has(tokens[0]!.key) && this.known(tokens.slice(1))))
    ) {
      tokens = tokens.slice(1);
    }
    if (tokens.length === 0) return;
    // What stands before a title is its own actor: "U.S. Secretary of State John Kerry",
    // "Australian Federal Police Commissioner Andrew Colvin"; a demonym is part of the title.
    for (let cut = 1; cut <= Math.min(4, tokens.length - 2); cut++) {
      const length = this.isTitleAt(tokens, cut);
      if (length === 0 || !this.looksLikeAName(tokens.slice(cut + length))) continue;
      const head = tokens.slice(0, cut);
      if (this.known(head)) this.addKnown(head);
      else if (!(cut === 1 && this.lexicon.demonyms.has(head[0]!.key)))
        this.classify(head, false, [], undefined);
      title = head;
      tokens = tokens.slice(cut);
      break;
    }
    for (
      let length = this.isTitleAt(tokens, 0);
      length > 0 && length < tokens.length && this.looksLikeAName(tokens.slice(length));
      length = this.isTitleAt(tokens, 0)
    ) {
      title = [...title, ...tokens.slice(0, length)];
      tokens = tokens.slice(length);
      titled = true;
      while (tokens[0] && !tokens[0].capitalised) tokens = tokens.slice(1);
    }
    if (tokens.length === 0 || this.isTitleAt(tokens, 0) === tokens.length) return;
    for (const part of this.splitAtConjunctions(tokens)) {
      const acronym = this.definedAcronym(part, after);
      this.classify(part, titled && part === tokens, title, acronym);
    }
  }

  /**
   * Whether what follows a title can be a person's name: "Obama", "John Kerry", not "Motors" (of
   * "General Motors") or "Assembly".
   */
  private looksLikeAName(rest: Token[]): boolean {
    const first = rest.find((t) => t.capitalised);
    if (!first) return false;
    if (this.lexicon.givenNames.has(first.key) || this.lexicon.surnames.has(first.key)) return true;
    return !this.lexicon.commonWords.has(first.key) && !ORG_WORDS.has(first.key) && !this.known([first]);
  }

  /** "Russia and Iran" is two names; "Ministry of Foreign Affairs and Trade" is one. */
  private splitAtConjunctions(tokens: Token[]): Token[][] {
    while (tokens.length > 0 && !tokens.at(-1)!.capitalised && !tokens.at(-1)!.inName)
      tokens = tokens.slice(0, -1);
    if (!tokens.some((t) => AND.has(t.key) && !t.capitalised)) return [tokens];
    if (this.known(tokens)) return [tokens];
    const parts: Token[][] = [[]];
    for (const token of tokens) {
      // "for" joins the parts of one name ("Center for Strategic Studies"); "and" may join two.
      if (AND.has(token.key) && !token.capitalised) parts.push([]);
      else parts.at(-1)!.push(token);
    }
    const named = parts.filter((part) => part.length > 0);
    // "Ministry of Foreign Affairs and Trade", "Committee on Intelligence and Security": one name
    // when what follows the conjunction is a lone common word; "News Corporation and Fairfax": two.
    const last = named.at(-1)!;
    const continues =
      last.length === 1 &&
      this.lexicon.commonWords.has(last[0]!.key) &&
      tokens.some((t) => ORG_WORDS.has(t.key));
    if (continues && !named.some((part) => this.known(part))) return [tokens];
    return named;
  }

  /** "Syrian Democratic Forces (SDF)": the acronym in brackets right after a name. */
  private definedAcronym(part: Token[], after: Token | undefined): string | undefined {
    if (!after || !after.acronym || part.length < 2) return undefined;
    const gap = this.doc.source.slice(part.at(-1)!.end, after.start);
    return /^\s*\(\s*$/.test(gap) && this.doc.source[after.end] === ')' ? after.text : undefined;
  }

  private isCommonWord(token: Token): boolean {
    const key = token.key;
    return (
      this.lexicon.commonWords.has(key) || this.doc.lowerCase.has(key) || /ly$/.test(key) || key.length <= 2
    );
  }

  /** In a headline or page furniture capitals prove nothing: only known names count there. */
  private fromHeading(run: Token[]): void {
    for (let from = 0; from < run.length; from++) {
      for (let to = Math.min(run.length, from + 4); to > from; to--) {
        const part = run.slice(from, to);
        // "Los Angeles" in "Los Angeles Times" names the paper, not the city.
        const insideOrganisation = run[to] !== undefined && ORG_WORDS.has(run[to]!.key);
        // A headline capitalises every word: "Yahoo's Sale to Verizon" names no town called Sale
        // when the text writes "sale" in lower case.
        const commonWord =
          part.length === 1 &&
          (this.lexicon.commonWords.has(part[0]!.key) || this.doc.lowerCase.has(part[0]!.key)) &&
          this.known(part)?.category !== 'state';
        if (this.known(part) && !insideOrganisation && !commonWord) {
          this.addKnown(part);
          from = to - 1;
          break;
        }
      }
    }
  }

  private addKnown(tokens: Token[]): void {
    const known = this.known(tokens)!;
    this.candidates.push({
      tokens,
      name: known.name,
      kind: 'actor',
      category: known.category,
      certain: true,
      evidence: [
        known.category === 'state'
          ? 'a state'
          : known.category === 'place'
            ? 'a known place'
            : 'a known organisation',
      ],
    });
  }

  private classify(tokens: Token[], titled: boolean, title: Token[], acronym: string | undefined): void {
    const name = joinTokens(tokens, this.doc.source);
    if (this.known(tokens)) {
      this.addKnown(tokens);
      if (acronym) this.candidates.at(-1)!.acronym = acronym;
      return;
    }
    const last = tokens.at(-1)!;
    const eventCategory = HEADS[last.key];
    if (
      tokens.length > 1 &&
      eventCategory &&
      !WEAK_EVENT_HEADS.has(last.key) &&
      !tokens.some((t) => MONTHS.test(t.key))
    ) {
      this.candidates.push({
        tokens,
        name,
        kind: 'event',
        category: eventCategory,
        certain: true,
        evidence: ['a named event'],
      });
      return;
    }
    if (tokens.length === 1) {
      this.single(tokens[0]!, titled, title);
      return;
    }
    if (
      tokens.some(
        (t) => MONTHS.test(t.key) || (this.lexicon.faiths.has(t.key) && t.capitalised && tokens.length === 2),
      )
    )
      return;
    const organisation =
      tokens.some((t) => ORG_WORDS.has(t.key) && t.capitalised) || tokens.some((t) => t.acronym);
    const givenName = this.lexicon.givenNames.has(tokens[0]!.key);
    const person =
      !organisation &&
      (titled ||
        givenName ||
        (tokens.length <= 4 && this.lexicon.surnames.has(last.key.replace(/^(?:al|el) /, ''))) ||
        tokens.some((t) => NAME_PREFIX.test(t.text) || (!t.capitalised && PERSON_PARTICLES.has(t.key))));
    const appositive = this.appositive(tokens);
    const quote =
      titled && title.length > 0
        ? joinTokens([...title, ...tokens], this.doc.source)
        : appositive
          ? `${name}, ${appositive}`
          : undefined;
    // "Staffan de Mistura, the UN envoy": an appositive naming a post makes a person of a name.
    const describedAsHolder =
      !organisation &&
      appositive !== undefined &&
      appositive.split(/\s+/).some((word) => this.lexicon.titles.has(aliasKey(word)));
    // "Golan Heights", "Gaza Strip", "West Bank": a kind of land as the last word makes a place.
    const place = !person && !describedAsHolder && !organisation && PLACE_WORDS.has(last.key);
    // "Saviour Kasukuwere said", "said Hori Parata", "Jamie Werner, 34,": quoted or aged, a name of
    // plain words is a person's.
    const speaks = !organisation && !place && !person && this.speaks(tokens);
    const category: ActorCategory =
      person || describedAsHolder || speaks ? 'person' : place ? 'place' : 'organisation';
    const evidence: string[] = [];
    if (titled) evidence.push('named with a title');
    if (place) evidence.push('a named place');
    if (describedAsHolder) evidence.push('described by its post');
    if (acronym) evidence.push('its acronym is defined');
    if (speaks) evidence.push('quoted by name');
    this.candidates.push({
      tokens,
      name,
      kind: 'actor',
      category,
      certain: titled || describedAsHolder || place || speaks || Boolean(acronym),
      evidence,
      acronym,
      quote,
    });
  }

  /** One capitalised word: a name only when the text treats it as one. */
  private single(token: Token, titled: boolean, title: Token[]): void {
    const key = token.key;
    if (
      this.lexicon.neverNames.has(key) ||
      this.lexicon.demonyms.has(key) ||
      // "Israeli-Palestinian", "Russian-Iranian": demonyms joined describe, they name nothing.
      (key.includes(' ') && key.split(' ').every((part) => this.lexicon.demonyms.has(part))) ||
      MONTHS.test(key) ||
      CONTRACTION.test(key)
    )
      return;
    if (this.lexicon.titles.has(key)) return;
    if (token.acronym) {
      if (key.replace(/\./g, '').length < 2) return;
      this.candidates.push({
        tokens: [token],
        name: token.text,
        kind: 'actor',
        category: 'organisation',
        certain: false,
        evidence: ['an acronym'],
      });
      return;
    }
    const inside = this.doc.capitalisedInside.get(key) ?? 0;
    if (this.doc.lowerCase.has(key) || inside === 0) return;
    if (this.lexicon.commonWords.has(key) && !titled) return;
    if (this.lexicon.givenNames.has(key) && !titled && !this.lexicon.surnames.has(key)) return;
    // "in Geneva", "from Aleppo": a preposition of place before a name makes it a place.
    const before = this.doc.tokens[token.index - 1];
    const placed =
      !titled &&
      before !== undefined &&
      !before.capitalised &&
      PLACE_PREPOSITIONS.has(before.key) &&
      /^[ \t]+$/.test(token.gap);
    const person = titled || (!placed && this.lexicon.surnames.has(key));
    this.candidates.push({
      tokens: [token],
      name: token.text,
      kind: 'actor',
      category: person ? 'person' : placed ? 'place' : 'organisation',
      certain: false,
      titled,
      evidence: titled ? ['named with a title'] : [],
      quote: titled && title.length > 0 ? joinTokens([...title, token], this.doc.source) : undefined,
    });
  }

  /**
   * Whether a name the lexicons do not place could be a person's: two or three capitalised words,
   * none of them a common word, an organisation's or a place's word, or a known name of its own.
   */
  private couldBePerson(candidate: Candidate): boolean {
    const { tokens } = candidate;
    return (
      candidate.category === 'organisation' &&
      tokens.length >= 2 &&
      tokens.length <= 3 &&
      tokens.every(
        (t) =>
          t.capitalised &&
          !t.acronym &&
          !this.lexicon.commonWords.has(t.key) &&
          !this.doc.lowerCase.has(t.key) &&
          !ORG_WORDS.has(t.key) &&
          !PLACE_WORDS.has(t.key) &&
          !this.lexicon.demonyms.has(t.key) &&
          !this.known([t]),
      )
    );
  }

  /** Whether the text quotes a name as a speaker or gives its age, as news writes people. */
  private speaks(tokens: Token[]): boolean {
    const probe: Candidate = {
      tokens,
      name: '',
      kind: 'actor',
      category: 'organisation',
      certain: false,
      evidence: [],
    };
    if (!this.couldBePerson(probe)) return false;
    const before = this.doc.source.slice(Math.max(0, tokens[0]!.start - 12), tokens[0]!.start);
    const after = this.doc.source.slice(tokens.at(-1)!.end, tokens.at(-1)!.end + 16);
    return SPOKEN_AFTER.test(after) || SPOKEN_BEFORE.test(before) || AGED.test(after);
  }

  /** "Staffan de Mistura, the UN envoy for Syria," → "the UN envoy for Syria". */
  private appositive(tokens: Token[]): string | undefined {
    const rest = this.doc.source.slice(tokens.at(-1)!.end, tokens.at(-1)!.end + 160);
    const match =
      /^(?:['’]s)?,\s+((?:the|a|an)\s+[^,.;()\n]{3,100}?)(?=[,.;)]|\s+(?:who|which|said|says)\b)/u.exec(rest);
    return match ? match[1] : undefined;
  }

  /** Events named by lower-case words: "refugee crisis", "no-fly zone", "talks in Vienna", "Geneva talks". */
  private lowerCaseEvent(at: number): void {
    const { tokens } = this.doc;
    const token = tokens[at]!;
    const head = HEADS[token.key];
    if (!head) return;
    // A capitalised headline proves nothing, but a lower-case word there is written as in prose.
    if (token.heading && !(at < this.doc.titleTokens && this.doc.sentenceCaseTitle)) return;
    const previous = tokens[at - 1];
    if (previous && DEFINITE.has(previous.key) && /^[ \t]+$/.test(token.gap)) {
      this.definiteHeads.set(token.key, (this.definiteHeads.get(token.key) ?? 0) + 1);
    }
    // Modifiers before the head, and a name before them: "Syrian civil war", "peace conference".
    // A modifier may start its sentence ("Military intervention would...").
    let from = at;
    while (
      from > 0 &&
      (!tokens[from - 1]!.capitalised || tokens[from - 1]!.sentenceStart) &&
      MODIFIERS.has(tokens[from - 1]!.key) &&
      /^[ \t]+$/.test(tokens[from]!.gap) &&
      !tokens[from]!.sentenceStart
    )
      from--;
    const before = tokens[from - 1];
    let named: Token[] = [];
    if (before && before.capitalised && /^[ \t]+$/.test(tokens[from]!.gap) && !tokens[from]!.sentenceStart) {
      let start = from - 1;
      // Names joined by a slash name the event together: "Iranian/Hezbollah offensives".
      while (
        start > 0 &&
        tokens[start - 1]!.capitalised &&
        /^(?:[ \t]+|\/)$/.test(tokens[start]!.gap) &&
        !tokens[start]!.sentenceStart
      )
        start--;
      named = tokens.slice(start, from);
      while (
        named.length > 0 &&
        (this.isTitleAt(named, 0) ||
          LEADING_ARTICLES.has(named[0]!.key) ||
          (named[0]!.sentenceStart && this.isCommonWord(named[0]!) && !this.known(named)))
      )
        named = named.slice(1);
      const nameIsKnown =
        named.length > 0 &&
        !named.some((t) => MONTHS.test(t.key)) &&
        (this.known(named) ||
          this.lexicon.demonyms.has(named.at(-1)!.key) ||
          this.doc.capitalisedInside.has(named.at(-1)!.key));
      if (!nameIsKnown) named = [];
    }
    const modifiers = tokens.slice(from, at);
    if (named.length > 0 && !WEAK_EVENT_HEADS.has(token.key)) {
      const all = [...named, ...modifiers, token];
      this.candidates.push({
        tokens: all,
        name: joinTokens(all, this.doc.source),
        kind: 'event',
        category: head,
        certain: true,
        evidence: ['a named event'],
      });
      return;
    }
    // "talks in Vienna", "peace talks in Geneva": the head, then a place the text names.
    const [preposition, place] = [tokens[at + 1], tokens[at + 2]];
    if (
      preposition &&
      place &&
      ['in', 'at', 'à'].includes(preposition.key) &&
      place.capitalised &&
      /^[ \t]+$/.test(place.gap) &&
      !WEAK_EVENT_HEADS.has(token.key)
    ) {
      const known = this.lexicon.lookup(place.text);
      const named = known
        ? known.category === 'place' || known.category === 'state'
        : (this.doc.capitalisedInside.get(place.key) ?? 0) > 0 && !this.lexicon.commonWords.has(place.key);
      if (named && !place.sentenceStart) {
        const all = [...modifiers, token, preposition, place];
        this.candidates.push({
          tokens: all,
          name: `${place.text} ${joinTokens([...modifiers, token], this.doc.source)}`,
          kind: 'event',
          category: head,
          certain: true,
          evidence: ['a named event'],
        });
        return;
      }
    }
    if (modifiers.length > 0 && !WEAK_EVENT_HEADS.has(token.key)) {
      const all = [...modifiers, token];
      this.candidates.push({
        tokens: all,
        name: joinTokens(all, this.doc.source),
        kind: 'event',
        category: head,
        certain: false,
        evidence: [],
        ambiguous: true,
      });
    } else if (STANDALONE.has(token.key)) {
      this.candidates.push({
        tokens: [token],
        name: token.text,
        kind: 'event',
        category: head,
        certain: false,
        evidence: [],
        ambiguous: true,
      });
    }
  }

  /** The state a name's words name or describe ("Syrian" → Syria), if any. */
  private stateOf(tokens: Token[]): string | undefined {
    for (const token of tokens) {
      if (!token.capitalised) continue;
      const known = this.lexicon.lookup(token.text);
      if (known?.category === 'state') return known.name;
      const state = this.lexicon.demonymState.get(token.key);
      if (state) return state;
    }
    return undefined;
  }

  /** One entity per actor or event, with every form the text used. */
  private merge(): Discovery[] {
    interface Group {
      candidates: Candidate[];
      forms: Map<string, { text: string; ambiguous: boolean; count: number }>;
    }
    const groups: Group[] = [];
    const byKey = new Map<string, Group>();
    const keyOf = (name: string) => aliasKey(name.replace(/\./g, ''));
    const addForm = (group: Group, text: string, ambiguous: boolean) => {
      const key = aliasKey(text);
      const form = group.forms.get(key);
      if (form) form.count++;
      else group.forms.set(key, { text, ambiguous, count: 1 });
    };
    const join = (candidate: Candidate, group: Group | undefined): Group => {
      if (!group) {
        group = { candidates: [], forms: new Map() };
        groups.push(group);
      }
      group.candidates.push(candidate);
      const form =
        candidate.tokens.length > 0 && candidate.kind === 'actor'
          ? joinTokens(candidate.tokens, this.doc.source)
          : candidate.name;
      addForm(group, form, Boolean(candidate.ambiguous));
      const written = joinTokens(candidate.tokens, this.doc.source);
      if (candidate.kind === 'event' && aliasKey(written) !== aliasKey(form)) {
        addForm(group, written, false);
        byKey.set(keyOf(written), group);
      }
      byKey.set(keyOf(candidate.name), group);
      byKey.set(keyOf(form), group);
      if (candidate.acronym) {
        addForm(group, candidate.acronym, false);
        byKey.set(keyOf(candidate.acronym), group);
      }
      return group;
    };

    // Longer names first, so a lone surname or a generic event joins the full form.
    const ordered = [...this.candidates].sort(
      (a, b) => b.tokens.length - a.tokens.length || Number(b.certain) - Number(a.certain),
    );
    const people: Group[] = [];
    const events: Group[] = [];
    for (const candidate of ordered) {
      let group = byKey.get(keyOf(candidate.name));
      if (
        !group &&
        candidate.kind === 'actor' &&
        candidate.category === 'person' &&
        candidate.tokens.length > 1
      ) {
        // "Bashar Assad" and "Bashar al-Assad" are one person.
        const surname = surnameKey(candidate.name);
        const given = aliasKey(candidate.tokens[0]!.text);
        group = people.find((p) =>
          p.candidates.some(
            (c) =>
              c.tokens.length > 1 && surnameKey(c.name) === surname && aliasKey(c.tokens[0]!.text) === given,
          ),
        );
      }
      if (!group && candidate.tokens.length === 1 && candidate.kind === 'actor') {
        // A lone surname joins the person it belongs to, most named first.
        const key = surnameKey(candidate.name);
        const owners = people.filter((p) =>
          p.candidates.some((c) => c.tokens.length > 1 && surnameKey(c.name) === key),
        );
        if (owners.length > 0) {
          group = owners.sort((a, b) => b.candidates.length - a.candidates.length)[0];
          candidate.ambiguous = true;
          candidate.category = 'person';
        }
        // "Fidelis Mukonori ... Mukonori said": a name of plain words, then its last word alone
        // inside a sentence, is how news writes a person the lexicons do not know.
        if (!group && !candidate.tokens[0]!.acronym) {
          const key = candidate.tokens[0]!.key;
          const named = groups.filter((g) =>
            g.candidates.some(
              (c) => c.kind === 'actor' && this.couldBePerson(c) && c.tokens.at(-1)!.key === key,
            ),
          );
          if (named.length === 1 && (this.doc.capitalisedInside.get(key) ?? 0) > 0) {
            group = named[0]!;
            for (const c of group.candidates) {
              c.category = 'person';
              c.surnameAlone = true;
            }
            candidate.ambiguous = true;
            candidate.category = 'person';
            if (!people.includes(group)) people.push(group);
          }
        }
        // Family name first ("Yoon Suk Yeol" is "Yoon"): a lone word that opens one person's name,
        // when that word is no given name the lexicons know.
        if (!group && !this.lexicon.givenNames.has(candidate.tokens[0]!.key)) {
          const first = candidate.tokens[0]!.key;
          const opened = people.filter((p) =>
            p.candidates.some((c) => c.tokens.length > 1 && c.tokens[0]!.key === first),
          );
          if (opened.length === 1) {
            group = opened[0];
            candidate.ambiguous = true;
            candidate.category = 'person';
          }
        }
        // "Congress" alone is the "US Congress" the text named.
        if (!group && !candidate.tokens[0]!.acronym) {
          const key = aliasKey(candidate.name);
          const owners = groups.filter((g) =>
            g.candidates.some(
              (c) =>
                c.kind === 'actor' &&
                c.category === 'organisation' &&
                c.tokens.length > 1 &&
                c.tokens.at(-1)!.key === key,
            ),
          );
          if (owners.length === 1) {
            group = owners[0];
            candidate.ambiguous = true;
          }
        }
        // An acronym made of a name's initials ("SDF" for "Syrian Democratic Forces").
        if (!group && candidate.tokens[0]!.acronym) {
          const letters = candidate.name.replace(/\./g, '');
          group = groups.find((g) => g.candidates.some((c) => initials(c.tokens) === letters));
        }
      }
      if (!group && candidate.kind === 'event' && candidate.category === 'conflict') {
        // "Syrian civil war", "Syria war", "war in Syria", "Syrian conflict": one war.
        const state = this.stateOf(candidate.tokens);
        if (state) {
          group = events.find((g) =>
            g.candidates.some((c) => c.category === 'conflict' && this.stateOf(c.tokens) === state),
          );
        }
      }
      if (!group && candidate.kind === 'event' && candidate.ambiguous) {
        // "civil war" is the "Syrian civil war" the text named.
        const key = aliasKey(candidate.name);
        group = events.find((g) => g.candidates.some((c) => aliasKey(c.name).endsWith(` ${key}`)));
      }
      const joined = join(candidate, group);
      if (candidate.category === 'person' && !people.includes(joined)) people.push(joined);
      if (candidate.kind === 'event' && !events.includes(joined)) events.push(joined);
    }

    // "the zone", after "a safe zone": the text's one event with that head, named again.
    const byHead = new Map<string, Group[]>();
    for (const group of events) {
      const head = group.candidates[0]!.tokens.at(-1)!.key;
      if (HEADS[head]) byHead.set(head, [...(byHead.get(head) ?? []), group]);
    }
    return groups.map((group) => {
      const head = group.candidates[0]!.kind === 'event' ? group.candidates[0]!.tokens.at(-1)!.key : '';
      const again = byHead.get(head)?.length === 1 ? (this.definiteHeads.get(head) ?? 0) : 0;
      return this.toDiscovery(group.candidates, [...group.forms.values()], again);
    });
  }

  private toDiscovery(
    candidates: Candidate[],
    forms: Array<{ text: string; ambiguous: boolean; count: number }>,
    /** Bare mentions of its head ("the zone") the text makes of this event. */
    namedAgain = 0,
  ): Discovery {
    const main = [...candidates].sort(
      (a, b) => Number(b.certain) - Number(a.certain) || b.tokens.length - a.tokens.length,
    )[0]!;
    const mentions = forms.reduce((sum, form) => sum + form.count, 0) + namedAgain;
    const evidence = [...new Set(candidates.flatMap((c) => c.evidence))];
    const fullForms = candidates.filter((c) => c.tokens.length > 1 && c.kind === 'actor');
    // A full personal name used again (in full or by surname) is a person the text is about.
    // A given name, then a surname that is neither a common word nor a place's or body's word:
    // "Marissa Mayer", not "Rose Garden" or "Victoria Station".
    const fullName =
      main.category === 'person' &&
      main.tokens.length >= 2 &&
      main.tokens.length <= 4 &&
      this.lexicon.givenNames.has(main.tokens[0]!.key) &&
      !this.lexicon.commonWords.has(main.tokens.at(-1)!.key) &&
      !ORG_WORDS.has(main.tokens.at(-1)!.key) &&
      !this.known(main.tokens.slice(-1));
    const repeatedPerson = fullName && fullForms.length > 0 && mentions >= 2;
    const surnameAgain = candidates.some((c) => c.surnameAlone);
    if (surnameAgain) evidence.push('a full name, then its surname alone');
    if (repeatedPerson) evidence.push('a full name, named again');
    else if (fullName) evidence.push('a full personal name');
    const repeatedOrganisation =
      main.category === 'organisation' &&
      main.tokens.length > 1 &&
      mentions >= 2 &&
      main.tokens.some((t) => ORG_WORDS.has(t.key));
    if (repeatedOrganisation) evidence.push('named again');
    const repeatedEvent = main.kind === 'event' && mentions >= 2;
    // "the safe zone", named again and again: the text treats it as a thing.
    const recurringEvent = main.kind === 'event' && mentions >= 3;
    if (recurringEvent) evidence.push('named three times or more');
    // One capitalised word, inside sentences three times or more and never in lower case: the text
    // treats it as a name ("Yahoo", "Hezbollah").
    const recurringWord =
      main.kind === 'actor' &&
      main.tokens.length === 1 &&
      !main.tokens[0]!.acronym &&
      main.category !== 'person' &&
      (this.doc.capitalisedInside.get(main.tokens[0]!.key) ?? 0) >= 3;
    if (recurringWord) evidence.push('capitalised three times or more');
    // "Remain Co.", "Acme Inc.": a company's suffix makes a name of the words before it.
    const company =
      main.kind === 'actor' && main.tokens.length > 1 && NAME_ABBREVIATION.test(main.tokens.at(-1)!.text);
    // "President Obama", again and again: the person the text is about, by a lone surname.
    const titledAgain = main.category === 'person' && candidates.filter((c) => c.titled).length >= 2;
    if (titledAgain) evidence.push('named with a title, again');
    let name = main.name;
    if (main.category === 'person') {
      // The fullest form: "Bashar al-Assad" over "Bashar Assad".
      name =
        [...forms].filter((f) => !f.ambiguous).sort((a, b) => b.text.length - a.text.length)[0]?.text ?? name;
    }
    const known = main.kind === 'actor' ? this.lexicon.lookup(name) : undefined;
    const aliasTexts = new Map<string, Alias>();
    const addAlias = (text: string, ambiguous: boolean, asWritten = false) => {
      const key = aliasKey(text);
      if (aliasTexts.has(key) || key.length < 2) return;
      const caseSensitive =
        asWritten ||
        ACRONYM.test(text) ||
        this.lexicon.commonWords.has(key) ||
        this.lexicon.givenNames.has(key);
      aliasTexts.set(key, {
        text,
        ...(caseSensitive ? { caseSensitive: true } : {}),
        ...(ambiguous ? { ambiguous: true } : {}),
      });
    };
    // A lone surname as the name itself needs context, like any lone surname.
    addAlias(name, main.category === 'person' && !name.includes(' '));
    for (const form of forms) addAlias(form.text, form.ambiguous);
    // "President Obama" names the person a lone "Obama" only may: an alias that needs no context.
    for (const candidate of candidates) {
      const words = candidate.quote?.split(' ') ?? [];
      if (candidate.titled && candidate.tokens.length === 1 && words.length >= 2)
        addAlias(words.slice(-2).join(' '), false);
    }
    if (main.category === 'person' && name.includes(' ')) {
      // "John F. Kerry" is also "John Kerry", and "Kerry" alone (ambiguous).
      const words = name.split(' ');
      const withoutInitials = words.filter(
        (w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.?$/u.test(w),
      );
      if (withoutInitials.length < words.length) addAlias(withoutInitials.join(' '), false);
      // "Staffan de Mistura" is "de Mistura" alone.
      const particle = words.length > 2 && PERSON_PARTICLES.has(words.at(-2)!) ? `${words.at(-2)} ` : '';
      const surname = particle + words.at(-1)!;
      if (surname.length > 2 && !this.lexicon.commonWords.has(aliasKey(surname))) addAlias(surname, true);
    }
    // A state's names in other languages, matched as written: "Syrien" is also the French
    // demonym, which French writes in lower case ("le régime syrien").
    if (known) {
      for (const form of known.forms) {
        if (!this.lexicon.demonyms.has(aliasKey(form))) addAlias(form, false, true);
      }
    }
    return {
      name,
      kind: main.kind,
      category: main.category,
      aliases: [...aliasTexts.values()].slice(0, 200),
      mentions,
      certain:
        candidates.some((c) => c.certain) ||
        fullName ||
        surnameAgain ||
        titledAgain ||
        repeatedOrganisation ||
        (repeatedEvent && !main.ambiguous) ||
        recurringEvent ||
        recurringWord ||
        company,
      evidence,
      ...(candidates.find((c) => c.quote)?.quote ? { quote: candidates.find((c) => c.quote)!.quote } : {}),
    };
  }
}

/** The surname a person is called by alone: "Bashar al-Assad" → "assad". */
function surnameKey(name: string): string {
  const last = name.split(/\s+/).at(-1)!;
  return aliasKey(last.replace(/^(?:al|el|ad|as|ash|an)[-’']/iu, ''));
}

/** "Syrian Democratic Forces" → "SDF" (connectors skipped). */
function initials(tokens: Token[]): string {
  return tokens
    .filter((t) => t.capitalised)
    .map((t) => t.text[0]!.toUpperCase())
    .join('');
}
