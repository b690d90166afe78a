/**
 * The summaries of migration 0003, kept in the transaction of each write that changes live
 * statements, and read by the dashboard, the stats, entity pages and search facets instead of
 * counting over all statements.
 *
 * Most figures add up statement by statement (statements by origin and status, an entity's
 * statements, the values of its names). What an event contributes (its type and years, its
 * parties, the places of its amounts) depends on all its event statements together, so for each
 * event a change touches, its contribution is computed from its statements with and without the
 * change, and the difference applied. Every figure a full recount gives is the sum of these
 * contributions; `recount` computes them from scratch, for tests and for checking a store.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { NewStatement } from '../core/statements.js';
import { batches } from './batches.js';
import type { Database } from './database.js';

/** Properties whose values an entity page shows as its names and kind, counted per value. */
export const VALUE_PROPERTIES = ['name', 'alias', 'kind', 'title', 'level', 'code'] as const;
/** Properties an event's contribution is made of. */
const EVENT_PROPERTIES = ['eventType', 'date', 'participant', 'place', 'amount'] as const;

/** A live statement as the summaries see it: values are JSON text. */
export interface SummaryStatement {
  id: string;
  entity_id: string;
  property: string;
  value: string;
  origin: string;
  status: string;
  document_id: string | null;
}

/** Everything the summaries hold, in a shape that compares with `toEqual`. */
export interface SummarySnapshot {
  counts: Record<string, number>;
  eventYears: Record<string, number>;
  placeAmounts: Record<string, number>;
  entities: Record<string, [statements: number, events: number, participantEvents: number]>;
  values: Record<string, number>;
  entityEvents: Record<string, string>;
  relations: Record<string, number>;
  documentEventTypes: string[];
}

const SEP = '\u0000';
const key = (...parts: string[]) => parts.join(SEP);
const split = (k: string) => k.split(SEP);

/** A statement as the summaries see it, from the statement as it is written. */
function summaryRow(s: NewStatement): SummaryStatement {
  return {
    id: s.id,
    entity_id: s.entityId,
    property: s.property,
    value: JSON.stringify(s.value),
    origin: s.source.origin,
    status: s.status,
    document_id: s.source.origin === 'extracted' ? s.source.documentId : null,
  };
}

/** A string value's text, `undefined` for any other JSON. */
function stringValue(json: string): string | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The year a date's JSON text starts with: characters 2–5, as `substr(value, 2, 4)` reads it. */
const yearOf = (json: string) => Array.from(json).slice(1, 5).join('');

/** Yuan of a CNY amount above zero, rounded to the yuan; undefined for any other value. */
function yuanOf(json: string): number | undefined {
  try {
    const amount: unknown = JSON.parse(json);
    if (typeof amount !== 'object' || amount === null || Array.isArray(amount)) return undefined;
    const { currency, value } = amount as { currency?: unknown; value?: unknown };
    return currency === 'CNY' && typeof value === 'number' && value > 0 ? Math.round(value) : undefined;
  } catch {
    return undefined;
  }
}

/** What one event adds to the summaries, from its event statements. */
interface EventContribution {
  typeYears: string[];
  /** Parties and places, each with the event's earliest date. */
  refs: Map<string, string>;
  participants: string[];
  /** Yuan by place, over every pair of a place statement and an amount statement. */
  yuanByPlace: Map<string, number>;
}

function contributionOf(statements: readonly SummaryStatement[]): EventContribution | undefined {
  const values = (property: string) => statements.filter((s) => s.property === property).map((s) => s.value);
  const types = [...new Set(values('eventType'))];
  if (types.length === 0) return undefined;
  const dates = values('date');
  const years = dates.length ? [...new Set(dates.map(yearOf))] : [''];
  const earliest = [...dates].sort()[0];
  const date = earliest === undefined ? '' : (stringValue(earliest) ?? '');
  const strings = (property: string) =>
    values(property).flatMap((v) => (v.startsWith('"') ? [stringValue(v) ?? v.slice(1, -1)] : []));
  const participants = [...new Set(strings('participant'))];
  const refs = new Map([...new Set([...participants, ...strings('place')])].map((r) => [r, date]));
  const yuanByPlace = new Map<string, number>();
  const amounts = values('amount').flatMap((v) => {
    const yuan = yuanOf(v);
    return yuan === undefined ? [] : [yuan];
  });
  for (const place of strings('place')) {
    for (const yuan of amounts) yuanByPlace.set(place, (yuanByPlace.get(place) ?? 0) + yuan);
  }
  return { typeYears: types.flatMap((t) => years.map((y) => key(t, y))), refs, participants, yuanByPlace };
}

