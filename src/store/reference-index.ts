/**
 * The partial index `statements_reference_idx` (migration 0001) holds the statements that name
 * an entity or refer to one: (property, value) where the property is one of these. PostgreSQL
 * proves from a query's own `property = …` that its rows are in the index; SQLite uses a partial
 * index only when the query's WHERE repeats the index's term as it was written. Without it every
 * look-up by name or by reference reads the whole table, so each of them adds this term.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';

export const REFERENCE_PROPERTIES = ['name', 'alias', 'participant', 'place'] as const;

/** The index's own term, on `column` (`property`, or `s.property` under an alias). */
export function inReferenceIndex(column = 'property'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.raw(REFERENCE_PROPERTIES.map((p) => `'${p}'`).join(', '))})`;
}
