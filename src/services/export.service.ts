/**
 * Exporting the store: documents (with articles, text and bytes), entities (events among them),
 * live statements and retired ones, as JSON Lines or as a folder of CSV files. Tables are read a
 * page at a time in key order and written as they are read, so memory stays flat however large
 * the store; the same store always gives the same bytes.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { InvalidArgumentError } from '../core/errors.js';
import type { Store } from '../store/open-store.js';
import {
  type Cell,
  CSV_COLUMNS,
  CSV_FILES,
  CSV_ORDER,
  type CsvKind,
  contentFiles,
  EXCHANGE_VERSION,
  EXPORT_KINDS,
  type ExchangeFormat,
  type ExchangeRecord,
  type ExportKind,
  toCsvRow,
  toJsonLine,
} from './exchange-format.js';

/** Rows read per query; documents fewer, as each brings its text and bytes. */
const PAGE = 1000;
const DOCUMENT_PAGE = 16;

export interface ExportOptions {
  format: ExchangeFormat;
  /** A file for JSON Lines, a folder for CSV. */
  out: string;
  kinds?: readonly ExportKind[];
}

export interface ExportSummary {
  format: ExchangeFormat;
  out: string;
  documents: number;
  entities: number;
  statements: number;
  retiredStatements: number;
}

type DataRecord = Exclude<ExchangeRecord, { record: 'header' }>;

/** Every record of the kinds asked for, in the order an import needs them: what is referred to first. */
async function* records(store: Store, kinds: ReadonlySet<ExportKind>): AsyncGenerator<DataRecord> {
  if (kinds.has('documents')) {
    let after: string | undefined;
    for (;;) {
      const page = await store.documents.page(after, DOCUMENT_PAGE);
      if (page.length === 0) break;
      const contents = await store.documents.contents(page.map((d) => d.id));
      for (const document of page) {
        const content = contents.get(document.id) ?? { bytes: new Uint8Array(), text: '' };
        const articles = await store.articles.forDocument(document.id);
        yield { record: 'document', document: { ...document, articles, ...content } };
      }
      after = page.at(-1)?.id;
    }
  }
  if (kinds.has('entities')) {
    let after: string | undefined;
    for (;;) {
      const page = await store.entities.page(after, PAGE);
      if (page.length === 0) break;
      for (const entity of page) yield { record: 'entity', entity };
      after = page.at(-1)?.id;
    }
  }
  if (kinds.has('statements')) {
    let after: { entityId: string; id: string } | undefined;
    for (;;) {
      const page = await store.statements.page(after, PAGE);
      const last = page.at(-1);
      if (!last) break;
      for (const statement of page) yield { record: 'statement', statement };
      after = { entityId: last.entityId, id: last.id };
    }
    let afterRetired: { entityId: string; id: string; retiredAt: string } | undefined;
    for (;;) {
      const page = await store.statements.retiredPage(afterRetired, PAGE);
      const last = page.at(-1);
      if (!last) break;
      for (const statement of page) yield { record: 'retired_statement', statement };
      afterRetired = { entityId: last.entityId, id: last.id, retiredAt: last.retired.at };
    }
  }
}

/** Writes to a stream, waiting while its buffer is full. */
async function write(stream: WriteStream, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

// RFC 4180: CRLF between records, quotes only where a cell needs them; an empty string quoted,
// so that it reads back as '' and an empty cell as absent.
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /^$/ } as const;
const csvLine = (cells: readonly Cell[]) =>
  stringify([cells.map((c) => (c === null ? undefined : c))], CSV_OPTIONS);

function counter(): ExportSummary {
  return { format: 'jsonl', out: '', documents: 0, entities: 0, statements: 0, retiredStatements: 0 };
}

function count(summary: ExportSummary, record: DataRecord): void {
  if (record.record === 'document') summary.documents++;
  else if (record.record === 'entity') summary.entities++;
  else if (record.record === 'statement') summary.statements++;
  else summary.retiredStatements++;
}

