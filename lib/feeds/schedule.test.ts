import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_MINUTES, MAX_BACKOFF_MINUTES, nextPollAt } from './schedule';

const now = Date.UTC(2024, 2, 5, 12, 0, 0);
const minutes = (value: number) => value * 60_000;

describe('nextPollAt', () => {
  it('polls a healthy feed once per interval', () => {
    expect(DEFAULT_INTERVAL_MINUTES).toBe(60);
    expect(nextPollAt({ intervalMinutes: DEFAULT_INTERVAL_MINUTES, failures: 0 }, now)).toBe(
      now + minutes(60),
    );
    expect(nextPollAt({ intervalMinutes: 15, failures: 0 }, now)).toBe(now + minutes(15));
  });

  it('doubles the wait for each consecutive failure', () => {
    const waits = [1, 2, 3, 4].map((failures) => nextPollAt({ intervalMinutes: 60, failures }, now) - now);
    expect(waits).toEqual([minutes(120), minutes(240), minutes(480), minutes(960)]);
  });

  it('never waits more than a day after failures, however many', () => {
    expect(MAX_BACKOFF_MINUTES).toBe(24 * 60);
    expect(nextPollAt({ intervalMinutes: 60, failures: 5 }, now)).toBe(now + minutes(24 * 60));
    expect(nextPollAt({ intervalMinutes: 60, failures: 5000 }, now)).toBe(now + minutes(24 * 60));
  });

  it('keeps an interval the reader set above a day', () => {
    expect(nextPollAt({ intervalMinutes: 48 * 60, failures: 0 }, now)).toBe(now + minutes(48 * 60));
    expect(nextPollAt({ intervalMinutes: 48 * 60, failures: 3 }, now)).toBe(now + minutes(48 * 60));
  });

  it('is deterministic and survives nonsense input', () => {
    const feed = { intervalMinutes: 30, failures: 2 };
    expect(nextPollAt(feed, now)).toBe(nextPollAt({ ...feed }, now));
    expect(nextPollAt({ intervalMinutes: 0, failures: 0 }, now)).toBe(now + minutes(1));
    expect(nextPollAt({ intervalMinutes: Number.NaN, failures: -3 }, now)).toBe(now + minutes(60));
    expect(nextPollAt({ intervalMinutes: 10, failures: 1.7 }, now)).toBe(now + minutes(20));
  });
});
