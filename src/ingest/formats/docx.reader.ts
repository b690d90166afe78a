import mammoth from 'mammoth';
import { IngestError } from '../../core/errors.js';
import type { FormatReader } from './format-reader.js';
import { listZipEntries, readZipEntry, type ZipEntry } from './zip-entries.js';

/** Parts that tell another Office format, to say what the file is instead. */
const OTHER_OFFICE_PARTS: Record<string, { zh: string; en: string }> = {
  'xl/workbook.xml': { zh: 'Excel 表格', en: 'an Excel workbook' },
  'ppt/presentation.xml': { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' },
};

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** `dc:title` from `docProps/core.xml`, when the document has one. */
function coreTitle(bytes: Uint8Array, entries: Map<string, ZipEntry>): string | undefined {
  const entry = entries.get('docProps/core.xml');
  const xml = entry ? readZipEntry(bytes, entry) : undefined;
  if (!xml) return undefined;
  const match = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(new TextDecoder().decode(xml));
  const title = match?.[1] ? decodeXmlText(match[1]).trim() : '';
  return title || undefined;
}

/**
 * mammoth ends every paragraph with a blank line. One paragraph per line is what the other
 * formats give; an empty paragraph (a visual gap in Word) stays as one blank line.
 */
function paragraphsAsLines(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\n\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function invalid(path: string, reason: string, cause?: unknown): IngestError {
  return new IngestError('DOCX_INVALID', path, reason, { cause });
}

/** Reads a Word `.docx`: paragraphs as lines (mammoth's raw text), title from the core properties. */
export const readDocx: FormatReader = async (bytes, path) => {
  let entries: Map<string, ZipEntry>;
  try {
    entries = listZipEntries(bytes);
  } catch (error) {
    throw invalid(
      path,
      'DOCX 文件损坏或不完整，无法打开 (corrupt or truncated DOCX: not a readable ZIP archive)',
      error,
    );
  }
  if (!entries.has('word/document.xml')) {
    const other = Object.entries(OTHER_OFFICE_PARTS).find(([part]) => entries.has(part))?.[1];
    throw invalid(
      path,
      other
        ? `这是${other.zh}，不是 Word 文档 (${other.en}, not a Word document)`
        : 'ZIP 文件中没有 word/document.xml，不是 Word 文档 (no word/document.xml: not a Word document)',
    );
  }
  let raw: string;
  try {
    raw = (
      await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    ).value;
  } catch (error) {
    throw invalid(
      path,
      'DOCX 文件损坏，无法读取正文 (corrupt DOCX: the document body cannot be read)',
      error,
    );
  }
  const text = paragraphsAsLines(raw);
  if (!text.trim()) {
    throw new IngestError('FILE_EMPTY', path, 'Word 文档中没有文字 (the Word document contains no text)');
  }
  const title = coreTitle(bytes, entries);
  return { text, encoding: 'utf-8', ...(title ? { title } : {}) };
};
