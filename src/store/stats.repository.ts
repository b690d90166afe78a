import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { SummaryRepository } from './summary.repository.js';

/** Counts across tables that no single repository owns, read from the summaries writes keep. */
export class StatsRepository {
  /** The summaries: kept by every write that changes statements, read by the dashboard and the stats. */
  readonly summary: SummaryRepository;

  constructor(db: Kysely<Database>) {
    this.summary = new SummaryRepository(db);
  }
}
