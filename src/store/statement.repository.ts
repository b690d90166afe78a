import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { InvalidArgumentError } from '../core/errors.js';
import {
  citedSpan,
  type JsonValue,
  type NewStatement,
  type Statement,
  type StatementOrigin,
  type StatementSource,
  type StatementStatus,
  type StoredEntityType,
} from '../core/statements.js';
import type { Span } from '../core/types.js';
import { batches } from './batches.js';
import { CompiledInsert } from './compiled-insert.js';
import type { Database, RetiredStatementTable, StatementTable } from './database.js';
import { inReferenceIndex } from './reference-index.js';
import { ID_BATCH } from './summary.repository.js';

/** Where an event is told: its type statement's document and span. */
export interface EventTelling {
  eventId: string;
  documentId: string;
  span: Span;
}

/** A statement no longer current: replaced by an extraction of a newer extractor version. */
export interface RetiredStatement extends Statement {
  retired: { at: string; by: string };
}

/** Where a page of statements ends, in key order: the subject entity's id, then the statement's id. */
export interface StatementKey {
  entityId: string;
  id: string;
}

/** Where a page of retired statements ends: their key adds the time they were retired. */
export interface RetiredStatementKey extends StatementKey {
  retiredAt: string;
}

/** A person's statement: a correction, an addition, or a decision on what was extracted. */
export interface ManualStatementInput {
  entityId: string;
  property: string;
  value: JsonValue;
  author: string;
  /** `accepted` for a person's own fact; `accepted` or `rejected` for a review decision. */
  status: StatementStatus;
  /** The document sentence the person confirmed it from. */
  evidence?: { documentId: string; span: Span };
}

const COLUMNS = [
  'id',
  'entity_id',
  'property',
  'value',
  'origin',
  'document_id',
  'span_start',
  'span_end',
  'extractor_version',
  'author',
  'import_file',
  'import_row',
  'status',
  'created_at',
] as const;

const insertStatements = new CompiledInsert<Selectable<StatementTable>>(COLUMNS, (db, rows) =>
  db
    .insertInto('statements')
    .values(rows)
    .onConflict((oc) => oc.columns(['entity_id', 'id']).doNothing())
    .compile(),
);

function toRow(statement: NewStatement, created: string): Selectable<StatementTable> {
  const { source } = statement;
  const located = citedSpan(source);
  return {
    id: statement.id,
    entity_id: statement.entityId,
    property: statement.property,
    value: JSON.stringify(statement.value),
    origin: source.origin,
    document_id: located?.documentId ?? null,
    span_start: located?.span.start ?? null,
    span_end: located?.span.end ?? null,
    extractor_version: source.origin === 'extracted' ? source.extractorVersion : null,
    author: source.origin === 'manual' ? source.author : null,
    import_file: source.origin === 'import' ? source.file : null,
    import_row: source.origin === 'import' ? source.row : null,
    status: statement.status,
    created_at: created,
  };
}

function sourceOf(row: Selectable<StatementTable>): StatementSource {
  const origin = row.origin as StatementOrigin;
  switch (origin) {
    case 'extracted':
      return {
        origin,
        documentId: row.document_id ?? '',
        span: { start: Number(row.span_start), end: Number(row.span_end) },
        extractorVersion: row.extractor_version ?? '',
      };
    case 'manual':
      return row.document_id === null
        ? { origin, author: row.author ?? '' }
        : {
            origin,
            author: row.author ?? '',
            evidence: {
              documentId: row.document_id,
              span: { start: Number(row.span_start), end: Number(row.span_end) },
            },
          };
    case 'import':
      return { origin, file: row.import_file ?? '', row: Number(row.import_row) };
  }
}

export function fromRow(row: Selectable<StatementTable>): Statement {
  return {
    id: row.id,
    entityId: row.entity_id,
    property: row.property,
    value: JSON.parse(row.value) as JsonValue,
    source: sourceOf(row),
    status: row.status as StatementStatus,
    created: row.created_at,
  };
}

function retiredFromRow(row: Selectable<RetiredStatementTable>): RetiredStatement {
  return { ...fromRow(row), retired: { at: row.retired_at, by: row.retired_by } };
}

// Statements copied from another store: 14 columns (16 retired), well under either engine's bound parameters.
const ROWS_PER_COPY = 256;

/** Oldest first, then by id, so every engine lists them in the same order. */
const chronological = (a: Statement, b: Statement) =>
  a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Statements: only ever added. The live table holds what is current; an extraction replaced by
 * a newer extractor version moves to `retired_statements`, kept as it was.
 */
