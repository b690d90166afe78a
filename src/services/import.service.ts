/**
 * Importing an export (JSON Lines, or a folder of CSV files) into a store. What the store lacks
 * is added; what it has is never changed: documents are their sha256, statements their content
 * digest, and a record whose key the store holds is left as it is. So importing the same file
 * twice changes nothing, and an export imported into an empty store exports the same bytes.
 *
 * Records are read one line or row at a time and written in chunks, one transaction per chunk,
 * so memory stays flat. A line or row that does not parse, fails validation, or refers to an
 * entity or document the store does not have is reported with its file, line and reason and
 * skipped; the rest goes on.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { errorMessage, NotFoundError } from '../core/errors.js';
import { citedSpan, type Statement } from '../core/statements.js';
import type { Repositories, Store } from '../store/open-store.js';
import type { RetiredStatement } from '../store/statement.repository.js';
import {
  type Cell,
  CSV_COLUMNS,
  CSV_FILES,
  CSV_ORDER,
  type CsvKind,
  type ExchangeFormat,
  type ExchangeRecord,
  fromCsvRow,
  fromJsonLine,
  RecordError,
} from './exchange-format.js';
import { documentRows, entityNameRows } from './search-rows.js';

/** A line or row that was not imported, and why (Chinese first, English in brackets). */
export interface ImportFailure {
  file: string;
  /** 1-based line of the file where the record starts. */
  line: number;
  reason: string;
}

interface Counts {
  documents: number;
  entities: number;
  statements: number;
  retiredStatements: number;
}

export interface ImportSummary {
  path: string;
  format: ExchangeFormat;
  /** Records read (lines or rows, the header aside). */
  records: number;
  /** Records the store did not have, now stored. */
  added: Counts;
  /** Records the store already had, left as they were. */
  present: Counts;
  failed: number;
  /** The first failures; all of them go to `onFailure`. */
  failures: ImportFailure[];
}

export interface ImportOptions {
  /** Called for each line or row that is skipped, as it is found. */
  onFailure?: (failure: ImportFailure) => void;
}

const KEPT_FAILURES = 100;
/** Records per transaction, and the bytes of documents that end a chunk sooner. */
const CHUNK_RECORDS = 500;
const CHUNK_BYTES = 32 * 1024 * 1024;

type DataRecord = Exclude<ExchangeRecord, { record: 'header' }>;
type Read = { file: string; line: number } & ({ record: ExchangeRecord } | { error: string });
type Located = { file: string; line: number; record: DataRecord };
type Outcome = 'added' | 'present' | { failed: string };

const COUNT_OF: Record<DataRecord['record'], keyof Counts> = {
  document: 'documents',
  entity: 'entities',
  statement: 'statements',
  retired_statement: 'retiredStatements',
};

const zero = (): Counts => ({ documents: 0, entities: 0, statements: 0, retiredStatements: 0 });

/** The lines of a file, split on LF (a CR before it dropped), decoded as UTF-8, one chunk read at a time. */
async function* lines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(file)) {
    const text = rest + decoder.write(chunk as Buffer);
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) yield part.endsWith('\r') ? part.slice(0, -1) : part;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/**
 * Whether a file's first line (within its first 64 KB) is UTF-8 text without NUL: a binary file
 * is refused whole rather than reported line by line; a bad line further down is only that line.
 */
async function startsAsText(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead);
    const end = head.indexOf(0x0a);
    const first = end < 0 ? head : head.subarray(0, end);
    if (first.includes(0)) return false;
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: end < 0 });
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

const NOT_TEXT =
  '不是 UTF-8 文本，整个文件未导入 (not UTF-8 text, perhaps a binary file: nothing in it imported)';

/** A reason short enough to read: a parser's message may quote a whole garbled field. */
const shortened = (reason: string) => (reason.length > 300 ? `${reason.slice(0, 300)}…` : reason);

