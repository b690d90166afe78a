/** The one interface every format reader implements. */

/** What a format reader gets out of a file; `readDocument` adds path, hash and size. */
export interface ReadResult {
  text: string;
  /** Encoding the text was decoded from; binary formats report what their container uses. */
  encoding: string;
  title?: string;
  /** ISO date `YYYY-MM-DD` from the document's own metadata. */
  published?: string;
}

/**
 * Turns a file's bytes into text. `path` only names the file in errors: readers never touch
 * the file system. Readers throw `IngestError` for files they cannot read.
 */
export type FormatReader = (bytes: Uint8Array, path: string) => Promise<ReadResult>;
