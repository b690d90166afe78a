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
import {
  type Cell,
  choice,
  day,
  list,
  present,
  RowError,
  readRows,
  recordId,
  type RowResult as SheetRowResult,
  text,
} from './sheet-rows.js';

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

export type { Cell } from './sheet-rows.js';

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

export type RowResult = SheetRowResult<ProjectRow>;

const YUAN_PER_WAN = 10_000;

/** The statuses as offices write them: the labels, the codes, and a few words of their own. */
const STATUS_WORDS: Readonly<Record<ProjectStatus, { zh: string; en: string }>> = PROJECT_STATUS_LABELS;
const MORE_STATUS_WORDS: ReadonlyArray<readonly [string, ProjectStatus]> = [
  ['签约', 'signed'],
  ['落地', 'landed'],
  ['开工', 'under_construction'],
  ['建设中', 'under_construction'],
  ['投产', 'in_production'],
  ['退出', 'withdrawn'],
  ['终止', 'withdrawn'],
];

function status(cell: Cell | undefined, header: string): ProjectStatus | undefined {
  const word = text(cell);
  const more = MORE_STATUS_WORDS.find(([w]) => w === word);
  if (more) return more[1];
  try {
    return choice(cell, header, STATUS_WORDS);
  } catch {
    const known = PROJECT_STATUSES.map((s) => PROJECT_STATUS_LABELS[s].zh).join('、');
    throw new RowError(`未知的状态“${word}”，应为${known}之一 (unknown status)`);
  }
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

const header = (key: ProjectColumn) => PROJECT_COLUMNS.find((c) => c.key === key)?.header ?? key;

function rowOf(cells: ReadonlyMap<ProjectColumn, Cell>): ProjectRow {
  const get = (key: ProjectColumn) => cells.get(key);
  const name = text(get('name'));
  if (!name) throw new RowError('缺少项目名称 (the project has no name)');
  const id = recordId(get('id'), 'project', '项目');
  const row: ProjectRow = { name, parties: list(get('parties')) };
  return {
    ...row,
    ...present({
      id,
      category: text(get('category')),
      zone: text(get('zone')),
      investment: amount(get('investment'), header('investment')),
      expectedOutput: amount(get('expectedOutput'), header('expectedOutput')),
      actualOutput: amount(get('actualOutput'), header('actualOutput')),
      status: status(get('status'), header('status')),
      statusDate: day(get('statusDate'), header('statusDate')),
      signed: day(get('signed'), header('signed')),
      batch: text(get('batch')),
      reason: text(get('reason')),
    }),
  };
}

/**
 * Reads the project rows under a header row (see {@link readRows}); the same project twice, by
 * its id or its name, is a duplicate.
 *
 * @example
 * readProjectRows([['项目名称', '状态'], ['特斯联城市智能安全联合实验室', '已签约']])
 * // [{ line: 2, ok: true, row: { name: '特斯联城市智能安全联合实验室', parties: [], status: 'signed' } }]
 */
export function readProjectRows(rows: readonly (readonly Cell[])[]): RowResult[] {
  return readRows(
    rows,
    { columns: PROJECT_COLUMNS, required: 'name', what: '项目' },
    rowOf,
    (row) => row.id ?? identityName(row.name),
  );
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
