/**
 * Migration 0007: an index of where events are told, by document. A report of a region looks at
 * the events of every document that mentions the region (tens of thousands in a large store) to
 * find those whose sentence names it; without this index each of their statements was read from
 * the table to learn which were events. It holds only the events' type statements, with their
 * spans, so the question is answered from the index alone.
 */
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

export function eventDocumentsIndex(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createIndex('statements_event_document_idx')
        .ifNotExists()
        .on('statements')
        .columns(['document_id', 'entity_id', 'span_start', 'span_end'])
        .where(sql.ref('property'), '=', sql.lit('eventType'))
        .execute();
    },
  };
}
