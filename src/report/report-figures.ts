/**
 * The figures of the status report: the dashboard's charts drawn for the report's scope only —
 * events by year and type, the most frequent partners, the registry's projects by category and
 * status, and their investment by zone. Each figure says what it counts and from where; a chart
 * with nothing to show is left out.
 */
import { PROJECT_STATUS_LABELS, type ProjectRecord } from '../core/registry.js';
import { UNKNOWN } from '../registry/totals.js';
import type { EventView } from '../services/entity.service.js';
import { EVENT_TYPE_NAMES } from './report-prose.js';

export interface FigureSeries {
  name: string;
  values: number[];
}

/** One chart's data: bars over `categories`, one series per colour, stacked. */
export interface ReportFigure {
  key: 'events-by-year' | 'partners' | 'projects-by-category' | 'investment-by-zone';
  title: string;
  /** Where its numbers come from, and of which scope. */
  source: string;
  /** `columns` stand over their categories; `rows` lie along them (long names read better). */
  layout: 'columns' | 'rows';
  unit: 'count' | 'yuan';
  categories: string[];
  series: FigureSeries[];
}

/** The heading the figures stand under, after the report's sections. */
export const FIGURES_HEADING = '附图';

/** Figure n's caption: `图1　合作事件年度分布（按类型）`. */
export const figureCaption = (n: number, figure: ReportFigure) => `图${n}　${figure.title}`;

/** Partners and zones a figure shows at most: the rest would be too small to read. */
const MOST = 10;

/** Counts by two keys, in first-seen order of each. */
function crossCount(pairs: ReadonlyArray<readonly [string, string, number]>) {
  const rows: string[] = [];
  const columns: string[] = [];
  const counts = new Map<string, number>();
  for (const [row, column, n] of pairs) {
    if (!rows.includes(row)) rows.push(row);
    if (!columns.includes(column)) columns.push(column);
    counts.set(`${row}\u0000${column}`, (counts.get(`${row}\u0000${column}`) ?? 0) + n);
  }
  const count = (row: string, column: string) => counts.get(`${row}\u0000${column}`) ?? 0;
  return { rows, columns, count };
}

/** The first year an event's date names, brought inside the period when it starts before it. */
function eventYear(date: string, from: number | undefined): number {
  const year = Number(date.slice(0, 4));
  return from !== undefined ? Math.max(year, from) : year;
}

function eventsByYear(events: readonly EventView[], from: number | undefined, scope: string): ReportFigure[] {
  const dated = events.filter((e) => e.date);
  if (dated.length === 0) return [];
  const types = Object.keys(EVENT_TYPE_NAMES);
  const {
    rows: years,
    columns,
    count,
  } = crossCount(dated.map((e) => [String(eventYear(e.date ?? '', from)), e.type, 1] as const));
  years.sort();
  columns.sort((a, b) => types.indexOf(a) - types.indexOf(b));
  const documents = new Set(dated.map((e) => e.origin.documentId).filter(Boolean)).size;
  return [
    {
      key: 'events-by-year',
      title: '合作事件年度分布（按类型）',
      source: `数据来源：知识库中${scope}有日期的合作事件${dated.length}个，出自文档${documents}篇。`,
      layout: 'columns',
      unit: 'count',
      categories: years,
      series: columns.map((type) => ({
        name: EVENT_TYPE_NAMES[type] ?? type,
        values: years.map((year) => count(year, type)),
      })),
    },
  ];
}

function partners(events: readonly EventView[], scope: string): ReportFigure[] {
  const counts = new Map<string, number>();
  for (const event of events)
    for (const name of new Set(event.participants)) counts.set(name, (counts.get(name) ?? 0) + 1);
  if (counts.size === 0) return [];
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).slice(0, MOST);
  return [
    {
      key: 'partners',
      title: '主要合作方（按参与事件数）',
      source: `数据来源：知识库中${scope}的合作事件${events.length}个，列出参与事件最多的${top.length}个合作方。`,
      layout: 'rows',
      unit: 'count',
      categories: top.map(([name]) => name),
      series: [{ name: '参与事件数', values: top.map(([, n]) => n) }],
    },
  ];
}

function projectsByCategory(projects: readonly ProjectRecord[], scope: string): ReportFigure[] {
  if (projects.length === 0) return [];
  const statuses = Object.keys(PROJECT_STATUS_LABELS);
  const {
    rows: categories,
    columns,
    count,
  } = crossCount(projects.map((p) => [p.category ?? UNKNOWN, p.status, 1] as const));
  const total = (category: string) => columns.reduce((n, status) => n + count(category, status), 0);
  categories.sort((a, b) => total(b) - total(a) || a.localeCompare(b, 'zh'));
  columns.sort((a, b) => statuses.indexOf(a) - statuses.indexOf(b));
  return [
    {
      key: 'projects-by-category',
      title: '签约项目类别与进展',
      source: `数据来源：合作登记簿中${scope}的签约项目${projects.length}个。`,
      layout: 'rows',
      unit: 'count',
      categories,
      series: columns.map((status) => ({
        name: PROJECT_STATUS_LABELS[status as keyof typeof PROJECT_STATUS_LABELS]?.zh ?? status,
        values: categories.map((category) => count(category, status)),
      })),
    },
  ];
}

function investmentByZone(projects: readonly ProjectRecord[], scope: string): ReportFigure[] {
  const invested = projects.filter((p) => (p.investment ?? 0) > 0);
  if (invested.length === 0) return [];
  const byZone = new Map<string, number>();
  for (const p of invested)
    byZone.set(p.zone ?? UNKNOWN, (byZone.get(p.zone ?? UNKNOWN) ?? 0) + (p.investment ?? 0));
  const top = [...byZone].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).slice(0, MOST);
  return [
    {
      key: 'investment-by-zone',
      title: '签约项目投资额（按园区、区县）',
      source: `数据来源：合作登记簿中${scope}登记了投资额的签约项目${invested.length}个。`,
      layout: 'columns',
      unit: 'yuan',
      categories: top.map(([zone]) => zone),
      series: [{ name: '投资额', values: top.map(([, yuan]) => yuan) }],
    },
  ];
}

/**
 * The report's figures, in the order the report shows them; `words` is the scope in words
 * (`重庆，2016—2020年`), `from` the period's first year.
 */
export function reportFigures(
  words: string,
  from: number | undefined,
  events: readonly EventView[],
  projects: readonly ProjectRecord[],
): ReportFigure[] {
  const scope = words ? `所选范围（${words}）内` : '';
  return [
    ...eventsByYear(events, from, scope),
    ...partners(events, scope),
    ...projectsByCategory(projects, scope),
    ...investmentByZone(projects, scope),
  ];
}
