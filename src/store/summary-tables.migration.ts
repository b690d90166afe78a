/**
 * Migration 0003: the summaries the dashboard, the stats, the entity pages and the search facets
 * read, so that no request counts over all statements. They are kept in the transaction of every
 * write that changes statements (`SummaryRepository`); this migration fills them once from the
 * statements a store already holds. Also the indexes that page an entity's statements by time
 * and list the latest documents.
 *
 * An event is an entity with an `eventType` statement; values are JSON text, so a string value
 * `"…"` is read without its quotes by `substr`.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from './database.js';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

const unquoted = (column: string) => sql.raw(`substr(${column}, 2, length(${column}) - 2)`);

/** Yuan of a CNY amount above zero, rounded to the yuan; null for any other value. */
function yuan(dialect: StoreDialect, column: string) {
  return dialect === 'sqlite'
    ? sql.raw(`case when json_valid(${column}) and json_type(${column}) = 'object'
        and json_extract(${column}, '$.currency') = 'CNY'
        and json_type(${column}, '$.value') in ('integer', 'real')
        and json_extract(${column}, '$.value') > 0
        then cast(round(json_extract(${column}, '$.value')) as integer) end`)
    : sql.raw(`case when jsonb_typeof(${column}::jsonb) = 'object'
        and ${column}::jsonb->>'currency' = 'CNY'
        and jsonb_typeof(${column}::jsonb->'value') = 'number'
        and (${column}::jsonb->>'value')::numeric > 0
        then round((${column}::jsonb->>'value')::numeric)::bigint end`);
}

const counter = (c: ColumnDefinitionBuilder) => c.notNull();

