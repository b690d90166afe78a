import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInEach } from '../../../test/factories/accounts.js';
import { entityId } from '../../core/statements.js';
import { AccountService } from '../../services/accounts.service.js';
import { ExtractionPool } from '../../services/extraction-pool.js';
import { ingestPaths } from '../../services/ingest-files.service.js';
import { openStore, type Store } from '../../store/open-store.js';
import { buildApp } from '../app.js';

const SEED_002 = fileURLToPath(new URL('../../../../shared/seeds/002_717669ecf8a4545b.txt', import.meta.url));
const CAS = entityId('organization', '中国科学院');
const CITY_GOVERNMENT = entityId('organization', '重庆市人民政府');

let dir: string;
let store: Store;
let pool: ExtractionPool;
let app: FastifyInstance;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coopatlas-identity-api-'));
  store = await openStore({ dialect: 'sqlite', file: join(dir, 'kb.db') });
  pool = new ExtractionPool(1);
  await ingestPaths(store, [SEED_002], { pool, published: '2021-03-01' });
  const accounts = new AccountService(store.accounts);
  for (const role of ['viewer', 'editor'] as const) await accounts.addUser(role, `${role}-password`, role);
  app = await buildApp({
    accounts,
    singleUser: false,
    knowledge: { store, pool: () => pool, uploadDir: join(dir, 'uploads') },
  });
  Object.assign(sessions, await logInEach(app, ['viewer', 'editor']));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await pool?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const as = (role: string) => {
  const session = sessions[role];
  return session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
};
const post = (role: string, url: string, payload?: object) =>
  app.inject({ method: 'POST', url, headers: as(role), ...(payload ? { payload } : {}) });
const path = (id: string, action: string) => `/api/entities/${encodeURIComponent(id)}/${action}`;

describe('merge, unmerge and split over HTTP', () => {
  it('lets an editor merge two entities, recorded under the editor’s name, and a viewer not', async () => {
    expect((await post('viewer', path(CITY_GOVERNMENT, 'merge'), { into: CAS })).statusCode).toBe(403);
    const merged = await post('editor', path(CITY_GOVERNMENT, 'merge'), { into: CAS });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: CAS, members: [CAS, CITY_GOVERNMENT] });
    const decisions = (await store.statements.about([CITY_GOVERNMENT])).filter(
      (s) => s.property === 'sameAs',
    );
    expect(decisions.map((s) => s.source)).toEqual([{ origin: 'manual', author: 'editor' }]);
  });

  it('answers a second merge, a merge across types and an unknown entity with what went wrong', async () => {
    expect((await post('editor', path(CITY_GOVERNMENT, 'merge'), { into: CAS })).statusCode).toBe(400);
    const across = await post('editor', path(CAS, 'merge'), { into: entityId('place', '重庆市') });
    expect(across.statusCode).toBe(400);
    expect(across.json().error.message).toContain('不同类型');
    expect((await post('editor', path('organization:nothing', 'merge'), { into: CAS })).statusCode).toBe(404);
    expect((await post('editor', path(CAS, 'merge'), {})).statusCode).toBe(400);
  });

  it('refuses a decision without the session’s CSRF token', async () => {
    const response = await app.inject({
      method: 'POST',
      url: path(CAS, 'unmerge'),
      headers: { cookie: sessions.editor?.cookie ?? '' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('takes a merge back', async () => {
    const apart = await post('editor', path(CITY_GOVERNMENT, 'unmerge'));
    expect(apart.statusCode).toBe(200);
    expect(apart.json()).toMatchObject({ id: CITY_GOVERNMENT, members: [CITY_GOVERNMENT] });
  });

  it('splits a name off an entity into a new one, and refuses a name it does not have', async () => {
    const split = await post('editor', path(CAS, 'split'), { names: ['中科院'] });
    expect(split.statusCode).toBe(200);
    expect(split.json().splitFrom).toEqual({ from: CAS, names: ['中科院'] });
    expect((await post('editor', path(CAS, 'split'), { names: ['没有的名称'] })).statusCode).toBe(400);
    expect((await post('editor', path(CAS, 'split'), { names: [] })).statusCode).toBe(400);
    expect((await post('viewer', path(CAS, 'split'), { names: ['中国科学院'] })).statusCode).toBe(403);
  });
});
