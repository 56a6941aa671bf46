import { sanitiseStoredHtml } from '@/lib/extract/readable';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReaderView } from '@/components/ReaderView';
import { createRequester } from '@/lib/protocol/client';
import type { ReadingArticle } from '@/lib/protocol/messages';
import cardCss from '../content/card.css?inline';
import { listenToBackground } from '../content/features/config-sync';
import { setupHoverCard } from '../content/features/hover-card';
import { createMentionStepper, revealMention } from '../content/features/keyboard-steps';
import { createPageSession } from '../content/page-session';

const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));
const articleId = new URLSearchParams(location.search).get('id') ?? '';

/** Save reading progress at most this often while scrolling. */
const PROGRESS_DELAY_MS = 800;

/** How far down the article the reader is, 0..1. */
const scrollProgress = () => {
  const room = document.documentElement.scrollHeight - window.innerHeight;
  return room > 0 ? Math.min(1, Math.max(0, window.scrollY / room)) : 1;
};

/**
 * The reader view: a saved article, offline, with the same highlights, hover cards and side panel
 * analyses as the live page (the content script's page session runs over the stored content).
 */
export function ReaderApp() {
  const [article, setArticle] = useState<ReadingArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    request('reading.get', { id: articleId })
      .then((loaded) => {
        setArticle(loaded);
        document.title = `${loaded.row.title} · Backstory`;
      })
      .catch((cause: Error) => setError(cause.message));
  }, []);

  // Remember how far the reader got.
  useEffect(() => {
    if (!article) return;
    let timer: number | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = window.setTimeout(
        () => void request('reading.update', { id: articleId, progress: scrollProgress() }).catch(() => {}),
        PROGRESS_DELAY_MS,
      );
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [article]);

  const onContentReady = useCallback(
    (element: HTMLElement) => {
      if (!article || started.current) return;
      started.current = true;
      element.dataset.backstoryArticle = 'true';
      const progress = article.row.progress ?? 0;
      if (progress > 0) {
        const room = document.documentElement.scrollHeight - window.innerHeight;
        window.scrollTo(0, progress * room);
      }
      void highlight(article.row.url);
    },
    [article],
  );

  if (error) {
    return (
      <main class="reader-error">
        <h1>Backstory reader</h1>
        <p role="alert">{error}</p>
      </main>
    );
  }
  if (!article) return <p role="status">Loading…</p>;
  if (article.contentHtml === null) {
    return (
      <main class="reader-error">
        <h1>{article.row.title}</h1>
        <p role="status">
          This article has not been downloaded for offline reading yet.{' '}
          <a href={article.row.url} rel="noopener noreferrer">
            Read it on the site
          </a>
          .
        </p>
      </main>
    );
  }
  return (
    <ReaderView
      article={{
        title: article.row.title,
        url: article.row.url,
        contentHtml: article.contentHtml,
        tags: article.row.tags,
        ...(article.row.byline ? { byline: article.row.byline } : {}),
        ...(article.row.siteName ? { siteName: article.row.siteName } : {}),
        ...(article.row.publishedAt ? { publishedAt: article.row.publishedAt } : {}),
        ...(article.row.readingMinutes ? { readingMinutes: article.row.readingMinutes } : {}),
      }}
      purify={(html) => sanitiseStoredHtml(html, article.row.url, window)}
      onContentReady={onContentReady}
      newAnalyses={article.newAnalyses.map((analysis) => ({
        id: analysis.id,
        title: analysis.title,
        authors: analysis.authors.map((author) => author.name).join(', '),
        outlet: analysis.outlet,
        publishedAt: analysis.publishedAt,
        url: analysis.url,
      }))}
    />
  );
}

/** Runs the page session (scan, highlights, hover card, keyboard steps) over the stored article. */
async function highlight(originalUrl: string) {
  const ctx = new ContentScriptContext('reader');
  const session = createPageSession(ctx, request, () => originalUrl);
  const card = await setupHoverCard(ctx, session, request, { css: cardCss });
  const step = createMentionStepper(session, card);
  listenToBackground(ctx, (message) => {
    if (message.type === 'config.changed') void session.reconfigure();
    else if (message.type === 'mentions.step') step(message.direction);
    else if (message.type === 'mentions.reveal') revealMention(ctx, session, message.entityId);
    return undefined;
  });
  await session.reconfigure();
}
