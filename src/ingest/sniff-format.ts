/**
 * Content sniffing: what the first bytes of a file say it is, whatever its name says.
 * Extensions lie (a PDF saved as `.txt`, an image renamed `.html`); signatures rarely do.
 */

export type ContentKind = 'pdf' | 'zip' | 'ole' | 'html' | 'image' | 'archive' | 'binary' | 'text';

/** How far into the file `%PDF-` may start: the PDF spec tolerates leading garbage within 1 KB. */
const PDF_HEADER_WINDOW = 1024;
/** Like git, judge "binary" on the first 8000 bytes. */
const BINARY_SAMPLE = 8000;

/** Only signatures of three bytes or more: a text file may well start with `BM` or `MZ`. */
const IMAGE_SIGNATURES: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x49, 0x49, 0x2a, 0x00], // TIFF little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF big-endian
];

const ARCHIVE_SIGNATURES: readonly number[][] = [
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

/** Tab, LF, VT, FF, CR and ESC appear in real text files; the rest of C0 and DEL do not. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Markers that only an HTML document starts with (after a BOM, whitespace or a comment). */
const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta\s)/i;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function indexOfSignature(bytes: Uint8Array, signature: readonly number[], window: number): number {
  const last = Math.min(bytes.length - signature.length, window);
  for (let i = 0; i <= last; i++) {
    if (startsWith(bytes, signature, i)) return i;
  }
  return -1;
}

/** The byte-order mark at the start of `bytes`, if any. */
export function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/**
 * Whether bytes without a UTF-16 byte-order mark are binary rather than text: any NUL byte
 * (no text encoding we read produces one) or more than 1% other C0 control characters.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if ((byte < 0x20 || byte === 0x7f) && !TEXT_CONTROLS.has(byte)) controls++;
  }
  return controls > sample.length / 100;
}

/** Whether the file holds nothing but whitespace (ASCII whitespace and byte-order marks). */
export function isBlank(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      const unit = utf16Unit(bytes, i, bom);
      if (!isWhitespaceCode(unit)) return false;
    }
    return true;
  }
  for (let i = bom === 'utf-8' ? 3 : 0; i < bytes.length; i++) {
    if (!isWhitespaceCode(bytes[i] ?? 0)) return false;
  }
  return true;
}

function utf16Unit(bytes: Uint8Array, i: number, order: 'utf-16le' | 'utf-16be'): number {
  const first = bytes[i] ?? 0;
  const second = bytes[i + 1] ?? 0;
  return order === 'utf-16le' ? first | (second << 8) : (first << 8) | second;
}

function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** The first bytes as text, good enough to look for ASCII markup whatever the encoding. */
function asciiPrefix(bytes: Uint8Array, length: number): string {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const units: number[] = [];
    for (let i = 2; i + 1 < Math.min(bytes.length, length * 2); i += 2) {
      units.push(utf16Unit(bytes, i, bom));
    }
    return String.fromCharCode(...units);
  }
  // latin1 maps every byte to one character, so ASCII markers survive in any ASCII-compatible encoding.
  return Buffer.from(bytes.subarray(bom === 'utf-8' ? 3 : 0, length)).toString('latin1');
}

/** What the content of a file is, judged from its bytes alone. */
export function sniffContent(bytes: Uint8Array): ContentKind {
  if (indexOfSignature(bytes, PDF_SIGNATURE, PDF_HEADER_WINDOW) >= 0) return 'pdf';
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'zip';
  if (startsWith(bytes, OLE_SIGNATURE)) return 'ole';
  if (IMAGE_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'image';
  if (ARCHIVE_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'archive';
  if (looksBinary(bytes)) return 'binary';
  if (HTML_START.test(asciiPrefix(bytes, 1024).trimStart())) return 'html';
  return 'text';
}
