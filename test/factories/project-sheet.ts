/**
 * A generated project spreadsheet: `good` projects in the registry's columns, with `bad` rows
 * mixed in of the four kinds offices send (no name, text in a number column, a status nobody
 * knows, the same project twice). Deterministic: the same sizes give the same sheet.
 */
import type { Cell } from '../../src/registry/project-sheet.js';
import { projectHeader } from '../../src/registry/project-sheet.js';

const CATEGORIES = ['研发基地', '联合实验室', '区域总部', '数据中心', '战略合作', '成果转化'];
const ZONES = ['西部（重庆）科学城', '两江新区', '重庆高新区', '璧山区', '永川区', '江北区'];
const PARTIES = [
  '中国科学院重庆绿色智能技术研究院',
  '重庆大学',
  '特斯联科技集团',
  '奇安信科技集团',
  '长安汽车',
];
const STATUSES = ['已签约', '已落地', '在建', '已投产', '已退出'];
const BAD_KINDS = ['no name', 'text in a number column', 'unknown status', 'duplicate'] as const;

export type BadKind = (typeof BAD_KINDS)[number];

export interface GeneratedSheet {
  rows: Cell[][];
  /** Line numbers of the bad rows (the header is line 1), with what is wrong with each. */
  bad: Map<number, BadKind>;
}

export function projectSheet(good: number, bad: number): GeneratedSheet {
  const rows: Cell[][] = [projectHeader()];
  const badLines = new Map<number, BadKind>();
  const every = Math.max(1, Math.floor((good + bad) / Math.max(1, bad)));
  let made = 0;
  let broken = 0;
  while (made < good || broken < bad) {
    const line = rows.length + 1;
    const i = made;
    if (broken < bad && (line % every === 0 || made >= good) && made > 0) {
      const kind = BAD_KINDS[broken % BAD_KINDS.length] as BadKind;
      const base = row(broken % made);
      if (kind === 'no name') base[1] = null;
      if (kind === 'text in a number column') {
        base[1] = `待核项目${broken}`;
        base[5] = '约三千万';
      }
      if (kind === 'unknown status') {
        base[1] = `待定项目${broken}`;
        base[8] = '洽谈中';
      }
      rows.push(base);
      badLines.set(line, kind);
      broken++;
      continue;
    }
    rows.push(row(i));
    made++;
  }
  return { rows, bad: badLines };
}

function row(i: number): Cell[] {
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return [
    null,
    `${ZONES[i % ZONES.length]}${CATEGORIES[i % CATEGORIES.length]}项目${String(i + 1).padStart(4, '0')}`,
    CATEGORIES[i % CATEGORIES.length] as string,
    `${PARTIES[i % PARTIES.length]}、${PARTIES[(i + 2) % PARTIES.length]}`,
    ZONES[i % ZONES.length] as string,
    String(((i * 37) % 5000) + 100.5),
    i % 3 === 0 ? String((i * 11) % 90_000) : null,
    null,
    STATUSES[i % STATUSES.length] as string,
    `2021-${month}-${day}`,
    `2020-${month}-${day}`,
    i % 10 === 0 ? '2020年第一批' : null,
    null,
  ];
}
