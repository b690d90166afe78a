/**
 * What the web app lists: documents page by page, the latest documents, the review queue, and
 * an entity's statements page by page.
 */
import { type Kysely, sql } from 'kysely';
import type { Statement } from '../core/statements.js';
import type { Database } from './database.js';
import { type DocumentRecord, toRecord } from './document.repository.js';
import { fromRow } from './statement.repository.js';

export interface ReviewFilters {
  documentId?: string;
  property?: string;
}

export class BrowseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Documents, latest ingested first. */
  async documents(limit: number, offset: number): Promise<{ items: DocumentRecord[]; total: number }> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .orderBy('ingested_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toRecord), total: Number(total.n) };
  }

  async statement(id: string): Promise<Statement | undefined> {
    const row = await this.db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /**
   * Extracted statements no person has decided on yet, in reading order: a decision is a
   * person's statement of the same entity, property and value.
   */
  async reviewQueue(
    filters: ReviewFilters,
    limit: number,
    offset: number,
  ): Promise<{ items: Statement[]; total: number }> {
    let query = this.db
      .selectFrom('statements as s')
      .where('s.origin', '=', 'extracted')
      .where('s.status', '=', 'proposed')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('statements as m')
              .select(sql`1`.as('one'))
              .where('m.origin', '=', 'manual')
              .whereRef('m.entity_id', '=', 's.entity_id')
              .whereRef('m.property', '=', 's.property')
              .whereRef('m.value', '=', 's.value'),
          ),
        ),
      );
    if (filters.documentId) query = query.where('s.document_id', '=', filters.documentId);
    if (filters.property) query = query.where('s.property', '=', filters.property);
    const rows = await query
      .selectAll('s')
      .orderBy('s.document_id')
      .orderBy('s.span_start')
      .orderBy('s.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(fromRow), total: Number(total.n) };
  }

  /** The latest documents ingested, without counting them all. */
  async latestDocuments(limit: number): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .orderBy('ingested_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  /** A page of an entity's live statements, latest first. */
  async entityStatements(
    entityIds: string | readonly string[],
    limit: number,
    offset: number,
  ): Promise<Statement[]> {
    const rows = await this.db
      .selectFrom('statements')
      .selectAll()
      .where('entity_id', 'in', typeof entityIds === 'string' ? [entityIds] : [...entityIds])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(fromRow);
  }
}
