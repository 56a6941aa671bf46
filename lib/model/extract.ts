/**
 * What Backstory reads out of one web page: the readable article, its metadata, an extractive
 * summary and the names it mentions. Produced by lib/extract (on a parsed copy of the page, never
 * the live DOM) and used by "Add this page as an analysis" and "Save for later".
 */

/** A name found in the text that is not yet an actor in the library: proposed, never added silently. */
export interface CandidateEntity {
  name: string;
  category: 'person' | 'organisation' | 'place';
  /** How many times the text names it. */
  count: number;
}

/** Metadata a page declares (JSON-LD, OpenGraph, meta tags), each field only when found. */
export interface PageMetadata {
  title?: string;
  authors: string[];
  /** Publisher or site name. */
  outlet?: string;
  /** ISO 8601 as declared, or a calendar date. */
  publishedAt?: string;
  canonicalUrl?: string;
  language?: string;
  description?: string;
  leadImageUrl?: string;
}

/** The readable article plus everything derived from it. */
export interface PageExtract {
  /** The URL the page was read from. */
  url: string;
  metadata: PageMetadata;
  /** Sanitised (DOMPurify) article HTML for offline reading; links made absolute. */
  contentHtml: string;
  /** The article as plain text (paragraphs separated by blank lines). */
  text: string;
  wordCount: number;
  /** Minutes at 230 words per minute, at least 1. */
  readingMinutes: number;
  /** A few of the article's own sentences, in order; deterministic. */
  summary: string;
  /** 3–5 of the article's own sentences, in order; deterministic. */
  keyPoints: string[];
  candidates: CandidateEntity[];
}
