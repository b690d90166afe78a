/**
 * Widens the check on the types an entity may have, for the migrations that add a type.
 * PostgreSQL replaces the constraint; SQLite cannot alter one, so the table is rebuilt the way
 * SQLite prescribes (a new table, the rows copied, the old one dropped and the new one
 * renamed), with foreign keys off meanwhile and checked before the commit.
 */
import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from './database.js';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

/** Makes `entities_type_check` admit exactly `types`. */
export async function setEntityTypes(
  db: AnyDb,
  dialect: StoreDialect,
  types: readonly string[],
): Promise<void> {
  const check = sql`type in (${sql.join(types.map((t) => sql.lit(t)))})`;
  if (dialect === 'postgres') {
    await sql`alter table entities drop constraint entities_type_check`.execute(db);
    await sql`alter table entities add constraint entities_type_check check (${check})`.execute(db);
    return;
  }
  // SQLite runs migrations outside a transaction: the pragma only works there.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await db.schema
        .createTable('entities_new')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('entities_type_check', check)
        .execute();
      await sql`insert into entities_new (id, type, key, created_at) select id, type, key, created_at from entities`.execute(
        db,
      );
      await sql`drop table entities`.execute(db);
      await sql`alter table entities_new rename to entities`.execute(db);
      await db.schema.createIndex('entities_type_idx').on('entities').column('type').execute();
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`${broken.rows.length} rows lost their entity`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
