/**
 * A small pool of extraction workers (node:worker_threads), one per core by default. Tasks
 * queue until a worker is free; a worker that dies fails its task with the reason and is
 * replaced, so one bad document never stops a batch.
 */

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractResult, ExtractTask } from './extract-task.js';

type Job = { task: ExtractTask; resolve: (result: ExtractResult) => void };

interface Slot {
  worker: Worker;
  /** Posted to the worker and not yet answered, in the order it takes them: the first is the one it is on. */
  jobs: Job[];
}

/**
 * Tasks posted to a worker at once. A worker given its next task before it finishes the last
 * never waits for the calling thread, which may be busy writing to the store (better-sqlite3
 * is synchronous) when a result comes in.
 */
const TASKS_PER_WORKER = 2;

/** The worker thread: the compiled `extract.worker.js`, or from the sources through tsx (tests, tsx runs). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const file = new URL('./extract.worker.ts', here).href;
    // tsx's API registers its hooks for the thread that calls it.
    const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(file)}); });`;
    return new Worker(code, { eval: true });
  }
  return new Worker(new URL('./extract.worker.js', here));
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Workers for a job that also writes a store (ingest, re-extraction, the web app's uploads). The
 * writer is one thread that is busy the whole time; with as many workers as cores, three threads
 * share two cores and the writer waits for its turn. One core is left to it.
 */
export function writingPoolSize(): number {
  return Math.max(1, defaultPoolSize() - 1);
}

export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size = defaultPoolSize()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Extracts one document on a worker; never rejects: a failure is a result with its reason. */
  run(task: Omit<ExtractTask, 'id'>): Promise<ExtractResult> {
    if (this.closed) throw new Error('the extraction pool is closed');
    return new Promise((resolve) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), jobs: [] };
    slot.worker.on('message', (result: ExtractResult) => {
      // A worker may finish its tasks in another order than it was given them (reading a PDF
      // waits; a text file does not), so a result goes to the task of its id.
      const index = slot.jobs.findIndex((job) => job.task.id === result.id);
      const [job] = index >= 0 ? slot.jobs.splice(index, 1) : [];
      if (job) job.resolve(result);
      this.dispatch();
    });
    const fail = (reason: string) => {
      const [job, ...notStarted] = slot.jobs;
      slot.jobs = [];
      // Tasks the worker had not begun go to the next worker as they are.
      this.queue.unshift(...notStarted);
      if (job) {
        job.resolve({
          id: job.task.id,
          ok: false,
          error: {
            code: 'EXTRACTION_FAILED',
            message: `${job.task.path}: 抽取进程异常退出 (the extraction worker stopped: ${reason})`,
          },
        });
      }
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      this.dispatch();
    };
    slot.worker.on('error', (error) => fail(error.message));
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(`exit code ${code}`);
    });
    return slot;
  }

  private dispatch(): void {
    for (let round = 0; round < TASKS_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (slot.jobs.length > round) continue;
        const job = this.queue.shift();
        if (!job) return;
        slot.jobs.push(job);
        // The bytes are copied, not transferred: the caller keeps them to store.
        slot.worker.postMessage(job.task);
      }
    }
  }
}
