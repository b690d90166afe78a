/**
 * Migration 0009: an entity's statements are read latest first without an index by entity and
 * time over every statement. That index put each document's statements in as many places as the
 * document names bodies, and kept ingest at a third less than it runs without it. A statement
 * drawn from a document now has the time of its document (`documents_ingested_idx`), which is
 * found from the document (`statements_document_entity_idx`); only what people and imports
 * state, a small part, keeps an index by entity and time (`statements_stated_idx`). See
 * `latest-statements.ts`.
 */
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

export function statementTime(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createIndex('statements_document_entity_idx')
        .ifNotExists()
        .on('statements')
        .columns(['document_id', 'entity_id'])
        .execute();
      await db.schema.dropIndex('statements_document_idx').ifExists().execute();
      await db.schema
        .createIndex('statements_stated_idx')
        .ifNotExists()
        .on('statements')
        .columns(['entity_id', 'created_at', 'id'])
        .where(sql.ref('origin'), '<>', sql.lit('extracted'))
        .execute();
      await db.schema.dropIndex('statements_entity_created_idx').ifExists().execute();
    },
  };
}
