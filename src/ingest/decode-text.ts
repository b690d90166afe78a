/**
 * Bytes → string for plain-text files: UTF-8 (with or without BOM), UTF-16 with BOM, and
 * GB18030 (which also covers GBK and GB2312). Anything else is refused rather than guessed:
 * a wrong guess produces plausible-looking nonsense that extraction would happily index.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from '../core/errors.js';
import { byteOrderMark } from './sniff-format.js';

export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `gb18030`. */
  encoding: string;
}

/**
 * Minimum share of multi-byte characters that must be common Chinese (GB2312 level-1 hanzi or
 * GB2312 punctuation and symbols) before GB18030 is believed. Real Chinese prose scores above
 * 0.95; Latin-1 or Shift-JIS bytes read as GB18030 land on rare or extension characters.
 */
const MIN_COMMON_SHARE = 0.8;
/** Stray invalid sequences tolerated in GB18030 text (a damaged byte here and there), per character. */
const MAX_INVALID_SHARE = 0.001;

/**
 * Share of a text's non-blank characters that may be U+FFFD before the text is refused. A file
 * once decoded with the wrong encoding and saved again keeps a replacement character for every
 * character it lost: valid UTF-8, but nonsense that extraction would store as a document of
 * nothing. A stray one here and there (a damaged byte) stays readable.
 */
const MAX_REPLACEMENT_SHARE = 0.01;
/** Replacement characters always tolerated, however short the text. */
const MIN_REPLACEMENTS_REFUSED = 8;

const GB_CHARSETS = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn']);

/** Turns CRLF and lone CR into LF; nothing else in the text changes, since spans point into it. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  return swapped;
}

/** Strict UTF-8: undefined when any byte sequence is invalid. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): string {
  const body = bytes.subarray(2);
  const littleEndian = encoding === 'utf-16le' ? body : swapBytePairs(body);
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(littleEndian);
  } catch (error) {
    throw new IngestError(
      'UNDECODABLE_TEXT',
      path,
      `UTF-16 文本含有无效字符 (invalid ${encoding.toUpperCase()} text)`,
      { cause: error },
    );
  }
}

interface Gb18030Profile {
  characters: number;
  multiByte: number;
  common: number;
  invalid: number;
}

/**
 * Walks the bytes as GB18030 and counts what it finds. Counting on bytes rather than on the
 * decoded string keeps the GB2312 zones visible: lead 0xA1–0xA9 are punctuation and symbols,
 * 0xB0–0xD7 the 3,755 most common hanzi.
 */
function profileGb18030(bytes: Uint8Array): Gb18030Profile {
  const profile: Gb18030Profile = { characters: 0, multiByte: 0, common: 0, invalid: 0 };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    profile.characters++;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const second = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || second === undefined) {
      profile.invalid++;
      i++;
      continue;
    }
    if (second >= 0x30 && second <= 0x39) {
      // Four-byte sequence: lead 81–FE, 30–39, 81–FE, 30–39. Valid, but never common Chinese.
      const third = bytes[i + 2];
      const fourth = bytes[i + 3];
      if (
        third !== undefined &&
        third >= 0x81 &&
        third <= 0xfe &&
        fourth !== undefined &&
        fourth >= 0x30 &&
        fourth <= 0x39
      ) {
        profile.multiByte++;
        i += 4;
      } else {
        profile.invalid++;
        i++;
      }
      continue;
    }
    if (second < 0x40 || second === 0x7f || second === 0xff) {
      profile.invalid++;
      i++;
      continue;
    }
    profile.multiByte++;
    const inGb2312 = second >= 0xa1;
    if (inGb2312 && ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xd7))) profile.common++;
    i += 2;
  }
  return profile;
}

/** Whether the bytes read as GB18030 look like real Chinese rather than another encoding misread. */
function isPlausibleGb18030(profile: Gb18030Profile): boolean {
  if (profile.multiByte === 0) return false;
  if (profile.invalid > Math.max(0, Math.floor(profile.characters * MAX_INVALID_SHARE))) return false;
  return profile.common / profile.multiByte >= MIN_COMMON_SHARE;
}

function guessHint(bytes: Uint8Array): string {
  const guess = chardet.detect(bytes);
  return guess ? `，疑似 ${guess} 编码 (looks like ${guess})` : '';
}

