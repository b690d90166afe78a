import { describe, expect, it } from 'vitest';
import { isBlank, looksBinary, sniffContent } from './sniff-format.js';

const ascii = (text: string) => Buffer.from(text, 'latin1');

describe('sniffContent', () => {
  it('finds the PDF header even after leading garbage', () => {
    expect(sniffContent(ascii('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffContent(ascii('\r\n\r\njunk%PDF-1.4\n'))).toBe('pdf');
  });

  it('recognises ZIP, legacy Word and PNG signatures', () => {
    expect(sniffContent(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe('zip');
    expect(sniffContent(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
    expect(sniffContent(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image');
  });

  it('recognises HTML by its opening markup, after a BOM and a comment', () => {
    expect(sniffContent(ascii('<!DOCTYPE html><html>'))).toBe('html');
    expect(sniffContent(Buffer.from('\ufeff  <!-- saved --><html lang="zh">', 'utf8'))).toBe('html');
    expect(
      sniffContent(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>', 'utf16le')])),
    ).toBe('html');
  });

  it('reads prose that merely mentions markup as text', () => {
    expect(sniffContent(Buffer.from('网页以 <html> 开头。', 'utf8'))).toBe('text');
    expect(sniffContent(ascii('BMW and MZ are not image or program signatures'))).toBe('text');
  });
});

describe('looksBinary', () => {
  it('calls a NUL byte binary but not UTF-16 text with a BOM', () => {
    expect(looksBinary(Uint8Array.from([0x41, 0x00, 0x42]))).toBe(true);
    expect(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('AB', 'utf16le')]))).toBe(false);
  });

  it('calls text with many control characters binary and tabs and form feeds text', () => {
    expect(looksBinary(Uint8Array.from([0x41, 0x01, 0x02, 0x03, 0x42]))).toBe(true);
    expect(looksBinary(ascii('a\tb\fc\r\nd'))).toBe(false);
  });
});

describe('isBlank', () => {
  it('treats empty files, whitespace and a lone BOM as blank', () => {
    expect(isBlank(new Uint8Array())).toBe(true);
    expect(isBlank(ascii(' \r\n\t '))).toBe(true);
    expect(isBlank(Uint8Array.from([0xef, 0xbb, 0xbf, 0x0a]))).toBe(true);
    expect(isBlank(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' \n', 'utf16le')]))).toBe(true);
    expect(isBlank(ascii(' x '))).toBe(false);
  });
});
