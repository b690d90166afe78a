import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from '../../../test/factories/api-harness.js';

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds', import.meta.url));

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({ ingest: [SEEDS], roles: ['viewer'] });
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const get = (url: string) => api.app.inject({ method: 'GET', url, headers: api.as('viewer') });

describe('the report over HTTP', () => {
  it('gives the report of a scope with its numbered notes, each pointing at its sentence', async () => {
    const response = await get(`/api/report?region=${encodeURIComponent('重庆')}&from=2016&to=2020`);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.title).toBe('重庆科技合作情况（2016—2020年）');
    const numbers = report.sections.flatMap((s: { sentences: Array<{ notes: number[] }> }) =>
      s.sentences.flatMap((x) => x.notes),
    );
    expect(Math.max(...numbers)).toBe(report.notes.length);
    expect(report.notes[0]).toMatchObject({
      documentId: expect.stringMatching(/^[0-9a-f]{64}$/),
      start: expect.any(Number),
    });
    expect(report.figures[0]).toMatchObject({
      caption: '图1　合作事件年度分布（按类型）',
      source: expect.stringMatching(/^数据来源：知识库中所选范围（重庆，2016—2020年）内/),
      svg: expect.stringMatching(/^<svg /),
    });
  });

  it('downloads the report as DOCX and as HTML linking back to the app', async () => {
    const docx = await get(`/api/report/file?region=${encodeURIComponent('重庆')}&format=docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect((await mammoth.convertToHtml({ buffer: docx.rawPayload })).value).toContain(
      '<h1>一、合作基本情况</h1>',
    );
    const html = await get(`/api/report/file?region=${encodeURIComponent('重庆')}&format=html`);
    expect(html.body).toMatch(/href="http:\/\/localhost(:\d+)?\/documents\/[0-9a-f]{64}\?at=\d+"/);
  });

  it('refuses a period that ends before it starts, and a year that is not one', async () => {
    const backwards = await get('/api/report?from=2020&to=2016');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('起始年份 2020 晚于截止年份 2016');
    expect((await get('/api/report?from=twenty')).statusCode).toBe(400);
  });
});
