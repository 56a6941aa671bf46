/**
 * How soon a changing page is read again. A page that changes all the time (a live ticker, a
 * comment stream) is read again at most with a small share of the main thread, measured from
 * Backstory's own work; a page whose changes keep naming nothing is read less and less often, up
 * to a ceiling; a page that rests is read at the next frame again.
 */
export interface ChurnThrottleOptions {
  /** The share of the main thread rescans may take while a page keeps changing. */
  share: number;
  /** The first wait after a rescan that found nothing new; it doubles after each such rescan. */
  idleStepMs: number;
  /** The longest wait between two rescans. */
  maxDelayMs: number;
}

export const CHURN_DEFAULTS: ChurnThrottleOptions = { share: 0.03, idleStepMs: 50, maxDelayMs: 2_000 };

export class ChurnThrottle {
  private fruitless = 0;
  private lastAt = -Infinity;
  private delayMs = 0;

  constructor(private readonly options: ChurnThrottleOptions = CHURN_DEFAULTS) {}

  /**
   * After a rescan at `now` that took `busyMs` of Backstory's work and did or did not change the
   * mentions: the wait before the next rescan may start.
   */
  next(now: number, busyMs: number, changed: boolean): number {
    const { share, idleStepMs, maxDelayMs } = this.options;
    // A page that rested longer than the ceiling starts over: its next change is read at once.
    if (now - this.lastAt > maxDelayMs + this.delayMs) this.fruitless = 0;
    this.lastAt = now;
    this.fruitless = changed ? 0 : this.fruitless + 1;
    const byCost = (Math.max(0, busyMs) * (1 - share)) / share;
    const byFruitless = this.fruitless === 0 ? 0 : idleStepMs * 2 ** Math.min(this.fruitless - 1, 16);
    this.delayMs = Math.min(maxDelayMs, Math.max(byCost, byFruitless));
    return this.delayMs;
  }
}
