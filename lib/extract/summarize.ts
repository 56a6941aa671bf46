/**
 * A deterministic extractive summary: the article's own sentences, chosen by how central their
 * words are to the whole text (TF-IDF against the document centroid), with a bonus for coming early
 * and penalties for fragments, very long sentences, questions and page furniture. No word lists
 * beyond a few boilerplate cues, so it works the same on English, French and Spanish articles.
 */

/** How `summarize` chooses; every field has a default. */
export interface SummarizeOptions {
  /** BCP 47 tag of the text's language, for sentence splitting. Default: English rules. */
  language?: string;
  /** Most sentences in the summary (default 3). */
  summarySentences?: number;
  /** Longest summary, in characters (default 600). */
  maxSummaryChars?: number;
  /** Most key points (default 5). */
  keyPoints?: number;
  /** Longest key point, in characters (default 300). */
  maxKeyPointChars?: number;
}

/** A summary and key points, each made of the text's own sentences in their original order. */
export interface Summary {
  summary: string;
  keyPoints: string[];
}

/** Abbreviations after which a full stop does not end the sentence (titles in a few languages). */
const TITLE_ABBREVIATION =
  /(?:^|[\s(“"'‘«])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|Srta|Dra|Jr|St|Ste|Sen|Rep|Gov|Gen|Lt|Col|Capt|Cmdr|Sgt|Rev|Hon|Pres|Supt|Insp|Mme|Mlle|Mgr|Me|No|Nr|Nos|vs|approx|Ing|Lic|Av|Vol|Fig|pp?)\.$/u;
/** A single capital initial ("J." in "J. K. Rowling", "M." for Monsieur). */
const INITIAL = /(?:^|[\s(“"'‘«])\p{Lu}\.$/u;
/** A dotted acronym ("U.S.", "U.N."), usually followed by a noun rather than a new sentence. */
const DOTTED_ACRONYM = /(?:^|[\s(“"'‘«])(?:\p{Lu}\.){2,}$/u;
/** Lower-case abbreviations that are followed by more of the sentence ("8 p.m. (1451 GMT)", "e.g."). */
const LOWER_ABBREVIATION = /(?:^|[\s(])(?:a\.m|p\.m|e\.g|i\.e|cf|approx)\.$/u;
/** Longest stretch kept together while a quotation is open, so an unclosed quote cannot swallow a paragraph. */
const MAX_QUOTED_CHARS = 500;
/** Closing quotation marks (and the spaces around them) at the start of a segment. */
const CLOSING_QUOTE_START = /^[^\S\n]*[»”][^\S\n]*/u;
/** A sentence that ends like one: full stop, question or exclamation mark, maybe inside quotes. */
const TERMINATED = /[.!?…。！？]["'”’»)\]]*$/u;
const QUESTION = /[?？]["'”’»)\]]*$/u;
/** Page furniture that is not article prose: sign-up prompts, picture credits, social handles, links. */
const BOILERPLATE =
  /\b(?:sign up|subscribe|newsletter|photograph:|photo:|picture:|image:|credit:|getty images|in this (?:file )?(?:photo|image)|file photo|all rights reserved|click here|read more|follow (?:us|him|her|me) on|e-?mail (?:us|him|her|me)|lire aussi|abonnez|inscrivez-vous|suscr[ií]b|lea también|ver más)|©|@\w|https?:\/\/|www\./iu;

const SHORT_SENTENCE_WORDS = 8;
/** Sentences shorter than this many words carry less information: their score is scaled down gently. */
const FULL_SENTENCE_WORDS = 20;
const LONG_SENTENCE_CHARS = 350;

interface Sentence {
  text: string;
  /** Position in the text, 0 for the first sentence. */
  index: number;
  words: string[];
  score: number;
}

function segmenter(language: string | undefined): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language || 'en', { granularity: 'sentence' });
  } catch {
    // An invalid language tag: English rules split most Latin-script text well.
    return new Intl.Segmenter('en', { granularity: 'sentence' });
  }
}

function occurrences(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** True when `text` opens a quotation it does not close. */
function quoteOpen(text: string): boolean {
  return (
    occurrences(text, '"') % 2 === 1 ||
    occurrences(text, '“') > occurrences(text, '”') ||
    occurrences(text, '«') > occurrences(text, '»')
  );
}

/**
 * True when the sentence break after `before` is a false one: after an abbreviation, before a
 * lower-case start, or inside a quotation ("It's less than 100. It's in the tens of thousands," he said).
 */
function continuesSentence(before: string, after: string): boolean {
  const end = before.trimEnd();
  return (
    TITLE_ABBREVIATION.test(end) ||
    INITIAL.test(end) ||
    DOTTED_ACRONYM.test(end) ||
    LOWER_ABBREVIATION.test(end) ||
    /^["'“”‘’«»(\s]*\p{Ll}/u.test(after) ||
    (before.length < MAX_QUOTED_CHARS && quoteOpen(before))
  );
}

/**
 * The sentences of `text`, each an exact substring of it, in order. Paragraphs (blank-line separated)
 * never share a sentence. Built on Intl.Segmenter, with breaks after titles ("Mr.", "Dr."), initials,
 * dotted acronyms ("U.S.") and before lower-case continuations ("…?" she asked) undone.
 */
export function splitSentences(text: string, language?: string): string[] {
  const splitter = segmenter(language);
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n[^\S\n]*\n/)) {
    let pending = '';
    for (const { segment } of splitter.segment(paragraph)) {
      // A closing guillemet after a space (French « Non. ») belongs to the sentence before it.
      const closing = pending ? (CLOSING_QUOTE_START.exec(segment)?.[0] ?? '') : '';
      const rest = segment.slice(closing.length);
      pending += closing;
      if (pending && rest && !continuesSentence(pending, rest)) {
        sentences.push(pending.trim());
        pending = '';
      }
      pending += rest;
    }
    if (pending.trim()) sentences.push(pending.trim());
  }
  return sentences;
}

function tokens(sentence: string): string[] {
  return sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
}

/** Scores every sentence: cosine of its TF-IDF vector with the document's, times position and shape. */
function scoreSentences(sentences: Sentence[]): void {
  const total = sentences.length;
  const documentFrequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const word of new Set(sentence.words)) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  // Words in every sentence ("the", "de") weigh nothing; rare words weigh most.
  const idf = (word: string) => Math.log(total / (documentFrequency.get(word) ?? total));
  const centroid = new Map<string, number>();
  for (const [word, count] of counts(sentences.flatMap((sentence) => sentence.words))) {
    centroid.set(word, (1 + Math.log(count)) * idf(word));
  }
  let centroidNorm = 0;
  for (const weight of centroid.values()) centroidNorm += weight * weight;
  centroidNorm = Math.sqrt(centroidNorm) || 1;

  for (const sentence of sentences) {
    let dot = 0;
    let norm = 0;
    for (const [word, count] of counts(sentence.words)) {
      const weight = (1 + Math.log(count)) * idf(word);
      dot += weight * (centroid.get(word) ?? 0);
      norm += weight * weight;
    }
    let score = norm > 0 ? dot / (Math.sqrt(norm) * centroidNorm) : 0;
    // News puts what matters first: a bonus that fades over the first third of the text.
    score *= 1 + Math.max(0, 1 - sentence.index / Math.max(6, total / 3));
    score *= Math.sqrt(Math.min(1, sentence.words.length / FULL_SENTENCE_WORDS));
    if (sentence.words.length < SHORT_SENTENCE_WORDS) score *= 0.5;
    if (sentence.text.length > LONG_SENTENCE_CHARS) score *= 0.7;
    if (QUESTION.test(sentence.text)) score *= 0.3;
    sentence.score = score;
  }
}

/**
 * Summarises `text` (paragraphs separated by blank lines) with its own sentences: `summary` is the
 * 2–3 best sentences in their original order within `maxSummaryChars`; `keyPoints` are the next
 * best (3–5, each within `maxKeyPointChars`), also in order. The same text always gives the same
 * result.
 */
export function summarize(text: string, options: SummarizeOptions = {}): Summary {
  const {
    language,
    summarySentences = 3,
    maxSummaryChars = 600,
    keyPoints: keyPointCount = 5,
    maxKeyPointChars = 300,
  } = options;
  const sentences: Sentence[] = splitSentences(text, language).map((sentence, index) => ({
    text: sentence,
    index,
    words: tokens(sentence),
    score: 0,
  }));
  scoreSentences(sentences);

  const seen = new Set<string>();
  const usable = sentences.filter((sentence) => {
    if (!sentence.words.length || BOILERPLATE.test(sentence.text) || seen.has(sentence.text)) return false;
    seen.add(sentence.text);
    return true;
  });
  // Headings and captions do not end like sentences; use them only when nothing else does.
  const terminated = usable.filter((sentence) => TERMINATED.test(sentence.text));
  const ranked = (terminated.length ? terminated : usable).sort(
    (a, b) => b.score - a.score || a.index - b.index,
  );

  const chosen: Sentence[] = [];
  let length = -1;
  for (const sentence of ranked) {
    if (chosen.length >= summarySentences) break;
    if (length + 1 + sentence.text.length > maxSummaryChars) continue;
    chosen.push(sentence);
    length += 1 + sentence.text.length;
  }
  const points = ranked
    .filter((sentence) => !chosen.includes(sentence) && sentence.text.length <= maxKeyPointChars)
    .slice(0, keyPointCount);

  const inOrder = (list: Sentence[]) =>
    list.sort((a, b) => a.index - b.index).map((sentence) => sentence.text);
  return { summary: inOrder(chosen).join(' '), keyPoints: inOrder(points) };
}
