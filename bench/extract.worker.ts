/**
 * One measured stage, run by `runWorker` in a process of its own: load the stage, warm it up on
 * the first documents, then run it over the corpus one document at a time, keeping nothing but
 * counts, and report time and peak memory to the parent.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Stage, WorkerJob, WorkerResult } from './measure.js';

const bootMs = performance.now();
const MB = 1024 * 1024;

/** Processes one document and returns how many units (tokens or facts) it produced. */
type Run = (text: string) => number;

/**
 * The stages are loaded from the compiled build that `bin/coopatlas` and the ingest workers run,
 * not from the TypeScript sources through the loader, whose transform adds work of its own.
 */
const DIST = new URL('../dist/', import.meta.url);
type SegmenterModule = typeof import('../src/extract/segmentation/segmenter.js');
type ExtractModule = typeof import('../src/extract/extract-document.js');

async function load(stage: Stage, published: string): Promise<Run> {
  switch (stage) {
    case 'segmenter': {
      const { segmenter }: SegmenterModule = await import(
        new URL('extract/segmentation/segmenter.js', DIST).href
      );
      return (text) => segmenter().cut(text, true).length;
    }
    case 'pipeline': {
      const { extractText }: ExtractModule = await import(new URL('extract/extract-document.js', DIST).href);
      return (text) => {
        const x = extractText(text, { published });
        return (
          x.entities.length +
          x.times.length +
          x.money.length +
          x.counts.length +
          x.percentages.length +
          x.events.length
        );
      };
    }
  }
}

async function* documents(path: string, limitBytes: number): AsyncGenerator<{ text: string; bytes: number }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let total = 0;
  try {
    for await (const line of lines) {
      if (total >= limitBytes) break;
      if (!line) continue;
      const text = JSON.parse(line) as string;
      const bytes = Buffer.byteLength(text, 'utf8');
      total += bytes;
      yield { text, bytes };
    }
  } finally {
    lines.close();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function measure(job: WorkerJob): Promise<WorkerResult> {
  const importStart = performance.now();
  let run: Run;
  try {
    run = await load(job.stage, job.published);
  } catch (error) {
    return { ok: false, stage: job.stage, error: `cannot load the ${job.stage}: ${message(error)}` };
  }
  const warmupStart = performance.now();
  let firstDocumentEnd = 0;
  let warmed = 0;
  try {
    for await (const doc of documents(job.corpusPath, Number.POSITIVE_INFINITY)) {
      run(doc.text);
      if (warmed++ === 0) firstDocumentEnd = performance.now();
      if (warmed >= job.warmupDocuments) break;
    }
  } catch (error) {
    return { ok: false, stage: job.stage, error: `warm-up failed: ${message(error)}` };
  }
  const readyMs = performance.now();
  const rssReadyMB = process.memoryUsage.rss() / MB;

  let documentsDone = 0;
  let bytes = 0;
  let units = 0;
  let errors = 0;
  let firstError: string | undefined;
  let ns = 0n;
  const loopStart = performance.now();
  for await (const doc of documents(job.corpusPath, job.limitBytes)) {
    const start = process.hrtime.bigint();
    try {
      units += run(doc.text);
    } catch (error) {
      errors++;
      firstError ??= message(error);
    }
    ns += process.hrtime.bigint() - start;
    documentsDone++;
    bytes += doc.bytes;
  }
  const loopSeconds = (performance.now() - loopStart) / 1000;

  const result: WorkerResult = {
    ok: true,
    stage: job.stage,
    documents: documentsDone,
    bytes,
    seconds: Number(ns) / 1e9,
    loopSeconds,
    units,
    errors,
    startup: {
      bootMs,
      importMs: warmupStart - importStart,
      firstDocumentMs: firstDocumentEnd - warmupStart,
      warmupMs: readyMs - firstDocumentEnd,
      readyMs,
    },
    rssReadyMB,
    // maxRSS is in kilobytes.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (firstError) result.firstError = firstError;
  return result;
}

process.once('message', (job: WorkerJob) => {
  measure(job)
    .catch((error: unknown): WorkerResult => ({ ok: false, stage: job.stage, error: message(error) }))
    .then((result) => process.send?.(result, () => process.exit(0)))
    .catch(() => process.exit(1));
});
