import { type Kysely, sql } from 'kysely';
import type { EventType } from '../core/types.js';
import type { Database } from './database.js';

export interface EventCount {
  type: EventType;
  /** The year the event's date starts in (`2016/2020` → `2016`), or null when it has no date. */
  year: string | null;
  count: number;
}

/** Counts across tables that no single repository owns. */
export class StatsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Events by type and by the year of their date, from live statements. */
  async eventsByTypeAndYear(): Promise<EventCount[]> {
    // Values are JSON text: a date `"2020-12-15"` has its year at characters 2–5.
    const year = sql<string | null>`substr(d.value, 2, 4)`;
    const rows = await this.db
      .selectFrom('statements as t')
      .leftJoin('statements as d', (join) =>
        join.onRef('d.entity_id', '=', 't.entity_id').on('d.property', '=', 'date'),
      )
      .select([
        't.value as type',
        year.as('year'),
        (eb) => eb.fn.count<string | number>('t.entity_id').distinct().as('n'),
      ])
      .where('t.property', '=', 'eventType')
      .groupBy(['t.value', year])
      .execute();
    return rows.map((r) => ({
      type: JSON.parse(r.type) as EventType,
      year: r.year ?? null,
      count: Number(r.n),
    }));
  }
}
