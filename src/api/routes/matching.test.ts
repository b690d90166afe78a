import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, multipart, startApi } from '../../../test/factories/api-harness.js';

const DOCS = fileURLToPath(new URL('../../../test/matching/docs', import.meta.url));

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({
    ingest: [
      `${DOCS}/01_chongqing-face-recognition.txt`,
      `${DOCS}/02_chongqing-3d-printing.txt`,
      `${DOCS}/07_xian-additive.txt`,
    ],
    roles: ['viewer', 'editor'],
  });
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const match = (role: string, payload: object) => api.post(role, '/api/matching', payload);
const withEditor = (body: { payload: Buffer; headers: Record<string, string> }) => ({
  payload: body.payload,
  headers: { ...api.as('editor'), ...body.headers },
});

describe('technology matching over HTTP', () => {
  it('answers a need with ranked candidates, the reasons, and sentences that open their documents', async () => {
    const response = await match('viewer', {
      description: '寻求金属三维打印服务，用于钛合金零件',
      district: '重庆市北碚区',
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.need.fields.map((f: { zh: string }) => f.zh)).toContain('增材制造');
    const top = result.candidates[0];
    expect(top).toMatchObject({ rank: 1, kind: expect.any(String), score: expect.any(Number) });
    expect(top.reasons.length).toBeGreaterThan(0);
    const names = result.candidates.map((c: { name: string }) => c.name);
    expect(names.slice(0, 3)).toContain('中国科学院重庆绿色智能技术研究院3D打印技术研究中心');
    const evidence = top.evidence[0];
    const document = await api.app.inject({
      method: 'GET',
      url: `/api/documents/${evidence.documentId}`,
      headers: api.as('viewer'),
    });
    expect(document.statusCode).toBe(200);
    expect(
      document
        .json()
        .text.slice(evidence.span.start, evidence.span.end)
        .replace(/\s*\n\s*/g, ''),
    ).toBe(evidence.text);
  });

  it('ranks by BM25 alone when asked, for comparison', async () => {
    const result = (await match('viewer', { description: '金属三维打印', mode: 'bm25' })).json();
    expect(result.mode).toBe('bm25');
    for (const c of result.candidates)
      expect(c.features.map((f: { feature: string }) => f.feature)).toEqual(['lexical']);
  });

  it('refuses an empty, a very long and a non-Chinese need, in Chinese with the English beside it', async () => {
    const cases: Array<[string, string, string]> = [
      ['', '请填写需求描述', 'the description of the need is empty'],
      ['需要激光焊接。'.repeat(400), '需求描述过长：2800 字', 'the description is too long'],
      ['We need laser welding', '需求描述须用中文写明所需的技术', 'describe the need in Chinese'],
    ];
    for (const [description, zh, en] of cases) {
      const response = await match('viewer', { description });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain(zh);
      expect(error.messageEn).toContain(en);
    }
    const district = await match('viewer', { description: '需要激光焊接', district: '南山区' });
    expect(district.json().error.message).toContain('“南山区”有多处');
    expect((await match('viewer', { description: '需要激光焊接', limit: 500 })).statusCode).toBe(400);
  });

  it('lets editors keep a need and judge its matches, under their name, and tells the ranking’s quality', async () => {
    const body = {
      description: '发动机叶片需要激光熔覆修复',
      company: '西安秦岭动力机械有限公司',
      district: '西安市',
    };
    expect((await api.post('viewer', '/api/needs', body)).statusCode).toBe(403);
    const saved = await api.post('editor', '/api/needs', body);
    expect(saved.statusCode).toBe(200);
    const need = saved.json();
    expect(need).toMatchObject({ description: body.description, author: 'editor', feedback: [] });
    const top = (await match('editor', body)).json().candidates[0];
    const judged = await api.post('editor', `/api/needs/${encodeURIComponent(need.id)}/feedback`, {
      candidate: top.id,
      useful: true,
      evidence: { documentId: top.evidence[0].documentId, span: top.evidence[0].span },
    });
    expect(judged.statusCode).toBe(200);
    expect(judged.json().feedback).toEqual([
      { candidate: top.id, useful: true, author: 'editor', at: expect.any(String) },
    ]);
    const listed = await api.app.inject({ method: 'GET', url: '/api/needs', headers: api.as('viewer') });
    expect(listed.json().map((n: { id: string }) => n.id)).toContain(need.id);
    const quality = await api.app.inject({
      method: 'GET',
      url: '/api/matching/quality',
      headers: api.as('viewer'),
    });
    expect(quality.json()).toMatchObject({ judged: 1, full: { needs: 1, mrr: 1 } });
    const missing = await api.post('editor', '/api/needs/need:none/feedback', {
      candidate: 'x',
      useful: false,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('imports a spreadsheet of needs, each bad row reported with its line and reason, and the same sheet again adds nothing', async () => {
    const csv = [
      '企业名称,所在区县,领域,需求描述,预算（万元）,截止日期',
      '重庆渝安汽车股份有限公司,重庆市北碚区,增材制造,汽车轻量化部件需要3D打印样件,200,2025-06-30',
      '某公司,,,,,',
      'Acme,,,We need welding,,',
      '西安秦岭动力机械有限公司,火星区,,叶片激光熔覆修复,,',
    ].join('\n');
    const upload = () =>
      api.app.inject({
        method: 'POST',
        url: '/api/needs/import',
        ...withEditor(multipart([{ name: 'needs.csv', content: csv }], 'file')),
      });
    const first = (await upload()).json();
    expect(first).toMatchObject({ added: 1, failed: 3 });
    const reasons = first.lines.filter((l: { outcome: string }) => l.outcome === 'failed');
    expect(reasons.map((l: { line: number }) => l.line)).toEqual([3, 4, 5]);
    expect(reasons[1].reason).toContain('需求描述须用中文写明所需的技术');
    expect(reasons[2].reason).toContain('不认识的地点“火星区”');
    expect((await upload()).json()).toMatchObject({ added: 0, unchanged: 1, failed: 3 });
    const needs = (
      await api.app.inject({ method: 'GET', url: '/api/needs', headers: api.as('viewer') })
    ).json();
    expect(needs).toContainEqual(
      expect.objectContaining({
        company: '重庆渝安汽车股份有限公司',
        field: 'additive',
        budget: 2_000_000,
        deadline: '2025-06-30',
      }),
    );
  });

  it('lists the fields of the taxonomy with their parents', async () => {
    const fields = (
      await api.app.inject({ method: 'GET', url: '/api/matching/fields', headers: api.as('viewer') })
    ).json();
    expect(fields).toContainEqual({
      id: 'additive',
      zh: '增材制造',
      en: 'additive manufacturing',
      parent: 'manufacturing',
    });
  });

  it('asks who is matching', async () => {
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/matching',
          payload: { description: '需要激光焊接' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
