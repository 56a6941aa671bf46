/**
 * Messages from the background: setup changes (site switch, pause, settings, "Not this") and the
 * keyboard command. Accepted only from this extension's background and only in their known shapes.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PROTOCOL_ID } from '@/lib/protocol/envelope';
import type { ToContentMessage } from '@/lib/protocol/messages';

/** Validates a message from the background; null for anything else. */
export function parseToContent(
  message: unknown,
  sender: { id?: string; tab?: unknown },
): ToContentMessage | null {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return null;
  if (typeof message !== 'object' || message === null) return null;
  const { protocol, type, direction, entityId } = message as Record<string, unknown>;
  if (protocol !== PROTOCOL_ID) return null;
  if (type === 'config.changed') return { protocol, type };
  if (type === 'mentions.step' && (direction === 1 || direction === -1)) return { protocol, type, direction };
  if (type === 'mentions.reveal' && typeof entityId === 'string' && entityId.length <= 120) {
    return { protocol, type, entityId };
  }
  if (type === 'page.snapshot') return { protocol, type };
  return null;
}

/**
 * Listens to the background for the page's lifetime. A handler that returns a value answers the
 * message (the page snapshot); others return nothing, so another frame may answer.
 */
export function listenToBackground(
  ctx: ContentScriptContext,
  handle: (message: ToContentMessage) => unknown,
): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    const parsed = parseToContent(message, sender);
    if (!parsed) return undefined;
    const answer = handle(parsed);
    return answer === undefined ? undefined : Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
