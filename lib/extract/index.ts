/**
 * Reads one web page into a `PageExtract`: its declared metadata, the readable article (sanitised
 * HTML and plain text) and an extractive summary. The names it mentions are discovered in the
 * background (lib/discovery). Standard DOM only; the caller passes the window DOMPurify should use.
 */

import type { PageExtract, PageMetadata } from '../model/extract';
import { parseAuthors, readMetadata } from './metadata';
import { readArticle } from './readable';
import { summarize } from './summarize';

const WORDS_PER_MINUTE = 230;

/** What `extractPage` needs besides the page. */
export interface ExtractOptions {
  /** The window DOMPurify parses with: the extension page's own, or a jsdom window in tests. */
  purifyWindow: Window;
}

/** The words in `text`, counted by the platform's word segmentation (so it also works without spaces). */
function countWords(text: string, language: string | undefined): number {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(language || 'en', { granularity: 'word' });
  } catch {
    segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

/** "www.example.co.uk" → "example.co.uk"; undefined for an unparseable URL. */
function hostName(pageUrl: string): string | undefined {
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Extracts `doc` (loaded from `pageUrl`) without changing it. Declared metadata wins; Readability's
 * title, byline, site name, language, excerpt and first image fill the gaps, and the outlet falls
 * back to the host name.
 */
export function extractPage(doc: Document, pageUrl: string, options: ExtractOptions): PageExtract {
  const declared = readMetadata(doc, pageUrl);
  const article = readArticle(doc, pageUrl, options.purifyWindow);

  const title = declared.title ?? article.title ?? undefined;
  const outlet = declared.outlet ?? article.siteName ?? hostName(pageUrl);
  const language = declared.language ?? article.lang ?? undefined;
  const description = declared.description ?? article.excerpt ?? undefined;
  const leadImageUrl = declared.leadImageUrl ?? article.leadImageUrl ?? undefined;
  const metadata: PageMetadata = {
    ...declared,
    authors: declared.authors.length ? declared.authors : parseAuthors(article.byline ?? []),
    ...(title && { title }),
    ...(outlet && { outlet }),
    ...(language && { language }),
    ...(description && { description }),
    ...(leadImageUrl && { leadImageUrl }),
  };

  const wordCount = countWords(article.text, language);
  const { summary, keyPoints } = summarize(article.text, { language });
  return {
    url: pageUrl,
    metadata,
    contentHtml: article.contentHtml,
    text: article.text,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    summary,
    keyPoints,
  };
}
