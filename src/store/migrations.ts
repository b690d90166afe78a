/**
 * Versioned migrations, written once in Kysely's schema builder for SQLite and PostgreSQL. A
 * migration is never edited once released: a change of schema is a new entry.
 *
 * The schema is ready for distributed PostgreSQL (Citus): statements, retired statements and
 * entities are keyed by the entity id, which is in every primary key and unique constraint of
 * those tables; document contents and articles are keyed by the document id; documents (small
 * rows, no bytes) can be a reference table every node holds. See README, "Distributing the store".
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { accountsAndSearch } from './accounts-and-search.migration.js';
import type { StoreDialect } from './database.js';
import { entitySearchRows } from './entity-search-rows.migration.js';
import { eventDocumentsIndex } from './event-documents-index.migration.js';
import { manualStatementsIndex } from './manual-statements-index.migration.js';
import { matchingNeeds } from './matching-needs.migration.js';
import { registryTypes } from './registry-types.migration.js';
import { summaryTables } from './summary-tables.migration.js';

// Migrations run on any schema version, so they see the database untyped.
// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

function initialSchema(dialect: StoreDialect): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('byte_length', 'integer', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('published', 'text')
        .addColumn('source_path', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('extractor_version', 'text', (c) => c.notNull())
        .addCheckConstraint('documents_format_check', sql`format in ('txt', 'html', 'pdf', 'docx')`)
        .execute();

      await db.schema
        .createTable('document_contents')
        .addColumn('document_id', 'text', (c) => c.primaryKey().notNull().references('documents.id'))
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('headline', 'text')
        .addColumn('headline_start', 'integer')
        .addColumn('headline_end', 'integer')
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('byline', 'text')
        .addPrimaryKeyConstraint('articles_pkey', ['document_id', 'ordinal'])
        .execute();

      await db.schema
        .createTable('entities')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('entities_type_check', sql`type in ('organization', 'person', 'place', 'event')`)
        .execute();
      await db.schema.createIndex('entities_type_idx').on('entities').column('type').execute();

      for (const table of ['statements', 'retired_statements'] as const) {
        const retired = table === 'retired_statements';
        let builder = db.schema
          .createTable(table)
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
          .addColumn('property', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.references('documents.id'))
          .addColumn('span_start', 'integer')
          .addColumn('span_end', 'integer')
          .addColumn('extractor_version', 'text')
          .addColumn('author', 'text')
          .addColumn('import_file', 'text')
          .addColumn('import_row', 'integer')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addCheckConstraint(`${table}_origin_check`, sql`origin in ('extracted', 'manual', 'import')`)
          .addCheckConstraint(`${table}_status_check`, sql`status in ('proposed', 'accepted', 'rejected')`)
          // Every statement names its source: a document span, a person, or a file's row.
          .addCheckConstraint(
            `${table}_source_check`,
            sql`(origin = 'extracted' and document_id is not null and span_start is not null
                 and span_end is not null and extractor_version is not null)
             or (origin = 'manual' and author is not null)
             or (origin = 'import' and import_file is not null and import_row is not null)`,
          );
        if (retired) {
          builder = builder
            .addColumn('retired_at', 'text', (c) => c.notNull())
            .addColumn('retired_by', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint(`${table}_pkey`, ['entity_id', 'id', 'retired_at']);
        } else {
          // The entity id, the distribution column, leads every key.
          builder = builder.addPrimaryKeyConstraint(`${table}_pkey`, ['entity_id', 'id']);
        }
        await builder.execute();
        await db.schema.createIndex(`${table}_document_idx`).on(table).column('document_id').execute();
      }
      // Looking entities up by name, and events up by the entities taking part in them.
      await db.schema
        .createIndex('statements_reference_idx')
        .on('statements')
        .columns(['property', 'value'])
        .where(sql.ref('property'), 'in', sql`('name', 'alias', 'participant', 'place')`)
        .execute();
    },
  };
}

/** The migrations, by name; Kysely applies them in the order of their names. */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial_schema': initialSchema(dialect),
    '0002_accounts_and_search': accountsAndSearch(dialect),
    '0003_summary_tables': summaryTables(dialect),
    '0004_registry_types': registryTypes(dialect),
    '0005_matching_needs': matchingNeeds(dialect),
    '0006_manual_statements_index': manualStatementsIndex(),
    '0007_event_documents_index': eventDocumentsIndex(),
    '0008_entity_search_rows': entitySearchRows(dialect),
  };
}

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
