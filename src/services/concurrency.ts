/** Small tools for batch work: a bounded number of tasks at once, and writes one at a time. */

/**
 * Runs `work` on every item with at most `lanes` running at once; results keep the items' order.
 * `work` should not throw: batch work returns per-item results.
 */
export async function inLanes<T, R>(
  items: readonly T[],
  lanes: number,
  work: (item: T, index: number) => Promise<R>,
  onResult?: (result: R, done: number) => void,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const queue = items.entries();
  let done = 0;
  const lane = async () => {
    for (const [index, item] of queue) {
      const result = await work(item, index);
      results[index] = result;
      onResult?.(result, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return results;
}

/** Runs writes one after another: one writer keeps SQLite and PostgreSQL alike free of lock waits. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
