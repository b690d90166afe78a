import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../core/errors.js';
import { decodeText, decodeWithDeclaredCharset, normalizeLineEndings } from './decode-text.js';

const CHINESE = '2023年5月18日，江苏省人民政府与中国科学院在南京签署全面战略合作协议。\n总投资超50亿元。';

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

function decodeError(bytes: Uint8Array): IngestError {
  try {
    decodeText(bytes, 'sample.txt');
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected decodeText to refuse the bytes');
}

describe('decodeText', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeText(Buffer.from(CHINESE, 'utf8'), 'a.txt')).toEqual({ text: CHINESE, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHINESE, 'utf8')]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: CHINESE, encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian text with a byte-order mark', () => {
    expect(decodeText(utf16(CHINESE, 'le'), 'a.txt')).toEqual({ text: CHINESE, encoding: 'utf-16le' });
    expect(decodeText(utf16(CHINESE, 'be'), 'a.txt')).toEqual({ text: CHINESE, encoding: 'utf-16be' });
  });

  it('reads GB18030 text and reports the encoding', () => {
    expect(decodeText(iconv.encode(CHINESE, 'gb18030'), 'a.txt')).toEqual({
      text: CHINESE,
      encoding: 'gb18030',
    });
  });

  it('reads GBK text containing characters outside GB2312', () => {
    const text = '重庆市綦江区与中国科学院共建产业园，镕、喆等字也能读出。'.repeat(3);
    expect(decodeText(iconv.encode(text, 'gbk'), 'a.txt')).toEqual({ text, encoding: 'gb18030' });
  });

  it('normalises CRLF and lone CR line endings to LF and changes nothing else', () => {
    const bytes = iconv.encode('第一行\r\n第二行\r第三行\n　　缩进 保留 ', 'gb18030');
    expect(decodeText(bytes, 'a.txt').text).toBe('第一行\n第二行\n第三行\n　　缩进 保留 ');
    expect(normalizeLineEndings('a\r\n\r\nb')).toBe('a\n\nb');
  });

  it('refuses Latin-1 prose instead of reading it as nonsense hanzi', () => {
    const bytes = iconv.encode("Le café de l'hôtel était déjà fermé; une crème brûlée à côté.", 'latin1');
    const error = decodeError(bytes);
    expect(error.code).toBe('UNDECODABLE_TEXT');
    expect(error.message).toMatch(/^sample\.txt: 无法识别文本编码/);
  });

  it('refuses bytes invalid in both UTF-8 and GB18030', () => {
    expect(decodeError(Uint8Array.from([0x41, 0x80, 0x42, 0xff, 0x43, 0x80, 0x80])).code).toBe(
      'UNDECODABLE_TEXT',
    );
  });

  it('refuses Shift-JIS Japanese rather than misreading it as Chinese', () => {
    const bytes = iconv.encode('東京都と大阪府の研究所が共同で新しい技術を開発しました。', 'shift_jis');
    expect(decodeError(bytes).code).toBe('UNDECODABLE_TEXT');
  });

  it('refuses UTF-8 text whose hanzi were replaced by U+FFFD in an earlier wrong conversion', () => {
    const damaged = new TextDecoder('utf-8').decode(iconv.encode(CHINESE, 'gbk'));
    const error = decodeError(Buffer.from(damaged, 'utf8'));
    expect(error.code).toBe('UNDECODABLE_TEXT');
    expect(error.message).toMatch(/^sample\.txt: 文本中有 \d+ 个替换字符/);
  });

  it('keeps a text with a stray replacement character or two', () => {
    const text = `${CHINESE.repeat(20)}\uFFFD${CHINESE}\uFFFD`;
    expect(decodeText(Buffer.from(text, 'utf8'), 'a.txt').text).toBe(text);
  });

  it('refuses a UTF-8 byte-order mark followed by invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(CHINESE, 'gb18030')]);
    expect(decodeError(bytes).code).toBe('UNDECODABLE_TEXT');
  });
});

describe('decodeWithDeclaredCharset', () => {
  it('decodes with a declared GBK charset', () => {
    const bytes = iconv.encode(CHINESE, 'gbk');
    expect(decodeWithDeclaredCharset(bytes, 'gb2312', 'a.html')).toEqual({
      text: CHINESE,
      encoding: 'gb18030',
    });
  });

  it('prefers valid UTF-8 over a declaration that contradicts it', () => {
    const bytes = Buffer.from(CHINESE, 'utf8');
    expect(decodeWithDeclaredCharset(bytes, 'gbk', 'a.html')).toEqual({ text: CHINESE, encoding: 'utf-8' });
  });

  it('detects GB18030 when the page wrongly declares UTF-8', () => {
    const bytes = iconv.encode(CHINESE, 'gb18030');
    expect(decodeWithDeclaredCharset(bytes, 'utf-8', 'a.html').encoding).toBe('gb18030');
  });

  it('honours another declared charset that iconv knows', () => {
    const bytes = iconv.encode('Café crème', 'windows-1252');
    expect(decodeWithDeclaredCharset(bytes, 'windows-1252', 'a.html')).toEqual({
      text: 'Café crème',
      encoding: 'windows-1252',
    });
  });
});
