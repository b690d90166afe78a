import { describe, expect, it } from 'vitest';
import { IngestError } from '../core/errors.js';
import { chooseFormat, formatOfExtension } from './document-format.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const PDF = bytes('%PDF-1.7\n%%EOF\n');
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);

function refusal(path: string, content: Uint8Array): string {
  try {
    chooseFormat(path, content);
  } catch (error) {
    if (error instanceof IngestError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('formatOfExtension', () => {
  it('maps the supported extensions, ignoring case', () => {
    expect(formatOfExtension('a/新闻.TXT')).toBe('txt');
    expect(formatOfExtension('a.text')).toBe('txt');
    expect(formatOfExtension('a.htm')).toBe('html');
    expect(formatOfExtension('a.Html')).toBe('html');
    expect(formatOfExtension('a.pdf')).toBe('pdf');
    expect(formatOfExtension('a.docx')).toBe('docx');
    expect(formatOfExtension('a.doc')).toBeUndefined();
    expect(formatOfExtension('README')).toBeUndefined();
  });
});

describe('chooseFormat', () => {
  it('follows the extension when the content agrees', () => {
    expect(chooseFormat('a.txt', bytes('院地合作'))).toBe('txt');
    expect(chooseFormat('a.html', bytes('<p>院地合作</p>'))).toBe('html');
    expect(chooseFormat('a.pdf', PDF)).toBe('pdf');
    expect(chooseFormat('a.docx', ZIP)).toBe('docx');
  });

  it('trusts a PDF or ZIP signature over a misleading name', () => {
    expect(chooseFormat('scan.txt', PDF)).toBe('pdf');
    expect(chooseFormat('report.txt', ZIP)).toBe('docx');
  });

  it('reads a saved web page behind a .txt name as HTML', () => {
    expect(chooseFormat('page.txt', bytes('<!DOCTYPE html><html><body><p>正文</p></body></html>'))).toBe(
      'html',
    );
  });

  it('reads a file without extension by its content', () => {
    expect(chooseFormat('inbox/news', bytes('院地合作'))).toBe('txt');
    expect(chooseFormat('inbox/news', PDF)).toBe('pdf');
  });

  it('refuses unknown extensions and legacy Word files', () => {
    expect(refusal('notes.xyz', bytes('院地合作'))).toBe('UNSUPPORTED_FORMAT');
    expect(refusal('old.doc', OLE)).toBe('UNSUPPORTED_FORMAT');
    expect(refusal('old.docx', OLE)).toBe('UNSUPPORTED_FORMAT');
  });

  it('says when the content is not what a .pdf or .docx name promises', () => {
    expect(refusal('a.pdf', bytes('just text'))).toBe('PDF_INVALID');
    expect(refusal('a.docx', bytes('just text'))).toBe('DOCX_INVALID');
    expect(refusal('a.pdf', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'PDF_INVALID',
    );
  });

  it('refuses binary content behind a text name', () => {
    expect(refusal('a.txt', Uint8Array.from([0x1f, 0x8b, 0x08, 0x00]))).toBe('FILE_BINARY');
    expect(refusal('a.html', Uint8Array.from([0x00, 0x01, 0x02]))).toBe('FILE_BINARY');
  });
});
