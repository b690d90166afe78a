import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, multipart, startApi } from '../../../test/factories/api-harness.js';
import { projectSheet } from '../../../test/factories/project-sheet.js';
import { readSheet, writeSheet } from '../../registry/sheet-files.js';

const SEED_000 = fileURLToPath(new URL('../../../../shared/seeds/000_d216a71aa114e994.txt', import.meta.url));

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({ ingest: [SEED_000], roles: ['viewer', 'editor'] });
}, 120_000);

afterAll(async () => {
  await api?.close();
});

const get = (url: string, role = 'viewer') => api.app.inject({ method: 'GET', url, headers: api.as(role) });
const upload = (role: string, name: string, content: string | Buffer) => {
  const body = multipart([{ name, content }], 'file');
  return api.app.inject({
    method: 'POST',
    url: '/api/registry/projects/import',
    headers: { ...api.as(role), ...body.headers },
    payload: body.payload,
  });
};

describe('the registry over HTTP', () => {
  it('imports a spreadsheet for an editor only, reporting each bad row, and lists the projects with totals', async () => {
    const sheet = projectSheet(19, 1);
    const xlsx = await writeSheet(sheet.rows, 'xlsx', '项目');
    expect((await upload('viewer', 'projects.xlsx', xlsx)).statusCode).toBe(403);
    const imported = await upload('editor', 'projects.xlsx', xlsx);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ added: 19, failed: 1 });
    const [line] = sheet.bad.keys();
    expect(imported.json().lines.find((l: { outcome: string }) => l.outcome === 'failed')).toMatchObject({
      line,
    });

    const list = await get('/api/registry/projects?sort=investment');
    expect(list.statusCode).toBe(200);
    const { items, totals } = list.json();
    expect(items).toHaveLength(19);
    expect(items[0].investment).toBeGreaterThanOrEqual(items[18].investment);
    expect(totals.all.projects).toBe(19);
    expect(totals.byZone.reduce((n: number, t: { projects: number }) => n + t.projects, 0)).toBe(19);
    const landed = await get('/api/registry/projects?status=landed');
    expect(landed.json().items.every((p: { status: string }) => p.status === 'landed')).toBe(true);
  });

  it('shows on the dashboard the projects by category and status that the registry counts', async () => {
    const dashboard = (await get('/api/dashboard')).json();
    const { totals } = (await get('/api/registry/projects')).json();
    const byCategory = new Map<string, number>();
    for (const row of dashboard.projectsByCategory as Array<{ category: string; count: number }>) {
      byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.count);
    }
    expect(byCategory.size).toBeGreaterThan(1);
    for (const total of totals.byCategory) expect(byCategory.get(total.key), total.key).toBe(total.projects);
  });

  it('refuses a spreadsheet that is not one, naming the file', async () => {
    const response = await upload('editor', 'notes.xlsx', '这不是表格');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'SHEET_INVALID',
      message: expect.stringMatching(/^notes\.xlsx: XLSX 文件损坏/),
    });
  });

  it('saves a project from a form and moves it along, out of order only with a reason', async () => {
    const saved = await api.post('editor', '/api/registry/projects', {
      name: '塔科玛创新实验室',
      signed: '2020-12-15',
    });
    expect(saved.statusCode).toBe(200);
    const { project } = saved.json();
    const move = (payload: object) =>
      api.post('editor', `/api/registry/projects/${encodeURIComponent(project.id)}/move`, payload);
    const skipped = await move({ to: 'in_production', on: '2021-05-01' });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().error.message).toMatch(/不能从“已签约”直接变为“已投产”/);
    const moved = await move({ to: 'in_production', on: '2021-05-01', reason: '利用既有厂房' });
    expect(moved.json()).toMatchObject({
      status: 'in_production',
      history: [{}, { override: '利用既有厂房' }],
    });
    expect(
      (
        await api.post('viewer', `/api/registry/projects/${encodeURIComponent(project.id)}/move`, {
          to: 'withdrawn',
        })
      ).statusCode,
    ).toBe(403);
    expect((await move({ to: 'done' })).statusCode).toBe(400);
    expect((await get(`/api/registry/projects/${encodeURIComponent('project:0000')}`)).statusCode).toBe(404);
  });

  it('exports the projects and the template as spreadsheets in the import columns', async () => {
    const csv = await get('/api/registry/projects/export?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('projects.csv');
    const rows = await readSheet(csv.rawPayload, 'projects.csv');
    expect(rows[0]?.[1]).toBe('项目名称 (name)');
    expect(rows).toHaveLength(21);
    const template = await get('/api/registry/template?format=xlsx');
    expect((await readSheet(template.rawPayload, 't.xlsx'))[0]).toEqual(rows[0]);
  });

  it('makes the signing batch of an event in one request, and lists what needs attention', async () => {
    const events = await api.store.db
      .selectFrom('statements')
      .select('entity_id')
      .where('property', '=', 'eventType')
      .where('value', '=', JSON.stringify('project_signing'))
      .execute();
    const batch = await api.post('editor', '/api/registry/batches', { event: events[0]?.entity_id });
    expect(batch.statusCode).toBe(200);
    expect(batch.json()).toMatchObject({ projects: { count: 41 }, investment: { text: '超100亿元' } });
    expect((await get('/api/registry/batches')).json().items).toHaveLength(1);
    expect((await api.post('editor', '/api/registry/batches', { event: 'event:nothing' })).statusCode).toBe(
      404,
    );

    const draft = await get(
      `/api/registry/drafts?event=${encodeURIComponent(events[0]?.entity_id as string)}`,
    );
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ parties: expect.arrayContaining(['重庆高新区']), status: 'signed' });
    const confirmed = await api.post('editor', '/api/registry/projects', draft.json());
    expect(confirmed.statusCode).toBe(200);
    const cited = await api.store.statements.about([confirmed.json().project.id]);
    expect(
      cited.every(
        (s) =>
          s.source.origin === 'manual' && s.source.evidence?.documentId === draft.json().evidence.documentId,
      ),
    ).toBe(true);
    expect((await get('/api/registry/drafts?event=event:nothing')).statusCode).toBe(404);

    const attention = (await get('/api/attention?today=2030-01-01')).json();
    expect(attention.items.length).toBeGreaterThan(0);
    expect(attention.items[0]).toMatchObject({
      rule: 'not_landed',
      lastSource: { source: { origin: 'import' } },
    });
  });

  it('keeps agreements with commitments, platforms with activities and companies, achievements with transfers', async () => {
    const agreement = await api.post('editor', '/api/registry/agreements', {
      name: '璧山区 中国科学院重庆绿色智能技术研究院 合作协议',
      parties: ['璧山区人民政府', '中国科学院重庆绿色智能技术研究院'],
      signed: '2019-03',
      fields: ['智能制造'],
    });
    expect(agreement.statusCode).toBe(200);
    const agreementId = encodeURIComponent(agreement.json().record.id);
    expect(
      (
        await api.post('viewer', `/api/registry/agreements/${agreementId}/commitments`, {
          what: '共建研究院',
        })
      ).statusCode,
    ).toBe(403);
    const committed = await api.post('editor', `/api/registry/agreements/${agreementId}/commitments`, {
      what: '共建璧山智能制造研究院',
      owner: '璧山区',
      due: '2020-12-31',
    });
    expect(committed.json()).toMatchObject({
      commitments: [{ what: '共建璧山智能制造研究院', done: false }],
    });
    expect((await get('/api/registry/agreements')).json().items).toHaveLength(1);

    const platform = await api.post('editor', '/api/registry/platforms', {
      name: '竹溪智谷科企联盟',
      kind: '联盟',
      level: 'district',
      founded: '2020-06',
    });
    const platformId = encodeURIComponent(platform.json().record.id);
    await api.post('editor', `/api/registry/platforms/${platformId}/activities`, {
      on: '2020-11-20',
      what: '举办供需对接会',
    });
    const served = await api.post('editor', `/api/registry/platforms/${platformId}/companies`, {
      name: '重庆某某科技有限公司',
    });
    expect(served.json()).toMatchObject({
      lastActivity: '2020-11-20',
      companies: [{ name: '重庆某某科技有限公司' }],
    });

    const achievement = await api.post('editor', '/api/registry/achievements', {
      name: '城市智能安全感知平台',
      kind: 'product',
      field: '大数据智能化',
    });
    const achievementId = encodeURIComponent(achievement.json().record.id);
    expect(
      (
        await api.post('editor', `/api/registry/achievements/${achievementId}/transfers`, {
          to: '某公司',
          how: 'gift',
        })
      ).statusCode,
    ).toBe(400);
    const transferred = await api.post('editor', `/api/registry/achievements/${achievementId}/transfers`, {
      to: '重庆高新区',
      on: '2021',
      how: 'joint_development',
    });
    expect(transferred.json().transfers).toEqual([
      { to: '重庆高新区', on: '2021', how: 'joint_development' },
    ]);
    expect(
      (
        await api.post('editor', `/api/registry/platforms/${achievementId}/activities`, {
          on: '2021-01-01',
          what: 'x',
        })
      ).statusCode,
    ).toBe(404);

    for (const kind of ['agreements', 'platforms', 'achievements']) {
      const exported = await get(`/api/registry/${kind}/export?format=xlsx`);
      expect(exported.headers['content-disposition'], kind).toContain(`${kind}.xlsx`);
      const body = multipart([{ name: `${kind}.xlsx`, content: exported.rawPayload }], 'file');
      const again = await api.app.inject({
        method: 'POST',
        url: `/api/registry/${kind}/import`,
        headers: { ...api.as('editor'), ...body.headers },
        payload: body.payload,
      });
      expect(again.json(), kind).toMatchObject({ added: 0, updated: 0, unchanged: 1, failed: 0 });
    }
    expect((await get('/api/registry/projects2/export')).statusCode).toBe(400);

    const overdue = (await get('/api/attention?today=2021-01-05')).json().items;
    expect(overdue.some((i: { rule: string }) => i.rule === 'commitment_overdue')).toBe(true);
    expect((await get('/api/registry/agreement-drafts?event=event:nothing')).statusCode).toBe(404);
  });
});
