/**
 * The project spreadsheet: one row per project, in the columns offices keep (amounts in 万元,
 * statuses as 已签约/已落地/在建/已投产/已退出). Reading checks each row on its own, so one bad row
 * never blocks the others; writing gives the same columns, so an export read back is the same.
 */

import {
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectRecord,
  type ProjectStatus,
} from '../core/registry.js';
import { identityName } from '../core/statements.js';
import { isDay } from './lifecycle.js';

/** The columns, in order: the header row of the template and of every export. */
export const PROJECT_COLUMNS = [
  { key: 'id', header: '编号 (id)' },
  { key: 'name', header: '项目名称 (name)' },
  { key: 'category', header: '类别 (category)' },
  { key: 'parties', header: '合作方 (parties)' },
  { key: 'zone', header: '所在园区或区县 (zone)' },
  { key: 'investment', header: '投资额（万元） (investment, 10k yuan)' },
  { key: 'expectedOutput', header: '预期年产值（万元） (expected annual output)' },
  { key: 'actualOutput', header: '实际年产值（万元） (actual annual output)' },
  { key: 'status', header: '状态 (status)' },
  { key: 'statusDate', header: '状态日期 (status date)' },
  { key: 'signed', header: '签约日期 (signed)' },
  { key: 'batch', header: '签约批次 (batch)' },
  { key: 'reason', header: '状态变更理由 (reason for a status out of order)' },
] as const;

export type ProjectColumn = (typeof PROJECT_COLUMNS)[number]['key'];

/** A cell as a spreadsheet gives it: text, a number, or empty. */
export type Cell = string | number | null;

/** A project as one row states it. */
export interface ProjectRow {
  id?: string;
  name: string;
  category?: string;
  parties: string[];
  zone?: string;
  investment?: number;
  expectedOutput?: number;
  actualOutput?: number;
  status?: ProjectStatus;
  statusDate?: string;
  signed?: string;
  batch?: string;
  reason?: string;
}

export type RowResult =
  | { line: number; ok: true; row: ProjectRow }
  | { line: number; ok: false; reason: string };

const YUAN_PER_WAN = 10_000;
const PARTY_SEPARATORS = /[、；;，,\n]+/;

const STATUS_BY_TEXT = new Map<string, ProjectStatus>(
  PROJECT_STATUSES.flatMap((status) => [
    [PROJECT_STATUS_LABELS[status].zh, status],
    [PROJECT_STATUS_LABELS[status].en, status],
    [status, status],
  ]),
);
// Words offices also write for the same states.
for (const [text, status] of [
  ['签约', 'signed'],
  ['落地', 'landed'],
  ['开工', 'under_construction'],
  ['建设中', 'under_construction'],
  ['投产', 'in_production'],
  ['退出', 'withdrawn'],
  ['终止', 'withdrawn'],
] as const) {
  STATUS_BY_TEXT.set(text, status);
}

class RowError extends Error {}

function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = String(cell).trim();
  return value === '' ? undefined : value;
}

function amount(cell: Cell | undefined, header: string): number | undefined {
  if (typeof cell === 'number') return wanToYuan(cell, header);
  const value = text(cell)?.replace(/[,，\s]/g, '');
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new RowError(`“${header}”应为数字（单位万元），而不是“${value}” (not a number)`);
  }
  return wanToYuan(Number(value), header);
}

function wanToYuan(wan: number, header: string): number {
  if (!Number.isFinite(wan) || wan < 0)
    throw new RowError(`“${header}”应为不小于 0 的数字 (not a number ≥ 0)`);
  return Math.round(wan * YUAN_PER_WAN);
}

