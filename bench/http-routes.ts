/**
 * The served app under a real HTTP load: the dashboard, searches, and the pages of the entities
 * those searches find, each requested from a process of its own (`http-load.ts`) so the client
 * never shares the server's event loop. Used by `store.bench.ts` on the store it has just built
 * and by `http.bench.ts` on a kept one.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp } from '../src/api/app.js';
import { lexicon } from '../src/extract/lexicon/lexicon.js';
import { AccountService } from '../src/services/accounts.service.js';
import { ExtractionPool } from '../src/services/extraction-pool.js';
import type { Store } from '../src/store/open-store.js';
import { seededRandom } from './random.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);

export interface RouteLatency {
  requests: number;
  /** Distinct URLs the requests went to in turn. */
  urls: number;
  medianMs: number;
  p95Ms: number;
}

/** Search words as people type them: places, fields and kinds of body, one or two at a time. */
export function benchQueries(count: number): string[] {
  const lex = lexicon();
  const words = [
    ...[...lex.places.keys()].filter((w) => w.length >= 2 && w.length <= 4).slice(0, 400),
    ...lex.fieldWords,
    ...lex.suffixes.map((s) => s.suffix).filter((s) => s.length >= 2),
  ];
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const first = random.pick(words);
    return i % 3 === 0 ? `${first} ${random.pick(words)}` : first;
  });
}

/**
 * The entities a person reaches from those searches (the first few each finds by name), and
 * 中国科学院, the body the most is said of: up to `count` distinct pages.
 */
async function entityPaths(address: string, words: readonly string[], count: number): Promise<string[]> {
  const ids = new Set<string>();
  for (const q of ['中国科学院', ...words]) {
    if (ids.size >= count) break;
    const found = (await (
      await fetch(`${address}/api/entities?q=${encodeURIComponent(q)}&limit=5`)
    ).json()) as {
      items?: Array<{ id: string }>;
    };
    for (const item of found.items ?? []) if (ids.size < count) ids.add(item.id);
  }
  return [...ids].map((id) => `/api/entities/${encodeURIComponent(id)}`);
}

/** p50 and p95 of each route, `requests` requests over `concurrency` connections. */
export async function httpLatency(
  store: Store,
  options: { requests: number; concurrency: number },
): Promise<Record<string, RouteLatency>> {
  const app = await buildApp({
    accounts: new AccountService(store.accounts),
    singleUser: true,
    knowledge: {
      store,
      pool: () => new ExtractionPool(1),
      uploadDir: join(tmpdir(), 'coopatlas-bench-uploads'),
    },
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const words = benchQueries(options.requests);
    const routes: Record<string, string[]> = {
      dashboard: ['/api/dashboard'],
      search: words.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      entity: await entityPaths(address, words, options.requests),
    };
    const out: Record<string, RouteLatency> = {};
    for (const [name, paths] of Object.entries(routes)) {
      const urls = [...new Set(paths)].map((path) => address + path);
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'bench/http-load.ts'),
          String(options.requests),
          String(options.concurrency),
          ...urls,
        ],
        { cwd: ROOT, maxBuffer: 1 << 20 },
      );
      const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        requests: number;
        errors: number;
        medianMs: number;
        p95Ms: number;
      };
      out[name] = {
        requests: figures.requests,
        urls: urls.length,
        medianMs: figures.medianMs,
        p95Ms: figures.p95Ms,
      };
      if (figures.errors > 0) process.stderr.write(`  HTTP ${name}: ${figures.errors} error responses\n`);
    }
    return out;
  } finally {
    await app.close();
  }
}
