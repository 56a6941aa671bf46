/**
 * What Backstory reads out of one web page: the readable article, its metadata, an extractive
 * summary and the names it mentions. Produced by lib/extract (on a parsed copy of the page, never
 * the live DOM) and used by "Add this page as an analysis" and "Save for later".
 */

import type { Alias, Entity } from './schema';

/**
 * An actor or event a page names that the library does not know yet (lib/discovery), offered when
 * the page is added as an analysis: `certain` ones are ticked, the rest proposed.
 */
export interface CandidateEntity {
  name: string;
  kind: Entity['kind'];
  category: Entity['category'];
  /** How many times the text names it, in any form. */
  count: number;
  certain: boolean;
  /** The other forms the text uses. */
  aliases: Alias[];
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
}
