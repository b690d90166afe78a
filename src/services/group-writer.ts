/**
 * One writer for a batch: writes are never concurrent (no lock waits on SQLite or PostgreSQL),
 * and the units of work that arrive while a group is being written go together into the next
 * group, one transaction with a savepoint per unit (`Store.transactionOfEach`). A lone unit is
 * written at once; under load, one commit serves many documents.
 */
import type { Repositories, Store } from '../store/open-store.js';

type Work = (tx: Repositories) => Promise<unknown>;

interface Waiting {
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Resolves on a later turn of the event loop. Writing to SQLite never leaves the thread, so
 * without a turn between units a group would be written without the results of workers being
 * taken in or their next tasks given, and the workers would wait for the whole group.
 */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Units of work per transaction at most: a failed commit redoes no more than this. */
export const MAX_GROUP = 256;

export class GroupWriter {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly store: Store,
    private readonly maxGroup = MAX_GROUP,
  ) {}

  /** Runs `work` in the next group; resolves with its value once its group is committed. */
  run<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      for (;;) {
        // Results that came in while the last group was written are events not yet handled;
        // letting them run first puts their documents in this group.
        await nextTurn();
        if (this.waiting.length === 0) break;
        const group = this.waiting.splice(0, this.maxGroup);
        const results = await this.store.transactionOfEach(
          group.map((unit) => async (tx: Repositories) => {
            await nextTurn();
            return unit.work(tx);
          }),
        );
        for (const [i, unit] of group.entries()) {
          const result = results[i];
          if (result?.ok) unit.resolve(result.value);
          else unit.reject(result ? result.error : new Error('no result for a unit of work'));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
