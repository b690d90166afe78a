/**
 * Migration 0008: entity rows of the full-text index that name no stored entity go. Ingest
 * used to file a body's names under the id of the name a document shows (重庆高新区) rather than
 * of its canonical name (重庆高新技术产业开发区) the entity is stored by, so a search listed a
 * body whose page did not exist. Rows are filed under stored ids now; `reextract` gives the
 * bodies whose rows went their names back.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from './database.js';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

export function entitySearchRows(dialect: StoreDialect): Migration {
  return {
    async up(db: AnyDb) {
      const dangling = sql`kind = 'entity' and ref not in (select id from entities)`;
      if (dialect === 'sqlite') {
        // External-content FTS5 forgets a row only when told its old words.
        await sql`insert into search_fts (search_fts, rowid, title, body)
          select 'delete', id, title, body from search_rows where ${dangling}`.execute(db);
      }
      await sql`delete from search_rows where ${dangling}`.execute(db);
    },
  };
}
