/**
 * What technology matching reads of the knowledge base to build its candidates: the bodies and
 * people of the kinds and titles that can answer a need, the spans where documents speak of
 * them, their partners and the places of their events, the events of transfer and milestones,
 * and which entities changed since a time (so the candidates' index is brought up to date, not
 * rebuilt). Entity ids are read in slices, each a bound parameter list.
 */
import { type Kysely, sql } from 'kysely';
import { batches } from './batches.js';
import type { Database } from './database.js';
import { inReferenceIndex } from './reference-index.js';

export interface EntityValueRow {
  entityId: string;
  type: string;
  property: string;
  /** JSON text. */
  value: string;
}

export interface MentionRow {
  entityId: string;
  documentId: string;
  start: number;
  end: number;
}

export interface PartnerRow {
  entityId: string;
  otherId: string;
  otherName: string;
  events: number;
}

export interface EventPlaceRow {
  entityId: string;
  placeName: string;
  events: number;
}

export interface EventStatementRow {
  eventId: string;
  property: string;
  /** JSON text. */
  value: string;
  documentId: string | null;
  start: number | null;
  end: number | null;
}

const SLICE = 500;
/** Statements and events above which an entity's mentions are read on their own, by default. */
const LARGE_ENTITY = 200;

function mentionRow(
  entityId: string,
  r: { document_id: string | null; span_start: number | null; span_end: number | null },
): MentionRow {
  return { entityId, documentId: r.document_id ?? '', start: Number(r.span_start), end: Number(r.span_end) };
}
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const json = (value: string) => JSON.stringify(value);
/** A JSON string's text, in SQL: `"abc"` → `abc`. */
const unquoted = (column: string) => sql.raw(`substr(${column}, 2, length(${column}) - 2)`);

