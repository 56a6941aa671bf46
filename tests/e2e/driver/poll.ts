import type { InPage } from './types';

/**
 * Polls `fn(arg)` in the page from Node until it is truthy. Polling from outside works the same in
 * both browsers, in background tabs too (an in-page requestAnimationFrame loop stalls there).
 */
export async function pollInPage<A>(
  page: { evaluate<R, B>(fn: InPage<B, R>, arg: B): Promise<R> },
  fn: InPage<A, unknown>,
  arg: A | undefined,
  timeoutMs: number,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(fn, arg as A)) return;
      lastError = null;
    } catch (error) {
      // A page that is navigating has no context to evaluate in for a moment.
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${fn.toString().slice(0, 160)}` +
      (lastError ? ` (last error: ${String(lastError)})` : ''),
  );
}
