import { decodeText } from '../decode-text.js';
import type { FormatReader } from './format-reader.js';

/** Reads a plain-text file: detects the encoding and normalises line endings, nothing more. */
export const readTxt: FormatReader = async (bytes, path) => decodeText(bytes, path);