export function summaryTables(dialect: StoreDialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('summary_counts')
        .addColumn('metric', 'text', counter)
        .addColumn('key', 'text', counter)
        .addColumn('count', 'bigint', counter)
        .addPrimaryKeyConstraint('summary_counts_pkey', ['metric', 'key'])
        .execute();
      await db.schema
        .createTable('event_years')
        .addColumn('event_type', 'text', counter)
        .addColumn('year', 'text', counter)
        .addColumn('events', 'bigint', counter)
        .addPrimaryKeyConstraint('event_years_pkey', ['event_type', 'year'])
        .execute();
      await db.schema
        .createTable('place_amounts')
        .addColumn('place_id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('yuan', 'bigint', counter)
        .execute();
      await db.schema
        .createTable('entity_summary')
        .addColumn('entity_id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('statements', 'bigint', counter)
        .addColumn('events', 'bigint', counter)
        .addColumn('participant_events', 'bigint', counter)
        .execute();
      await db.schema
        .createIndex('entity_summary_participant_idx')
        .on('entity_summary')
        .columns(['participant_events desc', 'entity_id'])
        .where(sql.ref('participant_events'), '>', 0)
        .execute();
      await db.schema
        .createTable('entity_values')
        .addColumn('entity_id', 'text', counter)
        .addColumn('property', 'text', counter)
        .addColumn('value', 'text', counter)
        .addColumn('statements', 'bigint', counter)
        .addPrimaryKeyConstraint('entity_values_pkey', ['entity_id', 'property', 'value'])
        .execute();
      await db.schema
        .createTable('entity_events')
        .addColumn('entity_id', 'text', counter)
        .addColumn('event_id', 'text', counter)
        .addColumn('date', 'text', counter)
        .addPrimaryKeyConstraint('entity_events_pkey', ['entity_id', 'event_id'])
        .execute();
      await db.schema
        .createIndex('entity_events_date_idx')
        .on('entity_events')
        .columns(['entity_id', 'date desc', 'event_id desc'])
        .execute();
      await db.schema
        .createTable('entity_relations')
        .addColumn('entity_id', 'text', counter)
        .addColumn('other_id', 'text', counter)
        .addColumn('events', 'bigint', counter)
        .addPrimaryKeyConstraint('entity_relations_pkey', ['entity_id', 'other_id'])
        .execute();
      await db.schema
        .createIndex('entity_relations_events_idx')
        .on('entity_relations')
        .columns(['entity_id', 'events desc', 'other_id'])
        .execute();
      await db.schema
        .createTable('document_event_types')
        .addColumn('document_id', 'text', counter)
        .addColumn('event_type', 'text', counter)
        .addPrimaryKeyConstraint('document_event_types_pkey', ['document_id', 'event_type'])
        .execute();
      await db.schema
        .createIndex('document_event_types_type_idx')
        .on('document_event_types')
        .columns(['event_type', 'document_id'])
        .execute();
      await db.schema
        .createIndex('statements_entity_created_idx')
        .on('statements')
        .columns(['entity_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('documents_ingested_idx')
        .on('documents')
        .columns(['ingested_at desc', 'id'])
        .execute();

      await backfill(db, dialect);
    },
  };
}

async function backfill(db: AnyDb, dialect: StoreDialect): Promise<void> {
  const typed = sql`(select entity_id from statements where property = 'eventType')`;
  await sql`insert into entity_events (entity_id, event_id, date)
    select r.ref, r.event_id, coalesce(
      (select ${unquoted('min(d.value)')} from statements d where d.entity_id = r.event_id and d.property = 'date'), '')
    from (select distinct ${unquoted('value')} as ref, entity_id as event_id from statements
          where property in ('participant', 'place') and value like '"%' and entity_id in ${typed}) r`.execute(
    db,
  );
  const participants = sql`(select distinct ${unquoted('value')} as ref, entity_id as event_id from statements
    where property = 'participant' and value like '"%' and entity_id in ${typed})`;
  await sql`insert into entity_summary (entity_id, statements, events, participant_events)
    select id, sum(s), sum(e), sum(p) from (
      select entity_id as id, count(*) as s, 0 as e, 0 as p from statements group by entity_id
      union all select entity_id, 0, count(*), 0 from entity_events group by entity_id
      union all select ref, 0, 0, count(*) from ${participants} pp group by ref
    ) t group by id`.execute(db);
  await sql`insert into entity_values (entity_id, property, value, statements)
    select entity_id, property, value, count(*) from statements
    where property in ('name', 'alias', 'kind', 'title', 'level', 'code') and status <> 'rejected'
    group by entity_id, property, value`.execute(db);
  await sql`insert into entity_relations (entity_id, other_id, events)
    select r.entity_id, p.ref, count(*) from entity_events r
    join ${participants} p on p.event_id = r.event_id and p.ref <> r.entity_id
    group by r.entity_id, p.ref`.execute(db);
  await sql`insert into event_years (event_type, year, events)
    select t.value, coalesce(substr(d.value, 2, 4), ''), count(distinct t.entity_id) from statements t
    left join statements d on d.entity_id = t.entity_id and d.property = 'date'
    where t.property = 'eventType' group by t.value, coalesce(substr(d.value, 2, 4), '')`.execute(db);
  await sql`insert into place_amounts (place_id, yuan)
    select ${unquoted('p.value')}, sum(${yuan(dialect, 'a.value')}) from statements p
    join statements a on a.entity_id = p.entity_id and a.property = 'amount'
    where p.property = 'place' and p.value like '"%' and p.entity_id in ${typed}
      and ${yuan(dialect, 'a.value')} is not null
    group by ${unquoted('p.value')}`.execute(db);
  await sql`insert into document_event_types (document_id, event_type)
    select distinct document_id, value from statements
    where property = 'eventType' and document_id is not null`.execute(db);
  await sql`insert into summary_counts (metric, key, count)
    select 'documents', '', count(*) from documents having count(*) > 0
    union all select 'articles', '', count(*) from articles having count(*) > 0
    union all select 'retired', '', count(*) from retired_statements having count(*) > 0
    union all select 'statements', origin || '/' || status, count(*) from statements group by origin, status
    union all select 'entities', e.type, count(*) from entities e
      join entity_summary s on s.entity_id = e.id where s.statements > 0 group by e.type`.execute(db);
}