/** The decoded text, unless most of it was lost before it reached us (see {@link MAX_REPLACEMENT_SHARE}). */
function refuseDamaged(decoded: DecodedText, path: string): DecodedText {
  let replaced = 0;
  for (let i = decoded.text.indexOf('\uFFFD'); i >= 0; i = decoded.text.indexOf('\uFFFD', i + 1)) replaced++;
  if (replaced < MIN_REPLACEMENTS_REFUSED) return decoded;
  const characters = decoded.text.replace(/\s+/g, '').length;
  if (replaced <= characters * MAX_REPLACEMENT_SHARE) return decoded;
  throw new IngestError(
    'UNDECODABLE_TEXT',
    path,
    `文本中有 ${replaced} 个替换字符“\uFFFD”（占 ${Math.round((100 * replaced) / characters)}%），文件在此前的编码转换中已经损坏，请找回原文件 (damaged text: ${replaced} replacement characters, the file was damaged by an earlier conversion from another encoding; find the original)`,
  );
}

/**
 * Decodes the bytes of a text file, detecting the encoding.
 *
 * Order: byte-order mark; strict UTF-8; GB18030 only if the result is plausible Chinese.
 * Line endings become `\n`; a leading BOM is dropped; nothing else changes.
 *
 * @example
 * decodeText(iconv.encode('中国科学院', 'gb18030')) // → { text: '中国科学院', encoding: 'gb18030' }
 * @param path names the file in the error.
 * @throws IngestError `UNDECODABLE_TEXT` when no supported encoding reads the bytes plausibly,
 *   or when the text is mostly replacement characters (damaged by an earlier wrong conversion).
 */
export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  return refuseDamaged(detectAndDecode(bytes, path), path);
}

function detectAndDecode(bytes: Uint8Array, path: string): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    return { text: normalizeLineEndings(decodeUtf16(bytes, bom, path)), encoding: bom };
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) return { text: normalizeLineEndings(utf8), encoding: 'utf-8' };
  if (bom === 'utf-8') {
    throw new IngestError(
      'UNDECODABLE_TEXT',
      path,
      '文件以 UTF-8 标记开头，但含有无效的 UTF-8 字节 (UTF-8 BOM followed by invalid UTF-8)',
    );
  }
  if (isPlausibleGb18030(profileGb18030(bytes))) {
    return { text: normalizeLineEndings(iconv.decode(bytes, 'gb18030')), encoding: 'gb18030' };
  }
  throw new IngestError(
    'UNDECODABLE_TEXT',
    path,
    `无法识别文本编码：既不是 UTF-8，也不像 GB18030/GBK 中文${guessHint(bytes)} (unrecognised text encoding: neither UTF-8 nor plausible GB18030/GBK Chinese)`,
  );
}

/**
 * Decodes with a declared charset (an HTML `<meta charset>`). Valid UTF-8 wins over any
 * declaration, since pages often declare GBK and serve UTF-8 (and GBK prose almost never
 * happens to be valid UTF-8); an unknown or contradicted declaration falls back to detection.
 * @throws IngestError `UNDECODABLE_TEXT` as {@link decodeText}.
 */
export function decodeWithDeclaredCharset(
  bytes: Uint8Array,
  declared: string | undefined,
  path: string,
): DecodedText {
  return refuseDamaged(decodeAsDeclared(bytes, declared, path), path);
}

function decodeAsDeclared(bytes: Uint8Array, declared: string | undefined, path: string): DecodedText {
  if (byteOrderMark(bytes) !== undefined || declared === undefined) return detectAndDecode(bytes, path);
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) return { text: normalizeLineEndings(utf8), encoding: 'utf-8' };
  const charset = declared.trim().toLowerCase();
  if (GB_CHARSETS.has(charset)) {
    // GB18030 is a superset of GBK and GB2312, so decoding with it never loses a character.
    const profile = profileGb18030(bytes);
    if (profile.invalid <= Math.floor(profile.characters * MAX_INVALID_SHARE)) {
      return { text: normalizeLineEndings(iconv.decode(bytes, 'gb18030')), encoding: 'gb18030' };
    }
  } else if (charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) {
    return { text: normalizeLineEndings(iconv.decode(bytes, charset)), encoding: charset };
  }
  return detectAndDecode(bytes, path);
}
