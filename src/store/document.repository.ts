import type { Kysely, Selectable } from 'kysely';
import type { DocumentFormat } from '../core/types.js';
import type { Database, DocumentTable } from './database.js';

/** A document as it is stored: metadata, original bytes and the text read from them. */
export interface NewDocument {
  /** sha256 of the bytes, hex. */
  id: string;
  format: DocumentFormat;
  encoding: string;
  bytes: Uint8Array;
  text: string;
  title?: string;
  published?: string;
  sourcePath: string;
  extractorVersion: string;
  ingestedAt: string;
}

export interface DocumentRecord {
  id: string;
  format: DocumentFormat;
  encoding: string;
  byteLength: number;
  title?: string;
  published?: string;
  sourcePath: string;
  ingestedAt: string;
  extractorVersion: string;
}

export function toRecord(row: Selectable<DocumentTable>): DocumentRecord {
  return {
    id: row.id,
    format: row.format as DocumentFormat,
    encoding: row.encoding,
    byteLength: Number(row.byte_length),
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.published !== null ? { published: row.published } : {}),
    sourcePath: row.source_path,
    ingestedAt: row.ingested_at,
    extractorVersion: row.extractor_version,
  };
}

// PostgreSQL text cannot hold NUL; U+FFFD has the same UTF-16 length, so spans stay exact.
const storableText = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/** Documents and their contents (bytes and text), keyed by the sha256 of the bytes. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Stores a document and its contents. Returns false, storing nothing, when a document with
   * the same content is already there.
   */
  async insert(document: NewDocument): Promise<boolean> {
    const inserted = await this.db
      .insertInto('documents')
      .values({
        id: document.id,
        format: document.format,
        encoding: document.encoding,
        byte_length: document.bytes.byteLength,
        title: document.title ?? null,
        published: document.published ?? null,
        source_path: document.sourcePath,
        ingested_at: document.ingestedAt,
        extractor_version: document.extractorVersion,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await this.db
      .insertInto('document_contents')
      .values({ document_id: document.id, bytes: document.bytes, text: storableText(document.text) })
      .execute();
    return true;
  }

  async find(id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async findMany(ids: readonly string[]): Promise<DocumentRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('documents').selectAll().where('id', 'in', ids).execute();
    return rows.map(toRecord);
  }

  /** The original bytes and the text of a document. */
  async content(id: string): Promise<{ bytes: Uint8Array; text: string } | undefined> {
    const row = await this.db
      .selectFrom('document_contents')
      .select(['bytes', 'text'])
      .where('document_id', '=', id)
      .executeTakeFirst();
    return row ? { bytes: new Uint8Array(row.bytes), text: row.text } : undefined;
  }

  /** The texts of several documents, by id. */
  async texts(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('document_contents')
      .select(['document_id', 'text'])
      .where('document_id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.document_id, r.text]));
  }

  /** Up to `limit` ids of documents whose statements are of another extractor version, after `afterId`. */
  async listOutdated(version: string, afterId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('extractor_version', '<>', version)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async countOutdated(version: string): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('extractor_version', '<>', version)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Replaces the text read from the bytes, when a newer reader reads them differently. */
  async replaceText(id: string, text: string): Promise<void> {
    await this.db
      .updateTable('document_contents')
      .set({ text: storableText(text) })
      .where('document_id', '=', id)
      .execute();
  }

  /** Records that the document's current statements are those of `version`. */
  async setExtractorVersion(id: string, version: string): Promise<void> {
    await this.db.updateTable('documents').set({ extractor_version: version }).where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Up to `limit` documents after `afterId`, in id order: paging through all reads each once. */
  async page(afterId: string | undefined, limit: number): Promise<DocumentRecord[]> {
    let query = this.db.selectFrom('documents').selectAll();
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map(toRecord);
  }

  /** The original bytes and the text of several documents, by id. */
  async contents(ids: readonly string[]): Promise<Map<string, { bytes: Uint8Array; text: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('document_contents')
      .select(['document_id', 'bytes', 'text'])
      .where('document_id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.document_id, { bytes: new Uint8Array(r.bytes), text: r.text }]));
  }
}
