/**
 * The background's calls to its DOM document (offscreen document in Chrome): a separate, tiny
 * protocol, so the document answers nothing else and nothing else answers these.
 */
export const DOM_PROTOCOL_ID = 'backstory-dom/1';

export type DomRequest =
  | { protocol: typeof DOM_PROTOCOL_ID; type: 'extract'; html: string; url: string }
  | { protocol: typeof DOM_PROTOCOL_ID; type: 'htmlToText'; fragments: string[] };

export type DomReply<T> = { ok: true; value: T } | { ok: false; message: string };

/** Checks a message's shape; null for anything that is not a DOM request. */
export function parseDomRequest(message: unknown): DomRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.protocol !== DOM_PROTOCOL_ID) return null;
  if (m.type === 'extract' && typeof m.html === 'string' && typeof m.url === 'string') {
    return { protocol: DOM_PROTOCOL_ID, type: 'extract', html: m.html, url: m.url };
  }
  if (
    m.type === 'htmlToText' &&
    Array.isArray(m.fragments) &&
    m.fragments.every((f) => typeof f === 'string')
  ) {
    return { protocol: DOM_PROTOCOL_ID, type: 'htmlToText', fragments: m.fragments };
  }
  return null;
}
