/**
 * The HTTP API on a real SQLite store for route tests: documents ingested, a user of each role
 * logged in, and requests sent as one of them (with the session cookie and CSRF token a
 * browser would send).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { AccountService } from '../../src/services/accounts.service.js';
import { ExtractionPool } from '../../src/services/extraction-pool.js';
import { ingestPaths } from '../../src/services/ingest-files.service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { logInEach } from './accounts.js';

type Role = 'viewer' | 'editor' | 'admin';

export interface ApiHarness {
  app: FastifyInstance;
  store: Store;
  pool: ExtractionPool;
  dir: string;
  /** The headers of a request sent by the user of a role; none for an anonymous one. */
  as(role: string | undefined): Record<string, string>;
  post(role: string, url: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startApi(options: {
  ingest: string[];
  roles: readonly Role[];
  published?: string;
  poolSize?: number;
  uploadLimitBytes?: number;
}): Promise<ApiHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'coopatlas-api-'));
  const store = await openStore({ dialect: 'sqlite', file: join(dir, 'kb.db') });
  const pool = new ExtractionPool(options.poolSize ?? 1);
  await ingestPaths(store, options.ingest, {
    pool,
    ...(options.published ? { published: options.published } : {}),
  });
  const accounts = new AccountService(store.accounts);
  for (const role of options.roles) await accounts.addUser(role, `${role}-password`, role);
  const app = await buildApp({
    accounts,
    singleUser: false,
    ...(options.uploadLimitBytes ? { uploadLimitBytes: options.uploadLimitBytes } : {}),
    knowledge: { store, pool: () => pool, uploadDir: join(dir, 'uploads') },
  });
  const sessions = await logInEach(app, [...options.roles]);
  const as = (role: string | undefined): Record<string, string> => {
    const session = role ? sessions[role] : undefined;
    return session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  };
  return {
    app,
    store,
    pool,
    dir,
    as,
    post: (role, url, payload) =>
      app.inject({
        method: 'POST',
        url,
        headers: as(role),
        ...(payload ? { payload } : {}),
      } as InjectOptions),
    close: async () => {
      await app.close();
      await pool.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body of files under one field name, as a browser's upload form sends it. */
export function multipart(files: Array<{ name: string; content: string | Buffer }>, field = 'files') {
  const boundary = '----coopatlas-test';
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(f.content),
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
