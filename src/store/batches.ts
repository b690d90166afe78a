/**
 * Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for the
 * widest table (16 columns).
 */
export const ROWS_PER_INSERT = 512;

/**
 * `items` in consecutive slices whose sizes are powers of two, largest first (93 items: 64, 16,
 * 8, 4, 1). A multi-row INSERT's SQL depends on its number of rows, so slices of a few fixed
 * sizes let the store reuse a handful of prepared statements for every document.
 *
 * @example [...batches([1, 2, 3, 4, 5, 6, 7])] // [[1, 2, 3, 4], [5, 6], [7]]
 */
export function* batches<T>(items: readonly T[], size = ROWS_PER_INSERT): Generator<T[]> {
  let at = 0;
  while (at < items.length) {
    const left = items.length - at;
    let slice = 1;
    while (slice * 2 <= Math.min(left, size)) slice *= 2;
    yield items.slice(at, at + slice);
    at += slice;
  }
}