/** Additions to the summaries, positive or negative, gathered before they are written. */
class Delta {
  readonly counts = new Map<string, number>();
  readonly eventYears = new Map<string, number>();
  readonly placeAmounts = new Map<string, number>();
  /** Entity id → [statements, events, participant events]. */
  readonly entities = new Map<string, [number, number, number]>();
  readonly values = new Map<string, number>();
  readonly relations = new Map<string, number>();
  /** Entity events to write (entity, event) → date, and to delete. */
  readonly eventRows = new Map<string, string>();
  readonly eventRowsGone = new Set<string>();

  add(map: Map<string, number>, k: string, n: number): void {
    map.set(k, (map.get(k) ?? 0) + n);
  }

  entity(id: string, column: 0 | 1 | 2, n: number): void {
    const row = this.entities.get(id) ?? [0, 0, 0];
    row[column] += n;
    this.entities.set(id, row);
  }

  statement(s: SummaryStatement, sign: number): void {
    this.add(this.counts, key('statements', `${s.origin}/${s.status}`), sign);
    this.entity(s.entity_id, 0, sign);
    if ((VALUE_PROPERTIES as readonly string[]).includes(s.property) && s.status !== 'rejected') {
      this.add(this.values, key(s.entity_id, s.property, s.value), sign);
    }
  }

  event(c: EventContribution | undefined, sign: number): void {
    if (!c) return;
    for (const typeYear of c.typeYears) this.add(this.eventYears, typeYear, sign);
    for (const [place, yuan] of c.yuanByPlace) this.add(this.placeAmounts, place, sign * yuan);
    for (const p of c.participants) this.entity(p, 2, sign);
    for (const r of c.refs.keys()) {
      this.entity(r, 1, sign);
      for (const p of c.participants) if (p !== r) this.add(this.relations, key(r, p), sign);
    }
  }

  /**
   * Adds a change made after this one: figures add up; an entity event the later change writes
   * or deletes is written or deleted, whatever this one did with it.
   */
  merge(later: Delta): void {
    for (const [map, from] of [
      [this.counts, later.counts],
      [this.eventYears, later.eventYears],
      [this.placeAmounts, later.placeAmounts],
      [this.values, later.values],
      [this.relations, later.relations],
    ] as const) {
      for (const [k, n] of from) this.add(map, k, n);
    }
    for (const [id, [statements, events, participantEvents]] of later.entities) {
      this.entity(id, 0, statements);
      this.entity(id, 1, events);
      this.entity(id, 2, participantEvents);
    }
    // Deletions are written before upserts: a row deleted then written again ends written.
    for (const gone of later.eventRowsGone) {
      this.eventRows.delete(gone);
      this.eventRowsGone.add(gone);
    }
    for (const [k, date] of later.eventRows) this.eventRows.set(k, date);
  }

  eventChange(id: string, before: EventContribution | undefined, after: EventContribution | undefined) {
    this.event(before, -1);
    this.event(after, 1);
    for (const r of before?.refs.keys() ?? []) if (!after?.refs.has(r)) this.eventRowsGone.add(key(r, id));
    for (const [r, date] of after?.refs ?? []) {
      if (before?.refs.get(r) !== date) this.eventRows.set(key(r, id), date);
    }
  }
}

const asNumber = (n: number | string | bigint) => Number(n);

/**
 * Changes to the summaries gathered over several writes and written at once: the documents of
 * one transaction mostly name the same bodies and places, so their figures are added up in
 * memory and each summary row is written once for all of them.
 *
 * @example
 * const change = new SummaryChange();
 * await new SummaryRepository(trx, change).documentStored(a.id, a.statements); // read, not written
 * await new SummaryRepository(trx, change).documentStored(b.id, b.statements);
 * await new SummaryRepository(trx).write(change); // both, in one set of upserts
 */
export class SummaryChange {
  /** @internal */
  readonly delta = new Delta();

