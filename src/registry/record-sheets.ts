/**
 * The spreadsheets of agreements, platforms and achievements: one row per record, its lists in
 * one cell separated by 、, its items (an agreement's commitments, a platform's activities and
 * companies, an achievement's transfers) in one cell each, one item per line as `a｜b｜c`.
 * Reading and writing give the same columns, so an export read back is the same.
 */
import {
  type AchievementKind,
  type AchievementRecord,
  type AgreementRecord,
  PLATFORM_LEVEL_LABELS,
  type PlatformRecord,
  type TransferMode,
} from '../core/registry.js';
import { identityName } from '../core/statements.js';
import {
  type Cell,
  choice,
  day,
  list,
  present,
  RowError,
  type RowResult,
  readRows,
  recordId,
  type SheetColumn,
  text,
} from './sheet-rows.js';

export type SheetKind = 'agreement' | 'platform' | 'achievement';

type Labels<T extends string> = Readonly<Record<T, { zh: string; en: string }>>;

const ACHIEVEMENT_KIND_LABELS: Labels<AchievementKind> = {
  technology: { zh: '技术', en: 'technology' },
  product: { zh: '产品', en: 'product' },
  result: { zh: '成果', en: 'result' },
};

const TRANSFER_MODE_LABELS: Labels<TransferMode> = {
  licence: { zh: '许可', en: 'licence' },
  sale: { zh: '转让', en: 'sale' },
  joint_development: { zh: '合作开发', en: 'joint development' },
  export: { zh: '出口', en: 'export' },
  equity: { zh: '作价入股', en: 'equity' },
};

const DONE = '已完成';
const OPEN = '未完成';

/** An item cell: one item per line, its parts separated by ｜ (or |). */
function items(cell: Cell | undefined): string[][] {
  return (text(cell) ?? '')
    .split(/\n+/)
    .map((line) => line.split(/[｜|]/).map((part) => part.trim()))
    .filter((parts) => parts.some(Boolean));
}

const itemCell = (lines: string[][]): Cell =>
  lines.length ? lines.map((parts) => parts.join('｜')).join('\n') : null;

const listCell = (names: readonly string[]): Cell => (names.length ? names.join('、') : null);

type Columns<K extends string> = readonly SheetColumn<K>[];

export const AGREEMENT_COLUMNS = [
  { key: 'id', header: '编号 (id)' },
  { key: 'name', header: '协议名称 (name)' },
  { key: 'parties', header: '签约各方 (parties)' },
  { key: 'signed', header: '签署日期 (signed)' },
  { key: 'place', header: '签署地点 (place)' },
  { key: 'fields', header: '合作领域 (fields)' },
  { key: 'commitments', header: '承诺事项：事项｜责任方｜期限｜完成情况 (commitments)' },
] as const satisfies Columns<string>;

export const PLATFORM_COLUMNS = [
  { key: 'id', header: '编号 (id)' },
  { key: 'name', header: '平台名称 (name)' },
  { key: 'kind', header: '类型 (kind)' },
  { key: 'level', header: '级别 (level)' },
  { key: 'host', header: '依托单位 (host)' },
  { key: 'coBuilders', header: '共建单位 (co-builders)' },
  { key: 'founded', header: '成立日期 (founded)' },
  { key: 'activities', header: '活动：日期｜内容 (activities)' },
  { key: 'companies', header: '服务企业：名称｜起始 (companies)' },
] as const satisfies Columns<string>;

export const ACHIEVEMENT_COLUMNS = [
  { key: 'id', header: '编号 (id)' },
  { key: 'name', header: '成果名称 (name)' },
  { key: 'kind', header: '类型 (kind)' },
  { key: 'owner', header: '权属单位 (owner)' },
  { key: 'field', header: '领域 (field)' },
  { key: 'transfers', header: '转化：受让方｜日期｜方式 (transfers)' },
] as const satisfies Columns<string>;

type Key<C extends Columns<string>> = C[number]['key'];

const headerOf = <C extends Columns<string>>(columns: C, key: Key<C>) =>
  columns.find((c) => c.key === key)?.header.split(' (')[0] ?? key;

function nameOf(cells: ReadonlyMap<string, Cell>, what: string): string {
  const name = text(cells.get('name'));
  if (!name) throw new RowError(`缺少${what}名称 (the ${what} has no name)`);
  return name;
}

function agreementRow(
  cells: ReadonlyMap<Key<typeof AGREEMENT_COLUMNS>, Cell>,
): Omit<AgreementRecord, 'id'> & { id?: string } {
  const header = (key: Key<typeof AGREEMENT_COLUMNS>) => headerOf(AGREEMENT_COLUMNS, key);
  return {
    ...present({
      id: recordId(cells.get('id'), 'agreement', '协议'),
      signed: day(cells.get('signed'), header('signed'), { month: true }),
      place: text(cells.get('place')),
    }),
    name: nameOf(cells, '协议'),
    parties: list(cells.get('parties')),
    fields: list(cells.get('fields')),
    commitments: items(cells.get('commitments')).map(([what = '', owner, due, done]) => {
      if (!what)
        throw new RowError(`“${header('commitments')}”中有一项没有写事项 (a commitment without what)`);
      if (done && done !== DONE && done !== OPEN) {
        throw new RowError(
          `承诺事项“${what}”的完成情况应为“${DONE}”或“${OPEN}”，而不是“${done}” (done or not)`,
        );
      }
      return present({
        what,
        owner: owner || undefined,
        due: day(due, `${what}的期限`),
        done: done === DONE,
      });
    }),
  };
}