export class MatchingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The names, aliases, kinds and titles of the entities that have one of `kinds` or `titles`
   * (values as the summaries keep them), of `onlyIds` when given.
   */
  async candidateValues(
    kinds: readonly string[],
    titles: readonly string[],
    onlyIds?: readonly string[],
  ): Promise<EntityValueRow[]> {
    const select = (ids?: readonly string[]) => {
      let query = this.db
        .selectFrom('entity_values as v')
        .innerJoin('entities as e', 'e.id', 'v.entity_id')
        .select(['v.entity_id', 'e.type', 'v.property', 'v.value'])
        .where('v.property', 'in', ['name', 'alias', 'kind', 'title'])
        .where('v.entity_id', 'in', (eb) =>
          eb
            .selectFrom('entity_values')
            .select('entity_id')
            .where((w) =>
              w.or([
                w.and([w('property', '=', 'kind'), w('value', 'in', kinds.map(json))]),
                w.and([w('property', '=', 'title'), w('value', 'in', titles.map(json))]),
              ]),
            ),
        );
      if (ids) query = query.where('v.entity_id', 'in', ids);
      return query.orderBy('v.entity_id').orderBy('v.property').orderBy('v.value').execute();
    };
    const rows = onlyIds
      ? (await Promise.all([...batches(onlyIds, SLICE)].map(select))).flat()
      : await select();
    return rows.map((r) => ({ entityId: r.entity_id, type: r.type, property: r.property, value: r.value }));
  }

  /**
   * Up to `perEntity` spans where documents name each entity or give it as a party to an
   * event, the latest first. Entities with few statements and events are read together, all
   * their spans ranked in one query; a large one (中国科学院 in every other document) is read
   * on its own through the indexes, its latest names and its latest events only, so the cost
   * of an entity never grows with how often it is named.
   */
  async mentions(
    entityIds: readonly string[],
    perEntity: number,
    largeAbove = LARGE_ENTITY,
  ): Promise<MentionRow[]> {
    const sizes = new Map<string, number>();
    for (const slice of batches(entityIds, SLICE)) {
      const rows = await this.db
        .selectFrom('entity_summary')
        .select(['entity_id', 'statements', 'events'])
        .where('entity_id', 'in', slice)
        .execute();
      for (const r of rows) sizes.set(r.entity_id, Number(r.statements) + Number(r.events));
    }
    const large = (id: string) => (sizes.get(id) ?? 0) > largeAbove;
    const out = await this.mentionsTogether(
      entityIds.filter((id) => !large(id)),
      perEntity,
    );
    for (const id of entityIds.filter(large)) out.push(...(await this.mentionsAlone(id, perEntity)));
    return out;
  }

  private async mentionsTogether(entityIds: readonly string[], perEntity: number): Promise<MentionRow[]> {
    const out: MentionRow[] = [];
    for (const slice of batches(entityIds, SLICE)) {
      const ids = sql.join(slice);
      const refs = sql.join(slice.map(json));
      const rows = await sql<{
        entity_id: string;
        document_id: string;
        span_start: number;
        span_end: number;
      }>`
        select entity_id, document_id, span_start, span_end from (
          select entity_id, document_id, span_start, span_end,
            row_number() over (partition by entity_id order by created_at desc, document_id, span_start) as n
          from (
            select entity_id, document_id, span_start, span_end, created_at from statements
              where entity_id in (${ids}) and property in ('name', 'alias', 'title')
                and document_id is not null and status <> 'rejected'
            union all
            select ${unquoted('value')} as entity_id, document_id, span_start, span_end, created_at from statements
              where ${inReferenceIndex()} and property = 'participant' and value in (${refs})
                and document_id is not null and status <> 'rejected'
          ) m
        ) r where n <= ${perEntity}
        order by entity_id, n`.execute(this.db);
      for (const r of rows.rows) out.push(mentionRow(r.entity_id, r));
    }
    return out;
  }

  /** One large entity's latest names, and its part in its latest events by date. */
  private async mentionsAlone(entityId: string, perEntity: number): Promise<MentionRow[]> {
    const named = await this.db
      .selectFrom('statements')
      .select(['document_id', 'span_start', 'span_end', 'created_at'])
      .where('entity_id', '=', entityId)
      .where('property', 'in', ['name', 'alias', 'title'])
      .where('document_id', 'is not', null)
      .where('status', '<>', 'rejected')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perEntity)
      .execute();
    const events = await this.db
      .selectFrom('entity_events')
      .select('event_id')
      .where('entity_id', '=', entityId)
      .orderBy('date', 'desc')
      .orderBy('event_id', 'desc')
      .limit(perEntity)
      .execute();
    const parts =
      events.length === 0
        ? []
        : await this.db
            .selectFrom('statements')
            .select(['document_id', 'span_start', 'span_end', 'created_at'])
            .where(
              'entity_id',
              'in',
              events.map((e) => e.event_id),
            )
            .where('property', '=', 'participant')
            .where('value', '=', json(entityId))
            .where('document_id', 'is not', null)
            .where('status', '<>', 'rejected')
            .execute();
    return (
      [...named, ...parts]
        // As the shared query ranks them: latest first, then by document and place in it.
        .sort(
          (a, b) =>
            byText(b.created_at, a.created_at) ||
            byText(a.document_id ?? '', b.document_id ?? '') ||
            Number(a.span_start) - Number(b.span_start),
        )
        .slice(0, perEntity)
        .map((r) => mentionRow(entityId, r))
    );
  }

  /** The organisations each entity took part in events with, by name, with how many events. */
  async partners(entityIds: readonly string[]): Promise<PartnerRow[]> {
    const out: PartnerRow[] = [];
    for (const slice of batches(entityIds, SLICE)) {
      const rows = await this.db
        .selectFrom('entity_relations as r')
        .innerJoin('entities as e', 'e.id', 'r.other_id')
        .select(['r.entity_id', 'r.other_id', 'e.key', 'r.events'])
        .where('r.entity_id', 'in', slice)
        .where('e.type', '=', 'organization')
        .orderBy('r.entity_id')
        .orderBy('r.other_id')
        .execute();
      for (const r of rows) {
        out.push({ entityId: r.entity_id, otherId: r.other_id, otherName: r.key, events: Number(r.events) });
      }
    }
    return out;
  }

  /** The places of the events each entity took part in, by name, with how many events. */
  async eventPlaces(entityIds: readonly string[]): Promise<EventPlaceRow[]> {
    const out: EventPlaceRow[] = [];
    for (const slice of batches(entityIds, SLICE)) {
      const rows = await sql<{ entity_id: string; key: string; events: number | string }>`
        select ee.entity_id, pl.key, count(distinct ee.event_id) as events
        from entity_events ee
        join statements p on p.entity_id = ee.event_id and p.property = 'place' and p.status <> 'rejected'
        join entities pl on pl.id = ${unquoted('p.value')}
        where ee.entity_id in (${sql.join(slice)})
        group by ee.entity_id, pl.key
        order by ee.entity_id, pl.key`.execute(this.db);
      for (const r of rows.rows)
        out.push({ entityId: r.entity_id, placeName: r.key, events: Number(r.events) });
    }
    return out;
  }

  /** Every live statement of the events of `types` (of `onlyIds` when given). */
  async eventsOfTypes(types: readonly string[], onlyIds?: readonly string[]): Promise<EventStatementRow[]> {
    const select = (ids?: readonly string[]) => {
      let events = this.db
        .selectFrom('statements')
        .select('entity_id')
        .where('property', '=', 'eventType')
        .where('value', 'in', types.map(json))
        .where('status', '<>', 'rejected');
      if (ids) events = events.where('entity_id', 'in', ids);
      return this.db
        .selectFrom('statements')
        .select(['entity_id', 'property', 'value', 'document_id', 'span_start', 'span_end'])
        .where('entity_id', 'in', events)
        .where('status', '<>', 'rejected')
        .orderBy('entity_id')
        .orderBy('id')
        .execute();
    };
    const rows = onlyIds
      ? (await Promise.all([...batches(onlyIds, SLICE)].map(select))).flat()
      : await select();
    return rows.map((r) => ({
      eventId: r.entity_id,
      property: r.property,
      value: r.value,
      documentId: r.document_id,
      start: r.span_start === null ? null : Number(r.span_start),
      end: r.span_end === null ? null : Number(r.span_end),
    }));
  }

  /** The names and aliases each document gives organisations, with each organisation's canonical name. */
  async organizationNames(
    documentIds: readonly string[],
  ): Promise<Array<{ documentId: string; entityId: string; written: string; name: string }>> {
    const out: Array<{ documentId: string; entityId: string; written: string; name: string }> = [];
    for (const slice of batches(documentIds, SLICE)) {
      const rows = await this.db
        .selectFrom('statements as s')
        .innerJoin('entities as e', 'e.id', 's.entity_id')
        .select(['s.document_id', 's.entity_id', 's.value', 'e.key', 'e.type'])
        .distinct()
        .where('s.document_id', 'in', slice)
        .where('s.property', 'in', ['name', 'alias'])
        .where('s.status', '<>', 'rejected')
        .execute();
      // The type is tested here, not in SQL: given it, SQLite's planner reads every
      // organisation's statements instead of the documents' own.
      for (const r of rows) {
        if (r.type !== 'organization') continue;
        out.push({
          documentId: r.document_id ?? '',
          entityId: r.entity_id,
          written: JSON.parse(r.value) as string,
          name: r.key,
        });
      }
    }
    return out;
  }

  /**
   * How many live statements each entity has, as the summaries keep them for every write of
   * documents, decisions and imports: an entity whose count changed has changed, whatever the
   * time its statements carry (an import keeps the times of the store it came from).
   */
  async statementCounts(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('entity_summary').select(['entity_id', 'statements']).execute();
    return new Map(rows.map((r) => [r.entity_id, Number(r.statements)]));
  }

  /** The ids of the entities of some types (the registry's records). */
  async idsOfTypes(types: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('entities')
      .select('id')
      .where('type', 'in', types)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Values that change whenever statements are added or retired: the summaries' counts of
   * them, which every write of documents, decisions and imports keeps; and the count and latest
   * time of the statements of the registry's `recordTypes` (written by people and spreadsheets).
   */
  async stamp(recordTypes: readonly string[]): Promise<[statements: string, records: string]> {
    const counts = await this.db
      .selectFrom('summary_counts')
      .select(['metric', 'key', 'count'])
      .where('metric', 'in', ['statements', 'retired'])
      .orderBy('metric')
      .orderBy('key')
      .execute();
    const records = await this.db
      .selectFrom('statements')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('created_at').as('latest')])
      .where('entity_id', 'in', (eb) =>
        eb.selectFrom('entities').select('id').where('type', 'in', recordTypes),
      )
      .executeTakeFirst();
    return [
      counts.map((r) => `${r.metric}/${r.key}=${r.count}`).join(' '),
      `${records?.n ?? 0}@${records?.latest ?? ''}`,
    ];
  }
}