export class StatementRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores statements; one already stored (same id) is left as it is. */
  async insertMany(statements: readonly NewStatement[], now: string): Promise<void> {
    await insertStatements.run(
      this.db,
      statements.map((s) => toRow(s, now)),
    );
  }

  /** Records a person's statement about an entity, with a new id and the current time. */
  async addManual(input: ManualStatementInput, now = new Date().toISOString()): Promise<Statement> {
    if (!input.author.trim()) {
      throw new InvalidArgumentError('人工陈述必须署名 (a manual statement needs its author)');
    }
    const statement: NewStatement = {
      id: randomUUID(),
      entityId: input.entityId,
      property: input.property,
      value: input.value,
      source: {
        origin: 'manual',
        author: input.author,
        ...(input.evidence ? { evidence: input.evidence } : {}),
      },
      status: input.status,
    };
    await this.db.insertInto('statements').values(toRow(statement, now)).execute();
    return { ...statement, created: now };
  }

  /**
   * Moves the extracted statements of a document to `retired_statements`, recording when and
   * for which extractor version. A person's statements are never touched.
   */
  async retireExtracted(documentId: string, retiredBy: string, now: string): Promise<number> {
    await this.db
      .insertInto('retired_statements')
      .columns([...COLUMNS, 'retired_at', 'retired_by'])
      .expression((eb) =>
        eb
          .selectFrom('statements')
          .select([...COLUMNS, sql.val(now).as('retired_at'), sql.val(retiredBy).as('retired_by')])
          .where('document_id', '=', documentId)
          .where('origin', '=', 'extracted'),
      )
      .execute();
    const deleted = await this.db
      .deleteFrom('statements')
      .where('document_id', '=', documentId)
      .where('origin', '=', 'extracted')
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  /** The live statements about some entities, oldest first. */
  async about(entityIds: readonly string[]): Promise<Statement[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('statements')
      .selectAll()
      .where('entity_id', 'in', entityIds)
      .execute();
    return rows.map(fromRow).sort(chronological);
  }

  /**
   * The events told in the documents that mention some entities (a statement about one of them
   * was read there), each with the document and span of its telling: what a report of a region
   * reads to find the events whose sentence names the region, instead of every event. Answered
   * from the index of migration 0007.
   */
  async eventsToldWith(entityIds: readonly string[]): Promise<EventTelling[]> {
    const documents = new Set<string>();
    for (const batch of batches(entityIds, ID_BATCH)) {
      const rows = await this.db
        .selectFrom('statements')
        .select('document_id')
        .distinct()
        .where('entity_id', 'in', batch)
        .where('document_id', 'is not', null)
        .execute();
      for (const row of rows) if (row.document_id) documents.add(row.document_id);
    }
    const tellings: EventTelling[] = [];
    for (const batch of batches([...documents].sort(), ID_BATCH)) {
      const rows = await this.db
        .selectFrom('statements')
        .select(['entity_id', 'document_id', 'span_start', 'span_end'])
        // A literal, so both engines see the index's own condition and use it.
        .where(sql<boolean>`property = 'eventType'`)
        .where('document_id', 'in', batch)
        .execute();
      for (const row of rows) {
        if (row.document_id === null || row.span_start === null || row.span_end === null) continue;
        tellings.push({
          eventId: row.entity_id,
          documentId: row.document_id,
          span: { start: row.span_start, end: row.span_end },
        });
      }
    }
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return tellings.sort(
      (a, b) =>
        order(a.eventId, b.eventId) || order(a.documentId, b.documentId) || a.span.start - b.span.start,
    );
  }

  /**
   * The statements people made about some entities, of `properties` when given, oldest first:
   * their decisions, read through an index of manual statements alone.
   */
  async manualAbout(entityIds: readonly string[], properties?: readonly string[]): Promise<Statement[]> {
    if (entityIds.length === 0) return [];
    let query = this.db
      .selectFrom('statements')
      .selectAll()
      .where('entity_id', 'in', entityIds)
      // A literal, so both engines see the index's own condition and use it.
      .where(sql<boolean>`origin = 'manual'`);
    if (properties) query = query.where('property', 'in', properties);
    const rows = await query.execute();
    return rows.map(fromRow).sort(chronological);
  }

  /**
   * The live statements about every entity of one type (the registry's records of a kind), oldest
   * first; only those of `properties` when given.
   */
  async aboutType(type: StoredEntityType, properties?: readonly string[]): Promise<Statement[]> {
    let query = this.db
      .selectFrom('statements')
      .selectAll()
      .where('entity_id', 'in', (eb) =>
        eb.selectFrom('entities').select('entities.id').where('entities.type', '=', type),
      );
    if (properties) query = query.where('property', 'in', properties);
    const rows = await query.execute();
    return rows.map(fromRow).sort(chronological);
  }

  /** The live statements whose value refers to the entity (events it takes part in or happen there). */
  async referring(entityId: string): Promise<Statement[]> {
    const rows = await this.db
      .selectFrom('statements')
      .selectAll()
      .where(inReferenceIndex())
      .where('property', 'in', ['participant', 'place'])
      .where('value', '=', JSON.stringify(entityId))
      .execute();
    return rows.map(fromRow).sort(chronological);
  }

  /** Everything ever said about an entity: live statements and retired ones, oldest first. */
  async history(entityId: string): Promise<Array<Statement | RetiredStatement>> {
    const live = await this.about([entityId]);
    const rows = await this.db
      .selectFrom('retired_statements')
      .selectAll()
      .where('entity_id', '=', entityId)
      .execute();
    const retired = rows.map(
      (row): RetiredStatement => ({ ...fromRow(row), retired: { at: row.retired_at, by: row.retired_by } }),
    );
    return [...retired, ...live].sort(chronological);
  }

  /** The live statements drawn from a document. */
  async fromDocument(documentId: string): Promise<Statement[]> {
    const rows = await this.db
      .selectFrom('statements')
      .selectAll()
      .where('document_id', '=', documentId)
      .execute();
    return rows.map(fromRow).sort(chronological);
  }

  /** Live statements counted by origin and status. */
  async countByOriginAndStatus(): Promise<
    Array<{ origin: StatementOrigin; status: StatementStatus; count: number }>
  > {
    const rows = await this.db
      .selectFrom('statements')
      .select(['origin', 'status', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['origin', 'status'])
      .execute();
    return rows.map((r) => ({
      origin: r.origin as StatementOrigin,
      status: r.status as StatementStatus,
      count: Number(r.n),
    }));
  }

  async countRetired(): Promise<number> {
    const row = await this.db
      .selectFrom('retired_statements')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Up to `limit` live statements after `after` in key order (entity id, then id), the order
   * of the primary key: paging through all of them reads each once, in flat memory.
   */
  async page(after: StatementKey | undefined, limit: number): Promise<Statement[]> {
    let query = this.db.selectFrom('statements').selectAll();
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('entity_id', 'id'), '>', eb.tuple(after.entityId, after.id)),
      );
    }
    const rows = await query.orderBy('entity_id').orderBy('id').limit(limit).execute();
    return rows.map(fromRow);
  }

  /** Up to `limit` retired statements after `after` in key order (entity id, id, time retired). */
  async retiredPage(after: RetiredStatementKey | undefined, limit: number): Promise<RetiredStatement[]> {
    let query = this.db.selectFrom('retired_statements').selectAll();
    if (after) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('entity_id', 'id', 'retired_at'),
          '>',
          eb.tuple(after.entityId, after.id, after.retiredAt),
        ),
      );
    }
    const rows = await query.orderBy('entity_id').orderBy('id').orderBy('retired_at').limit(limit).execute();
    return rows.map(retiredFromRow);
  }

  /**
   * Stores statements recorded elsewhere, each with its own time (an import of another store's
   * export). One already stored (same entity and id) is left as it is. Returns those that were new.
   */
  async insertRecorded(statements: readonly Statement[]): Promise<Statement[]> {
    const inserted = new Set<string>();
    for (const batch of batches(statements, ROWS_PER_COPY)) {
      const rows = await this.db
        .insertInto('statements')
        .values(batch.map((s) => toRow(s, s.created)))
        .onConflict((oc) => oc.columns(['entity_id', 'id']).doNothing())
        .returning(['entity_id', 'id'])
        .execute();
      for (const row of rows) inserted.add(`${row.entity_id} ${row.id}`);
    }
    return statements.filter((s) => inserted.has(`${s.entityId} ${s.id}`));
  }

  /**
   * Stores retired statements recorded elsewhere, as they were; one already stored (same entity,
   * id and time retired) is left as it is. Returns those that were new.
   */
  async insertRetiredRecorded(statements: readonly RetiredStatement[]): Promise<RetiredStatement[]> {
    const inserted = new Set<string>();
    for (const batch of batches(statements, ROWS_PER_COPY)) {
      const rows = await this.db
        .insertInto('retired_statements')
        .values(
          batch.map((s) => ({ ...toRow(s, s.created), retired_at: s.retired.at, retired_by: s.retired.by })),
        )
        .onConflict((oc) => oc.columns(['entity_id', 'id', 'retired_at']).doNothing())
        .returning(['entity_id', 'id', 'retired_at'])
        .execute();
      for (const row of rows) inserted.add(`${row.entity_id} ${row.id} ${row.retired_at}`);
    }
    return statements.filter((s) => inserted.has(`${s.entityId} ${s.id} ${s.retired.at}`));
  }

  /**
   * Keeps, for statements copied from another store, the two summaries `SummaryRepository` has
   * no method for yet (migration 0003): the count of retired statements, and the event types of
   * documents' extracted events. Everything else is kept by `statementsAdded`.
   */
  async summarizeRecorded(live: readonly Statement[], retired: number): Promise<void> {
    if (retired > 0) {
      await this.db
        .insertInto('summary_counts')
        .values({ metric: 'retired', key: '', count: retired })
        .onConflict((oc) =>
          oc.columns(['metric', 'key']).doUpdateSet({ count: sql`summary_counts.count + excluded.count` }),
        )
        .execute();
    }
    const types = new Map<string, { document_id: string; event_type: string }>();
    for (const s of live) {
      if (s.property !== 'eventType' || s.source.origin !== 'extracted') continue;
      const row = { document_id: s.source.documentId, event_type: JSON.stringify(s.value) };
      types.set(`${row.document_id} ${row.event_type}`, row);
    }
    for (const batch of batches([...types.values()])) {
      await this.db
        .insertInto('document_event_types')
        .values(batch)
        .onConflict((oc) => oc.columns(['document_id', 'event_type']).doNothing())
        .execute();
    }
  }
}
