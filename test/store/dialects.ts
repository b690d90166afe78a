/**
 * The store's engines for tests that run once per engine:
 *
 *     for (const engine of storeEngines()) {
 *       describe.skipIf(engine.skipped)(engine.title, () => { … await engine.open() … });
 *     }
 *
 * SQLite always; PostgreSQL on a real server started for the test file (or the server of
 * COOPATLAS_TEST_DATABASE_URL). Without PostgreSQL binaries the PostgreSQL tests are skipped with
 * the reason in their title — except in CI (`CI=true`), where a missing server fails them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { StoreDialect } from '../../src/store/database.js';
import { openStore, type Store, type StoreLocation } from '../../src/store/open-store.js';
import { findPostgresBin, type PostgresServer, startPostgres } from './postgres-server.js';

export interface StoreEngine {
  dialect: StoreDialect;
  /** The describe title: the engine, and why it is skipped when it is. */
  title: string;
  /** Why this engine's tests are skipped here, if they are. */
  skipped?: string;
  /** Where a new, empty store is. */
  location(): Promise<StoreLocation>;
  /** A new, empty, migrated store. */
  open(): Promise<Store>;
}

const isCi = () => process.env.CI === 'true';

function sqliteEngine(cleanup: Array<() => Promise<void>>): StoreEngine {
  let dir: string | undefined;
  let stores = 0;
  cleanup.push(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const location = async (): Promise<StoreLocation> => {
    dir ??= await mkdtemp(join(tmpdir(), 'coopatlas-sqlite-'));
    return { dialect: 'sqlite', file: join(dir, `store-${++stores}.db`) };
  };
  return { dialect: 'sqlite', title: 'SQLite', location, open: async () => openStore(await location()) };
}

async function createDatabaseAt(url: string): Promise<string> {
  const name = `coopatlas_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

function postgresEngine(cleanup: Array<() => Promise<void>>): StoreEngine {
  const external = process.env.COOPATLAS_TEST_DATABASE_URL;
  const bin = external ? undefined : findPostgresBin();
  let skipped: string | undefined;
  if (!external && !bin) {
    const why =
      'no PostgreSQL binaries (initdb, pg_ctl, postgres) on PATH, in /usr/local/bin or /usr/lib/postgresql/*/bin; 未找到 PostgreSQL';
    if (isCi()) {
      const location = async (): Promise<StoreLocation> => {
        throw new Error(`CI=true 时必须有 PostgreSQL (CI needs PostgreSQL): ${why}`);
      };
      return {
        dialect: 'postgres',
        title: 'PostgreSQL',
        location,
        open: async () => openStore(await location()),
      };
    }
    skipped = why;
  }
  let server: Promise<PostgresServer> | undefined;
  cleanup.push(async () => {
    if (server) await (await server).stop();
  });
  const location = async (): Promise<StoreLocation> => {
    if (external) return { dialect: 'postgres', url: await createDatabaseAt(external) };
    server ??= startPostgres(bin as string);
    return { dialect: 'postgres', url: await (await server).createDatabase() };
  };
  return {
    dialect: 'postgres',
    title: skipped ? `PostgreSQL (skipped: ${skipped})` : 'PostgreSQL',
    ...(skipped ? { skipped } : {}),
    location,
    open: async () => openStore(await location()),
  };
}

/** SQLite and PostgreSQL, each handing out new empty stores; servers and files go when the file's tests end. */
export function storeEngines(): StoreEngine[] {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup) await step();
  }, 60_000);
  const engines = [sqliteEngine(cleanup), postgresEngine(cleanup)];
  for (const engine of engines) {
    if (engine.skipped) console.warn(`[store tests] ${engine.title}`);
  }
  return engines;
}
