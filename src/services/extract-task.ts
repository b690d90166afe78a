/**
 * What an extraction worker does for one document, and the messages it exchanges. Kept apart
 * from the worker's entry so it can run on the calling thread too.
 */
import { errorMessage } from '../core/errors.js';
import { type DocumentFacts, statementsOfExtraction } from '../core/extraction-statements.js';
import type { Article, DocumentFormat } from '../core/types.js';
import { extractTextForIndex } from '../extract/extract-document.js';
import type { SearchRow } from '../store/search.repository.js';
import { readDocumentBytes, sha256Hex } from './read-document-bytes.js';
import { documentRows, entityNameRows } from './search-rows.js';

export interface ExtractTask {
  id: number;
  /** The file's name: picks the format with the content, and names the file in errors. */
  path: string;
  bytes: Uint8Array;
  /** Publication date to resolve dates against; the document's own metadata date otherwise. */
  published?: string;
}

export interface ExtractedDocument {
  /** sha256 of the bytes. */
  id: string;
  format: DocumentFormat;
  encoding: string;
  text: string;
  title?: string;
  /** The publication date the extraction used. */
  published?: string;
  extractorVersion: string;
  articles: Article[];
  facts: DocumentFacts;
  /** Rows of the full-text index, made where the text is segmented anyway. */
  search: SearchRow[];
}

export type ExtractResult =
  | { id: number; ok: true; document: ExtractedDocument }
  | { id: number; ok: false; error: { code: string; message: string } };

export function failure(id: number, error: unknown): ExtractResult {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'INTERNAL';
  return { id, ok: false, error: { code, message: errorMessage(error) } };
}

/** A short title when the file has none: the first headline, or a short first line. */
function titleOf(text: string, headline: string | undefined): string | undefined {
  if (headline) return headline;
  const first = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  return first && [...first].length <= 60 ? first : undefined;
}

/** Reads the bytes, extracts the text and turns the extraction into statements. */
export async function extractWithStatements(task: ExtractTask): Promise<ExtractResult> {
  try {
    const source = await readDocumentBytes(task.bytes, task.path);
    const published = task.published ?? source.published;
    const { extraction, indexTerms } = extractTextForIndex(source.text, published ? { published } : {});
    const id = sha256Hex(task.bytes);
    const facts = statementsOfExtraction(extraction, { documentId: id, text: source.text });
    const title = source.title ?? titleOf(source.text, extraction.articles[0]?.headline);
    const document: ExtractedDocument = {
      id,
      format: source.format,
      encoding: source.encoding,
      text: source.text,
      extractorVersion: extraction.extractor.version,
      articles: extraction.articles,
      facts,
      search: [
        ...documentRows(
          { id, text: source.text, articles: extraction.articles, ...(title ? { title } : {}) },
          indexTerms,
        ),
        ...entityNameRows(facts.statements, new Map(facts.entities.map((e) => [e.id, e]))),
      ],
      ...(title ? { title } : {}),
      ...(published ? { published } : {}),
    };
    return { id: task.id, ok: true, document };
  } catch (error) {
    return failure(task.id, error);
  }
}
