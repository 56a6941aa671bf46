import { Fragment } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { formatDate } from './format';

/** A saved article with its stored content, as the reader view shows it. */
export interface ReaderArticle {
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO date or date-time. */
  publishedAt?: string;
  url: string;
  /** The article's extracted HTML, as stored: untrusted until purified. */
  contentHtml: string;
  readingMinutes?: number;
  tags: string[];
}

/** An analysis added to the library after the article was saved that discusses its actors. */
export interface ReaderNewAnalysis {
  id: string;
  title: string;
  authors: string;
  outlet: string;
  /** ISO date. */
  publishedAt: string;
  url: string;
}

/** Props of {@link ReaderView}. */
export interface ReaderViewProps {
  article: ReaderArticle;
  /** Sanitises HTML (the page passes DOMPurify's `sanitize`); every byte of content goes through it. */
  purify: (html: string) => string;
  /** Called with the element holding the content once it is in the document (e.g. to highlight it). */
  onContentReady?: (element: HTMLElement) => void;
  newAnalyses?: ReaderNewAnalysis[];
  onBack?: () => void;
}

/** A saved article in clean, readable type, with what the library learned about it since. */
export function ReaderView({ article, purify, onContentReady, newAnalyses = [], onBack }: ReaderViewProps) {
  const content = useRef<HTMLDivElement>(null);
  const html = useMemo(() => purify(article.contentHtml), [purify, article.contentHtml]);

  useEffect(() => {
    if (content.current) onContentReady?.(content.current);
    // Only new content needs the page's work (highlighting) again, not a new callback identity.
  }, [html]);

  const meta = [
    article.byline && <span class="reader__byline">{article.byline}</span>,
    article.siteName && <span class="reader__site">{article.siteName}</span>,
    article.publishedAt && <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>,
    article.readingMinutes !== undefined && <span>{article.readingMinutes} min read</span>,
  ].filter(Boolean);

  return (
    <article class="reader" aria-labelledby="reader-title">
      {onBack && (
        <button type="button" class="reader__back" onClick={onBack}>
          ← Reading list
        </button>
      )}
      <header class="reader__header">
        <h1 id="reader-title" class="reader__title">
          {article.title || article.url}
        </h1>
        {meta.length > 0 && (
          <p class="reader__meta">
            {meta.map((part, index) => (
              <Fragment key={index}>
                {index > 0 && ' · '}
                {part}
              </Fragment>
            ))}
          </p>
        )}
        <p class="reader__links">
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            Read on site
          </a>
        </p>
        {article.tags.length > 0 && (
          <p class="reader__tags">
            {article.tags.map((tag) => (
              <span key={tag} class="chip">
                {tag}
              </span>
            ))}
          </p>
        )}
      </header>
      <div class="reader__content" ref={content} dangerouslySetInnerHTML={{ __html: html }} />
      {newAnalyses.length > 0 && (
        <section class="reader__new" aria-labelledby="reader-new-heading">
          <h2 id="reader-new-heading">New analyses since you saved it</h2>
          <ul>
            {newAnalyses.map((analysis) => (
              <li key={analysis.id}>
                <a href={analysis.url} target="_blank" rel="noopener noreferrer">
                  {analysis.title}
                </a>
                <span class="reader__new-meta">
                  {analysis.authors} · {analysis.outlet} ·{' '}
                  <time dateTime={analysis.publishedAt}>{formatDate(analysis.publishedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
