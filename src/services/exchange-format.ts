/**
 * The exchange format of `export` and `import`: the records, their zod schemas, and how a record
 * is one JSON line or one CSV row. One JSON line is one record with a `record` field naming its
 * kind; in CSV each kind is a file of its own, and a document's text and original bytes are files
 * beside them (`texts/ID.txt`, `originals/ID.FORMAT`).
 *
 * Writing a record and reading it back gives the same record, so an export of a store, imported
 * into an empty store and exported again, is the same bytes.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  citedSpan,
  type JsonValue,
  STATEMENT_ORIGINS,
  STATEMENT_STATUSES,
  STORED_ENTITY_TYPES,
  type Statement,
  type StatementSource,
  statementId,
} from '../core/statements.js';
import type { Article } from '../core/types.js';
import type { DocumentRecord } from '../store/document.repository.js';
import type { StoredEntity } from '../store/entity.repository.js';
import type { RetiredStatement } from '../store/statement.repository.js';

export const EXCHANGE_VERSION = 1;

/** What `--kind` selects: entities (events among them), statements (live and retired), documents. */
export const EXPORT_KINDS = ['entities', 'statements', 'documents'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExchangeFormat = 'jsonl' | 'csv';

/** A document with everything needed to store it again: metadata, articles, text and bytes. */
export interface DocumentExchange extends DocumentRecord {
  articles: Article[];
  text: string;
  bytes: Uint8Array;
}

/** One record of an export, as the store reads and writes it. */
export type ExchangeRecord =
  | { record: 'header'; format: 'coopatlas'; version: number; kinds: ExportKind[] }
  | { record: 'document'; document: DocumentExchange }
  | { record: 'entity'; entity: StoredEntity }
  | { record: 'statement'; statement: Statement }
  | { record: 'retired_statement'; statement: RetiredStatement };

// ---- Writing: a record as a JSON object with its keys in one fixed order.

function sourceJson(source: StatementSource): Record<string, JsonValue> {
  switch (source.origin) {
    case 'extracted':
      return {
        origin: source.origin,
        documentId: source.documentId,
        span: { start: source.span.start, end: source.span.end },
        extractorVersion: source.extractorVersion,
      };
    case 'manual':
      return {
        origin: source.origin,
        author: source.author,
        ...(source.evidence
          ? {
              evidence: {
                documentId: source.evidence.documentId,
                span: { start: source.evidence.span.start, end: source.evidence.span.end },
              },
            }
          : {}),
      };
    case 'import':
      return { origin: source.origin, file: source.file, row: source.row };
  }
}

function articleJson(article: Article): Record<string, JsonValue> {
  return {
    index: article.index,
    span: { start: article.span.start, end: article.span.end },
    ...(article.headline !== undefined ? { headline: article.headline } : {}),
    ...(article.headlineSpan
      ? { headlineSpan: { start: article.headlineSpan.start, end: article.headlineSpan.end } }
      : {}),
    ...(article.byline !== undefined ? { byline: article.byline } : {}),
  };
}

function documentMetadataJson(d: DocumentRecord): Record<string, JsonValue> {
  return {
    id: d.id,
    format: d.format,
    encoding: d.encoding,
    byteLength: d.byteLength,
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(d.published !== undefined ? { published: d.published } : {}),
    sourcePath: d.sourcePath,
    ingestedAt: d.ingestedAt,
    extractorVersion: d.extractorVersion,
  };
}

function statementJson(s: Statement): Record<string, JsonValue> {
  return {
    id: s.id,
    entityId: s.entityId,
    property: s.property,
    value: s.value,
    source: sourceJson(s.source),
    status: s.status,
    created: s.created,
  };
}

/** A record as one line of JSON Lines, without the line break. */
export function toJsonLine(record: ExchangeRecord): string {
  switch (record.record) {
    case 'header':
      return JSON.stringify(record);
    case 'document': {
      const d = record.document;
      return JSON.stringify({
        record: 'document',
        ...documentMetadataJson(d),
        articles: d.articles.map(articleJson),
        text: d.text,
        bytes: Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength).toString('base64'),
      });
    }
    case 'entity': {
      const e = record.entity;
      return JSON.stringify({ record: 'entity', id: e.id, type: e.type, key: e.key, created: e.created });
    }
    case 'statement':
      return JSON.stringify({ record: 'statement', ...statementJson(record.statement) });
    case 'retired_statement': {
      const s = record.statement;
      return JSON.stringify({
        record: 'retired_statement',
        ...statementJson(s),
        retired: { at: s.retired.at, by: s.retired.by },
      });
    }
  }
}

