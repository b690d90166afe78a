import { errorMessage } from '../core/errors.js';
import type { DocumentFormat, Extraction } from '../core/types.js';
import { extractText } from '../extract/extract-document.js';
import { type ReadOptions, readDocument } from '../ingest/read-document.js';

export type FileExtraction =
  | { path: string; ok: true; extraction: Extraction & { path: string; format: DocumentFormat } }
  | { path: string; ok: false; error: { code: string; message: string } };

export interface ExtractFilesOptions extends ReadOptions {
  /** Publication date for every file; a document's own metadata date is used when this is absent. */
  published?: string;
}

/**
 * Reads and extracts each file in turn. A file that cannot be read gives a failed result with
 * its reason; the files after it are still extracted.
 */
export async function* extractFiles(
  paths: readonly string[],
  options: ExtractFilesOptions = {},
): AsyncGenerator<FileExtraction> {
  for (const path of paths) {
    try {
      const document = await readDocument(path, options);
      const published = options.published ?? document.published;
      const extraction = extractText(document.text, published ? { published } : {});
      const result = { ...extraction, path, format: document.format };
      if (document.title) result.title = document.title;
      yield { path, ok: true, extraction: result };
    } catch (error) {
      const code =
        typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'INTERNAL';
      yield { path, ok: false, error: { code, message: errorMessage(error) } };
    }
  }
}
