import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, multipart, startApi } from '../../../test/factories/api-harness.js';
import type { Store } from '../../store/open-store.js';

const SAMPLES = fileURLToPath(new URL('../../../samples', import.meta.url));
const UPLOAD_LIMIT = 64 * 1024;

let api: ApiHarness;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  api = await startApi({
    ingest: [SAMPLES],
    roles: ['viewer', 'editor', 'admin'],
    poolSize: 2,
    uploadLimitBytes: UPLOAD_LIMIT,
  });
  ({ store, app } = api);
}, 120_000);

afterAll(async () => {
  await api?.close();
});

const as = (role: string | undefined) => api.as(role);

async function firstStatementId(): Promise<string> {
  const queue = await app.inject({ method: 'GET', url: '/api/review?limit=1', headers: as('admin') });
  return queue.json().items[0].id;
}

describe('reading the knowledge base over HTTP', () => {
  it.each(['/api/dashboard', '/api/search?q=合作', '/api/documents', '/api/entities?q=中国科学院'])(
    'lets a viewer read %s and asks a stranger to log in',
    async (url) => {
      expect((await app.inject({ method: 'GET', url, headers: as('viewer') })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    },
  );

  it('shows a document with its facts where they are in the text', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/documents?limit=1', headers: as('viewer') });
    const id = list.json().items[0].id;
    const view = (
      await app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: as('viewer') })
    ).json();
    expect(view.facts.length).toBeGreaterThan(0);
    for (const fact of view.facts.slice(0, 20)) {
      if (fact.kind === 'organization') expect(view.text.slice(fact.span.start, fact.span.end)).not.toBe('');
    }
  });

  it('gives the entity page of the academy with its events and relations', async () => {
    const found = await app.inject({
      method: 'GET',
      url: '/api/entities?q=中国科学院',
      headers: as('viewer'),
    });
    const id = found.json().items.find((e: { name: string }) => e.name === '中国科学院').id;
    const page = (
      await app.inject({
        method: 'GET',
        url: `/api/entities/${encodeURIComponent(id)}`,
        headers: as('viewer'),
      })
    ).json();
    expect(page.entity.name).toBe('中国科学院');
    expect(page.events.items.length).toBeGreaterThan(0);
    expect(page.events.total).toBeGreaterThanOrEqual(page.events.items.length);
    expect(page.relations.length).toBeGreaterThan(0);
  });

  it.each(['/api/documents/0000', '/api/entities/organization:nothing'])(
    'answers %s with 404',
    async (url) => {
      const response = await app.inject({ method: 'GET', url, headers: as('viewer') });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBeTruthy();
    },
  );

  it('answers hostile search words and filters without changing anything', async () => {
    const before = await store.documents.count();
    for (const query of [
      `q=${encodeURIComponent(`合作' OR 1=1 --`)}`,
      `q=合作&place=${encodeURIComponent(`重庆'); DROP TABLE documents; --`)}`,
      `q=合作&participant=${encodeURIComponent('" OR ""="')}`,
      `q=${encodeURIComponent('NEAR(合作 重庆) AND * OR "')}`,
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/search?${query}`,
        headers: as('viewer'),
      });
      expect(response.statusCode).toBe(200);
    }
    expect(await store.documents.count()).toBe(before);
  });

  it.each(['from=2020;DROP', 'limit=abc', 'limit=100000', 'kind=table'])(
    'refuses the search filter %s',
    async (bad) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/search?q=合作&${bad}`,
        headers: as('viewer'),
      });
      expect(response.statusCode).toBe(400);
    },
  );
});

describe('changing the knowledge base over HTTP', () => {
  it('keeps uploads and the review queue from viewers', async () => {
    const upload = multipart([
      { name: 'a.txt', content: '2023年5月8日，贵州大学与贵阳市人民政府签署战略合作协议。' },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/documents',
      ...upload,
      headers: { ...upload.headers, ...as('viewer') },
    });
    expect(refused.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/review', headers: as('viewer') })).statusCode).toBe(
      403,
    );
    const id = await firstStatementId();
    const decision = await app.inject({
      method: 'POST',
      url: `/api/statements/${id}/review`,
      payload: { decision: 'accept' },
      headers: as('viewer'),
    });
    expect(decision.statusCode).toBe(403);
  });

  it('keeps the users page from editors', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'x', password: 'long-enough', role: 'viewer' },
      headers: as('editor'),
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a change without the CSRF token', async () => {
    const id = await firstStatementId();
    const response = await app.inject({
      method: 'POST',
      url: `/api/statements/${id}/review`,
      payload: { decision: 'accept' },
      headers: { cookie: as('editor').cookie ?? '' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('ingests an editor upload and reports a bad file in it', async () => {
    const upload = multipart([
      { name: 'guizhou.txt', content: '2023年5月8日，贵州大学与贵阳市人民政府在贵阳签署战略合作协议。' },
      { name: 'empty.txt', content: '' },
      { name: 'tool.exe', content: 'MZ' },
    ]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/documents',
      ...upload,
      headers: { ...upload.headers, ...as('editor') },
    });
    expect(response.statusCode).toBe(200);
    const outcomes = Object.fromEntries(
      response.json().files.map((f: { name: string; outcome: string }) => [f.name, f.outcome]),
    );
    expect(outcomes).toEqual({ 'guizhou.txt': 'new', 'empty.txt': 'failed', 'tool.exe': 'failed' });
  });

  it('refuses an oversized upload and stores nothing', async () => {
    const before = await store.documents.count();
    const upload = multipart([{ name: 'big.txt', content: '合作'.repeat(UPLOAD_LIMIT) }]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/documents',
      ...upload,
      headers: { ...upload.headers, ...as('editor') },
    });
    expect(response.statusCode).toBe(413);
    expect(await store.documents.count()).toBe(before);
  });

  it('refuses an upload that is not multipart', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { files: 'x' },
      headers: as('editor'),
    });
    expect([400, 415]).toContain(response.statusCode);
  });

  it('records a decision as a statement with the reviewer and takes it off the queue', async () => {
    const before = (
      await app.inject({ method: 'GET', url: '/api/review?limit=1', headers: as('editor') })
    ).json();
    const id = before.items[0].id;
    const response = await app.inject({
      method: 'POST',
      url: `/api/statements/${id}/review`,
      payload: { decision: 'accept' },
      headers: as('editor'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'accepted', origin: { kind: 'manual', user: 'editor' } });
    const after = (
      await app.inject({ method: 'GET', url: '/api/review?limit=1', headers: as('editor') })
    ).json();
    expect(after.total).toBeLessThan(before.total);
  });

  it('needs the right value for a correction', async () => {
    const id = await firstStatementId();
    const response = await app.inject({
      method: 'POST',
      url: `/api/statements/${id}/review`,
      payload: { decision: 'correct', value: '' },
      headers: as('editor'),
    });
    expect(response.statusCode).toBe(400);
  });

  it('answers a decision on an unknown statement with 404', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/statements/nothing/review',
      payload: { decision: 'reject' },
      headers: as('admin'),
    });
    expect(response.statusCode).toBe(404);
  });
});
