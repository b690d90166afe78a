/**
 * Which reader a file goes to, from its name and its content together. Content signatures win
 * over a misleading name (a PDF saved as `.txt`); a name that promises a format the content
 * does not have gets that format's own error, so people learn what is wrong with the file.
 */
import { extname } from 'node:path';
import { IngestError } from '../core/errors.js';
import type { DocumentFormat } from '../core/types.js';
import { sniffContent } from './sniff-format.js';

const FORMATS_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Extensions read by CoopAtlas, lower-case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS_BY_EXTENSION);

/** The format a file name promises, if its extension is a supported one (case-insensitive). */
export function formatOfExtension(path: string): DocumentFormat | undefined {
  return FORMATS_BY_EXTENSION[extname(path).toLowerCase()];
}

const LEGACY_WORD =
  '旧版 Word 二进制格式（.doc）不受支持，请另存为 .docx (legacy binary Word .doc is not supported: save as .docx)';

function notWhatTheNameSays(format: DocumentFormat | undefined, path: string): IngestError {
  switch (format) {
    case 'pdf':
      return new IngestError(
        'PDF_INVALID',
        path,
        '不是 PDF 文件：缺少 %PDF- 文件头 (not a PDF: no %PDF- header)',
      );
    case 'docx':
      return new IngestError(
        'DOCX_INVALID',
        path,
        '不是 DOCX 文件：不是 ZIP 压缩包 (not a DOCX: not a ZIP archive)',
      );
    case 'txt':
    case 'html':
    case undefined:
      return new IngestError(
        'FILE_BINARY',
        path,
        '二进制文件，不是文本、网页、PDF 或 Word 文档 (binary file: not text, HTML, PDF or DOCX)',
      );
  }
}

/**
 * The format to read `bytes` as.
 *
 * @throws IngestError `UNSUPPORTED_FORMAT` for an unknown extension or a legacy `.doc`,
 * `FILE_BINARY` for binary content behind a text name, `PDF_INVALID` / `DOCX_INVALID` when
 * the content is not what the `.pdf` / `.docx` name says.
 */
export function chooseFormat(path: string, bytes: Uint8Array): DocumentFormat {
  const extension = extname(path).toLowerCase();
  const byName = formatOfExtension(path);
  if (extension && !byName) {
    throw new IngestError(
      'UNSUPPORTED_FORMAT',
      path,
      `不支持的文件类型“${extension}”，支持 ${SUPPORTED_EXTENSIONS.join(' ')} (unsupported file type "${extension}")`,
    );
  }
  const content = sniffContent(bytes);
  switch (content) {
    case 'pdf':
      return 'pdf';
    case 'zip':
      return 'docx';
    case 'ole':
      throw new IngestError('UNSUPPORTED_FORMAT', path, LEGACY_WORD);
    case 'image':
    case 'archive':
    case 'binary':
      throw notWhatTheNameSays(byName, path);
    case 'html':
    case 'text':
      if (byName === 'pdf' || byName === 'docx') throw notWhatTheNameSays(byName, path);
      // Markup behind a .txt name is a saved web page; read it as one.
      return content === 'html' ? 'html' : (byName ?? 'txt');
  }
}
