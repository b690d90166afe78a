import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { IngestError, InvalidArgumentError } from '../core/errors.js';
import type { DocumentFormat, SourceDocument } from '../core/types.js';
import { chooseFormat } from './document-format.js';
import { readDocx } from './formats/docx.reader.js';
import type { FormatReader } from './formats/format-reader.js';
import { readHtml } from './formats/html.reader.js';
import { readPdf } from './formats/pdf.reader.js';
import { readTxt } from './formats/txt.reader.js';
import { isBlank } from './sniff-format.js';

/** Largest file read unless the caller says otherwise: 50 MB holds any newspaper PDF. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are refused with `FILE_TOO_LARGE` before being read. */
  maxBytes?: number;
}

const READERS: Readonly<Record<DocumentFormat, FormatReader>> = {
  txt: readTxt,
  html: readHtml,
  pdf: readPdf,
  docx: readDocx,
};

/** `1.5 MB`, `300 B`: sizes as people read them. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

function tooLarge(path: string, size: number, limit: number): IngestError {
  const sizes = `${formatByteSize(size)}，上限 ${formatByteSize(limit)}`;
  return new IngestError(
    'FILE_TOO_LARGE',
    path,
    `文件过大：${sizes} (file too large: ${formatByteSize(size)}, limit ${formatByteSize(limit)})`,
  );
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function unreadable(path: string, error: unknown): IngestError {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new IngestError('FILE_NOT_FOUND', path, '文件不存在 (file not found)', { cause: error });
  }
  return new IngestError(
    'FILE_NOT_FOUND',
    path,
    `无法读取文件 (cannot read the file: ${code ?? String(error)})`,
    {
      cause: error,
    },
  );
}

/**
 * Reads one file into a {@link SourceDocument}: the bytes once, their sha256, the format from
 * the extension and the content, then the text through that format's reader.
 *
 * @example
 * const document = await readDocument('news/2023-05-18.html');
 * document.format;    // 'html'
 * document.published; // '2023-05-18'
 * @throws IngestError with a code saying why the file cannot be read (`FILE_NOT_FOUND`,
 * `FILE_EMPTY`, `FILE_TOO_LARGE`, `FILE_BINARY`, `UNSUPPORTED_FORMAT`, `UNDECODABLE_TEXT`,
 * `PDF_INVALID`, `PDF_NO_TEXT`, `DOCX_INVALID`, `HTML_NO_TEXT`); the message names the file
 * and the reason in Chinese, then English.
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<SourceDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new InvalidArgumentError(
      `maxBytes 必须是正整数 (maxBytes must be a positive integer): ${maxBytes}`,
    );
  }
  let size: number;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) {
      throw new IngestError('FILE_NOT_FOUND', path, '不是文件（可能是文件夹） (not a regular file)');
    }
    size = stats.size;
  } catch (error) {
    throw error instanceof IngestError ? error : unreadable(path, error);
  }
  // Refuse before reading: a huge file must not be pulled into memory just to be rejected.
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  // The file may have grown between stat and read.
  if (buffer.length > maxBytes) throw tooLarge(path, buffer.length, maxBytes);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (isBlank(bytes)) {
    const reason =
      bytes.length === 0 ? '文件为空 (empty file)' : '文件只有空白字符 (file contains only whitespace)';
    throw new IngestError('FILE_EMPTY', path, reason);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = chooseFormat(path, bytes);
  const result = await READERS[format](bytes, path);
  if (!result.text.trim()) {
    throw new IngestError('FILE_EMPTY', path, '文件中没有文字 (the file contains no text)');
  }
  return {
    path,
    format,
    encoding: result.encoding,
    sha256,
    byteLength: bytes.length,
    text: result.text,
    ...(result.title ? { title: result.title } : {}),
    ...(result.published ? { published: result.published } : {}),
  };
}
