import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { TimeMention } from '../../core/types.js';

export interface TimeContext {
  /** Publication date `YYYY-MM-DD`: year-less and relative dates are resolved against it. */
  published?: string;
}

const Y = '((?:19|20)[0-9０-９]{2}|[〇零一二三四五六七八九]{4})';
const M = '([0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])';
const D = '([0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const S = '\\s*';
const TO = `${S}[至到—–~～\\-－]${S}`;

/** One pattern per form, tried in order at each position; the first and longest wins. */
const PATTERNS: Array<{ name: string; re: RegExp }> = [
  {
    name: 'plan',
    re: /[“"]?(十[一二三四五六七八九]|[一二三四五六七八九])五[”"]?(?:规划)?(?:期间|时期|以来|末)?/y,
  },
  { name: 'yearRange', re: new RegExp(`${Y}${S}年?${TO}${Y}${S}年`, 'y') },
  { name: 'monthRange', re: new RegExp(`${Y}${S}年${S}${M}${S}月${TO}${M}${S}月`, 'y') },
  {
    name: 'dayRange',
    re: new RegExp(`(?:${Y}${S}年${S})?${M}${S}月${S}${D}${S}[日号]${TO}${D}${S}[日号]`, 'y'),
  },
  { name: 'quarter', re: new RegExp(`${Y}${S}年${S}第?([一二三四1-4])季度`, 'y') },
  { name: 'half', re: new RegExp(`(?:${Y}${S}年|(今年|去年|明年))${S}([上下])半年`, 'y') },
  { name: 'date', re: new RegExp(`${Y}${S}年${S}${M}${S}月(?:${S}${D}${S}[日号])?(?:(底)|(初))?`, 'y') },
  {
    name: 'numericDate',
    re: /((?:19|20)\d{2})([./-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![0-9])/y,
  },
  { name: 'year', re: new RegExp(`${Y}${S}年(?:(底)|(初))?(?![0-9度])`, 'y') },
  { name: 'monthDay', re: new RegExp(`${M}${S}月${S}${D}${S}[日号]`, 'y') },
  {
    name: 'relativeMonth',
    re: new RegExp(`(今年|去年|明年)${S}${M}${S}月(?:份|底|初|中旬|上旬|下旬)?`, 'y'),
  },
  { name: 'month', re: new RegExp(`${M}${S}月(份|底|初|中旬|上旬|下旬|[，,])`, 'y') },
  { name: 'relative', re: /(今年底|今年年底|今年初|今年|去年底|去年|明年|年内|本月|当月|年底)/y },
];

const STARTS = /[0-9０-９〇零一二三四五六七八九十“"今去明年本当]/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function num(s: string | undefined): number {
  return s === undefined ? Number.NaN : (parseChineseNumber(s) ?? Number.NaN);
}

/** The first year of the nth five-year plan: 1953, 1958, then from 1966 every five years. */
export function fiveYearPlanStart(n: number): number {
  if (n <= 2) return 1953 + 5 * (n - 1);
  return 1966 + 5 * (n - 3);
}

interface Published {
  year: number;
  month: number;
  day: number;
}

function parsePublished(published: string | undefined): Published | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A date without a year is in the publication year, unless that puts it months ahead of it. */
function yearFor(month: number, day: number, published: Published): number {
  const monthsAhead = month - published.month + (day > published.day ? 0.01 : 0);
  return monthsAhead > 3 ? published.year - 1 : published.year;
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

function value(
  name: string,
  g: string[],
  published: Published | undefined,
): { value: string; relative?: boolean } | undefined {
  switch (name) {
    case 'plan': {
      const start = fiveYearPlanStart(num(g[1]));
      return { value: `${start}/${start + 4}` };
    }
    case 'yearRange': {
      const a = num(g[1]);
      const b = num(g[2]);
      return b > a ? { value: `${a}/${b}` } : undefined;
    }
    case 'monthRange': {
      const y = num(g[1]);
      const a = num(g[2]);
      const b = num(g[3]);
      return validMonth(a) && validMonth(b) && b > a ? { value: `${y}-${pad(a)}/${y}-${pad(b)}` } : undefined;
    }
    case 'dayRange': {
      const m = num(g[2]);
      const a = num(g[3]);
      const b = num(g[4]);
      if (!validMonth(m) || !validDay(a) || !validDay(b) || b <= a) return undefined;
      const explicit = g[1] !== undefined;
      if (!explicit && !published) return undefined;
      const y = explicit ? num(g[1]) : yearFor(m, a, published as Published);
      const result = { value: `${y}-${pad(m)}-${pad(a)}/${y}-${pad(m)}-${pad(b)}` };
      return explicit ? result : { ...result, relative: true };
    }
    case 'quarter': {
      const y = num(g[1]);
      const q = num(g[2]);
      if (!(q >= 1 && q <= 4)) return undefined;
      return { value: `${y}-${pad(q * 3 - 2)}/${y}-${pad(q * 3)}` };
    }
    case 'half': {
      let y = num(g[1]);
      const relative = g[2];
      if (relative) {
        if (!published) return undefined;
        y = published.year + (relative === '去年' ? -1 : relative === '明年' ? 1 : 0);
      }
      const first = g[3] === '上';
      const result = { value: first ? `${y}-01/${y}-06` : `${y}-07/${y}-12` };
      return relative ? { ...result, relative: true } : result;
    }
    case 'date': {
      const y = num(g[1]);
      const m = num(g[2]);
      if (!validMonth(m)) return { value: String(y) };
      if (g[3] === undefined) return { value: `${y}-${pad(m)}` };
      const d = num(g[3]);
      return validDay(d) ? { value: `${y}-${pad(m)}-${pad(d)}` } : { value: `${y}-${pad(m)}` };
    }
    case 'numericDate':
      return { value: `${g[1]}-${pad(num(g[3]))}-${pad(num(g[4]))}` };
    case 'year': {
      const y = num(g[1]);
      return g[2] ? { value: `${y}-12` } : { value: String(y) };
    }
    case 'monthDay': {
      if (!published) return undefined;
      const m = num(g[1]);
      const d = num(g[2]);
      if (!validMonth(m) || !validDay(d)) return undefined;
      return { value: `${yearFor(m, d, published)}-${pad(m)}-${pad(d)}`, relative: true };
    }
    case 'relativeMonth': {
      if (!published) return undefined;
      const m = num(g[2]);
      if (!validMonth(m)) return undefined;
      const y = published.year + (g[1] === '去年' ? -1 : g[1] === '明年' ? 1 : 0);
      return { value: `${y}-${pad(m)}`, relative: true };
    }
    case 'month': {
      if (!published) return undefined;
      const m = num(g[1]);
      if (!validMonth(m)) return undefined;
      return { value: `${yearFor(m, 1, published)}-${pad(m)}`, relative: true };
    }
    case 'relative': {
      if (!published) return undefined;
      const y = published.year;
      const word = g[1] as string;
      const map: Record<string, string> = {
        今年底: `${y}-12`,
        今年年底: `${y}-12`,
        年底: `${y}-12`,
        今年初: `${y}-01`,
        今年: String(y),
        年内: String(y),
        去年底: `${y - 1}-12`,
        去年: String(y - 1),
        明年: String(y + 1),
        本月: `${y}-${pad(published.month)}`,
        当月: `${y}-${pad(published.month)}`,
      };
      const resolved = map[word];
      return resolved ? { value: resolved, relative: true } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Dates, months, years, ranges and periods, at the precision the text gives, with year-less and
 * relative dates resolved against the publication date. Vague phrases (近年来, 近日) are not times.
 *
 * @example recognizeTimes('12月15日，双方签约', { published: '2020-12-16' }) // 12月15日 → 2020-12-15
 * @example recognizeTimes('“十三五”期间') // “十三五”期间 → 2016/2020
 * @example recognizeTimes('2019 年 10 月') // 2019-10
 */
export function recognizeTimes(text: string, context: TimeContext = {}): TimeMention[] {
  const published = parsePublished(context.published);
  const mentions: TimeMention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!STARTS.test(text.charAt(i)) || /[0-9０-９]/.test(text.charAt(i - 1))) {
      i++;
      continue;
    }
    let matched = false;
    for (const { name, re } of PATTERNS) {
      re.lastIndex = i;
      const match = re.exec(text);
      if (!match) continue;
      if (name === 'plan' && !/[“"期时规以末]/.test(match[0]) && !/^十[一二三四五六七八九]五$/.test(match[0]))
        continue;
      if (name === 'relative' && match[0] === '年底' && /[0-9０-９年]/.test(text.charAt(i - 1))) continue;
      const resolved = value(name, match as unknown as string[], published);
      if (!resolved) continue;
      const written = match[0].replace(/[，,]$/, '');
      const mention: TimeMention = {
        text: written,
        value: resolved.value,
        span: { start: i, end: i + written.length },
      };
      if (resolved.relative) mention.relative = true;
      mentions.push(mention);
      i += written.length;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return mentions;
}
