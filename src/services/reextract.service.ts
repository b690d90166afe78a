/**
 * Re-extraction: when the extractor's version changes, the extracted statements of every stored
 * document are derived again from the bytes the store kept. The old ones are retired (kept, with
 * when and why); a person's statements and review decisions are never touched. One transaction
 * per document: a run stopped at any point is completed by running it again.
 */
import { errorMessage } from '../core/errors.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { Store } from '../store/open-store.js';
import { inLanes } from './concurrency.js';
import { ExtractionPool, writingPoolSize } from './extraction-pool.js';
import { GroupWriter } from './group-writer.js';
import { storeFacts } from './store-document.js';

export interface DocumentReextraction {
  documentId: string;
  path: string;
  outcome: 'reextracted' | 'unchanged' | 'failed';
  /** Statements retired and stored. */
  retired?: number;
  statements?: number;
  error?: { code: string; message: string };
}

export interface ReextractSummary {
  version: string;
  documents: DocumentReextraction[];
  reextracted: number;
  failed: number;
}

export interface ReextractOptions {
  pool?: ExtractionPool;
  onDocument?: (result: DocumentReextraction, done: number, total: number) => void;
  now?: () => string;
}

const PAGE = 100;

/**
 * Re-derives the extracted statements of every document stored by another extractor version.
 *
 * @example
 * const summary = await reextractDocuments(store);
 * summary.reextracted; // documents brought to the current extractor version
 */
export async function reextractDocuments(
  store: Store,
  options: ReextractOptions = {},
): Promise<ReextractSummary> {
  const version = EXTRACTOR_VERSION;
  const now = options.now ?? (() => new Date().toISOString());
  const total = await store.documents.countOutdated(version);
  const results: DocumentReextraction[] = [];
  if (total === 0) return { version, documents: results, reextracted: 0, failed: 0 };
  const pool = options.pool ?? new ExtractionPool(Math.max(1, Math.min(writingPoolSize(), total)));

  const writer = new GroupWriter(store);
  const one = async (documentId: string): Promise<DocumentReextraction> => {
    const stored = await store.documents.find(documentId);
    const content = await store.documents.content(documentId);
    if (!stored || !content) {
      return { documentId, path: '', outcome: 'failed', error: { code: 'NOT_FOUND', message: documentId } };
    }
    const path = stored.sourcePath;
    const extracted = await pool.run({
      path,
      bytes: content.bytes,
      ...(stored.published ? { published: stored.published } : {}),
    });
    if (!extracted.ok) return { documentId, path, outcome: 'failed', error: extracted.error };
    const { document } = extracted;
    return writer.run(async (tx): Promise<DocumentReextraction> => {
      const current = await tx.documents.find(documentId);
      // Another run got there first.
      if (current?.extractorVersion === document.extractorVersion)
        return { documentId, path, outcome: 'unchanged' };
      const time = now();
      await tx.stats.summary.documentRemoved(documentId);
      const retired = await tx.statements.retireExtracted(documentId, document.extractorVersion, time);
      if (document.text !== content.text) await tx.documents.replaceText(documentId, document.text);
      const statements = await storeFacts(tx, document, time);
      await tx.documents.setExtractorVersion(documentId, document.extractorVersion);
      return { documentId, path, outcome: 'reextracted', retired, statements };
    });
  };

  try {
    let after = '';
    for (;;) {
      const ids = await store.documents.listOutdated(version, after, PAGE);
      const last = ids.at(-1);
      if (last === undefined) break;
      after = last;
      await inLanes(
        ids,
        pool.size * 2 + 16,
        (id) =>
          one(id).catch(
            (error: unknown): DocumentReextraction => ({
              documentId: id,
              path: '',
              outcome: 'failed',
              error: { code: 'STORE_FAILED', message: `${id}: ${errorMessage(error)}` },
            }),
          ),
        (result) => {
          results.push(result);
          options.onDocument?.(result, results.length, total);
        },
      );
    }
  } finally {
    if (!options.pool) await pool.close();
  }
  return {
    version,
    documents: results,
    reextracted: results.filter((r) => r.outcome === 'reextracted').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  };
}
