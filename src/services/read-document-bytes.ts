/**
 * A document from bytes already in hand: the bytes a file gave at ingest (read once, hashed,
 * checked against the store), or the bytes the store kept (re-extraction). The steps after the
 * read in `readDocument`, with the same readers and the same errors.
 */
import { createHash } from 'node:crypto';
import { IngestError } from '../core/errors.js';
import type { DocumentFormat, SourceDocument } from '../core/types.js';
import { chooseFormat } from '../ingest/document-format.js';
import { readDocx } from '../ingest/formats/docx.reader.js';
import type { FormatReader } from '../ingest/formats/format-reader.js';
import { readHtml } from '../ingest/formats/html.reader.js';
import { readPdf } from '../ingest/formats/pdf.reader.js';
import { readTxt } from '../ingest/formats/txt.reader.js';
import { isBlank } from '../ingest/sniff-format.js';

const READERS: Readonly<Record<DocumentFormat, FormatReader>> = {
  txt: readTxt,
  html: readHtml,
  pdf: readPdf,
  docx: readDocx,
};

/** sha256 of bytes, hex: a document's id. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads `bytes` as the document `path` names (the name picks the format with the content, and
 * names the file in errors).
 *
 * @throws IngestError as `readDocument` does: `FILE_EMPTY`, `FILE_BINARY`, `UNSUPPORTED_FORMAT`,
 * `UNDECODABLE_TEXT`, `PDF_INVALID`, `PDF_NO_TEXT`, `DOCX_INVALID`, `HTML_NO_TEXT`.
 */
export async function readDocumentBytes(bytes: Uint8Array, path: string): Promise<SourceDocument> {
  if (isBlank(bytes)) {
    const reason =
      bytes.length === 0 ? '文件为空 (empty file)' : '文件只有空白字符 (file contains only whitespace)';
    throw new IngestError('FILE_EMPTY', path, reason);
  }
  const format = chooseFormat(path, bytes);
  const result = await READERS[format](bytes, path);
  if (!result.text.trim()) {
    throw new IngestError('FILE_EMPTY', path, '文件中没有文字 (the file contains no text)');
  }
  return {
    path,
    format,
    encoding: result.encoding,
    sha256: sha256Hex(bytes),
    byteLength: bytes.length,
    text: result.text,
    ...(result.title ? { title: result.title } : {}),
    ...(result.published ? { published: result.published } : {}),
  };
}
