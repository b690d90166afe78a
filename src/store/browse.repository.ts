/**
 * What the web app lists and charts: documents page by page, the review queue, the parties
 * most often in events, and the amounts of events by place.
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

  /** Entity ids most often named as a party to an event, with how many events. */
  async topParticipants(limit: number): Promise<Array<{ entityId: string; events: number }>> {
    const rows = await this.db
      .selectFrom('statements')
      .select(['value', (eb) => eb.fn.count<number>('entity_id').distinct().as('n')])
      .where('property', '=', 'participant')
      .groupBy('value')
      .orderBy('n', 'desc')
      .orderBy('value')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ entityId: JSON.parse(r.value) as string, events: Number(r.n) }));
  }

  /** Each event's amounts with the id of the place it happened in. */
  async amountsByPlace(): Promise<Array<{ placeId: string; amount: { value: number; currency: string } }>> {
    const rows = await this.db
      .selectFrom('statements as a')
      .innerJoin('statements as p', (join) =>
        join.onRef('p.entity_id', '=', 'a.entity_id').on('p.property', '=', 'place'),
      )
      .select(['a.value as amount', 'p.value as place'])
      .where('a.property', '=', 'amount')
      .execute();
    return rows.map((r) => ({
      placeId: JSON.parse(r.place) as string,
      amount: JSON.parse(r.amount) as { value: number; currency: string },
    }));
  }
}
