/** What the store holds, in numbers: for `coopatlas stats` and the dashboard. */
import {
  KNOWLEDGE_ENTITY_TYPES,
  type KnowledgeEntityType,
  STATEMENT_ORIGINS,
  STATEMENT_STATUSES,
  type StatementOrigin,
  type StatementStatus,
} from '../core/statements.js';
import type { Store } from '../store/open-store.js';

/** Events counted under this key have no date. */
export const UNDATED = 'undated';

export interface StoreStats {
  documents: number;
  articles: number;
  /** Entities with live statements, by type. */
  entities: Record<KnowledgeEntityType, number>;
  /** Events by type, then by the year of their date (`undated` when they have none). */
  events: Record<string, Record<string, number>>;
  /** Live statements by origin, then status. */
  statements: Record<StatementOrigin, Record<StatementStatus, number>>;
  /** Statements replaced by a newer extraction, kept for history. */
  retiredStatements: number;
}

const byKey = <V>(entries: Array<[string, V]>) =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Counts of documents, entities by type, events by type and year, and statements by origin and
 * status, from the summaries every write keeps (no count over the statements). Keys are sorted,
 * so the same store always prints the same JSON.
 */
export async function readStats(store: Store): Promise<StoreStats> {
  const counts = new Map<string, number>();
  for (const row of await store.stats.summary.counts()) counts.set(`${row.metric}/${row.key}`, row.count);
  const count = (metric: string, key = '') => counts.get(`${metric}/${key}`) ?? 0;

  const entities = Object.fromEntries(KNOWLEDGE_ENTITY_TYPES.map((t) => [t, count('entities', t)])) as Record<
    KnowledgeEntityType,
    number
  >;

  const years = new Map<string, Array<[string, number]>>();
  for (const row of await store.stats.summary.eventYears()) {
    const list = years.get(row.type) ?? [];
    list.push([row.year ?? UNDATED, row.count]);
    years.set(row.type, list);
  }
  const events = byKey(
    [...years].map(([type, list]): [string, Record<string, number>] => [type, byKey(list)]),
  );

  const statements = Object.fromEntries(
    STATEMENT_ORIGINS.map((origin) => [
      origin,
      Object.fromEntries(STATEMENT_STATUSES.map((s) => [s, count('statements', `${origin}/${s}`)])),
    ]),
  ) as Record<StatementOrigin, Record<StatementStatus, number>>;

  return {
    documents: count('documents'),
    articles: count('articles'),
    entities,
    events,
    statements,
    retiredStatements: count('retired'),
  };
}
