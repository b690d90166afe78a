import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from '../../../test/factories/api-harness.js';
import { entityId } from '../../core/statements.js';

const SEED_002 = fileURLToPath(new URL('../../../../shared/seeds/002_717669ecf8a4545b.txt', import.meta.url));
const CAS = entityId('organization', '中国科学院');
const CITY_GOVERNMENT = entityId('organization', '重庆市人民政府');

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({ ingest: [SEED_002], roles: ['viewer', 'editor'], published: '2021-03-01' });
}, 120_000);

afterAll(async () => {
  await api?.close();
});

const post = (role: string, url: string, payload?: object) => api.post(role, url, payload);
const path = (id: string, action: string) => `/api/entities/${encodeURIComponent(id)}/${action}`;

describe('merge, unmerge and split over HTTP', () => {
  it('lets an editor merge two entities, recorded under the editor’s name, and a viewer not', async () => {
    expect((await post('viewer', path(CITY_GOVERNMENT, 'merge'), { into: CAS })).statusCode).toBe(403);
    const merged = await post('editor', path(CITY_GOVERNMENT, 'merge'), { into: CAS });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: CAS, members: [CAS, CITY_GOVERNMENT] });
    const decisions = (await api.store.statements.about([CITY_GOVERNMENT])).filter(
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
    const response = await api.app.inject({
      method: 'POST',
      url: path(CAS, 'unmerge'),
      headers: { cookie: api.as('editor').cookie ?? '' },
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
