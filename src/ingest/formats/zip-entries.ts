/**
 * Just enough ZIP reading to look inside an Office file: list its entries and inflate a small
 * one (`docProps/core.xml`). mammoth reads the document body itself; this spares pulling in a
 * ZIP library for two lookups.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The entries of a ZIP archive by name, read from its central directory.
 * @throws Error when the archive's directory is missing or inconsistent (a truncated file).
 */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const data = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - MAX_END_RECORD_SEARCH); i--) {
    if (data.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory record');
  const count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) {
      throw new Error('corrupt central directory');
    }
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name, {
      name,
      method: data.getUint16(offset + 10, true),
      compressedSize: data.getUint32(offset + 20, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The uncompressed bytes of one entry, or undefined when its method is neither stored nor
 * deflated (nothing Office writes) or its data lies outside the file.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const data = view(bytes);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || data.getUint32(header, true) !== LOCAL_FILE_HEADER) return undefined;
  const start = header + 30 + data.getUint16(header + 26, true) + data.getUint16(header + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) return undefined;
  if (entry.method === STORED) return compressed;
  if (entry.method === DEFLATED) return new Uint8Array(inflateRawSync(compressed));
  return undefined;
}
