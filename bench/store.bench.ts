/**
 * `npm run bench:store`: the knowledge base under load. A generated corpus of BENCH_DOCS
 * documents (default 100,000) is written as files and ingested into each engine (SQLite always,
 * PostgreSQL when its binaries are here); then 200 searches, and HTTP requests to the dashboard,
 * search and entity routes of the served app. Figures go to stdout and bench/results/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { listDocumentFiles } from '../src/ingest/list-files.js';
import { inLanes } from '../src/services/concurrency.js';
import { ExtractionPool, writingPoolSize } from '../src/services/extraction-pool.js';
import { search } from '../src/services/search.service.js';
import { openStore, type Store, type StoreLocation } from '../src/store/open-store.js';
import { findPostgresBin, startPostgres } from '../test/store/postgres-server.js';
import { writeCorpusFiles } from './corpus.js';
import { benchQueries, httpLatency, type RouteLatency } from './http-routes.js';
import { ingestCorpus } from './ingest-corpus.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RESULTS = join(ROOT, 'bench/results');
const MB = 1024 * 1024;
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = 200;
const HTTP_REQUESTS = 200;
const HTTP_CONCURRENCY = 4;
/** Documents the extraction-only baseline runs on: a rate, so a sample of the corpus does. */
const BASELINE_DOCS = Number(process.env.BENCH_BASELINE_DOCS ?? 10_000);
/** The engines to measure, `sqlite,postgres` by default; PostgreSQL only where its binaries are. */
const ENGINES = new Set((process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()));

interface EngineFigures {
  engine: string;
  documents: number;
  failed: number;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  storeMB: number;
  /** RSS at each quarter of the ingest: flat when memory does not grow with the corpus. */
  rssByQuarterMB: number[];
  /** Documents per second over each tenth of the corpus: how ingest slows as the store grows. */
  docsPerSecondByTenth: number[];
  peakRssMB: number;
  search: { queries: number; medianMs: number; p95Ms: number; meanHits: number };
  http?: Record<string, RouteLatency>;
}

const rssMB = () => Math.round(process.memoryUsage.rss() / MB);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Search words people would type: places, fields and kinds of body from the lexicon. */
async function storeSize(store: Store, location: StoreLocation): Promise<number> {
  if (location.dialect === 'sqlite') {
    // What the documents take, not the log still waiting to be folded in.
    await store.checkpoint({ truncate: true });
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        total += statSync(location.file + suffix).size;
      } catch {
        // No such file: nothing to count.
      }
    }
    return total / MB;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>(
      'select pg_database_size(current_database()) as size',
    );
    return Number(rows[0]?.size ?? 0) / MB;
  } finally {
    await client.end();
    void store;
  }
}

/**
 * The floor under ingest: the same workers extracting the same files, with nothing stored.
 * Ingest's documents per second over this is the share of the time the store costs.
 */
