/**
 * What every registry spreadsheet shares: cells read as text, lists, days and amounts, columns
 * found by their header, and the rows under the header checked one at a time, so a bad row is
 * reported with its line and reason and never stops the others.
 */
import { identityName } from '../core/statements.js';
import { isDay } from './lifecycle.js';

/** A cell as a spreadsheet gives it: text, a number, or empty. */
export type Cell = string | number | null;

export interface SheetColumn<Key extends string> {
  key: Key;
  /** `中文 (English)`: either half is enough in a sheet someone made. */
  header: string;
}

export type RowResult<Row> =
  | { line: number; ok: true; row: Row }
  | { line: number; ok: false; reason: string };

/** Why a row cannot be stored; its message is the reason reported for the row. */
export class RowError extends Error {}

const LIST_SEPARATORS = /[、；;，,\n]+/;

export function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = String(cell).trim();
  return value === '' ? undefined : value;
}

/** Names separated by 、；, or line breaks. */
export function list(cell: Cell | undefined): string[] {
  return (text(cell) ?? '')
    .split(LIST_SEPARATORS)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `2020-12-15`, also written `2020/12/15` or `2020.12.15`; with `month`, `2020-12` and `2020` too. */
export function day(
  cell: Cell | undefined,
  header: string,
  options: { month?: boolean } = {},
): string | undefined {
  const value = text(cell)?.replace(/[/.]/g, '-');
  if (value === undefined) return undefined;
  const padded = value.replace(/^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/, (_, y: string, m: string, d?: string) =>
    d === undefined ? `${y}-${m.padStart(2, '0')}` : `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  );
  if (isDay(padded)) return padded;
  if (options.month && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(padded)) return padded;
  const expected = options.month ? 'YYYY-MM-DD、YYYY-MM 或 YYYY' : 'YYYY-MM-DD';
  throw new RowError(`“${header}”应为日期 ${expected}，而不是“${value}” (not a date)`);
}

/** One of a few values, given as its Chinese label, its English label or its code. */
export function choice<T extends string>(
  cell: Cell | undefined,
  header: string,
  labels: Readonly<Record<T, { zh: string; en: string }>>,
): T | undefined {
  const value = text(cell);
  if (value === undefined) return undefined;
  for (const [code, label] of Object.entries(labels) as Array<[T, { zh: string; en: string }]>) {
    if (value === code || value === label.zh || value.toLowerCase() === label.en.toLowerCase()) return code;
  }
  const known = Object.values<{ zh: string }>(labels)
    .map((label) => label.zh)
    .join('、');
  throw new RowError(`“${header}”应为${known}之一，而不是“${value}” (unknown value)`);
}

function columnOf<Key extends string>(
  columns: readonly SheetColumn<Key>[],
  headerText: string,
): Key | undefined {
  const normalized = identityName(headerText).toLowerCase();
  for (const column of columns) {
    const [zh = '', en = ''] = column.header.split(' (');
    // `承诺事项：事项｜…` is also `承诺事项`; `投资额（万元）` is also `投资额`.
    const shortZh = (zh.split('：')[0] ?? zh).replace(/（[^）]*）/g, '');
    const names = [column.header, zh, shortZh, column.key].map((name) => identityName(name).toLowerCase());
    if (en) names.push(identityName(en.replace(/\)$/, '')).toLowerCase());
    if (names.includes(normalized)) return column.key;
  }
  return undefined;
}

/**
 * Reads the rows under a header row with `rowOf`. Columns are found by their header, so a sheet
 * with its columns in another order, or with columns of its own, reads the same; empty rows are
 * skipped; a row whose `identity` an earlier row had is a duplicate. Line 1 is the header.
 * @throws Error when the header has no `required` column.
 */
export function readRows<Key extends string, Row>(
  rows: readonly (readonly Cell[])[],
  sheet: { columns: readonly SheetColumn<Key>[]; required: Key; what: string },
  rowOf: (cells: ReadonlyMap<Key, Cell>) => Row,
  identity: (row: Row) => string,
): RowResult<Row>[] {
  const [head = [], ...body] = rows;
  const columns = head.map((cell) => columnOf(sheet.columns, text(cell) ?? ''));
  if (!columns.includes(sheet.required)) {
    const name = sheet.columns.find((c) => c.key === sheet.required)?.header.split(' (')[0] ?? sheet.required;
    throw new Error(
      `表头中没有“${name}”列 (the header row has no ${sheet.required} column): ${head.join(', ')}`,
    );
  }
  const seen = new Map<string, number>();
  const results: RowResult<Row>[] = [];
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    if (cells.every((cell) => text(cell) === undefined)) continue;
    const byColumn = new Map<Key, Cell>();
    for (const [i, column] of columns.entries()) if (column) byColumn.set(column, cells[i] ?? null);
    try {
      const row = rowOf(byColumn);
      const key = identity(row);
      const first = seen.get(key);
      if (first !== undefined) {
        throw new RowError(`与第 ${first} 行是同一个${sheet.what}（重复） (duplicate of line ${first})`);
      }
      seen.set(key, line);
      results.push({ line, ok: true, row });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      results.push({ line, ok: false, reason: error.message });
    }
  }
  return results;
}

/** An id column's value: empty for a new record, else an id of the record's kind. */
export function recordId(cell: Cell | undefined, kind: string, what: string): string | undefined {
  const id = text(cell);
  if (id !== undefined && !new RegExp(`^${kind}:[0-9a-f]{20}$`).test(id)) {
    throw new RowError(
      `编号“${id}”不是${what}编号，新${what}请留空 (not a ${kind} id; leave it empty for a new one)`,
    );
  }
  return id;
}

/** Only the fields that have a value. */
export function present<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
