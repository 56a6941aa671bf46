/**
 * The wire format shared by both ends. Kept free of zod so content scripts stay small:
 * only the background loads the request schemas (messages.ts).
 */

/** Marks messages of this protocol; anything else on the runtime channel is not ours. */
export const PROTOCOL_ID = 'backstory/1';

export type ErrorCode =
  'bad-envelope' | 'unknown-type' | 'bad-data' | 'forbidden-sender' | 'invalid-input' | 'failed';

/** Every reply has this shape; errors carry a message a reader can act on. */
export type Reply<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; details?: string[] } };
