/**
 * The words of the status report: dates, periods and titles as offices write them, and the
 * kinds of co-built body the report's sections are about, known by the end of their names.
 */

/** `2020-12-15` → `2020年12月15日`; `2018-04` → `2018年4月`; `2016/2020` → `“十三五”期间`, or `2016—2019年`. */
export function chineseDate(date: string): string {
  const [from = '', to] = date.split('/');
  if (to !== undefined) {
    const plan = FIVE_YEAR_PLANS.find(([start]) => from === String(start) && to === String(start + 4));
    if (plan) return `“${plan[1]}”期间`;
    return `${from.slice(0, 4)}—${to.slice(0, 4)}年`;
  }
  const [year, month, day] = from.split('-');
  if (day) return `${year}年${Number(month)}月${Number(day)}日`;
  if (month) return `${year}年${Number(month)}月`;
  return `${year}年`;
}

const FIVE_YEAR_PLANS: ReadonlyArray<readonly [number, string]> = [
  [2006, '十一五'],
  [2011, '十二五'],
  [2016, '十三五'],
  [2021, '十四五'],
  [2026, '十五五'],
];

/** An agreement's name as a title: `《…协议》` when it is one, as it is when it is a description (`两次合作协议`). */
export function agreementTitle(object: string): string {
  if (object.startsWith('《')) return object;
  const described = /^(多轮|两次|三次|多次|新一轮|一系列|系列|相关|有关)/.test(object) || object.length <= 6;
  return described ? object : `《${object}》`;
}

/** The sections of co-built bodies, each with the endings of the names that belong to it. */
export const BODY_SECTIONS = [
  {
    key: 'platforms',
    title: '共建省部级创新平台',
    noun: '创新平台',
    endings: ['重点实验室', '工程技术研究中心', '工程研究中心', '协同创新中心'],
  },
  {
    key: 'institutes',
    title: '共建新型研发机构',
    noun: '新型研发机构',
    endings: ['研究院', '研究所', '研究中心', '联合实验室', '实验室', '技术中心'],
  },
  {
    key: 'parks',
    title: '共建产业园区',
    noun: '产业园区',
    endings: ['产业园', '孵化园', '园区', '科学城', '产业基地', '基地', '园'],
  },
  { key: 'alliances', title: '共建产业化平台与联盟', noun: '产业化平台', endings: ['联盟', '平台', '公司'] },
  { key: 'others', title: '共建其他机构', noun: '机构', endings: [] as string[] },
] as const;

export type BodySection = (typeof BODY_SECTIONS)[number]['key'];

/** The section a co-built body belongs to, by the end of its name. */
export function bodySection(name: string): BodySection {
  for (const section of BODY_SECTIONS)
    if (section.endings.some((ending) => name.endsWith(ending))) return section.key;
  return 'others';
}

/** Yuan as reports write them: `1.5亿元`, `8000万元`, `500元`. */
export function chineseYuan(value: number): string {
  if (value >= 1e8) return `${Number((value / 1e8).toFixed(2))}亿元`;
  if (value >= 1e4) return `${Number((value / 1e4).toFixed(2))}万元`;
  return `${value}元`;
}

/** What each type of event is called in the report's figures. */
export const EVENT_TYPE_NAMES: Readonly<Record<string, string>> = {
  agreement: '协议签署',
  project_signing: '项目签约',
  founding: '共建成立',
  operation: '投运运营',
  transfer: '成果转化',
  gathering: '会议展会',
  milestone: '重要进展',
  incubation: '企业孵化',
};

/** A report's scope in words: `重庆，2016—2020年，中国科学院参与`; empty when nothing narrows it. */
export function scopeWords(scope: { region?: string; from?: number; to?: number; party?: string }): string {
  const period =
    scope.from !== undefined && scope.to !== undefined
      ? scope.from === scope.to
        ? `${scope.from}年`
        : `${scope.from}—${scope.to}年`
      : scope.from !== undefined
        ? `${scope.from}年以来`
        : scope.to !== undefined
          ? `${scope.to}年以前`
          : '';
  const parts = [scope.region, period, scope.party ? `${scope.party}参与` : ''].filter(Boolean);
  return parts.join('，');
}