// ---- CSV: one file per kind, a row per record; an empty unquoted cell is an absent value.

export const CSV_FILES = {
  document: 'documents.csv',
  entity: 'entities.csv',
  statement: 'statements.csv',
  retired_statement: 'retired_statements.csv',
} as const;

export type CsvKind = keyof typeof CSV_FILES;

/** The order the CSV files are written and read in: what a row refers to comes first. */
export const CSV_ORDER: readonly CsvKind[] = ['document', 'entity', 'statement', 'retired_statement'];

const STATEMENT_COLUMNS = [
  'id',
  'entity_id',
  'property',
  'value',
  'origin',
  'document_id',
  'span_start',
  'span_end',
  'extractor_version',
  'author',
  'import_file',
  'import_row',
  'status',
  'created',
] as const;

export const CSV_COLUMNS: Record<CsvKind, readonly string[]> = {
  document: [
    'id',
    'format',
    'encoding',
    'byte_length',
    'title',
    'published',
    'source_path',
    'ingested_at',
    'extractor_version',
    'articles',
    'text_file',
    'original_file',
  ],
  entity: ['id', 'type', 'key', 'created'],
  statement: STATEMENT_COLUMNS,
  retired_statement: [...STATEMENT_COLUMNS, 'retired_at', 'retired_by'],
};

/** Where a document's text and original bytes are, inside a CSV export's folder. */
export function contentFiles(document: { id: string; format: string }): { text: string; original: string } {
  return { text: `texts/${document.id}.txt`, original: `originals/${document.id}.${document.format}` };
}

/** A CSV cell: `null` is an empty cell, `''` an empty quoted one. */
export type Cell = string | null;

function statementCells(s: Statement): Cell[] {
  const { source } = s;
  const extracted = source.origin === 'extracted' ? source : undefined;
  const located = citedSpan(source);
  return [
    s.id,
    s.entityId,
    s.property,
    JSON.stringify(s.value),
    source.origin,
    located ? located.documentId : null,
    located ? String(located.span.start) : null,
    located ? String(located.span.end) : null,
    extracted ? extracted.extractorVersion : null,
    source.origin === 'manual' ? source.author : null,
    source.origin === 'import' ? source.file : null,
    source.origin === 'import' ? String(source.row) : null,
    s.status,
    s.created,
  ];
}

/** A record as the cells of its CSV file's row; documents' text and bytes go to their own files. */
export function toCsvRow(record: Exclude<ExchangeRecord, { record: 'header' }>): Cell[] {
  switch (record.record) {
    case 'document': {
      const d = record.document;
      const files = contentFiles(d);
      return [
        d.id,
        d.format,
        d.encoding,
        String(d.byteLength),
        d.title ?? null,
        d.published ?? null,
        d.sourcePath,
        d.ingestedAt,
        d.extractorVersion,
        JSON.stringify(d.articles.map(articleJson)),
        files.text,
        files.original,
      ];
    }
    case 'entity':
      return [record.entity.id, record.entity.type, record.entity.key, record.entity.created];
    case 'statement':
      return statementCells(record.statement);
    case 'retired_statement':
      return [...statementCells(record.statement), record.statement.retired.at, record.statement.retired.by];
  }
}

// ---- Reading: zod schemas for what a line or a row may hold.

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict();
const nonEmpty = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });
const json: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]),
);

const articleSchema = z
  .object({
    index: z.number().int().min(0),
    span,
    headline: z.string().optional(),
    headlineSpan: span.optional(),
    byline: z.string().optional(),
  })
  .strict();

const documentMetadata = {
  id: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 sha256 (a sha256 in hex)'),
  format: z.enum(['txt', 'html', 'pdf', 'docx']),
  encoding: nonEmpty,
  byteLength: z.number().int().min(0),
  title: z.string().optional(),
  published: z.string().optional(),
  sourcePath: nonEmpty,
  ingestedAt: isoTime,
  extractorVersion: nonEmpty,
  articles: z.array(articleSchema),
};

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, '不是 base64 (not base64)');

const documentLine = z
  .object({ record: z.literal('document'), ...documentMetadata, text: z.string(), bytes: base64 })
  .strict();

