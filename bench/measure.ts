/**
 * Runs one measured stage in a fresh Node process, so that each stage's start-up and peak
 * memory are its own. The worker reads the corpus from a file one document at a time.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Stage = 'segmenter' | 'pipeline';

export interface WorkerJob {
  stage: Stage;
  /** A JSON-lines file, one document (a JSON string) per line. */
  corpusPath: string;
  /** Stop after the first documents whose UTF-8 size reaches this many bytes. */
  limitBytes: number;
  warmupDocuments: number;
  published: string;
}

export interface Startup {
  /** Process start until the worker's first line runs: Node and the TypeScript loader. */
  bootMs: number;
  /** Loading the stage's modules. */
  importMs: number;
  /** The first document, which builds the lexicon and the segmenter's dictionary. */
  firstDocumentMs: number;
  /** The other warm-up documents, while the JIT compiles the hot paths. */
  warmupMs: number;
  /** Process start until measuring begins. */
  readyMs: number;
}

export interface StageMeasurement {
  ok: true;
  stage: Stage;
  documents: number;
  bytes: number;
  /** Time spent inside the measured call, summed over documents (reading the file excluded). */
  seconds: number;
  /** Wall time of the measuring loop, reading and parsing the corpus file included. */
  loopSeconds: number;
  /** Tokens for the segmenter; entities, times, money, counts, percentages and events for the pipeline. */
  units: number;
  errors: number;
  firstError?: string;
  startup: Startup;
  rssReadyMB: number;
  peakRssMB: number;
}

export interface StageFailure {
  ok: false;
  stage: Stage;
  error: string;
}

export type WorkerResult = StageMeasurement | StageFailure;

const WORKER = fileURLToPath(new URL('./extract.worker.ts', import.meta.url));
const STDERR_TAIL = 4000;

/** Runs `job` in a child process and resolves with its measurement or its failure; never rejects. */
export function runWorker(job: WorkerJob, cwd: string, timeoutMs: number): Promise<WorkerResult> {
  return new Promise((resolve) => {
    let result: WorkerResult | undefined;
    let stderr = '';
    const child = fork(WORKER, [], {
      cwd,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const timer = setTimeout(() => {
      result ??= { ok: false, stage: job.stage, error: `no result after ${timeoutMs / 1000} s` };
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('message', (message) => {
      result ??= message as WorkerResult;
    });
    child.on('error', (error) => {
      result ??= { ok: false, stage: job.stage, error: error.message };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(
        result ?? {
          ok: false,
          stage: job.stage,
          error: `worker exited (${signal ?? `code ${code}`}) without a result${stderr ? `: ${stderr.trim()}` : ''}`,
        },
      );
    });
    child.send(job);
  });
}
