// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageSession } from '../page-session';
import { NAVIGATION_SETTLE_MS, watchChanges } from './watch-changes';

/** The parts of WXT's context the feature uses, over the real window and timers. */
function fakeContext() {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    onInvalidated: (callback: () => void) => controller.signal.addEventListener('abort', callback),
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler, { signal: controller.signal }),
    setTimeout: (handler: () => void, ms: number) => window.setTimeout(handler, ms),
    requestAnimationFrame: (handler: () => void) => window.setTimeout(handler, 0),
  };
}

function fakeSession() {
  return { fullScan: vi.fn(async () => {}), rescan: vi.fn(async () => false), busyMs: 0 };
}

afterEach(() => vi.useRealTimers());

describe('watchChanges', () => {
  it('reads the page again once after a real change of address, never on a forged event', () => {
    vi.useFakeTimers();
    const ctx = fakeContext();
    const session = fakeSession();
    watchChanges(ctx as unknown as ContentScriptContext, session as unknown as PageSession);
    // The page's script fires WXT's event by name 200 times: the address has not changed.
    for (let i = 0; i < 200; i++) window.dispatchEvent(new Event('wxt:locationchange'));
    vi.advanceTimersByTime(NAVIGATION_SETTLE_MS * 2);
    expect(session.fullScan).not.toHaveBeenCalled();
    // A real navigation burst: five addresses in a row, each with its event.
    for (let i = 0; i < 5; i++) {
      history.pushState({}, '', `/story-${i}`);
      window.dispatchEvent(new Event('wxt:locationchange'));
    }
    vi.advanceTimersByTime(NAVIGATION_SETTLE_MS * 2);
    expect(session.fullScan).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('wxt:locationchange'));
    vi.advanceTimersByTime(NAVIGATION_SETTLE_MS * 2);
    expect(session.fullScan).toHaveBeenCalledTimes(1);
    ctx.abort();
  });
});
