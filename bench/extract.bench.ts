/**
 * `npm run bench`: throughput and peak memory of the segmenter alone and of the whole extraction
 * pipeline over the same generated corpus (BENCH_MB, default 20), each in a fresh process running
 * the compiled build, then the pipeline over growing prefixes of the corpus to show memory stays
 * flat.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, loadSentencePool, utf8Bytes } from './corpus.js';
import { runWorker, type Stage, type WorkerJob } from './measure.js';
import {
  type BenchReport,
  type CorpusSummary,
  type Failure,
  figures,
  formatReport,
  MB,
  round,
  type StageFigures,
} from './report.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const RESULTS_DIR = join(BENCH_DIR, 'results');

const SEED = 20230630;
const PUBLISHED = '2023-06-30';
/** Enough for the dictionaries to load and the JIT to settle (about 0.4 MB). */
const WARMUP_DOCUMENTS = 100;
const WORKER_TIMEOUT_MS = 20 * 60 * 1000;
const TARGET_RATIO = 0.4;
const TARGET_MB_PER_SECOND = 5;

function corpusMegabytes(): number {
  const raw = process.env.BENCH_MB;
  if (raw === undefined || raw === '') return 20;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new Error(`BENCH_MB must be a positive number of megabytes, not "${raw}"`);
  return mb;
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function codeVersion(): BenchReport['code'] {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedChanges: git('status', '--porcelain', '--', 'src').length > 0,
    };
  } catch {
    return { commit: 'unknown', uncommittedChanges: false };
  }
}

/** Builds `dist/` when the sources are newer, as `bin/coopatlas` does before it runs. */
function buildIfNeeded(): void {
  execFileSync(join(ROOT, 'bin', 'coopatlas'), ['--version'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Writes the corpus as JSON lines under the system's temporary folder; only counts stay in memory. */
function writeCorpus(path: string, requestedMB: number): CorpusSummary {
  const started = performance.now();
  const pool = loadSentencePool(ROOT);
  const fd = openSync(path, 'w');
  let documents = 0;
  let bytes = 0;
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  try {
    for (const doc of generateCorpus(pool, { bytes: requestedMB * MB, seed: SEED })) {
      const size = utf8Bytes(doc);
      documents++;
      bytes += size;
      smallest = Math.min(smallest, size);
      largest = Math.max(largest, size);
      writeSync(fd, `${JSON.stringify(doc)}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return {
    seed: SEED,
    requestedMB,
    documents,
    bytes,
    mb: round(bytes / MB, 2),
    smallestDocumentBytes: smallest,
    largestDocumentBytes: largest,
    sourceDocuments: pool.sources.length,
    sentences: pool.sources.reduce((sum, s) => sum + s.sentences.length, 0),
    generateSeconds: round((performance.now() - started) / 1000, 2),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const now = new Date();
  const loadAverage = round(loadavg()[0] ?? 0, 2);
  const requestedMB = corpusMegabytes();
  const tmp = mkdtempSync(join(tmpdir(), 'coopatlas-bench-'));
  const corpusPath = join(tmp, 'corpus.jsonl');
  const failures: Failure[] = [];

  const measure = async (stage: Stage, limitMB: number): Promise<StageFigures | undefined> => {
    const job: WorkerJob = {
      stage,
      corpusPath,
      limitBytes: limitMB * MB,
      warmupDocuments: WARMUP_DOCUMENTS,
      published: PUBLISHED,
    };
    process.stderr.write(`measuring ${stage} on ${limitMB} MB…\n`);
    const result = await runWorker(job, ROOT, WORKER_TIMEOUT_MS);
    if (result.ok) return figures(result);
    failures.push({ stage, limitMB, error: result.error });
    return undefined;
  };

  try {
    buildIfNeeded();
    process.stderr.write(`generating ${requestedMB} MB of documents…\n`);
    const corpus = writeCorpus(corpusPath, requestedMB);
    // One stage at a time, so that the processes never compete for a core.
    const segmenter = await measure('segmenter', requestedMB);
    const pipeline = await measure('pipeline', requestedMB);
    const prefixes: StageFigures[] = [];
    for (const share of [0.25, 0.5]) {
      const prefix = await measure('pipeline', requestedMB * share);
      if (prefix) prefixes.push(prefix);
    }
    if (pipeline) prefixes.push(pipeline);

    const ratio = segmenter && pipeline ? round(pipeline.mbPerSecond / segmenter.mbPerSecond, 3) : null;
    const pipelineMBps = pipeline ? pipeline.mbPerSecond : null;
    const report: BenchReport = {
      date: localDate(now),
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        memoryMB: Math.round(totalmem() / MB),
        loadAverage,
      },
      code: codeVersion(),
      corpus,
      warmupDocuments: WARMUP_DOCUMENTS,
      stages: [segmenter, pipeline].filter((f): f is StageFigures => f !== undefined),
      memory: prefixes,
      ratio,
      targets: [
        {
          name: `pipeline ≥ ${TARGET_RATIO * 100} % of the segmenter's throughput`,
          value: ratio,
          shown: ratio === null ? 'n/a' : `${(ratio * 100).toFixed(0)} %`,
          target: TARGET_RATIO,
          met: ratio !== null && ratio >= TARGET_RATIO,
        },
        {
          name: `pipeline ≥ ${TARGET_MB_PER_SECOND} MB/s`,
          value: pipelineMBps,
          shown: pipelineMBps === null ? 'n/a' : `${pipelineMBps.toFixed(2)} MB/s`,
          target: TARGET_MB_PER_SECOND,
          met: pipelineMBps !== null && pipelineMBps >= TARGET_MB_PER_SECOND,
        },
      ],
      failures,
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };

    console.log(formatReport(report));
    mkdirSync(RESULTS_DIR, { recursive: true });
    const json = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(join(RESULTS_DIR, `extract-${report.date}.json`), json);
    writeFileSync(join(RESULTS_DIR, 'latest.json'), json);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