async function exportJsonl(
  store: Store,
  kinds: ReadonlySet<ExportKind>,
  file: string,
  summary: ExportSummary,
): Promise<void> {
  const stream = createWriteStream(file);
  try {
    const header: ExchangeRecord = {
      record: 'header',
      format: 'coopatlas',
      version: EXCHANGE_VERSION,
      kinds: EXPORT_KINDS.filter((k) => kinds.has(k)),
    };
    await write(stream, `${toJsonLine(header)}\n`);
    for await (const record of records(store, kinds)) {
      await write(stream, `${toJsonLine(record)}\n`);
      count(summary, record);
    }
  } finally {
    await finish(stream);
  }
}

async function exportCsv(
  store: Store,
  kinds: ReadonlySet<ExportKind>,
  folder: string,
  summary: ExportSummary,
): Promise<void> {
  const wanted: Record<CsvKind, boolean> = {
    document: kinds.has('documents'),
    entity: kinds.has('entities'),
    statement: kinds.has('statements'),
    retired_statement: kinds.has('statements'),
  };
  const streams = new Map<CsvKind, WriteStream>();
  try {
    for (const kind of CSV_ORDER) {
      if (!wanted[kind]) continue;
      const stream = createWriteStream(join(folder, CSV_FILES[kind]));
      streams.set(kind, stream);
      // The byte order mark tells Excel the file is UTF-8, so Chinese opens as Chinese.
      await write(stream, `\uFEFF${csvLine(CSV_COLUMNS[kind])}`);
    }
    if (wanted.document) {
      await mkdir(join(folder, 'texts'));
      await mkdir(join(folder, 'originals'));
    }
    for await (const record of records(store, kinds)) {
      const stream = streams.get(record.record);
      if (!stream) continue;
      if (record.record === 'document') {
        const files = contentFiles(record.document);
        await writeFile(join(folder, files.text), record.document.text);
        await writeFile(join(folder, files.original), record.document.bytes);
      }
      await write(stream, csvLine(toCsvRow(record)));
      count(summary, record);
    }
  } finally {
    for (const stream of streams.values()) await finish(stream);
  }
}

async function isMissingOrEmptyFolder(path: string): Promise<boolean> {
  const found = await stat(path).catch(() => undefined);
  if (!found) return true;
  return found.isDirectory() && (await readdir(path)).length === 0;
}

/**
 * Writes the store's records of `kinds` (all by default) to `out`: a JSON Lines file, or a
 * folder of CSV files that must not exist yet or be empty. The export is written beside `out`
 * and moved there when complete, so `out` never holds half an export.
 *
 * @example await exportStore(store, { format: 'jsonl', out: 'kb.jsonl' }) // { documents: 16, … }
 */
export async function exportStore(store: Store, options: ExportOptions): Promise<ExportSummary> {
  const kinds = new Set<ExportKind>(options.kinds ?? EXPORT_KINDS);
  const summary = { ...counter(), format: options.format, out: options.out };
  const partial = join(dirname(options.out), `.${process.pid}.partial-export`);
  await rm(partial, { recursive: true, force: true });
  try {
    if (options.format === 'jsonl') {
      const found = await stat(options.out).catch(() => undefined);
      if (found?.isDirectory()) {
        throw new InvalidArgumentError(
          `输出路径是文件夹：${options.out} (--out is a folder; JSON Lines is one file)`,
        );
      }
      await mkdir(dirname(options.out), { recursive: true });
      await exportJsonl(store, kinds, partial, summary);
      await rename(partial, options.out);
    } else {
      if (!(await isMissingOrEmptyFolder(options.out))) {
        throw new InvalidArgumentError(
          `输出文件夹已存在且不为空：${options.out} (the CSV folder must be new or empty)`,
        );
      }
      await mkdir(partial, { recursive: true });
      await exportCsv(store, kinds, partial, summary);
      await rmdir(options.out).catch(() => undefined);
      await rename(partial, options.out);
    }
    return summary;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}
