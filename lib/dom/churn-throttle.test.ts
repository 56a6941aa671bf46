import { describe, expect, it } from 'vitest';
import { ChurnThrottle } from './churn-throttle';

const options = { share: 0.05, idleStepMs: 50, maxDelayMs: 2_000 };

describe('ChurnThrottle', () => {
  it('keeps rescans of a changing page to its share of the main thread', () => {
    const throttle = new ChurnThrottle(options);
    // 5 ms of work at a 5% share: the next rescan waits 95 ms.
    expect(throttle.next(0, 5, true)).toBeCloseTo(95);
    expect(throttle.next(100, 0.5, true)).toBeCloseTo(9.5);
  });

  it('waits longer after each rescan that found nothing new, up to the ceiling', () => {
    const throttle = new ChurnThrottle(options);
    const waits = [0, 100, 250, 500, 900, 1_700, 3_400, 6_000].map((at) => throttle.next(at, 0, false));
    expect(waits).toEqual([50, 100, 200, 400, 800, 1_600, 2_000, 2_000]);
    // Something new: back to the pace of the work.
    expect(throttle.next(8_000, 1, true)).toBeCloseTo(19);
  });

  it('reads a page that rested at once again', () => {
    const throttle = new ChurnThrottle(options);
    for (let at = 0; at < 1_000; at += 100) throttle.next(at, 0, false);
    expect(throttle.next(60_000, 0, false)).toBe(50);
    expect(throttle.next(60_100, 0, true)).toBe(0);
  });
});
