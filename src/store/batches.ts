/**
 * Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for the
 * widest table (16 columns).
 */
export const ROWS_PER_INSERT = 500;

/** `items` in consecutive slices of at most `size`. */
export function* batches<T>(items: readonly T[], size = ROWS_PER_INSERT): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
