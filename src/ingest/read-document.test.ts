import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LEFT_ARTICLE,
  MASTHEAD,
  NEWS_PARAGRAPHS,
  NEWS_TITLE,
  RIGHT_ARTICLE,
} from '../../test/fixtures/formats/news-content.js';
import { IngestError, InvalidArgumentError } from '../core/errors.js';
import type { DocumentFormat } from '../core/types.js';
import { DEFAULT_MAX_BYTES, formatByteSize, readDocument } from './read-document.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/formats/${name}`, import.meta.url));

/** Text with all whitespace removed: how the formats are compared, since line breaks differ. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function readError(path: string, options?: { maxBytes?: number }): Promise<IngestError> {
  try {
    await readDocument(path, options);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('readDocument on the same news item in every format', () => {
  const cases: { file: string; format: DocumentFormat; encoding: string }[] = [
    { file: 'cooperation-news.utf8.txt', format: 'txt', encoding: 'utf-8' },
    { file: 'cooperation-news.gb18030.txt', format: 'txt', encoding: 'gb18030' },
    { file: 'cooperation-news.utf16le.txt', format: 'txt', encoding: 'utf-16le' },
    { file: 'cooperation-news.html', format: 'html', encoding: 'utf-8' },
    { file: 'cooperation-news.gbk.html', format: 'html', encoding: 'gb18030' },
    { file: 'cooperation-news.docx', format: 'docx', encoding: 'utf-8' },
    { file: 'cooperation-news.pdf', format: 'pdf', encoding: 'unicode' },
  ];

  for (const { file, format, encoding } of cases) {
    it(`reads every paragraph of ${file} as ${format} (${encoding})`, async () => {
      const document = await readDocument(fixture(file));
      expect(document.format).toBe(format);
      expect(document.encoding).toBe(encoding);
      const text = squeeze(document.text);
      for (const paragraph of NEWS_PARAGRAPHS) expect(text).toContain(squeeze(paragraph));
      expect(document.text).not.toContain('\r');
    });
  }

  it('keeps paragraphs on lines of their own in the text formats', async () => {
    for (const file of ['cooperation-news.utf8.txt', 'cooperation-news.html', 'cooperation-news.docx']) {
      const lines = (await readDocument(fixture(file))).text.split('\n');
      for (const paragraph of NEWS_PARAGRAPHS) expect(lines).toContain(paragraph);
    }
  });

  it('records the size and the sha256 of the bytes read', async () => {
    const path = fixture('cooperation-news.gb18030.txt');
    const bytes = readFileSync(path);
    const document = await readDocument(path);
    expect(document.path).toBe(path);
    expect(document.byteLength).toBe(bytes.length);
    expect(document.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('takes the title and publication date of the HTML page from its meta tags', async () => {
    const document = await readDocument(fixture('cooperation-news.html'));
    expect(document.title).toBe(NEWS_TITLE);
    expect(document.published).toBe('2023-05-18');
  });

  it('drops the navigation, sidebar and footer of the HTML page', async () => {
    const { text } = await readDocument(fixture('cooperation-news.html'));
    for (const boilerplate of ['首页', '相关新闻', '版权所有', '联系我们', 'ICP'])
      expect(text).not.toContain(boilerplate);
  });

  it('takes the title of the DOCX and the PDF from their document properties', async () => {
    expect((await readDocument(fixture('cooperation-news.docx'))).title).toBe(NEWS_TITLE);
    expect((await readDocument(fixture('cooperation-news.pdf'))).title).toBe(NEWS_TITLE);
  });

  it('keeps the line breaks of the PDF instead of joining its lines', async () => {
    const { text } = await readDocument(fixture('cooperation-news.pdf'));
    expect(text.split('\n').length).toBeGreaterThan(NEWS_PARAGRAPHS.length + 2);
    expect(text.startsWith(`${NEWS_TITLE}\n`)).toBe(true);
  });
});

describe('readDocument on a two-column PDF page', () => {
  it('reads each column top to bottom, left column first, without interleaving them', async () => {
    const { text } = await readDocument(fixture('two-column.pdf'));
    const squeezed = squeeze(text);
    const left = squeeze([LEFT_ARTICLE.title, ...LEFT_ARTICLE.paragraphs].join(''));
    const right = squeeze([RIGHT_ARTICLE.title, ...RIGHT_ARTICLE.paragraphs].join(''));
    expect(squeezed).toContain(left);
    expect(squeezed).toContain(right);
    expect(squeezed.indexOf(squeeze(MASTHEAD))).toBe(0);
    expect(squeezed.indexOf(left)).toBeLessThan(squeezed.indexOf(right));
  });

  it('separates the columns and the masthead with blank lines', async () => {
    const blocks = (await readDocument(fixture('two-column.pdf'))).text.split(/\n\s*\n/);
    expect(squeeze(blocks[0] ?? '')).toBe(squeeze(MASTHEAD));
    const rightStart = blocks.findIndex((block) => block.startsWith(RIGHT_ARTICLE.title));
    const leftStart = blocks.findIndex((block) => block.startsWith(LEFT_ARTICLE.title));
    expect(leftStart).toBeGreaterThan(0);
    expect(rightStart).toBeGreaterThan(leftStart);
  });
});

describe('readDocument on bad files', () => {
  const bad: { file: string; code: string; reason: RegExp }[] = [
    { file: 'bad/empty.txt', code: 'FILE_EMPTY', reason: /文件为空 \(empty file\)/ },
    { file: 'bad/whitespace.txt', code: 'FILE_EMPTY', reason: /空白/ },
    { file: 'bad/random-bytes.txt', code: 'FILE_BINARY', reason: /二进制文件/ },
    { file: 'bad/png-header.txt', code: 'FILE_BINARY', reason: /二进制文件/ },
    { file: 'bad/latin1-prose.txt', code: 'UNDECODABLE_TEXT', reason: /无法识别文本编码/ },
    { file: 'bad/invalid-bytes.txt', code: 'UNDECODABLE_TEXT', reason: /无法识别文本编码/ },
    { file: 'bad/mojibake.txt', code: 'UNDECODABLE_TEXT', reason: /替换字符.*已经损坏/ },
    { file: 'bad/notes.xyz', code: 'UNSUPPORTED_FORMAT', reason: /不支持的文件类型“\.xyz”/ },
    { file: 'bad/truncated.pdf', code: 'PDF_INVALID', reason: /截断/ },
    { file: 'bad/corrupt.pdf', code: 'PDF_INVALID', reason: /PDF 文件损坏/ },
    { file: 'bad/image-only.pdf', code: 'PDF_NO_TEXT', reason: /没有文字层/ },
    { file: 'bad/truncated.docx', code: 'DOCX_INVALID', reason: /DOCX 文件损坏或不完整/ },
    { file: 'bad/not-word.docx', code: 'DOCX_INVALID', reason: /不是 ZIP 压缩包/ },
    { file: 'bad/nav-only.html', code: 'HTML_NO_TEXT', reason: /没有找到正文/ },
    { file: 'bad/missing.txt', code: 'FILE_NOT_FOUND', reason: /文件不存在 \(file not found\)/ },
  ];

  for (const { file, code, reason } of bad) {
    it(`refuses ${file} with ${code} and a message naming the file`, async () => {
      const error = await readError(fixture(file));
      expect(error.code).toBe(code);
      expect(error.path).toBe(fixture(file));
      expect(error.message.startsWith(`${fixture(file)}: `)).toBe(true);
      expect(error.message).toMatch(reason);
      // Chinese first, English after.
      expect(error.message).toMatch(/[\u4e00-\u9fff][^(]*\([a-zA-Z]/);
    });
  }

  it('refuses a file over the size limit, saying its size and the limit', async () => {
    const error = await readError(fixture('cooperation-news.utf8.txt'), { maxBytes: 100 });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('786 B');
    expect(error.message).toContain('上限 100 B');
  });

  it('refuses a folder given as a file', async () => {
    expect((await readError(fixture('bad'))).code).toBe('FILE_NOT_FOUND');
  });

  it('rejects a size limit that is not a positive integer', async () => {
    await expect(readDocument(fixture('cooperation-news.utf8.txt'), { maxBytes: 0 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
});

describe('formatByteSize', () => {
  it('says sizes the way people read them', () => {
    expect(formatByteSize(100)).toBe('100 B');
    expect(formatByteSize(1536)).toBe('1.5 KB');
    expect(formatByteSize(DEFAULT_MAX_BYTES)).toBe('50 MB');
  });
});
