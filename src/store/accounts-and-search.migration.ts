/**
 * Migration 0002: users and sessions for the web app, and the full-text index of documents,
 * articles and entity names (SQLite FTS5 with bm25; PostgreSQL `tsvector` with a GIN index and
 * ts_rank). Both hold the words of the project's segmentation, joined by spaces.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from './database.js';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

export function accountsAndSearch(dialect: StoreDialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('users')
        .addColumn('name', 'text', (c) => c.primaryKey().notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('users_role_check', sql`role in ('viewer', 'editor', 'admin')`)
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
        .addColumn('user_name', 'text', (c) => c.notNull().references('users.name').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      // One row per indexed item (a document, an article, an entity's names) with its words.
      await db.schema
        .createTable('search_rows')
        .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigserial', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addUniqueConstraint('search_rows_ref_key', ['kind', 'ref'])
        .addCheckConstraint('search_rows_kind_check', sql`kind in ('document', 'article', 'entity')`)
        .execute();
      await db.schema
        .createIndex('search_rows_document_idx')
        .on('search_rows')
        .column('document_id')
        .execute();
      if (dialect === 'sqlite') {
        // The words live in search_rows; FTS5 indexes them (external content) and ranks with bm25.
        await sql`create virtual table search_fts using fts5(
          title, body, content = 'search_rows', content_rowid = 'id',
          tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      } else {
        await sql`alter table search_rows add column tsv tsvector generated always as
          (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(
          db,
        );
        await sql`create index search_rows_tsv_idx on search_rows using gin (tsv)`.execute(db);
      }
    },
  };
}
