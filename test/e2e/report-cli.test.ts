/**
 * `coopatlas report` as an office runs it, on a store holding the seeds. The figures read back
 * from the DOCX are kept as test-results/report/figure-N.png, to see their Chinese is drawn.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../src/store/open-store.js';
import { run } from './cli-process.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const FIGURES = fileURLToPath(new URL('../../test-results/report', import.meta.url));

/** The images of a DOCX as mammoth reads them, in document order, each with the caption after it. */
function figuresOf(html: string): Array<{ png: Buffer; caption: string }> {
  return [
    ...html.matchAll(
      /<img [^>]*?src="data:image\/png;base64,([^"]+)"[^>]*><\/p><p><strong>([^<]+)<\/strong>/g,
    ),
  ].map((m) => ({ png: Buffer.from(m[1] ?? '', 'base64'), caption: m[2] ?? '' }));
}

describe('the report command', () => {
  let dir: string;
  let store: StoreLocation;
  /** The report of 重庆 in 2016–2020, with more options. */
  const report = (...options: string[]) =>
    run(store, ['report', '--region', '重庆', '--from', '2016', '--to', '2020', ...options]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coopatlas-report-'));
    store = { dialect: 'sqlite', file: join(dir, 'kb.db') };
    expect((await run(store, ['ingest', SEEDS])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the report of a region and period to a file, every section sentence with its footnote', async () => {
    const out = join(dir, 'report.md');
    const written = await report('--out', out);
    expect(written.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^# 重庆科技合作情况（2016—2020年）/);
    expect(text).toMatch(/2020年12月15日，.*签署新一轮战略合作协议。\[\^\d+\]/);
  }, 60_000);

  it('writes the report as a Word document with headings and real footnotes, and as a page linking each note to its sentence', async () => {
    const docx = join(dir, 'report.docx');
    expect((await report('--format', 'docx', '--out', docx)).code).toBe(0);
    const html = (await mammoth.convertToHtml({ path: docx })).value;
    expect(html).toContain('<h1>一、合作基本情况</h1>');
    expect(html).toMatch(/<li id="footnote-1"><p>中国科学院服务重庆市科技合作现状：“/);
    expect(html).toMatch(/等5个创新平台。<sup><a href="#footnote-\d+"/);
    expect(html).toContain('<h1>附图</h1>');
    const figures = figuresOf(html);
    expect(figures.map((f) => f.caption)).toEqual([
      '图1　合作事件年度分布（按类型）',
      '图2　主要合作方（按参与事件数）',
    ]);
    expect(html).toContain('数据来源：知识库中所选范围（重庆，2016—2020年）内有日期的合作事件');
    await mkdir(FIGURES, { recursive: true });
    for (const [i, figure] of figures.entries()) {
      expect(figure.png.subarray(1, 4).toString()).toBe('PNG');
      await writeFile(join(FIGURES, `figure-${i + 1}.png`), figure.png);
    }

    const page = await run(store, [
      'report',
      '--region',
      '重庆',
      '--format',
      'html',
      '--base-url',
      'http://localhost:8080/',
    ]);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).toMatch(
      /<sup><a href="http:\/\/localhost:8080\/documents\/[0-9a-f]{64}\?at=\d+" title="中国科学院服务重庆市科技合作现状：“/,
    );
    expect(page.stdout).toMatch(
      /<figure id="figure-1">\s*<svg [^>]+>[\s\S]*?<\/svg>\s*<figcaption>图1　合作事件年度分布/,
    );
  }, 60_000);

  it('says plainly, Chinese first, that a scope with nothing in it has nothing to report, in every format', async () => {
    const empty = ['report', '--region', '拉萨', '--from', '2016', '--to', '2020'];
    const markdown = await run(store, empty);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain(
      '所选范围（拉萨，2016—2020年）内知识库中没有可用的合作信息，无可报告的内容。（Nothing to report',
    );
    const docx = join(dir, 'empty.docx');
    expect((await run(store, [...empty, '--format', 'docx', '--out', docx])).code).toBe(0);
    const html = (await mammoth.convertToHtml({ path: docx })).value;
    expect(html).toContain('无可报告的内容');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('附图');
  }, 60_000);

  it('refuses a year that is not one, a period that ends before it starts, and a format it does not write', async () => {
    const bad = await run(store, ['report', '--from', '二〇一六']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('年份应为四位数字');
    const backwards = await run(store, ['report', '--from', '2020', '--to', '2016']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('起始年份 2020 晚于截止年份 2016');
    const pdf = await run(store, ['report', '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--format 只能是 md、html 或 docx');
  }, 60_000);
});
