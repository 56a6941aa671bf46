/**
 * When to poll a feed next. No jitter: the same feed state always gives the same time, so the
 * schedule is testable and a reader can be told exactly when the next try is.
 */

/** How often a new subscription is polled, in minutes. */
export const DEFAULT_INTERVAL_MINUTES = 60;

/** The longest a failing feed waits between tries, in minutes (one day). */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/** The shortest interval honoured, in minutes: feeds are not polled more than once a minute. */
const MIN_INTERVAL_MINUTES = 1;

/**
 * The time (ms since epoch) of the next poll: `intervalMinutes` after `now`, doubled for each
 * consecutive failure (exponential backoff) but never more than a day. An interval a reader set
 * above a day is kept as it is.
 */
export function nextPollAt(feed: { intervalMinutes: number; failures: number }, now: number): number {
  const interval = Number.isFinite(feed.intervalMinutes)
    ? Math.max(MIN_INTERVAL_MINUTES, feed.intervalMinutes)
    : DEFAULT_INTERVAL_MINUTES;
  const failures = Number.isFinite(feed.failures) ? Math.max(0, Math.floor(feed.failures)) : 0;
  // 2^failures overflows to Infinity for absurd counts; the cap absorbs it.
  const minutes = Math.min(interval * 2 ** failures, Math.max(interval, MAX_BACKOFF_MINUTES));
  return now + minutes * 60_000;
}