async function measureExtractionOnly(corpus: string): Promise<Baseline> {
  const files = (await listDocumentFiles([corpus])).slice(0, BASELINE_DOCS);
  const pool = new ExtractionPool(writingPoolSize());
  try {
    // Every worker loads its dictionaries before the clock starts.
    await Promise.all(
      files
        .slice(0, pool.size * 2)
        .map((path) => pool.run({ path, bytes: new Uint8Array(readFileSync(path)) })),
    );
    const started = performance.now();
    let bytes = 0;
    await inLanes(files, pool.size * 2, async (path) => {
      const content = new Uint8Array(readFileSync(path));
      bytes += content.length;
      const result = await pool.run({ path, bytes: content });
      if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      documents: files.length,
      seconds: round(seconds),
      docsPerSecond: round(files.length / seconds),
      mbPerSecond: round(bytes / MB / seconds, 2),
    };
  } finally {
    await pool.close();
  }
}

interface Baseline {
  documents: number;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
}

async function measureEngine(
  name: string,
  location: StoreLocation,
  corpus: string,
  bytes: number,
): Promise<EngineFigures> {
  const store = await openStore(location);
  const quarters: number[] = [];
  const tenths: number[] = [];
  try {
    const started = performance.now();
    let tenthStarted = started;
    const summary = await ingestCorpus(store, corpus, name, (_result, done, total) => {
      if (done % Math.max(1, Math.floor(total / 4)) === 0) quarters.push(rssMB());
      const tenth = Math.max(1, Math.floor(total / 10));
      if (done % tenth === 0) {
        const now = performance.now();
        tenths.push(round(tenth / ((now - tenthStarted) / 1000)));
        tenthStarted = now;
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const times: number[] = [];
    let hits = 0;
    for (const q of benchQueries(QUERIES)) {
      const start = performance.now();
      const result = await search(store, { q, limit: 20, offset: 0 });
      times.push(performance.now() - start);
      hits += result.total;
    }
    const figures: EngineFigures = {
      engine: name,
      documents: summary.new + summary.unchanged,
      failed: summary.failed,
      seconds: round(seconds),
      docsPerSecond: round(summary.read / seconds),
      mbPerSecond: round(bytes / MB / seconds, 2),
      storeMB: round(await storeSize(store, location)),
      rssByQuarterMB: quarters,
      docsPerSecondByTenth: tenths,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      search: {
        queries: times.length,
        medianMs: round(percentile(times, 50), 2),
        p95Ms: round(percentile(times, 95), 2),
        meanHits: round(hits / times.length),
      },
    };
    if (name === 'SQLite')
      figures.http = await httpLatency(store, { requests: HTTP_REQUESTS, concurrency: HTTP_CONCURRENCY });
    return figures;
  } finally {
    await store.close();
  }
}

function table(figures: EngineFigures[], baseline: Baseline): string {
  const lines = [
    `extraction alone (baseline): ${baseline.documents} documents, ${baseline.docsPerSecond} docs/s, ${baseline.mbPerSecond} MB/s`,
    'engine      docs     failed  seconds  docs/s  MB/s   store MB  RSS by quarter MB     peak MB  search median ms  p95 ms',
  ];
  for (const f of figures) {
    lines.push(
      [
        f.engine.padEnd(10),
        String(f.documents).padStart(7),
        String(f.failed).padStart(7),
        String(f.seconds).padStart(8),
        String(f.docsPerSecond).padStart(7),
        String(f.mbPerSecond).padStart(5),
        String(f.storeMB).padStart(9),
        f.rssByQuarterMB.join('/').padStart(20),
        String(f.peakRssMB).padStart(8),
        String(f.search.medianMs).padStart(17),
        String(f.search.p95Ms).padStart(7),
      ].join(' '),
    );
  }
  for (const f of figures) {
    lines.push(
      `${f.engine}: ingest at ${round(f.docsPerSecond / baseline.docsPerSecond, 2)} of extraction alone`,
      `${f.engine}: docs/s by tenth of the corpus ${f.docsPerSecondByTenth.join(' / ')}`,
    );
  }
  for (const f of figures) {
    for (const [route, h] of Object.entries(f.http ?? {})) {
      lines.push(
        `HTTP ${route.padEnd(10)} on ${f.engine}: ${h.requests} requests, median ${h.medianMs} ms, p95 ${h.p95Ms} ms`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'coopatlas-store-bench-'));
  const corpus = join(work, 'corpus');
  try {
    process.stderr.write(`writing ${DOCS} documents…\n`);
    const { files, bytes } = writeCorpusFiles(ROOT, corpus, DOCS);
    process.stderr.write('extracting alone (baseline)…\n');
    const baseline = await measureExtractionOnly(corpus);
    const figures: EngineFigures[] = [];
    if (ENGINES.has('sqlite')) {
      process.stderr.write('ingesting into SQLite…\n');
      figures.push(
        await measureEngine('SQLite', { dialect: 'sqlite', file: join(work, 'bench.db') }, corpus, bytes),
      );
    }
    const bin = ENGINES.has('postgres') ? findPostgresBin() : undefined;
    if (!ENGINES.has('postgres')) {
      process.stderr.write('PostgreSQL: not in BENCH_ENGINES, skipped\n');
    } else if (bin) {
      process.stderr.write('ingesting into PostgreSQL…\n');
      const server = await startPostgres(bin);
      try {
        figures.push(
          await measureEngine(
            'PostgreSQL',
            { dialect: 'postgres', url: await server.createDatabase() },
            corpus,
            bytes,
          ),
        );
      } finally {
        await server.stop();
      }
    } else {
      process.stderr.write('PostgreSQL: no server binaries here, skipped\n');
    }
    const report = {
      date: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? '',
        load: loadavg()[0],
        node: process.version,
      },
      corpus: { documents: files, mb: round(bytes / MB) },
      targets: { ingestDocsPerSecond: 200, searchP95MsSqlite: 20, httpP95Ms: 50 },
      baseline,
      ingestOverBaseline: Object.fromEntries(
        figures.map((f) => [f.engine, round(f.docsPerSecond / baseline.docsPerSecond, 2)]),
      ),
      figures,
    };
    console.log(`CoopAtlas store benchmark: ${files} documents, ${round(bytes / MB)} MB\n`);
    console.log(table(figures, baseline));
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'store-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(
      join(RESULTS, `store-${report.date.slice(0, 10)}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