  /** Adds a change made after those this one holds. */
  add(later: SummaryChange): void {
    this.delta.merge(later.delta);
  }
}

export class SummaryRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Where changes go when they are to be written later, by `write`; written at once otherwise. */
    private readonly pending?: SummaryChange,
  ) {}

  /** Writes changes gathered in a `SummaryChange`. */
  async write(change: SummaryChange): Promise<void> {
    await this.writeDelta(change.delta);
  }

  /**
   * Counts a document's extraction, just stored: the document, its articles and its extracted
   * statements. The store must have held none of the document's extracted statements before
   * (ingest stores new content only; re-extraction retires the old statements first).
   */
  async documentStored(documentId: string, statements: readonly NewStatement[]): Promise<void> {
    const seen = new Set<string>();
    const rows: SummaryStatement[] = [];
    for (const s of statements) {
      const k = key(s.entityId, s.id);
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push(summaryRow(s));
    }
    const delta = new Delta();
    delta.add(delta.counts, key('documents', ''), 1);
    delta.add(delta.counts, key('articles', ''), await this.articles(documentId));
    const types = [...new Set(rows.filter((r) => r.property === 'eventType').map((r) => r.value))];
    for (const batch of batches(types)) {
      await this.db
        .insertInto('document_event_types')
        .values(batch.map((event_type) => ({ document_id: documentId, event_type })))
        .onConflict((oc) => oc.columns(['document_id', 'event_type']).doNothing())
        .execute();
    }
    await this.apply(rows, 1, delta);
  }

  /**
   * Takes a document's extraction out of the summaries, before its extracted statements are
   * retired and its articles replaced: the document, its articles and those statements.
   */
  async documentRemoved(documentId: string): Promise<void> {
    const rows = await this.db
      .selectFrom('statements')
      .select(['id', 'entity_id', 'property', 'value', 'origin', 'status', 'document_id'])
      .where('document_id', '=', documentId)
      .where('origin', '=', 'extracted')
      .execute();
    const delta = new Delta();
    delta.add(delta.counts, key('documents', ''), -1);
    delta.add(delta.counts, key('articles', ''), -(await this.articles(documentId)));
    delta.add(delta.counts, key('retired', ''), rows.length);
    await this.db.deleteFrom('document_event_types').where('document_id', '=', documentId).execute();
    await this.apply(rows, -1, delta);
  }

  /** Counts statements just added one by one (a person's decisions and corrections). */
  async statementsAdded(statements: ReadonlyArray<NewStatement>): Promise<void> {
    await this.apply(statements.map(summaryRow), 1, new Delta());
  }

  private async articles(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Applies a change of live statements: `rows` are in the store now, just added (`sign` 1) or
   * about to be removed (`sign` -1).
   */
  private async apply(rows: readonly SummaryStatement[], sign: 1 | -1, delta: Delta): Promise<void> {
    for (const row of rows) delta.statement(row, sign);
    const changed = new Set(rows.map((r) => key(r.entity_id, r.id)));
    const events = [
      ...new Set(
        rows
          .filter((r) => (EVENT_PROPERTIES as readonly string[]).includes(r.property))
          .map((r) => r.entity_id),
      ),
    ];
    for (const batch of batches(events)) {
      const current = await this.db
        .selectFrom('statements')
        .select(['id', 'entity_id', 'property', 'value', 'origin', 'status', 'document_id'])
        .where('entity_id', 'in', batch)
        .where('property', 'in', EVENT_PROPERTIES)
        .execute();
      const byEvent = new Map<string, SummaryStatement[]>();
      for (const s of current) {
        const list = byEvent.get(s.entity_id) ?? [];
        list.push(s);
        byEvent.set(s.entity_id, list);
      }
      for (const id of batch) {
        const withChange = byEvent.get(id) ?? [];
        const without = withChange.filter((s) => !changed.has(key(s.entity_id, s.id)));
        const [before, after] = sign > 0 ? [without, withChange] : [withChange, without];
        delta.eventChange(id, contributionOf(before), contributionOf(after));
      }
    }
    if (this.pending) this.pending.delta.merge(delta);
    else await this.writeDelta(delta);
  }

  private async writeDelta(delta: Delta): Promise<void> {
    await this.writeEntities(delta);
    const nonzero = (map: Map<string, number>) => [...map].filter(([, n]) => n !== 0);
    for (const batch of batches(nonzero(delta.counts))) {
      await this.db
        .insertInto('summary_counts')
        .values(batch.map(([k, n]) => ({ metric: split(k)[0] ?? '', key: split(k)[1] ?? '', count: n })))
        .onConflict((oc) =>
          oc.columns(['metric', 'key']).doUpdateSet({ count: sql`summary_counts.count + excluded.count` }),
        )
        .execute();
    }
    for (const batch of batches(nonzero(delta.eventYears))) {
      await this.db
        .insertInto('event_years')
        .values(
          batch.map(([k, n]) => ({ event_type: split(k)[0] ?? '', year: split(k)[1] ?? '', events: n })),
        )
        .onConflict((oc) =>
          oc
            .columns(['event_type', 'year'])
            .doUpdateSet({ events: sql`event_years.events + excluded.events` }),
        )
        .execute();
    }
    for (const batch of batches(nonzero(delta.placeAmounts))) {
      await this.db
        .insertInto('place_amounts')
        .values(batch.map(([place_id, yuan]) => ({ place_id, yuan })))
        .onConflict((oc) =>
          oc.column('place_id').doUpdateSet({ yuan: sql`place_amounts.yuan + excluded.yuan` }),
        )
        .execute();
    }
    for (const batch of batches(nonzero(delta.values))) {
      await this.db
        .insertInto('entity_values')
        .values(
          batch.map(([k, n]) => {
            const [entity_id = '', property = '', value = ''] = split(k);
            return { entity_id, property, value, statements: n };
          }),
        )
        .onConflict((oc) =>
          oc
            .columns(['entity_id', 'property', 'value'])
            .doUpdateSet({ statements: sql`entity_values.statements + excluded.statements` }),
        )
        .execute();
    }
    for (const batch of batches(nonzero(delta.relations))) {
      await this.db
        .insertInto('entity_relations')
        .values(
          batch.map(([k, n]) => {
            const [entity_id = '', other_id = ''] = split(k);
            return { entity_id, other_id, events: n };
          }),
        )
        .onConflict((oc) =>
          oc
            .columns(['entity_id', 'other_id'])
            .doUpdateSet({ events: sql`entity_relations.events + excluded.events` }),
        )
        .execute();
    }
    for (const gone of delta.eventRowsGone) {
      const [entity_id = '', event_id = ''] = split(gone);
      await this.db
        .deleteFrom('entity_events')
        .where('entity_id', '=', entity_id)
        .where('event_id', '=', event_id)
        .execute();
    }
    for (const batch of batches([...delta.eventRows])) {
      await this.db
        .insertInto('entity_events')
        .values(
          batch.map(([k, date]) => {
            const [entity_id = '', event_id = ''] = split(k);
            return { entity_id, event_id, date };
          }),
        )
        .onConflict((oc) => oc.columns(['entity_id', 'event_id']).doUpdateSet({ date: sql`excluded.date` }))
        .execute();
    }
    // Figures that came to nothing are not kept, as a recount would not find them.
    if (delta.counts.size) await this.db.deleteFrom('summary_counts').where('count', '=', 0).execute();
    if (delta.eventYears.size) await this.db.deleteFrom('event_years').where('events', '=', 0).execute();
    const touched = (map: Map<string, number>) => [...new Set([...map.keys()].map((k) => split(k)[0] ?? ''))];
    for (const [table, count, column, map] of [
      ['place_amounts', 'yuan', 'place_id', delta.placeAmounts],
      ['entity_values', 'statements', 'entity_id', delta.values],
      ['entity_relations', 'events', 'entity_id', delta.relations],
    ] as const) {
      for (const batch of batches(touched(map))) {
        await sql`delete from ${sql.table(table)} where ${sql.ref(count)} = 0
          and ${sql.ref(column)} in (${sql.join(batch)})`.execute(this.db);
      }
    }
  }

  /** Entity rows, and the count of entities with live statements by type when one gains its first or loses its last. */
  private async writeEntities(delta: Delta): Promise<void> {
    const rows = [...delta.entities].filter(([, d]) => d.some((n) => n !== 0));
    const gained: string[] = [];
    const lost: string[] = [];
    for (const batch of batches(rows)) {
      const written = await this.db
        .insertInto('entity_summary')
        .values(
          batch.map(([entity_id, [statements, events, participant_events]]) => ({
            entity_id,
            statements,
            events,
            participant_events,
          })),
        )
        .onConflict((oc) =>
          oc.column('entity_id').doUpdateSet({
            statements: sql`entity_summary.statements + excluded.statements`,
            events: sql`entity_summary.events + excluded.events`,
            participant_events: sql`entity_summary.participant_events + excluded.participant_events`,
          }),
        )
        .returning(['entity_id', 'statements'])
        .execute();
      for (const row of written) {
        const now = asNumber(row.statements);
        const before = now - (delta.entities.get(row.entity_id)?.[0] ?? 0);
        if (before <= 0 && now > 0) gained.push(row.entity_id);
        if (before > 0 && now <= 0) lost.push(row.entity_id);
      }
      await this.db
        .deleteFrom('entity_summary')
        .where(
          'entity_id',
          'in',
          batch.map(([id]) => id),
        )
        .where('statements', '=', 0)
        .where('events', '=', 0)
        .where('participant_events', '=', 0)
        .execute();
    }
    for (const [ids, sign] of [
      [gained, 1],
      [lost, -1],
    ] as const) {
      for (const batch of batches(ids)) {
        const types = await this.db.selectFrom('entities').select('type').where('id', 'in', batch).execute();
        for (const { type } of types) delta.add(delta.counts, key('entities', type), sign);
      }
    }
  }

  // Reading.

  /** The small counters by metric and key. */
  async counts(): Promise<Array<{ metric: string; key: string; count: number }>> {
    const rows = await this.db.selectFrom('summary_counts').selectAll().execute();
    return rows.map((r) => ({ metric: r.metric, key: r.key, count: asNumber(r.count) }));
  }

  /** Events by type (a string) and year (null when they have no date). */
  async eventYears(): Promise<Array<{ type: string; year: string | null; count: number }>> {
    const rows = await this.db.selectFrom('event_years').selectAll().execute();
    return rows.map((r) => ({
      type: stringValue(r.event_type) ?? r.event_type,
      year: r.year === '' ? null : r.year,
      count: asNumber(r.events),
    }));
  }

  /** Yuan of events' CNY amounts by place id, most first. */
  async placeAmounts(): Promise<Array<{ placeId: string; yuan: number }>> {
    const rows = await this.db
      .selectFrom('place_amounts')
      .selectAll()
      .orderBy('yuan', 'desc')
      .orderBy('place_id')
      .execute();
    return rows.map((r) => ({ placeId: r.place_id, yuan: asNumber(r.yuan) }));
  }

  /** Entity ids most often named as a party to an event, with how many events. */
  async topParticipants(limit: number): Promise<Array<{ entityId: string; events: number }>> {
    const rows = await this.db
      .selectFrom('entity_summary')
      .select(['entity_id', 'participant_events'])
      .where('participant_events', '>', 0)
      .orderBy('participant_events', 'desc')
      .orderBy('entity_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ entityId: r.entity_id, events: asNumber(r.participant_events) }));
  }

  /** An entity's live statements and the events it takes part in or that happen there. */
  async entity(ids: string | readonly string[]): Promise<{ statements: number; events: number }> {
    const rows = await this.db
      .selectFrom('entity_summary')
      .select(['statements', 'events'])
      .where('entity_id', 'in', idList(ids))
      .execute();
    return {
      statements: rows.reduce((sum, row) => sum + asNumber(row.statements), 0),
      events: rows.reduce((sum, row) => sum + asNumber(row.events), 0),
    };
  }

  /** An entity's names and single-valued properties, each value with how many statements give it. */
  async entityValues(
    ids: string | readonly string[],
  ): Promise<Array<{ property: string; value: string; statements: number }>> {
    const rows = await this.db
      .selectFrom('entity_values')
      .select(['property', 'value', 'statements'])
      .where('entity_id', 'in', idList(ids))
      .execute();
    const byValue = new Map<string, { property: string; value: string; statements: number }>();
    for (const r of rows) {
      const key = JSON.stringify([r.property, r.value]);
      const known = byValue.get(key);
      if (known) known.statements += asNumber(r.statements);
      else byValue.set(key, { property: r.property, value: r.value, statements: asNumber(r.statements) });
    }
    return [...byValue.values()];
  }

  /** The counted values of each entity's statements, entity by entity (`entityValues` merges them). */
  async valuesByEntity(
    ids: readonly string[],
  ): Promise<Map<string, Array<{ property: string; value: string; statements: number }>>> {
    const byEntity = new Map<string, Array<{ property: string; value: string; statements: number }>>();
    if (ids.length === 0) return byEntity;
    const rows = await this.db
      .selectFrom('entity_values')
      .select(['entity_id', 'property', 'value', 'statements'])
      .where('entity_id', 'in', ids)
      .execute();
    for (const r of rows) {
      const values = byEntity.get(r.entity_id) ?? [];
      values.push({ property: r.property, value: r.value, statements: asNumber(r.statements) });
      byEntity.set(r.entity_id, values);
    }
    return byEntity;
  }

  /** A page of the events of an entity, latest date first, undated last. */
  async entityEvents(ids: string | readonly string[], limit: number, offset: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('entity_events')
      // An event of two merged entities is listed once; its date is the same in both rows.
      .select(['event_id', 'date'])
      .distinct()
      .where('entity_id', 'in', idList(ids))
      .orderBy('date', 'desc')
      .orderBy('event_id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => r.event_id);
  }

  /**
   * The events some entities take part in or are the place of, undated ones left out when a
   * period is given and dated ones that start after it; those that start before it are kept when
   * their date is a span (`2011/2020`), for the caller to decide.
   */
  async eventsOf(ids: readonly string[], period: YearRange = {}): Promise<string[]> {
    const events = new Set<string>();
    for (const batch of batches(ids, ID_BATCH)) {
      const rows = await this.db
        .selectFrom('entity_events')
        .select('event_id')
        .distinct()
        .where('entity_id', 'in', batch)
        .where(datedIn(sql.ref('date'), 1, period))
        .execute();
      for (const row of rows) events.add(row.event_id);
    }
    return [...events].sort();
  }

  /** The parties an entity meets most often in its events. */
  async relations(
    ids: string | readonly string[],
    limit: number,
  ): Promise<Array<{ entityId: string; events: number }>> {
    const members = idList(ids);
    const rows = await this.db
      .selectFrom('entity_relations')
      .select(['other_id', (eb) => eb.fn.sum<number>('events').as('events')])
      .where('entity_id', 'in', members)
      .where('other_id', 'not in', members)
      .groupBy('other_id')
      .orderBy('events', 'desc')
      .orderBy('other_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ entityId: r.other_id, events: asNumber(r.events) }));
  }

  // Checking.

  /** Everything the summary tables hold now. */
  async snapshot(): Promise<SummarySnapshot> {
    const snap = emptySnapshot();
    for (const r of await this.counts()) snap.counts[key(r.metric, r.key)] = r.count;
    for (const r of await this.db.selectFrom('event_years').selectAll().execute())
      snap.eventYears[key(r.event_type, r.year)] = asNumber(r.events);
    for (const r of await this.db.selectFrom('place_amounts').selectAll().execute())
      snap.placeAmounts[r.place_id] = asNumber(r.yuan);
    for (const r of await this.db.selectFrom('entity_summary').selectAll().execute())
      snap.entities[r.entity_id] = [
        asNumber(r.statements),
        asNumber(r.events),
        asNumber(r.participant_events),
      ];
    for (const r of await this.db.selectFrom('entity_values').selectAll().execute())
      snap.values[key(r.entity_id, r.property, r.value)] = asNumber(r.statements);
    for (const r of await this.db.selectFrom('entity_events').selectAll().execute())
      snap.entityEvents[key(r.entity_id, r.event_id)] = r.date;
    for (const r of await this.db.selectFrom('entity_relations').selectAll().execute())
      snap.relations[key(r.entity_id, r.other_id)] = asNumber(r.events);
    const types = await this.db.selectFrom('document_event_types').selectAll().execute();
    snap.documentEventTypes = types.map((r) => key(r.document_id, r.event_type)).sort();
    return sortSnapshot(snap);
  }

  /**
   * The summaries as a full recount of the store gives them, from every live statement,
   * document, article and retired statement. Reads the whole store: for tests and checks.
   */
  async recount(): Promise<SummarySnapshot> {
    const delta = new Delta();
    const count = async (table: 'documents' | 'articles' | 'retired_statements') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    delta.add(delta.counts, key('documents', ''), await count('documents'));
    delta.add(delta.counts, key('articles', ''), await count('articles'));
    delta.add(delta.counts, key('retired', ''), await count('retired_statements'));
    const rows = await this.db
      .selectFrom('statements')
      .select(['id', 'entity_id', 'property', 'value', 'origin', 'status', 'document_id'])
      .orderBy('entity_id')
      .execute();
    const byEntity = new Map<string, SummaryStatement[]>();
    const documentTypes = new Set<string>();
    for (const row of rows) {
      delta.statement(row, 1);
      if (row.property === 'eventType' && row.document_id) documentTypes.add(key(row.document_id, row.value));
      if (!(EVENT_PROPERTIES as readonly string[]).includes(row.property)) continue;
      const list = byEntity.get(row.entity_id) ?? [];
      list.push(row);
      byEntity.set(row.entity_id, list);
    }
    for (const [id, statements] of byEntity) delta.eventChange(id, undefined, contributionOf(statements));
    const types = new Map(
      (await this.db.selectFrom('entities').select(['id', 'type']).execute()).map((e) => [e.id, e.type]),
    );
    for (const [id, [statements]] of delta.entities) {
      const type = types.get(id);
      if (statements > 0 && type) delta.add(delta.counts, key('entities', type), 1);
    }
    const snap = emptySnapshot();
    const kept = (map: Map<string, number>, into: Record<string, number>) => {
      for (const [k, n] of map) if (n !== 0) into[k] = n;
    };
    kept(delta.counts, snap.counts);
    kept(delta.eventYears, snap.eventYears);
    kept(delta.placeAmounts, snap.placeAmounts);
    kept(delta.values, snap.values);
    kept(delta.relations, snap.relations);
    for (const [id, row] of delta.entities) if (row.some((n) => n !== 0)) snap.entities[id] = row;
    for (const [k, date] of delta.eventRows) snap.entityEvents[k] = date;
    snap.documentEventTypes = [...documentTypes].sort();
    return sortSnapshot(snap);
  }
}

function emptySnapshot(): SummarySnapshot {
  return {
    counts: {},
    eventYears: {},
    placeAmounts: {},
    entities: {},
    values: {},
    entityEvents: {},
    relations: {},
    documentEventTypes: [],
  };
}

function sortSnapshot(snap: SummarySnapshot): SummarySnapshot {
  const sorted = <V>(record: Record<string, V>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    counts: sorted(snap.counts),
    eventYears: sorted(snap.eventYears),
    placeAmounts: sorted(snap.placeAmounts),
    entities: sorted(snap.entities),
    values: sorted(snap.values),
    entityEvents: sorted(snap.entityEvents),
    relations: sorted(snap.relations),
    documentEventTypes: snap.documentEventTypes,
  };
}

/** One entity id, or the ids of the entities merged into one body. */
/** Years from and to, either open. */
export interface YearRange {
  from?: number;
  to?: number;
}

/**
 * The condition a date column meets in `period` (always, with no bounds): a date, whose first year (the four
 * digits at `yearAt`) at most `to`, and at least `from` unless the date is a span (`2011/2020`),
 * which the caller tests whole. Years as four digits compare the same under every collation.
 */
export function datedIn(column: RawBuilder<unknown>, yearAt: 1 | 2, period: YearRange): RawBuilder<boolean> {
  const year = sql`substr(${column}, ${sql.lit(yearAt)}, 4)`;
  const conditions: RawBuilder<unknown>[] = [];
  if (period.from !== undefined || period.to !== undefined) conditions.push(sql`${column} <> ''`);
  if (period.to !== undefined) conditions.push(sql`${year} <= ${String(period.to)}`);
  if (period.from !== undefined)
    conditions.push(sql`(${year} >= ${String(period.from)} or ${column} like '%/%')`);
  return conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`1 = 1`;
}

/** Ids per `in (…)` list: far under either engine's bound on parameters. */
export const ID_BATCH = 1000;

function idList(ids: string | readonly string[]): string[] {
  return typeof ids === 'string' ? [ids] : [...ids];
}