async function* readJsonl(file: string, name: string): AsyncGenerator<Read> {
  if (!(await startsAsText(file))) {
    yield { file: name, line: 1, error: NOT_TEXT };
    return;
  }
  let line = 0;
  for await (const text of lines(file)) {
    line++;
    const content = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (content.trim() === '') continue;
    try {
      yield { file: name, line, record: fromJsonLine(content) };
    } catch (error) {
      yield { file: name, line, error: shortened(errorMessage(error)) };
    }
  }
}

/** A file named in a CSV row, inside the export's folder (never outside it). */
function insideFolder(folder: string, path: Cell, column: string): string {
  if (!path) throw new RecordError(`缺少 ${column} (${column} is missing)`);
  const full = resolve(folder, path);
  const within = relative(folder, full);
  if (within.startsWith('..') || within.startsWith(sep) || within === '') {
    throw new RecordError(`${column} 指向导出文件夹之外：${path} (${column} is outside the export folder)`);
  }
  return full;
}

async function* readCsvFile(folder: string, kind: CsvKind): AsyncGenerator<Read> {
  const name = join(folder, CSV_FILES[kind]);
  const columns = CSV_COLUMNS[kind];
  if (!(await startsAsText(name))) {
    yield { file: name, line: 1, error: NOT_TEXT };
    return;
  }
  const parser = createReadStream(name).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_records_with_error: true,
      // An empty quoted cell is '', an empty unquoted one is absent.
      cast: (value, context) => (value === '' && !context.quoting ? null : value),
    }),
  );
  const skipped: Read[] = [];
  let doubled = 0;
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({
      file: name,
      line: (error.lines ?? 0) - doubled,
      error: shortened(`CSV 无法解析 (cannot parse CSV): ${error.message}`),
    });
  });
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Cell[];
    info: { lines: number; records: number };
  }>) {
    yield* skipped.splice(0);
    // `info.lines` is the line the record ends on, counting CR LF inside a quoted cell as two.
    const count = (pattern: RegExp) => record.reduce((n, cell) => n + (cell?.match(pattern)?.length ?? 0), 0);
    const crlf = count(/\r\n/g);
    const line = info.lines - doubled - crlf - count(/\r\n|\r|\n/g);
    doubled += crlf;
    if (!header) {
      header = record.map((cell) => cell ?? '');
      const expected = columns.join(',');
      if (header.join(',') !== expected) {
        yield {
          file: name,
          line,
          error: shortened(`表头应为 ${expected} (the header must be these columns): ${header.join(',')}`),
        };
        return;
      }
      continue;
    }
    if (record.length !== columns.length) {
      yield {
        file: name,
        line,
        error: `列数不符：应为 ${columns.length} 列，实为 ${record.length} 列 (wrong number of columns)`,
      };
      continue;
    }
    const row = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? null]));
    try {
      let content: { text: string; bytes: Uint8Array } | undefined;
      if (kind === 'document') {
        const textFile = insideFolder(folder, row.text_file ?? null, 'text_file');
        const originalFile = insideFolder(folder, row.original_file ?? null, 'original_file');
        const read = async (path: string, column: string) =>
          readFile(path).catch(() => {
            throw new RecordError(`找不到 ${column} 文件：${path} (the ${column} file is missing)`);
          });
        const text = (await read(textFile, 'text_file')).toString('utf8');
        content = { text, bytes: await read(originalFile, 'original_file') };
      }
      yield { file: name, line, record: fromCsvRow(kind, row, content) };
    } catch (error) {
      yield { file: name, line, error: shortened(errorMessage(error)) };
    }
  }
  yield* skipped.splice(0);
}

