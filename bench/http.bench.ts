/**
 * `npm run bench:http`: the web app's API on a large store under a real HTTP load. A knowledge
 * base of BENCH_DOCS generated documents (default 100,000; `large-store.ts`, BENCH_HTTP_DB names
 * a store file to keep: built there when missing, reused when present) is served, and the
 * dashboard, 200 searches and up to 200 entity pages are requested over HTTP_CONCURRENCY
 * connections from another process, ROUNDS times: p50 and p95 of each route in each round, and
 * the round of median p95 as the figure. Figures go to stdout and bench/results/http-*.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.js';
import { httpLatency, type RouteLatency } from './http-routes.js';
import { largeStoreFile } from './large-store.js';
import { machine, writeResults } from './results-file.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const REQUESTS = 200;
const CONCURRENCY = Number(process.env.HTTP_CONCURRENCY ?? 4);
const ROUNDS = 3;
const TARGET_P95_MS = 50;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'coopatlas-http-bench-'));
  const kept = process.env.BENCH_HTTP_DB ? resolve(process.env.BENCH_HTTP_DB) : undefined;
  try {
    process.stderr.write(`knowledge base of ${DOCS} documents…\n`);
    const large = await largeStoreFile(ROOT, DOCS, work, kept);
    const store = await openStore({ dialect: 'sqlite', file: large.file });
    const rounds: Array<Record<string, RouteLatency>> = [];
    let documents = 0;
    try {
      documents = await store.documents.count();
      for (let i = 0; i < ROUNDS; i++) {
        process.stderr.write(`round ${i + 1} of ${ROUNDS}…\n`);
        rounds.push(await httpLatency(store, { requests: REQUESTS, concurrency: CONCURRENCY }));
      }
    } finally {
      await store.close();
    }
    const routes = Object.keys(rounds[0] ?? {});
    const figures = Object.fromEntries(
      routes.map((route) => {
        const byP95 = rounds.map((r) => r[route] as RouteLatency).sort((a, b) => a.p95Ms - b.p95Ms);
        const median = byP95[Math.floor(byP95.length / 2)] as RouteLatency;
        return [route, { ...median, p95MsByRound: rounds.map((r) => r[route]?.p95Ms ?? 0) }];
      }),
    );
    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      documents,
      concurrency: CONCURRENCY,
      ...(large.buildSeconds !== undefined ? { buildSeconds: Math.round(large.buildSeconds) } : {}),
      routes: figures,
      targets: {
        p95Ms: TARGET_P95_MS,
        met: routes.every((route) => (figures[route]?.p95Ms ?? Infinity) < TARGET_P95_MS),
      },
    };
    console.log(`CoopAtlas HTTP benchmark: ${documents} documents, ${CONCURRENCY} connections\n`);
    console.log('route       urls  requests  median ms  p95 ms  p95 by round');
    for (const route of routes) {
      const f = figures[route];
      if (!f) continue;
      console.log(
        [
          route.padEnd(10),
          String(f.urls).padStart(5),
          String(f.requests).padStart(9),
          String(f.medianMs).padStart(10),
          String(f.p95Ms).padStart(7),
          `  ${f.p95MsByRound.join(' / ')}`,
        ].join(' '),
      );
    }
    console.log(`\np95 under ${TARGET_P95_MS} ms on every route: ${result.targets.met ? 'met' : 'missed'}`);
    writeResults('http', result);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
