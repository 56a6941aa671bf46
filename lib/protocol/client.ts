/**
 * The sending side of the protocol, for content scripts and extension pages. The transport is
 * injected (`browser.runtime.sendMessage` in the extension, a direct call in tests).
 */
import { PROTOCOL_ID, type Reply } from './envelope';
import type { MessageType, RequestOf, ResponseOf } from './messages';

/** An error reply from the background, with its code and any details (e.g. validation lines). */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export type Transport = (envelope: unknown) => Promise<unknown>;

/** Typed request function: `request('library.stats', {})` resolves to `LibraryStats`. */
export type Requester = <T extends MessageType>(type: T, data: RequestOf<T>) => Promise<ResponseOf<T>>;

/**
 * The browser's own words when a message finds no listener or its channel closes ("A listener
 * indicated an asynchronous response by returning true, but the message channel closed…",
 * "Could not establish connection. Receiving end does not exist."): never shown to the reader.
 */
const CHANNEL_LOST =
  'Backstory’s background stopped before it answered (the browser starts it again on the next try). Try again.';

/** Chrome refuses a message over 64 MiB ("Message exceeded maximum allowed size of 64MiB."). */
const TOO_LARGE =
  'This is too large to send to Backstory’s background in one go (the browser’s limit is 64 MB). Try a smaller file.';

export function createRequester(transport: Transport): Requester {
  return async (type, data) => {
    let reply: Reply | undefined;
    try {
      reply = (await transport({ protocol: PROTOCOL_ID, type, data })) as Reply | undefined;
    } catch (error) {
      const tooLarge = /exceeded maximum allowed size/i.test((error as Error | undefined)?.message ?? '');
      throw new ProtocolError('no-reply', tooLarge ? TOO_LARGE : CHANNEL_LOST);
    }
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      throw new ProtocolError('no-reply', 'Backstory’s background did not answer. Try reloading the page.');
    }
    if (!reply.ok) throw new ProtocolError(reply.error.code, reply.error.message, reply.error.details);
    return reply.value as never;
  };
}