const entityLine = z
  .object({
    record: z.literal('entity'),
    id: nonEmpty,
    type: z.enum(STORED_ENTITY_TYPES as [string, ...string[]]),
    key: z.string(),
    created: isoTime,
  })
  .strict();

const sourceSchema = z.discriminatedUnion('origin', [
  z
    .object({ origin: z.literal('extracted'), documentId: nonEmpty, span, extractorVersion: nonEmpty })
    .strict(),
  z
    .object({
      origin: z.literal('manual'),
      author: z.string().trim().min(1),
      evidence: z.object({ documentId: nonEmpty, span }).strict().optional(),
    })
    .strict(),
  z.object({ origin: z.literal('import'), file: nonEmpty, row: z.number().int().min(0) }).strict(),
]);

const statementFields = {
  id: nonEmpty,
  entityId: nonEmpty,
  property: nonEmpty,
  value: json,
  source: sourceSchema,
  status: z.enum(STATEMENT_STATUSES as [string, ...string[]]),
  created: isoTime,
};

const statementLine = z.object({ record: z.literal('statement'), ...statementFields }).strict();
const retiredLine = z
  .object({
    record: z.literal('retired_statement'),
    ...statementFields,
    retired: z.object({ at: isoTime, by: nonEmpty }).strict(),
  })
  .strict();
const headerLine = z
  .object({
    record: z.literal('header'),
    format: z.literal('coopatlas'),
    version: z.literal(EXCHANGE_VERSION),
    kinds: z.array(z.enum(EXPORT_KINDS)),
  })
  .strict();

const lineSchema = z.discriminatedUnion('record', [
  headerLine,
  documentLine,
  entityLine,
  statementLine,
  retiredLine,
]);

/** Why a line or row is not a record: Chinese first, English in brackets. */
export class RecordError extends Error {}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(记录 record)'}: ${issue.message}`)
    .join('; ');
}

function checkedStatement<T extends Statement>(statement: T): T {
  const { source } = statement;
  if (source.origin === 'extracted' && source.span.end < source.span.start) {
    throw new RecordError('片段的结束位置在开始之前 (the span ends before it starts)');
  }
  if (source.origin !== 'manual') {
    const expected = statementId({ ...statement, source });
    if (expected !== statement.id) {
      throw new RecordError(
        `陈述编号与其内容不符，应为 ${expected} (the statement id is not the digest of what it says)`,
      );
    }
  }
  return statement;
}

function checkedDocument(document: DocumentExchange): DocumentExchange {
  if (document.bytes.byteLength !== document.byteLength) {
    throw new RecordError(
      `文档字节数 ${document.bytes.byteLength} 与 byteLength ${document.byteLength} 不符 (the bytes are not byteLength long)`,
    );
  }
  const digest = createHash('sha256').update(document.bytes).digest('hex');
  if (digest !== document.id) {
    throw new RecordError(
      `文档内容的 sha256 为 ${digest}，与编号不符 (the bytes do not match the document id)`,
    );
  }
  for (const article of document.articles) {
    if (article.span.end < article.span.start || article.span.end > document.text.length) {
      throw new RecordError(`文章 ${article.index} 的片段超出正文 (article span outside the text)`);
    }
  }
  return document;
}

function checkedEntity(entity: StoredEntity): StoredEntity {
  if (!entity.id.startsWith(`${entity.type}:`)) {
    throw new RecordError(
      `实体编号 ${entity.id} 与类型 ${entity.type} 不符 (the entity id is not of its type)`,
    );
  }
  return entity;
}

type ParsedLine = z.infer<typeof lineSchema>;

function fromParsed(parsed: ParsedLine): ExchangeRecord {
  switch (parsed.record) {
    case 'header':
      return parsed;
    case 'document': {
      const { record: _, bytes, ...rest } = parsed;
      return {
        record: 'document',
        document: checkedDocument({ ...rest, bytes: Buffer.from(bytes, 'base64') }),
      };
    }
    case 'entity': {
      const { record: _, ...entity } = parsed;
      return { record: 'entity', entity: checkedEntity(entity as StoredEntity) };
    }
    case 'statement': {
      const { record: _, ...statement } = parsed;
      return { record: 'statement', statement: checkedStatement(statement as Statement) };
    }
    case 'retired_statement': {
      const { record: _, ...statement } = parsed;
      return { record: 'retired_statement', statement: checkedStatement(statement as RetiredStatement) };
    }
  }
}