function platformRow(
  cells: ReadonlyMap<Key<typeof PLATFORM_COLUMNS>, Cell>,
): Omit<PlatformRecord, 'id'> & { id?: string } {
  const header = (key: Key<typeof PLATFORM_COLUMNS>) => headerOf(PLATFORM_COLUMNS, key);
  const activities = items(cells.get('activities')).map(([on, what = '']) => {
    const date = day(on, `活动“${what}”的日期`);
    if (!date || !what) throw new RowError(`“${header('activities')}”的每一项应为“日期｜内容” (date｜what)`);
    return { on: date, what };
  });
  return {
    ...present({
      id: recordId(cells.get('id'), 'platform', '平台'),
      kind: text(cells.get('kind')),
      level: choice(cells.get('level'), header('level'), PLATFORM_LEVEL_LABELS),
      host: text(cells.get('host')),
      founded: day(cells.get('founded'), header('founded'), { month: true }),
      lastActivity: activities
        .map((a) => a.on)
        .sort()
        .at(-1),
    }),
    name: nameOf(cells, '平台'),
    coBuilders: list(cells.get('coBuilders')),
    activities,
    companies: items(cells.get('companies')).map(([name = '', since]) =>
      present({ name, since: day(since, `企业“${name}”的起始`, { month: true }) }),
    ),
  };
}

function achievementRow(
  cells: ReadonlyMap<Key<typeof ACHIEVEMENT_COLUMNS>, Cell>,
): Omit<AchievementRecord, 'id'> & { id?: string } {
  const header = (key: Key<typeof ACHIEVEMENT_COLUMNS>) => headerOf(ACHIEVEMENT_COLUMNS, key);
  return {
    ...present({
      id: recordId(cells.get('id'), 'achievement', '成果'),
      kind: choice(cells.get('kind'), header('kind'), ACHIEVEMENT_KIND_LABELS),
      owner: text(cells.get('owner')),
      field: text(cells.get('field')),
    }),
    name: nameOf(cells, '成果'),
    transfers: items(cells.get('transfers')).map(([to = '', on, how]) => {
      const mode = choice(how || null, `转化给“${to}”的方式`, TRANSFER_MODE_LABELS);
      if (!to || !mode)
        throw new RowError(`“${header('transfers')}”的每一项应为“受让方｜日期｜方式” (to｜date｜how)`);
      return present({ to, on: day(on, `转化给“${to}”的日期`, { month: true }), how: mode });
    }),
  };
}

export type RecordRow =
  | { kind: 'agreement'; row: ReturnType<typeof agreementRow> }
  | { kind: 'platform'; row: ReturnType<typeof platformRow> }
  | { kind: 'achievement'; row: ReturnType<typeof achievementRow> };

const identity = (row: { id?: string; name: string }) => row.id ?? identityName(row.name);

/** Reads the rows of a record sheet under its header row (see {@link readRows}). */
export function readRecordRows(kind: SheetKind, rows: readonly (readonly Cell[])[]): RowResult<RecordRow>[] {
  const wrap = <R>(results: RowResult<R>[], tag: (row: R) => RecordRow) =>
    results.map((r): RowResult<RecordRow> => (r.ok ? { line: r.line, ok: true, row: tag(r.row) } : r));
  switch (kind) {
    case 'agreement':
      return wrap(
        readRows(
          rows,
          { columns: AGREEMENT_COLUMNS, required: 'name', what: '协议' },
          agreementRow,
          identity,
        ),
        (row) => ({ kind, row }),
      );
    case 'platform':
      return wrap(
        readRows(rows, { columns: PLATFORM_COLUMNS, required: 'name', what: '平台' }, platformRow, identity),
        (row) => ({ kind, row }),
      );
    case 'achievement':
      return wrap(
        readRows(
          rows,
          { columns: ACHIEVEMENT_COLUMNS, required: 'name', what: '成果' },
          achievementRow,
          identity,
        ),
        (row) => ({ kind, row }),
      );
  }
}

/** The header row of a record sheet. */
export function recordHeader(kind: SheetKind): string[] {
  const columns =
    kind === 'agreement' ? AGREEMENT_COLUMNS : kind === 'platform' ? PLATFORM_COLUMNS : ACHIEVEMENT_COLUMNS;
  return columns.map((c) => c.header);
}

export function agreementCells(a: AgreementRecord): Cell[] {
  return [
    a.id,
    a.name,
    listCell(a.parties),
    a.signed ?? null,
    a.place ?? null,
    listCell(a.fields),
    itemCell(a.commitments.map((c) => [c.what, c.owner ?? '', c.due ?? '', c.done ? DONE : OPEN])),
  ];
}

export function platformCells(p: PlatformRecord): Cell[] {
  return [
    p.id,
    p.name,
    p.kind ?? null,
    p.level ? PLATFORM_LEVEL_LABELS[p.level].zh : null,
    p.host ?? null,
    listCell(p.coBuilders),
    p.founded ?? null,
    itemCell(p.activities.map((a) => [a.on, a.what])),
    itemCell(p.companies.map((c) => (c.since ? [c.name, c.since] : [c.name]))),
  ];
}

export function achievementCells(a: AchievementRecord): Cell[] {
  return [
    a.id,
    a.name,
    a.kind ? ACHIEVEMENT_KIND_LABELS[a.kind].zh : null,
    a.owner ?? null,
    a.field ?? null,
    itemCell(a.transfers.map((t) => [t.to, t.on ?? '', TRANSFER_MODE_LABELS[t.how].zh])),
  ];
}