async function* readCsvFolder(folder: string): AsyncGenerator<Read> {
  let found = 0;
  for (const kind of CSV_ORDER) {
    const file = join(folder, CSV_FILES[kind]);
    if (!(await stat(file).catch(() => undefined))?.isFile()) continue;
    found++;
    yield* readCsvFile(folder, kind);
  }
  if (found === 0) {
    yield {
      file: folder,
      line: 0,
      error: `文件夹中没有导出的 CSV 文件 (no exported CSV files in the folder: ${Object.values(CSV_FILES).join(', ')})`,
    };
  }
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

const statementKey = (s: Statement) => `${s.entityId} ${s.id}`;
const retiredKey = (s: RetiredStatement) => `${s.entityId} ${s.id} ${s.retired.at}`;

/**
 * Stores one chunk of records in the transaction `tx`, what is referred to first; returns the
 * outcome of each record, in order.
 */
async function storeChunk(tx: Repositories, chunk: readonly Located[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = chunk.map(() => 'present');
  const documents: Array<{ at: number; document: DocumentOf }> = [];
  const entities: Array<{ at: number; entity: EntityOf }> = [];
  const statements: Array<{ at: number; statement: Statement; retired?: RetiredStatement }> = [];
  for (const [at, { record }] of chunk.entries()) {
    if (record.record === 'document') documents.push({ at, document: record.document });
    else if (record.record === 'entity') entities.push({ at, entity: record.entity });
    else if (record.record === 'statement') statements.push({ at, statement: record.statement });
    else statements.push({ at, statement: record.statement, retired: record.statement });
  }

  // Documents, with their articles, search rows and summaries.
  const known = new Set((await tx.documents.findMany(documents.map((d) => d.document.id))).map((d) => d.id));
  for (const { at, document } of documents) {
    if (known.has(document.id)) continue;
    known.add(document.id);
    await tx.documents.insert({
      id: document.id,
      format: document.format,
      encoding: document.encoding,
      bytes: document.bytes,
      text: document.text,
      ...(document.title !== undefined ? { title: document.title } : {}),
      ...(document.published !== undefined ? { published: document.published } : {}),
      sourcePath: document.sourcePath,
      extractorVersion: document.extractorVersion,
      ingestedAt: document.ingestedAt,
    });
    await tx.articles.replace(document.id, document.articles);
    await tx.search.replaceDocument(document.id, documentRows(document));
    await tx.stats.summary.documentStored(document.id, []);
    outcomes[at] = 'added';
  }

  // Entities.
  const newEntities = new Set(
    await tx.entities.insertRecorded(
      unique(
        entities.map((e) => e.entity),
        (e) => e.id,
      ),
    ),
  );
  for (const { at, entity } of entities) if (newEntities.delete(entity.id)) outcomes[at] = 'added';

  // Statements, live and retired: their entity and document must be in the store.
  const subjects = new Map(
    (await tx.entities.findMany([...new Set(statements.map((s) => s.statement.entityId))])).map((e) => [
      e.id,
      e,
    ]),
  );
  const cited = statements.flatMap(({ statement }) => {
    const documentId = citedDocument(statement);
    return documentId !== undefined && !known.has(documentId) ? [documentId] : [];
  });
  for (const d of await tx.documents.findMany([...new Set(cited)])) known.add(d.id);
  const live: Statement[] = [];
  const retired: RetiredStatement[] = [];
  for (const { at, statement, retired: asRetired } of statements) {
    const documentId = citedDocument(statement);
    if (!subjects.has(statement.entityId)) {
      outcomes[at] = {
        failed: `陈述的实体不在库中：${statement.entityId} (the statement's entity is not in the store)`,
      };
    } else if (documentId !== undefined && !known.has(documentId)) {
      outcomes[at] = {
        failed: `陈述引用的文档不在库中：${documentId} (the statement's document is not in the store)`,
      };
    } else if (asRetired) {
      retired.push(asRetired);
    } else {
      live.push(statement);
    }
  }
  const addedLive = new Set(
    (await tx.statements.insertRecorded(unique(live, statementKey))).map(statementKey),
  );
  const addedRetired = new Set(
    (await tx.statements.insertRetiredRecorded(unique(retired, retiredKey))).map(retiredKey),
  );
  const addedStatements: Statement[] = [];
  let addedRetiredCount = 0;
  for (const { at, statement, retired: asRetired } of statements) {
    if (outcomes[at] !== 'present') continue;
    if (asRetired ? addedRetired.delete(retiredKey(asRetired)) : addedLive.delete(statementKey(statement))) {
      outcomes[at] = 'added';
      if (asRetired) addedRetiredCount++;
      else addedStatements.push(statement);
    }
  }
  await tx.stats.summary.statementsAdded(addedStatements);
  await tx.statements.summarizeRecorded(addedStatements, addedRetiredCount);
  await tx.search.addEntityNames(entityNameRows(addedStatements, subjects));
  return outcomes;
}

type DocumentOf = Extract<DataRecord, { record: 'document' }>['document'];
type EntityOf = Extract<DataRecord, { record: 'entity' }>['entity'];

/** Whether `path` is a folder of CSV files or a JSON Lines file. */
export async function importFormat(path: string): Promise<ExchangeFormat> {
  const found = await stat(path).catch(() => undefined);
  if (!found) throw new NotFoundError(`找不到要导入的文件或文件夹：${path} (no such file or folder)`);
  return found.isDirectory() ? 'csv' : 'jsonl';
}

/**
 * Imports an export — a JSON Lines file or a folder of CSV files — into the store, adding what
 * it lacks and leaving what it has. Failures are returned (and given to `onFailure` as they are
 * found), never thrown: the rest of the file is still imported.
 *
 * @example
 * const summary = await importStore(store, 'kb.jsonl');
 * summary.added.statements; // statements the store did not have
 * summary.failures[0]; // { file: 'kb.jsonl', line: 7, reason: '不是有效的 JSON (not valid JSON): …' }
 */
export async function importStore(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const format = await importFormat(path);
  const summary: ImportSummary = {
    path,
    format,
    records: 0,
    added: zero(),
    present: zero(),
    failed: 0,
    failures: [],
  };
  const fail = (failure: ImportFailure) => {
    summary.failed++;
    if (summary.failures.length < KEPT_FAILURES) summary.failures.push(failure);
    options.onFailure?.(failure);
  };
  const settle = (chunk: readonly Located[], outcomes: readonly Outcome[]) => {
    for (const [i, item] of chunk.entries()) {
      const outcome = outcomes[i] ?? 'present';
      if (typeof outcome === 'object') fail({ file: item.file, line: item.line, reason: outcome.failed });
      else summary[outcome][COUNT_OF[item.record.record]]++;
    }
  };
  const flush = async (chunk: Located[]) => {
    if (chunk.length === 0) return;
    try {
      settle(chunk, await store.transaction((tx) => storeChunk(tx, chunk)));
    } catch {
      // One record the checks let through was refused by the store: find it, storing one at a time.
      for (const item of chunk) {
        try {
          settle([item], await store.transaction((tx) => storeChunk(tx, [item])));
        } catch (error) {
          fail({
            file: item.file,
            line: item.line,
            reason: `无法写入 (cannot be stored): ${errorMessage(error)}`,
          });
        }
      }
    }
  };

  const source = format === 'csv' ? readCsvFolder(resolve(path)) : readJsonl(path, path);
  let chunk: Located[] = [];
  let bytes = 0;
  for await (const read of source) {
    if ('error' in read) {
      summary.records++;
      fail({ file: read.file, line: read.line, reason: read.error });
      continue;
    }
    if (read.record.record === 'header') continue;
    summary.records++;
    chunk.push({ file: read.file, line: read.line, record: read.record });
    if (read.record.record === 'document') bytes += read.record.document.bytes.byteLength * 2;
    if (chunk.length >= CHUNK_RECORDS || bytes >= CHUNK_BYTES) {
      await flush(chunk);
      chunk = [];
      bytes = 0;
    }
  }
  await flush(chunk);
  if (store.dialect === 'sqlite') await store.checkpoint();
  return summary;
}

/** The document a statement was read or confirmed from, if any. */
function citedDocument(statement: Statement): string | undefined {
  return citedSpan(statement.source)?.documentId;
}
