import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/core/types.js';
import { extractFiles, type FileExtraction } from '../../src/services/extract-files.service.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FORMATS = [
  'cooperation-news.utf8.txt',
  'cooperation-news.gb18030.txt',
  'cooperation-news.utf16le.txt',
  'cooperation-news.html',
  'cooperation-news.gbk.html',
  'cooperation-news.docx',
  'cooperation-news.pdf',
];

async function collect(paths: string[]): Promise<FileExtraction[]> {
  const results: FileExtraction[] = [];
  for await (const result of extractFiles(paths, { published: '2023-05-19' })) results.push(result);
  return results;
}

/** The facts of an extraction without spans, which differ with each format's layout. */
function facts(x: Extraction) {
  return {
    organizations: x.entities
      .filter((e) => e.type === 'organization')
      .map((e) => e.name)
      .sort(),
    places: x.entities
      .filter((e) => e.type === 'place')
      .map((e) => e.name)
      .sort(),
    times: x.times.map((t) => t.value),
    money: x.money.map((m) => [m.value, m.qualifier]),
    events: x.events.map((e) => [e.type, e.date, [...e.participants].sort()]),
  };
}

describe('extracting one document saved in every format', () => {
  it('finds the same facts in UTF-8, GB18030, UTF-16, HTML, GBK HTML, DOCX and PDF', async () => {
    const results = await collect(FORMATS.map((f) => FIXTURES + f));
    const extractions = results.map((r) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.extraction;
    });
    const reference = facts(extractions[0] as Extraction);
    expect(reference.organizations).toEqual(
      expect.arrayContaining(['江苏省人民政府', '中国科学院', '中国科学院南京分院']),
    );
    expect(reference.times).toEqual(expect.arrayContaining(['2023-05-18', '2021/2025']));
    expect(reference.money).toEqual(expect.arrayContaining([[5e9, 'over']]));
    expect(reference.events).toEqual(
      expect.arrayContaining([['agreement', '2023-05-18', ['中国科学院', '江苏省人民政府']]]),
    );
    for (const [i, extraction] of extractions.entries()) {
      expect({ file: FORMATS[i], ...facts(extraction) }).toEqual({ file: FORMATS[i], ...reference });
    }
  });

  it('keeps every span pointing into the text the file was read as', async () => {
    const [result] = await collect([`${FIXTURES}cooperation-news.pdf`]);
    if (!result?.ok) throw new Error('the PDF fixture should be read');
    const { readDocument } = await import('../../src/ingest/read-document.js');
    const { text } = await readDocument(`${FIXTURES}cooperation-news.pdf`);
    for (const time of result.extraction.times) {
      expect(text.slice(time.span.start, time.span.end).replace(/\s/g, '')).toBe(
        time.text.replace(/\s/g, ''),
      );
    }
  });
});

describe('a batch with bad files', () => {
  const BAD = [
    ['empty.txt', 'FILE_EMPTY'],
    ['random-bytes.txt', 'FILE_BINARY'],
    ['truncated.pdf', 'PDF_INVALID'],
    ['invalid-bytes.txt', 'UNDECODABLE_TEXT'],
    ['truncated.docx', 'DOCX_INVALID'],
    ['notes.xyz', 'UNSUPPORTED_FORMAT'],
  ] as const;

  it('reports each bad file with its reason and goes on with the rest', async () => {
    const paths = [...BAD.map(([file]) => `${FIXTURES}bad/${file}`), `${FIXTURES}cooperation-news.utf8.txt`];
    const results = await collect(paths);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([...BAD.map(([, code]) => code), 'ok']);
    for (const result of results) if (!result.ok) expect(result.error.message).toContain(result.path);
  });

  it('refuses a file over the size limit', async () => {
    const results: FileExtraction[] = [];
    for await (const r of extractFiles([`${FIXTURES}cooperation-news.utf8.txt`], { maxBytes: 100 }))
      results.push(r);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
  });

  it('makes the CLI exit non-zero, print the error and still extract the good file', async () => {
    const run = promisify(execFile);
    const error = await run(
      'node',
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'extract',
        `${FIXTURES}bad/empty.txt`,
        `${FIXTURES}cooperation-news.utf8.txt`,
      ],
      { cwd: ROOT },
    ).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in error && error.code).toBe(1);
    expect(error.stderr).toContain('empty.txt');
    const lines = error.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).path).toContain('cooperation-news.utf8.txt');
  });
});