/**
 * A line of JSON Lines as a record.
 *
 * @example fromJsonLine('{"record":"entity","id":"place:…","type":"place","key":"北京市","created":"…"}')
 * @throws RecordError saying why the line is not a record.
 */
export function fromJsonLine(line: string): ExchangeRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new RecordError(`不是有效的 JSON (not valid JSON): ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordError('不是 JSON 对象 (not a JSON object)');
  }
  const kind = (value as { record?: unknown }).record;
  if (!['header', 'document', 'entity', 'statement', 'retired_statement'].includes(String(kind))) {
    throw new RecordError(`未知的记录类型 ${JSON.stringify(kind ?? null)} (unknown record kind)`);
  }
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) throw new RecordError(`字段无效 (invalid fields): ${describeIssues(parsed.error)}`);
  return fromParsed(parsed.data);
}

/** A CSV row as the JSON object a JSON line of the same record holds, for the same checks. */
function csvObject(kind: CsvKind, row: Record<string, Cell>, content?: { text: string; bytes: string }) {
  const integer = (cell: Cell, column: string) => {
    if (cell === null) return undefined;
    if (!/^-?\d+$/.test(cell))
      throw new RecordError(`${column} 应为整数：${cell} (${column} must be an integer)`);
    return Number(cell);
  };
  const parsedJson = (cell: Cell, column: string): unknown => {
    if (cell === null) return undefined;
    try {
      return JSON.parse(cell);
    } catch {
      throw new RecordError(`${column} 不是有效的 JSON：${cell.slice(0, 80)} (${column} is not valid JSON)`);
    }
  };
  const optional = (cell: Cell) => cell ?? undefined;
  const defined = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (kind) {
    case 'document':
      return defined({
        record: kind,
        id: row.id,
        format: row.format,
        encoding: row.encoding,
        byteLength: integer(row.byte_length ?? null, 'byte_length'),
        title: optional(row.title ?? null),
        published: optional(row.published ?? null),
        sourcePath: row.source_path,
        ingestedAt: row.ingested_at,
        extractorVersion: row.extractor_version,
        articles: parsedJson(row.articles ?? null, 'articles'),
        text: content?.text,
        bytes: content?.bytes,
      });
    case 'entity':
      return { record: kind, id: row.id, type: row.type, key: row.key, created: row.created };
    case 'statement':
    case 'retired_statement': {
      const origin = row.origin;
      let source: unknown;
      if (origin === 'extracted') {
        source = defined({
          origin,
          documentId: row.document_id,
          span: defined({
            start: integer(row.span_start ?? null, 'span_start'),
            end: integer(row.span_end ?? null, 'span_end'),
          }),
          extractorVersion: row.extractor_version,
        });
      } else if (origin === 'manual') {
        source = row.document_id
          ? {
              origin,
              author: row.author,
              evidence: {
                documentId: row.document_id,
                span: defined({
                  start: integer(row.span_start ?? null, 'span_start'),
                  end: integer(row.span_end ?? null, 'span_end'),
                }),
              },
            }
          : { origin, author: row.author };
      } else if (origin === 'import') {
        source = defined({
          origin,
          file: row.import_file,
          row: integer(row.import_row ?? null, 'import_row'),
        });
      } else {
        const known = STATEMENT_ORIGINS.join(', ');
        throw new RecordError(`未知的来源 ${JSON.stringify(origin)}，应为 ${known} (unknown origin)`);
      }
      return defined({
        record: kind,
        id: row.id,
        entityId: row.entity_id,
        property: row.property,
        value: parsedJson(row.value ?? null, 'value'),
        source,
        status: row.status,
        created: row.created,
        retired: kind === 'retired_statement' ? { at: row.retired_at, by: row.retired_by } : undefined,
      });
    }
  }
}

/**
 * A CSV row of `kind`'s file as a record; a document's row with its text and bytes, read from
 * the files it names.
 *
 * @throws RecordError saying why the row is not a record.
 */
export function fromCsvRow(
  kind: CsvKind,
  row: Record<string, Cell>,
  content?: { text: string; bytes: Uint8Array },
): ExchangeRecord {
  const object = csvObject(
    kind,
    row,
    content ? { text: content.text, bytes: Buffer.from(content.bytes).toString('base64') } : undefined,
  );
  const parsed = lineSchema.safeParse(object);
  if (!parsed.success) throw new RecordError(`字段无效 (invalid fields): ${describeIssues(parsed.error)}`);
  return fromParsed(parsed.data);
}
