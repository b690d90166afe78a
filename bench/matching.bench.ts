/**
 * `npm run bench:matching`: technology matching, its quality and its speed.
 *
 * Quality: the evaluation set of `test/matching/` (needs with the candidates a domain expert
 * expects) over a knowledge base of `samples/` and `test/matching/docs/`, ranked by the full
 * ranking and by plain BM25 on the same words, in the same run: nDCG@10 and MRR of each.
 *
 * Speed: a knowledge base of BENCH_DOCS generated documents (default 100,000; `large-store.ts`,
 * BENCH_MATCHING_DB names a store file to keep: built there when missing, reused when present), the candidates' index built once, then BENCH_QUERIES needs (the
 * evaluation set's, in turn) matched end to end as the API answers them: p50 and p95. Then the
 * evaluation documents are ingested into it and the next match brings the index up to date.
 * Figures go to stdout and bench/results/matching-*.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MATCHING_CONFIG } from '../src/matching/matching.config.js';
import { ExtractionPool, writingPoolSize } from '../src/services/extraction-pool.js';
import { ingestPaths } from '../src/services/ingest-files.service.js';
import { matchingIndex, matchNeed } from '../src/services/matching.service.js';
import { openStore } from '../src/store/open-store.js';
import { EVALUATION_FOLDERS, evaluate, evaluationNeeds } from '../test/matching/evaluation.js';
import { largeStoreFile } from './large-store.js';
import { machine, timed, writeResults } from './results-file.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const TARGET_P95_MS = 100;
const MB = 1024 * 1024;
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function quality() {
  const dir = mkdtempSync(join(tmpdir(), 'coopatlas-matching-eval-'));
  const store = await openStore({ dialect: 'sqlite', file: join(dir, 'eval.db') });
  const pool = new ExtractionPool(writingPoolSize());
  try {
    await ingestPaths(store, EVALUATION_FOLDERS, { pool });
    const result = await evaluate(store);
    return { ...result, candidates: (await matchingIndex(store)).size };
  } finally {
    await pool.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function speed() {
  const work = mkdtempSync(join(tmpdir(), 'coopatlas-matching-bench-'));
  const kept = process.env.BENCH_MATCHING_DB ? resolve(process.env.BENCH_MATCHING_DB) : undefined;
  const large = await largeStoreFile(ROOT, DOCS, work, kept);
  const store = await openStore({ dialect: 'sqlite', file: large.file });
  try {
    const documents = await store.documents.count();
    const build = await timed(() => matchingIndex(store));
    const needs = evaluationNeeds().map(({ expected: _e, id: _id, ...need }) => need);
    // The first queries warm the JIT and the statement cache; they are not counted.
    for (const need of needs.slice(0, 10)) await matchNeed(store, need);
    const times: number[] = [];
    let returned = 0;
    for (let i = 0; i < QUERIES; i++) {
      const need = needs[i % needs.length] as (typeof needs)[number];
      const { value, seconds } = await timed(() => matchNeed(store, need));
      times.push(seconds * 1000);
      returned += value.candidates.length;
    }
    const pool = new ExtractionPool(writingPoolSize());
    const added = await timed(() => ingestPaths(store, EVALUATION_FOLDERS, { pool })).finally(() =>
      pool.close(),
    );
    const before = build.value.size;
    const refreshed = await timed(() => matchNeed(store, needs[0] as (typeof needs)[number]));
    return {
      documents,
      ingestSeconds: large.buildSeconds === undefined ? 'kept store reused' : round(large.buildSeconds, 1),
      index: {
        candidates: before,
        buildSeconds: round(build.seconds, 2),
        rssMB: Math.round(process.memoryUsage.rss() / MB),
      },
      match: {
        queries: times.length,
        p50Ms: round(percentile(times, 50), 2),
        p95Ms: round(percentile(times, 95), 2),
        maxMs: round(Math.max(...times), 2),
        meanCandidates: round(returned / times.length, 1),
      },
      refresh: {
        documentsAdded: added.value.new,
        ingestSeconds: round(added.seconds, 1),
        firstMatchSeconds: round(refreshed.seconds, 2),
        candidatesAfter: (await matchingIndex(store)).size,
      },
    };
  } finally {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stderr.write('evaluation set…\n');
  const evaluation = await quality();
  process.stderr.write(`knowledge base of ${DOCS} documents…\n`);
  const latency = await speed();
  const { full, bm25 } = evaluation.modes;
  const figures = {
    date: new Date().toISOString(),
    machine: machine(),
    weights: MATCHING_CONFIG.weights,
    evaluation: {
      needs: full.needs,
      candidates: evaluation.candidates,
      full: { ndcg10: round(full.ndcg10), mrr: round(full.mrr) },
      bm25: { ndcg10: round(bm25.ndcg10), mrr: round(bm25.mrr) },
      fullBeatsBaseline: full.ndcg10 > bm25.ndcg10 && full.mrr >= bm25.mrr,
      missingExpected: evaluation.missing,
    },
    latency,
    targets: { p95Ms: TARGET_P95_MS, met: latency.match.p95Ms < TARGET_P95_MS },
  };
  console.log('CoopAtlas matching benchmark\n');
  console.log(`evaluation: ${full.needs} needs, ${evaluation.candidates} candidates`);
  console.log('ranking      nDCG@10   MRR');
  console.log(
    `full         ${figures.evaluation.full.ndcg10.toFixed(3)}     ${figures.evaluation.full.mrr.toFixed(3)}`,
  );
  console.log(
    `BM25 alone   ${figures.evaluation.bm25.ndcg10.toFixed(3)}     ${figures.evaluation.bm25.mrr.toFixed(3)}`,
  );
  if (evaluation.missing.length > 0)
    console.log(`expected candidates not in the knowledge base: ${evaluation.missing.length}`);
  console.log(
    `\n${latency.documents} documents: index of ${latency.index.candidates} candidates built in ${latency.index.buildSeconds} s`,
  );
  console.log(
    `match: ${latency.match.queries} needs, p50 ${latency.match.p50Ms} ms, p95 ${latency.match.p95Ms} ms (target < ${TARGET_P95_MS} ms: ${figures.targets.met ? 'met' : 'missed'})`,
  );
  console.log(
    `after ingesting ${latency.refresh.documentsAdded} more documents, the next match took ${latency.refresh.firstMatchSeconds} s (index brought up to date: ${latency.refresh.candidatesAfter} candidates)`,
  );
  writeResults('matching', figures);
}

await main();
