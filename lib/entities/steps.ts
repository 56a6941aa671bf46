/**
 * Work split into steps: a generator that pauses at every `yield` (a few milliseconds of work each)
 * and returns its result at the end, so that a page can do large work between its own tasks.
 */

/** Steps that pause with nothing and end with a `T`. */
export type Steps<T> = Generator<void, T, void>;

/**
 * Runs steps until they end or `budgetMs` has passed, whichever comes first; returns the last step's
 * result (`done` with the value at the end).
 */
export function advance<T>(steps: Steps<T>, budgetMs = Infinity): IteratorResult<void, T> {
  const start = performance.now();
  let step = steps.next();
  while (!step.done && performance.now() - start < budgetMs) step = steps.next();
  return step;
}

/** Runs steps to their end at once and returns their result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
