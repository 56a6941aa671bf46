import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createRequester } from '@/lib/protocol/client';
import './card.css';
import { listenToBackground } from './features/config-sync';
import { setupHoverCard } from './features/hover-card';
import { createMentionStepper, revealMention } from './features/keyboard-steps';
import { snapshotPage } from './features/snapshot';
import { watchChanges } from './features/watch-changes';
import { createPageSession } from './page-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // At DOMContentLoaded: readers on slow networks should not wait for every image and script.
  runAt: 'document_end',
  // Same-origin and other frames get their own copy (their own highlight registry and styles).
  allFrames: true,
  // The card's CSS goes into its shadow root, never into the page.
  cssInjectionMode: 'ui',
  // WXT would also post "a new script started" to the page's window, naming the extension's id:
  // the page would learn that Backstory runs, and the id it needs to forge WXT's events.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));
    const session = createPageSession(ctx, request);
    const card = await setupHoverCard(ctx, session, request, { canSave: window === window.top });
    const step = createMentionStepper(session, card);
    listenToBackground(ctx, (message) => {
      if (message.type === 'config.changed') void session.reconfigure();
      else if (message.type === 'mentions.step') step(message.direction);
      else if (message.type === 'mentions.reveal') revealMention(ctx, session, message.entityId);
      // Only the top frame answers: the article is extracted from the page the reader sees.
      else if (window === window.top) return snapshotPage();
      return undefined;
    });
    watchChanges(ctx, session);
    await session.reconfigure();
  },
});
