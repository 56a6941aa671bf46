/**
 * The background's side of the protocol: checks the envelope, the sender and the data, then
 * runs the one handler for the message type. It never throws: every failure becomes an error
 * reply, so a malformed message can neither crash nor wedge the service worker.
 */
import { describeIssues } from '../pack/pack';
import {
  PROTOCOL_ID,
  protocol,
  type MessageType,
  type ParsedRequestOf,
  type Reply,
  type ResponseOf,
  type SenderKind,
} from './messages';

/** Who sent a message, as established from the runtime's sender (see classifySender). */
export interface SenderContext {
  kind: SenderKind;
  /** The sending tab, for content scripts. */
  tabId?: number;
  /** The sending frame of that tab: 0 for the top page, another number for a frame in it. */
  frameId?: number;
  url?: string;
}

/** One handler per message type: the complete list is the type's key set. */
export type HandlerMap = {
  [T in MessageType]: (
    data: ParsedRequestOf<T>,
    sender: SenderContext,
  ) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

/** Thrown by handlers for bad input the reader can fix; its text is shown as is. */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/**
 * What the reader is told of a failure Backstory did not word itself (a database or browser error):
 * never the browser's own message, which names its internals and says nothing the reader can do.
 */
export function explainFailure(error: unknown): string {
  if (causes(error).some((cause) => cause.name === 'QuotaExceededError')) {
    return 'The browser has no room left to store Backstory’s library. Free some disk space, or delete saved articles you no longer need, and try again.';
  }
  return 'Something unexpected went wrong in Backstory. Try again; if it keeps happening, restarting the browser usually helps.';
}

/**
 * An error and the errors it wraps: Dexie names the cause of an aborted transaction `inner`, and
 * a bulk write's first failed row is in `failures`.
 */
function causes(error: unknown): Array<{ name?: unknown }> {
  const chain: Array<{ name?: unknown }> = [];
  for (let at = error; typeof at === 'object' && at !== null && chain.length < 10;) {
    const wrapped = at as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown[] };
    chain.push(wrapped);
    at = wrapped.inner ?? wrapped.cause ?? wrapped.failures?.[0];
  }
  return chain;
}

/** Minimal view of `runtime.MessageSender`, so this module needs no browser API. */
export interface RuntimeSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decides what kind of context sent a message. Only this extension's own contexts count:
 * its pages (URL under the extension origin) and its content scripts (inside a web tab).
 */
export function classifySender(
  sender: RuntimeSender,
  extensionId: string,
  extensionOrigin: string,
): SenderContext | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) {
    return { kind: 'extension', url: sender.url, tabId: sender.tab?.id };
  }
  if (sender.tab?.id !== undefined && sender.url && /^https?:/.test(sender.url)) {
    return { kind: 'content', tabId: sender.tab.id, frameId: sender.frameId ?? 0, url: sender.url };
  }
  return null;
}

const isMessageType = (type: unknown): type is MessageType =>
  typeof type === 'string' && Object.hasOwn(protocol, type);

const fail = (
  code: Extract<Reply, { ok: false }>['error']['code'],
  message: string,
  details?: string[],
): Reply => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Builds the function the background's `runtime.onMessage` listener calls. */
export function createDispatcher(handlers: HandlerMap) {
  return async function dispatch(raw: unknown, sender: SenderContext | null): Promise<Reply> {
    if (!sender) return fail('forbidden-sender', 'Messages are accepted only from Backstory itself.');
    if (typeof raw !== 'object' || raw === null || (raw as { protocol?: unknown }).protocol !== PROTOCOL_ID) {
      return fail('bad-envelope', `Not a ${PROTOCOL_ID} message.`);
    }
    const { type, data } = raw as { type?: unknown; data?: unknown };
    if (!isMessageType(type)) {
      return fail('unknown-type', `Unknown message type: ${JSON.stringify(type)?.slice(0, 80)}.`);
    }
    const spec = protocol[type];
    if (!spec.from.includes(sender.kind)) {
      return fail('forbidden-sender', `"${type}" cannot be sent from a ${sender.kind} context.`);
    }
    const parsed = spec.request.safeParse(data ?? {});
    if (!parsed.success) {
      return fail('bad-data', `Malformed "${type}" message.`, describeIssues(parsed.error.issues));
    }
    try {
      const handler = handlers[type] as (data: unknown, sender: SenderContext) => unknown;
      return { ok: true, value: await handler(parsed.data, sender) };
    } catch (error) {
      if (error instanceof InvalidInputError) return fail('invalid-input', error.message, error.details);
      console.error(`Backstory: "${type}" failed`, error);
      return fail('failed', explainFailure(error));
    }
  };
}