function day(cell: Cell | undefined, header: string): string | undefined {
  const value = text(cell)?.replace(/[/.]/g, '-');
  if (value === undefined) return undefined;
  const padded = value.replace(
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
    (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  );
  if (!isDay(padded)) throw new RowError(`“${header}”应为日期 YYYY-MM-DD，而不是“${value}” (not a date)`);
  return padded;
}

const header = (key: ProjectColumn) => PROJECT_COLUMNS.find((c) => c.key === key)?.header ?? key;

function rowOf(cells: ReadonlyMap<ProjectColumn, Cell>): ProjectRow {
  const get = (key: ProjectColumn) => cells.get(key);
  const name = text(get('name'));
  if (!name) throw new RowError('缺少项目名称 (the project has no name)');
  const id = text(get('id'));
  if (id !== undefined && !/^project:[0-9a-f]{20}$/.test(id)) {
    throw new RowError(
      `编号“${id}”不是项目编号，新项目请留空 (not a project id; leave it empty for a new project)`,
    );
  }
  const statusText = text(get('status'));
  const status = statusText === undefined ? undefined : STATUS_BY_TEXT.get(statusText);
  if (statusText !== undefined && status === undefined) {
    const known = PROJECT_STATUSES.map((s) => PROJECT_STATUS_LABELS[s].zh).join('、');
    throw new RowError(`未知的状态“${statusText}”，应为${known}之一 (unknown status)`);
  }
  const row: ProjectRow = {
    name,
    parties: (text(get('parties')) ?? '')
      .split(PARTY_SEPARATORS)
      .map((p) => p.trim())
      .filter(Boolean),
  };
  const optional = {
    id,
    category: text(get('category')),
    zone: text(get('zone')),
    investment: amount(get('investment'), header('investment')),
    expectedOutput: amount(get('expectedOutput'), header('expectedOutput')),
    actualOutput: amount(get('actualOutput'), header('actualOutput')),
    status,
    statusDate: day(get('statusDate'), header('statusDate')),
    signed: day(get('signed'), header('signed')),
    batch: text(get('batch')),
    reason: text(get('reason')),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (row as unknown as Record<string, unknown>)[key] = value;
  }
  return row;
}

/**
 * Reads the rows under a header row. Columns are found by their header (the Chinese or the
 * English part is enough), so a sheet with its columns in another order, or with columns of
 * its own, reads the same. `firstLine` is the line number of the first data row.
 *
 * @example
 * readProjectRows([['项目名称', '状态'], ['特斯联城市智能安全联合实验室', '已签约']])
 * // [{ line: 2, ok: true, row: { name: '特斯联城市智能安全联合实验室', parties: [], status: 'signed' } }]
 */
export function readProjectRows(rows: readonly (readonly Cell[])[]): RowResult[] {
  const [head = [], ...body] = rows;
  const columns = head.map((cell) => columnOf(text(cell) ?? ''));
  if (!columns.includes('name')) {
    throw new Error(`表头中没有“项目名称”列 (the header row has no name column): ${head.join(', ')}`);
  }
  const seen = new Map<string, number>();
  const results: RowResult[] = [];
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    if (cells.every((cell) => text(cell) === undefined)) continue;
    const byColumn = new Map<ProjectColumn, Cell>();
    for (const [i, column] of columns.entries()) if (column) byColumn.set(column, cells[i] ?? null);
    try {
      const row = rowOf(byColumn);
      const identity = row.id ?? identityName(row.name);
      const first = seen.get(identity);
      if (first !== undefined)
        throw new RowError(`与第 ${first} 行是同一个项目（重复） (duplicate of line ${first})`);
      seen.set(identity, line);
      results.push({ line, ok: true, row });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      results.push({ line, ok: false, reason: error.message });
    }
  }
  return results;
}

function columnOf(headerText: string): ProjectColumn | undefined {
  const normalized = identityName(headerText).toLowerCase();
  for (const column of PROJECT_COLUMNS) {
    const [zh = '', en = ''] = column.header.split(' (');
    const names = [
      identityName(column.header).toLowerCase(),
      identityName(zh).toLowerCase(),
      column.key.toLowerCase(),
    ];
    if (en) names.push(identityName(en.replace(/\)$/, '')).toLowerCase());
    if (names.includes(normalized)) return column.key;
  }
  return undefined;
}

function wan(yuan: number | undefined): Cell {
  return yuan === undefined ? null : Number((yuan / YUAN_PER_WAN).toFixed(4));
}

/** A project as its row: the cells of {@link PROJECT_COLUMNS}, in order. */
export function projectCells(project: ProjectRecord): Cell[] {
  const last = project.history.at(-1);
  const byColumn: Record<ProjectColumn, Cell> = {
    id: project.id,
    name: project.name,
    category: project.category ?? null,
    parties: project.parties.length ? project.parties.join('、') : null,
    zone: project.zone ?? null,
    investment: wan(project.investment),
    expectedOutput: wan(project.expectedOutput),
    actualOutput: wan(project.actualOutput),
    status: PROJECT_STATUS_LABELS[project.status].zh,
    statusDate: last?.on ?? null,
    signed: project.signed ?? null,
    batch: project.batch ?? null,
    reason: last?.override ?? null,
  };
  return PROJECT_COLUMNS.map((column) => byColumn[column.key]);
}

export const projectHeader = (): string[] => PROJECT_COLUMNS.map((column) => column.header);
