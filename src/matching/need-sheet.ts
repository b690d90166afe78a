/**
 * The spreadsheet of enterprises' needs an office collects: one row per need, in the columns
 * below (budget in 万元, as offices write amounts), each row checked as a need from a form is,
 * a bad row reported with its line and reason.
 */
import { CoopAtlasError } from '../core/errors.js';
import {
  type Cell,
  day,
  RowError,
  type RowResult,
  readRows,
  type SheetColumn,
  text,
} from '../registry/sheet-rows.js';
import { type NeedInput, parseNeed } from './need.js';

type NeedColumn = 'company' | 'district' | 'field' | 'description' | 'budget' | 'deadline';

export const NEED_COLUMNS: readonly SheetColumn<NeedColumn>[] = [
  { key: 'company', header: '企业名称 (company)' },
  { key: 'district', header: '所在区县 (district)' },
  { key: 'field', header: '领域 (field)' },
  { key: 'description', header: '需求描述 (description)' },
  { key: 'budget', header: '预算（万元） (budget, 10k yuan)' },
  { key: 'deadline', header: '截止日期 (deadline)' },
];

const YUAN_PER_WAN = 10_000;

function budgetOf(cell: Cell | undefined): number | undefined {
  const value = text(cell)?.replace(/[,，]/g, '');
  if (value === undefined) return undefined;
  const wan = Number(value);
  if (!Number.isFinite(wan)) throw new RowError(`“预算（万元）”应为数字，而不是“${value}” (not a number)`);
  return Math.round(wan * YUAN_PER_WAN);
}

/**
 * The needs of a sheet's rows, each checked as `parseNeed` checks a form's.
 *
 * @example readNeedRows([['企业名称', '需求描述'], ['重庆某公司', '需要石墨烯导热膜']]) // [{ line: 2, ok: true, row: { company: '重庆某公司', description: '需要石墨烯导热膜' } }]
 * @throws Error when the header has no 需求描述 column.
 */
export function readNeedRows(rows: readonly (readonly Cell[])[]): RowResult<NeedInput>[] {
  return readRows(
    rows,
    { columns: NEED_COLUMNS, required: 'description', what: '需求' },
    (cells) => {
      const budget = budgetOf(cells.get('budget'));
      const deadline = day(cells.get('deadline'), '截止日期');
      const need: NeedInput = { description: text(cells.get('description')) ?? '' };
      for (const key of ['company', 'district', 'field'] as const) {
        const value = text(cells.get(key));
        if (value !== undefined) need[key] = value;
      }
      if (budget !== undefined) need.budget = budget;
      if (deadline !== undefined) need.deadline = deadline;
      try {
        parseNeed(need);
      } catch (error) {
        if (error instanceof CoopAtlasError) throw new RowError(error.message);
        throw error;
      }
      return need;
    },
    (need) => `${need.company ?? ''}\u0000${need.description}`,
  );
}

/** The sheet's header row, for a template to fill in. */
export const needHeader = (): Cell[] => NEED_COLUMNS.map((c) => c.header);
