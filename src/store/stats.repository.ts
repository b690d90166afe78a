import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { type SummaryChange, SummaryRepository } from './summary.repository.js';

/** Counts across tables that no single repository owns, read from the summaries writes keep. */
export class StatsRepository {
  /** The summaries: kept by every write that changes statements, read by the dashboard and the stats. */
  readonly summary: SummaryRepository;

  /** `pending`: where the summaries' changes wait to be written together (see `SummaryChange`). */
  constructor(db: Kysely<Database>, pending?: SummaryChange) {
    this.summary = new SummaryRepository(db, pending);
  }
}
