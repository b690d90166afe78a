/**
 * Migration 0006: an index of the statements people made, by entity and property. A much-named
 * body holds hundreds of thousands of extracted statements and a handful of decisions (merges,
 * splits, reviews); reading its decisions went through all of them. The index holds only the
 * manual rows, so documents are written as fast as before.
 */
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

export function manualStatementsIndex(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createIndex('statements_manual_idx')
        .ifNotExists()
        .on('statements')
        .columns(['entity_id', 'property'])
        .where(sql.ref('origin'), '=', sql.lit('manual'))
        .execute();
    },
  };
}
