/**
 * Ingest: files and folders into the store. Each file is read once and hashed; content the
 * store already has is left alone; new content is extracted on worker threads and stored with
 * its statements in one transaction per document. Every file gets a result — new, unchanged,
 * or failed with its reason — and a failed file changes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage, IngestError } from '../core/errors.js';
import { listDocumentFiles } from '../ingest/list-files.js';
import { DEFAULT_MAX_BYTES, readDocument } from '../ingest/read-document.js';
import type { Store } from '../store/open-store.js';
import { inLanes } from './concurrency.js';
import { ExtractionPool, writingPoolSize } from './extraction-pool.js';
import { GroupWriter } from './group-writer.js';
import { sha256Hex } from './read-document-bytes.js';
import { storeFacts } from './store-document.js';

export type IngestOutcome = 'new' | 'unchanged' | 'failed';

export interface FileIngest {
  path: string;
  outcome: IngestOutcome;
  /** The sha256 of the file's bytes: the document's id. */
  documentId?: string;
  /** Statements stored for a new document. */
  statements?: number;
  /** Why the file failed, for people. */
  error?: { code: string; message: string };
}

export interface IngestSummary {
  files: FileIngest[];
  read: number;
  new: number;
  unchanged: number;
  failed: number;
}

export interface IngestOptions {
  /** Publication date for every file; else `published.json` beside the file, else the file's own metadata. */
  published?: string;
  /** Larger files fail with FILE_TOO_LARGE without being read. */
  maxBytes?: number;
  /** The extraction workers to use; a pool of one worker per core is made (and closed) otherwise. */
  pool?: ExtractionPool;
  /** Called as each file is done, for progress. */
  onFile?: (result: FileIngest, done: number, total: number) => void;
  /** The time recorded on what is stored; now by default. */
  now?: () => string;
}

/** Extracted documents that may wait for the writer at once, beyond those being extracted. */
const WRITE_AHEAD = 256;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `published.json` beside a file maps file names to their publication dates (see samples/). */
class PublishedDates {
  private readonly folders = new Map<string, Promise<Record<string, string>>>();

  async of(path: string): Promise<string | undefined> {
    const folder = dirname(path);
    let dates = this.folders.get(folder);
    if (!dates) {
      dates = readFile(join(folder, 'published.json'), 'utf8').then(
        (json) => {
          const parsed: unknown = JSON.parse(json);
          if (typeof parsed !== 'object' || parsed === null) return {};
          return Object.fromEntries(
            Object.entries(parsed).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string' && ISO_DATE.test(entry[1]),
            ),
          );
        },
        () => ({}),
      );
      this.folders.set(folder, dates);
    }
    return (await dates)[basename(path)];
  }
}

function failed(path: string, error: unknown): FileIngest {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'INTERNAL';
  return { path, outcome: 'failed', error: { code, message: errorMessage(error) } };
}

/**
 * The bytes of a file, read once. A file that cannot be read, or is too large, goes through
 * `readDocument` so that its error is the one every command gives.
 */
async function readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  const stats = await stat(path).catch(() => undefined);
  if (stats?.isFile() && stats.size <= maxBytes) {
    const buffer = await readFile(path).catch(() => undefined);
    if (buffer && buffer.length <= maxBytes)
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  }
  await readDocument(path, { maxBytes });
  throw new IngestError('FILE_NOT_FOUND', path, '无法读取文件 (cannot read the file)');
}

/**
 * Ingests files and folders (read recursively) into the store.
 *
 * @example
 * const summary = await ingestPaths(store, ['inbox/', 'extra/report.pdf']);
 * summary.new; // documents stored
 * summary.files.filter((f) => f.outcome === 'failed'); // with their reasons
 */
export async function ingestPaths(
  store: Store,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const files = await listDocumentFiles([...paths]);
  if (files.length === 0) return { files: [], read: 0, new: 0, unchanged: 0, failed: 0 };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => new Date().toISOString());
  const pool = options.pool ?? new ExtractionPool(Math.max(1, Math.min(writingPoolSize(), files.length)));
  const published = new PublishedDates();
  const writer = new GroupWriter(store);

  const ingestOne = async (path: string): Promise<FileIngest> => {
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(path, maxBytes);
    } catch (error) {
      return failed(path, error);
    }
    try {
      return await extractAndStore(path, bytes);
    } catch (error) {
      return failed(
        path,
        new IngestError(
          'STORE_FAILED',
          path,
          `无法写入数据库 (cannot store the document): ${errorMessage(error)}`,
        ),
      );
    }
  };

  const extractAndStore = async (path: string, bytes: Uint8Array): Promise<FileIngest> => {
    const documentId = sha256Hex(bytes);
    // Asked on the reading connection: the writer may hold the other for the group before.
    if (await store.reading.documents.exists(documentId)) return { path, outcome: 'unchanged', documentId };
    const date = options.published ?? (await published.of(path));
    const extracted = await pool.run({ path, bytes, ...(date ? { published: date } : {}) });
    if (!extracted.ok) return { path, outcome: 'failed', error: extracted.error };
    const { document } = extracted;
    return writer.run(async (tx): Promise<FileIngest> => {
      const time = now();
      const inserted = await tx.documents.insert({
        id: document.id,
        format: document.format,
        encoding: document.encoding,
        bytes,
        text: document.text,
        sourcePath: path,
        extractorVersion: document.extractorVersion,
        ingestedAt: time,
        ...(document.title ? { title: document.title } : {}),
        ...(document.published ? { published: document.published } : {}),
      });
      // The same content at another path in this batch was stored first.
      if (!inserted) return { path, outcome: 'unchanged', documentId };
      const statements = await storeFacts(tx, document, time);
      return { path, outcome: 'new', documentId, statements };
    });
  };

  let results: FileIngest[];
  try {
    // Twice as many files in hand as workers, so workers never wait for a read, and as many
    // again waiting to be written, so that one commit serves a group of documents.
    results = await inLanes(files, pool.size * 2 + WRITE_AHEAD, ingestOne, (result, done) =>
      options.onFile?.(result, done, files.length),
    );
  } finally {
    if (!options.pool) await pool.close();
  }
  const count = (outcome: IngestOutcome) => results.filter((r) => r.outcome === outcome).length;
  // The batch's writes folded into the file now, not on the time of whoever writes next.
  if (count('new') > 0) await store.checkpoint().catch(() => undefined);
  return {
    files: results,
    read: files.length,
    new: count('new'),
    unchanged: count('unchanged'),
    failed: count('failed'),
  };
}
