/**
 * better-sqlite3 behind Kysely prepares every query anew; a query's plan depends only on its SQL,
 * so prepared statements are kept by their text and reused. Ingest runs the same few inserts for
 * every document: preparing them once is a large share of its time on SQLite.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept at most; the least recently used goes first. */
const CAPACITY = 256;

/**
 * The database as Kysely's SQLite dialect sees it, with prepared statements reused by SQL text.
 *
 * @example new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(new Database(file)) }) })
 */
export function withStatementCache(database: Database, capacity = CAPACITY): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string): SqliteStatement => {
      let statement = cache.get(sql);
      if (statement) {
        // Re-inserted so that the map's order is the order of last use.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= capacity) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
