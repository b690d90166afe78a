/**
 * Folds SQLite's write-ahead log into the database file from a thread of its own. A fold ends
 * with the file flushed to disk; done by the writing connection (SQLite's automatic checkpoint)
 * it stops every write behind it, and ingest spends a third of its time waiting there. A passive
 * fold on another connection never takes the writer's lock, so the writer goes on appending to
 * the log meanwhile; the log starts again from its beginning once a fold has caught up.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the log is folded while the store is open. */
const EVERY_MS = 1000;

// The thread's code: a connection of its own that folds the log now and then, until told to stop.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 10000');
const fold = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(fold, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); fold(); db.close(); parentPort.close(); });
`;

export class SqliteCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, everyMs = EVERY_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(THREAD, { eval: true, workerData: { file, driver, everyMs } });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // Folding is an economy, never a condition of writing: a thread that fails is let go.
    this.worker.on('error', () => undefined);
    // An open store alone does not keep a process running.
    this.worker.unref();
  }

  /** Folds the log one last time and closes the thread's connection. */
  async stop(): Promise<void> {
    this.worker.ref();
    this.worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    clearTimeout(timer);
  }
}
