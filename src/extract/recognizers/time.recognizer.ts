import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { TimeMention } from '../../core/types.js';
import { charTable, hasCharWithin, normalizeWidth } from './numeric-shared.js';

export interface TimeContext {
  /** Publication date `YYYY-MM-DD`: year-less and relative dates are resolved against it. */
  published?: string;
}

const YEAR = '((?:19|20)\\d{2}|[一二][〇零一二三四五六七八九]{3})';
const MONTH = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const DAY =
  '(3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
const SP = '\\s{0,3}';
const TO = '\\s{0,2}(?:至|到|[-~—–―〜]{1,2})\\s{0,2}';

const sticky = (source: string) => new RegExp(source, 'y');

const NUMERIC_DATE = /((?:19|20)\d{2})([./-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d])/y;
const YEAR_RANGE_BARE = sticky(`${YEAR}${TO}${YEAR}${SP}年(度)?`);
/** 2016、2018和2020年: each year of the list is a year. */
const YEAR_IN_LIST = sticky(`((?:19|20)\\d{2})(?=(?:\\s{0,2}[、，,和及与]\\s{0,2}(?:19|20)\\d{2})+${SP}年)`);
const DECADE = sticky(`((?:19|20)\\d0)${SP}年代`);
const YEAR_AT = sticky(`${YEAR}${SP}年(?![代纪龄级轻])`);
const HALF = sticky(`${SP}([上下])半年`);
const QUARTER = sticky(`${SP}(前)?第?([一二三四两1-4])${SP}季度|${SP}[Qq]([1-4])(?![\\d])`);
/** 底/末/初 after a year; 初步 and 初期 are not the beginning of the year. */
const EDGE = /(?:年)?(底|末|初)(?![步期次级衷心始])/y;
const YEAR_DU = /度/y;
const MONTH_RANGE_BARE = sticky(`${SP}${MONTH}${TO}${MONTH}${SP}月`);
/** 前10个月, 前两个月: the months of the year up to the one counted. */
const FIRST_MONTHS = sticky(`${SP}前${SP}(1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])${SP}个${SP}?月`);
const MONTH_AT = sticky(`${SP}${MONTH}${SP}月`);
const DAY_RANGE_BARE = sticky(`${SP}${DAY}${TO}${DAY}${SP}[日号]`);
const DAY_AT = sticky(`${SP}${DAY}${SP}[日号]`);
const MONTH_SUFFIX = /份|底|末|初(?![步期次])|上旬|中旬|下旬/y;
/** 12日至14日, 12至14日: days of one month. */
const DAY_RANGE_ALONE = sticky(`${DAY}${SP}日?${TO}${DAY}${SP}日`);
/** A day with no month: its figures and 日, not followed by what makes it a count or a word. */
const DAY_ALONE = sticky(`${DAY}${SP}日(?![内后前来报本益常均产照方期子间夜志记元程晚趋渐\\d])`);
const RANGE_TO = sticky(TO);

const PLAN =
  /([“"「『]?)(十[一二三四五六七八九]|[一二三四五六七八九十])五([”"」』]?)(规划|计划)?(期间|时期|末|初)?/y;
const RELATIVE_YEAR = /(今年|去年|上年|明年|本年)(度)?/y;
const CONTEXT_YEAR = /(同年|当年|次年|翌年)/y;
const STANDALONE = /(年底|年末|年初|年内|上半年|下半年|前三季度|第?[一二三四]季度)/y;
const RELATIVE_MONTH = /(本月|上个?月|下个?月)/y;

/** Characters before a 年 that make it part of another word: 近年, 三年内, 全年, 青年, 当年底. */
const YEAR_WORD_BEFORE =
  /[\d零〇一二两三四五六七八九十百千万几数多近每全当同该本半今去明前后次首新些周成通童青少老中末晚早历往逐连隔跨整常丰学财翌长终某哪那这上下元以马]/;
/** Characters before 今年, 去年 … that make them part of another word: 如今年轻, 过去年代, 说明年度. */
const RELATIVE_WORD_BEFORE: Readonly<Record<string, RegExp>> = {
  今年: /[如迄而现古]/,
  去年: /[过失除回出进上下]/,
  上年: /[以向往马之]/,
  明年: /[说证表声阐发光透文英神分查鲜照]/,
  本年: /[基成资日版根样脚课账标范剧文]/,
};
const CLAUSE_END = /[。！？!?；;\n]/;
/** Characters a time can begin with, by code: the scan tests every character of the text. */
const STARTS = charTable('0123456789〇零一二三四五六七八九十“"「『今去上明本同当次翌年下前第');
/** Characters a relative time (同年, 年底, 上半年, 第一季度, 今年, 本月 …) begins with. */
const RELATIVE_STARTS = charTable('同当次翌年上下前第一二三四今去明本');
const YEAR_NUMERALS = charTable('〇零一二三四五六七八九');
const FIRST_YEAR_NUMERALS = charTable('一二');
/** What a time in figures does not follow: it would be the tail of a number, a code or an ordinal. */
const NOT_BEFORE_FIGURES = charTable('0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz第');
/** Characters that begin a time in Chinese numerals or a quoted plan (“十三五”). */
const NUMERAL_OR_QUOTE = charTable('零〇一二两三四五六七八九十百千万亿“"「『');
/** What a time in Chinese numerals does not follow: another numeral, or 第 of an ordinal. */
const NOT_BEFORE_NUMERALS = charTable('零〇一二两三四五六七八九十百千万亿第');
/** The first characters of the relative patterns, so that a character none begins with tries none. */
const CONTEXT_YEAR_STARTS = charTable('同当次翌');
const STANDALONE_STARTS = charTable('年上下前第一二三四');
const RELATIVE_YEAR_STARTS = charTable('今去上明本');
const RELATIVE_MONTH_STARTS = charTable('本上下');

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** 每 and 逐 (每年, 逐月) make what follows recur: no date. */
function isEvery(c: string): boolean {
  return c === '每' || c === '逐';
}

interface Published {
  year: number;
  month: number;
  day: number;
}

/** A point in time at the precision written: year, year-month or a full date. */
interface Point {
  y: number;
  m?: number;
  d?: number;
  end: number;
  /** The year was not written in the text. */
  filled?: boolean;
}

interface Found {
  value: string;
  end: number;
  relative: boolean;
  /** A year the text wrote, which 年底, 同年 … written after it refer to. */
  anchor: number | undefined;
}

/**
 * A reading of the text up to `end`. Every reading is made here, with all its fields, so that
 * all have one shape and the scan reads their fields in one way.
 */
function reading(value: string, end: number, relative = false, anchor?: number): Found {
  return { value, end, relative, anchor };
}

/** The reading, dated by the year `anchor` the text wrote. */
function withAnchor(found: Found, anchor: number): Found {
  found.anchor = anchor;
  return found;
}

/** The reading, resolved against the publication date or a year written before it. */
function asRelative(found: Found): Found {
  found.relative = true;
  return found;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function num(s: string | undefined): number {
  return s === undefined ? Number.NaN : (parseChineseNumber(s) ?? Number.NaN);
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

function format(p: Point): string {
  if (p.m === undefined) return String(p.y);
  if (p.d === undefined) return `${p.y}-${pad(p.m)}`;
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

function before(a: Point, b: Point): boolean {
  if (a.y !== b.y) return a.y < b.y;
  if (a.m === undefined || b.m === undefined) return false;
  if (a.m !== b.m) return a.m < b.m;
  if (a.d === undefined || b.d === undefined) return false;
  return a.d < b.d;
}

/**
 * The first year of the nth five-year plan. The first two ran from 1953 and 1958; after the
 * readjustment years 1963–1965 the third began in 1966, and every plan since has followed the
 * last: 十三五 is 2016–2020.
 */
export function fiveYearPlanStart(n: number): number {
  return n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3);
}

function parsePublished(published: string | undefined): Published | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const DAY_MS = 86_400_000;

/**
 * The year of a date written without one: the publication year, unless that puts the date more
 * than about three months after publication: news reports what has happened.
 */
function yearFor(month: number, day: number, published: Published): number {
  const candidate = Date.UTC(published.year, month - 1, day);
  const pub = Date.UTC(published.year, published.month - 1, published.day);
  return candidate - pub > 92 * DAY_MS ? published.year - 1 : published.year;
}

/** Day `d` of the publication's month, or of the month before when that day is still to come. */
function dayOfRecentMonth(d: number, published: Published): string {
  const back = d > published.day ? 1 : 0;
  const index = published.year * 12 + published.month - 1 - back;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  // The 31st of a 30-day month is no date: the last of the month is meant no more than any other.
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(Math.min(d, last))}`;
}

function exec(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Month and day after a written year or a year-less start; undefined when no month is written. */
function monthDay(s: string, at: number): { m: number; d?: number; end: number } | undefined {
  const month = exec(MONTH_AT, s, at);
  if (!month) return undefined;
  const m = num(month[1]);
  if (!validMonth(m)) return undefined;
  const day = exec(DAY_AT, s, at + month[0].length);
  if (day && validDay(num(day[1]))) {
    return { m, d: num(day[1]), end: at + month[0].length + day[0].length };
  }
  return { m, end: at + month[0].length };
}

/** A year, month or date with its year written: 2019年, 2019 年 10 月, 二〇二〇年十二月十五日, 2020.12.15. */
function explicitPoint(s: string, at: number): Point | undefined {
  const numeric = exec(NUMERIC_DATE, s, at);
  if (numeric) {
    return { y: num(numeric[1]), m: num(numeric[3]), d: num(numeric[4]), end: at + numeric[0].length };
  }
  const year = exec(YEAR_AT, s, at);
  if (!year) return undefined;
  const y = num(year[1]);
  const end = at + year[0].length;
  const md = monthDay(s, end);
  if (!md) return { y, end };
  const point: Point = { y, m: md.m, end: md.end };
  if (md.d !== undefined) point.d = md.d;
  return point;
}

/** The end of `A至B` after point `a`, with the parts of B that are not written taken from A. */
function rangeEnd(s: string, a: Point): Point | undefined {
  const to = exec(RANGE_TO, s, a.end);
  if (!to) return undefined;
  const at = a.end + to[0].length;
  let b = explicitPoint(s, at);
  if (!b && a.m !== undefined) {
    const md = monthDay(s, at);
    if (md) {
      b = { y: a.y, m: md.m, end: md.end, filled: true };
      if (md.d !== undefined) b.d = md.d;
    }
  }
  if (!b && a.d !== undefined) {
    const day = exec(DAY_AT, s, at);
    if (day && validDay(num(day[1]))) {
      b = { y: a.y, m: a.m, d: num(day[1]), end: at + day[0].length, filled: true };
    }
  }
  if (!b) return undefined;
  // 12月30日至1月2日 crosses into the next year.
  if (!before(a, b) && b.filled && b.m !== undefined && a.m !== undefined && b.m < a.m) b.y += 1;
  return before(a, b) ? b : undefined;
}

/** What may follow a year and is more than a month: 上半年, 第一季度, 前三季度, 前10个月, 底, 初, 4-6月. */
function afterYear(s: string, y: number, at: number): Found | undefined {
  const half = exec(HALF, s, at);
  if (half) {
    const end = at + half[0].length;
    return reading(half[1] === '上' ? `${y}-01/${y}-06` : `${y}-07/${y}-12`, end);
  }
  const quarter = exec(QUARTER, s, at);
  if (quarter) {
    const q = num(quarter[2] ?? quarter[3]);
    if (q >= 1 && q <= 4) {
      const first = quarter[1] ? 1 : q * 3 - 2;
      return reading(`${y}-${pad(first)}/${y}-${pad(q * 3)}`, at + quarter[0].length);
    }
  }
  const firstMonths = exec(FIRST_MONTHS, s, at);
  if (firstMonths) {
    const last = num(firstMonths[1]);
    if (last >= 2 && last <= 12) return reading(`${y}-01/${y}-${pad(last)}`, at + firstMonths[0].length);
  }
  const edge = exec(EDGE, s, at);
  if (edge) return reading(edge[1] === '初' ? `${y}-01` : `${y}-12`, at + edge[0].length);
  const months = exec(MONTH_RANGE_BARE, s, at);
  if (months) {
    const a = num(months[1]);
    const b = num(months[2]);
    if (validMonth(a) && validMonth(b) && a < b) {
      return reading(`${y}-${pad(a)}/${y}-${pad(b)}`, at + months[0].length);
    }
  }
  return undefined;
}

/** What follows a point once its year is known: 15-16日, 至6月, 至16日, 份, 底, 中旬. */
function afterMonth(s: string, p: Point): Found {
  if (p.d === undefined && p.m !== undefined) {
    const days = exec(DAY_RANGE_BARE, s, p.end);
    if (days) {
      const a = num(days[1]);
      const b = num(days[2]);
      if (validDay(a) && validDay(b) && a < b) {
        const ym = `${p.y}-${pad(p.m)}`;
        return reading(`${ym}-${pad(a)}/${ym}-${pad(b)}`, p.end + days[0].length);
      }
    }
  }
  const b = rangeEnd(s, p);
  if (b) return reading(`${format(p)}/${format(b)}`, b.end);
  if (p.m !== undefined && p.d === undefined) {
    const suffix = exec(MONTH_SUFFIX, s, p.end);
    if (suffix) return reading(format(p), p.end + suffix[0].length);
  }
  return reading(format(p), p.end);
}

/**
 * Whether a year can begin at `i` (19xx, 20xx, 二〇二〇): every reading of `explicitAt` does, so
 * most numerals are turned away before its patterns are tried.
 */
function startsYear(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const next = s.charCodeAt(i + 1);
  if (c === 0x31) return next === 0x39;
  if (c === 0x32) return next === 0x30;
  return FIRST_YEAR_NUMERALS[c] === 1 && YEAR_NUMERALS[next] === 1;
}

/** A mention that starts with a written year (or a numeric date). */
function explicitAt(s: string, i: number): Found | undefined {
  if (!startsYear(s, i)) return undefined;
  const range = exec(YEAR_RANGE_BARE, s, i);
  if (range) {
    const a = num(range[1]);
    const b = num(range[2]);
    if (a < b) return reading(`${a}/${b}`, i + range[0].length);
  }
  const listed = exec(YEAR_IN_LIST, s, i);
  if (listed) return reading(listed[1] ?? '', i + listed[0].length, false, num(listed[1]));
  const decade = exec(DECADE, s, i);
  if (decade) {
    const y = num(decade[1]);
    return reading(`${y}/${y + 9}`, i + decade[0].length);
  }
  const point = explicitPoint(s, i);
  if (!point) return undefined;
  if (point.m === undefined) {
    const special = afterYear(s, point.y, point.end);
    if (special) return withAnchor(special, point.y);
    const du = exec(YEAR_DU, s, point.end);
    if (du) point.end += 1;
  }
  return withAnchor(afterMonth(s, point), point.y);
}

/** 十三五, “十三五”期间, 十四五规划: the nth five-year plan, computed from n. */
function planAt(s: string, i: number): Found | undefined {
  // A quote and 十三 at most come before the 五 of every plan.
  if (!hasCharWithin(s, '五', i + 1, i + 4)) return undefined;
  const plan = exec(PLAN, s, i);
  if (!plan) return undefined;
  const [whole, open, number, close, named, period] = plan;
  const n = num(number);
  const quoted = Boolean(open && close);
  if (!quoted && !named && !period && !(n >= 11 && !open && !close)) return undefined;
  if (open && !close) return undefined;
  if (!Number.isFinite(n) || n < 1) return undefined;
  const start = fiveYearPlanStart(n);
  const value =
    period === '末' ? String(start + 4) : period === '初' ? String(start) : `${start}/${start + 4}`;
  return reading(value, i + whole.length);
}

/**
 * Scans the text once, left to right; at each position the longest reading wins and the scan
 * goes on after it, so a full date is one mention, not a date, a month and a year.
 */
class TimeScanner {
  private readonly s: string;
  private readonly published: Published | undefined;
  private anchor: { year: number; end: number } | undefined;

  constructor(
    private readonly text: string,
    published: string | undefined,
  ) {
    this.s = normalizeWidth(text);
    this.published = parsePublished(published);
  }

  scan(): TimeMention[] {
    const mentions: TimeMention[] = [];
    const s = this.s;
    let i = 0;
    while (i < s.length) {
      if (STARTS[s.charCodeAt(i)] !== 1) {
        i++;
        continue;
      }
      const found = this.at(i);
      if (!found || found.end <= i) {
        i++;
        continue;
      }
      const mention: TimeMention = {
        text: this.text.slice(i, found.end),
        value: found.value,
        span: { start: i, end: found.end },
      };
      if (found.relative) mention.relative = true;
      mentions.push(mention);
      if (found.anchor !== undefined) this.anchor = { year: found.anchor, end: found.end };
      i = found.end;
    }
    return mentions;
  }

  private at(i: number): Found | undefined {
    const s = this.s;
    const c = s.charCodeAt(i);
    const previous = s.charCodeAt(i - 1);
    if (isDigitCode(c)) {
      if (NOT_BEFORE_FIGURES[previous] === 1) return undefined;
      return explicitAt(s, i) ?? this.yearless(i);
    }
    if (NUMERAL_OR_QUOTE[c] === 1) {
      if (NOT_BEFORE_NUMERALS[previous] === 1) return undefined;
      return planAt(s, i) ?? explicitAt(s, i) ?? this.yearless(i) ?? this.relative(i);
    }
    return this.relative(i);
  }

  /**
   * The year written earlier in the same clause, which 年底, 年内, 上半年 … refer to
   * (2019年开工，年底竣工). Year-less dates do not use it: in news a date in a sentence about an
   * earlier year is still the date of the report.
   */
  private clauseYear(i: number): number | undefined {
    const anchor = this.anchor;
    if (!anchor || i - anchor.end > 120) return undefined;
    return CLAUSE_END.test(this.s.slice(anchor.end, i)) ? undefined : anchor.year;
  }

  /** 12月15日, 12月15日至16日, 6月底 … in the publication's year. */
  private yearless(i: number): Found | undefined {
    const s = this.s;
    // A month is one or two characters and up to three spaces before its 月.
    if (!hasCharWithin(s, '月', i + 1, i + 6)) return this.dayAlone(i);
    if (isEvery(s.charAt(i - 1)) || (s.charAt(i - 1) === '年' && isEvery(s.charAt(i - 2)))) return undefined;
    const md = monthDay(s, i);
    if (!md) return undefined;
    if (!this.published) return undefined;
    const y = yearFor(md.m, md.d ?? 1, this.published);
    const point: Point = { y, m: md.m, end: md.end, filled: true };
    if (md.d !== undefined) point.d = md.d;
    const found = afterMonth(s, point);
    if (found.end === md.end && md.d === undefined && !this.isMonthAlone(i, md.end)) return undefined;
    return asRelative(found);
  }

  /**
   * A day written alone, as news dates what happened this month: 新华社北京12日电, 十二日在厦门
   * 签署. It is the publication's month, or the month before when the day is later than the
   * publication's. Single Chinese digits (一日, 三日) are left out, and days counted (15日内,
   * 3日后) and words (日报, 日本) are not dates.
   */
  private dayAlone(i: number): Found | undefined {
    const published = this.published;
    if (!published || !hasCharWithin(this.s, '日', i + 1, i + 10)) return undefined;
    if (/(每|逐|周|初)个?月?$/.test(this.s.slice(Math.max(0, i - 3), i))) return undefined;
    const isDay = (written: string, d: number) =>
      validDay(d) && (/\d/.test(written) || written.length >= 2 || written === '十');
    const range = exec(DAY_RANGE_ALONE, this.s, i);
    if (range) {
      const a = num(range[1]);
      const b = num(range[2]);
      if (isDay(range[1] ?? '', a) && validDay(b) && b > a) {
        const first = dayOfRecentMonth(a, published);
        return reading(`${first}/${first.slice(0, 8)}${pad(b)}`, i + range[0].length, true);
      }
    }
    const day = exec(DAY_ALONE, this.s, i);
    if (!day || !isDay(day[1] ?? '', num(day[1]))) return undefined;
    return reading(dayOfRecentMonth(num(day[1]), published), i + day[0].length, true);
  }

  /** A month written alone (4月) is a time when it is in figures or ends the phrase (十二月，). */
  private isMonthAlone(i: number, end: number): boolean {
    if (/\d/.test(this.s.charAt(i))) return !/[\d个]/.test(this.s.charAt(end));
    return /[，、。；：,;:\s起至到以开的]/.test(this.s.charAt(end));
  }

  private relative(i: number): Found | undefined {
    const s = this.s;
    if (RELATIVE_STARTS[s.charCodeAt(i)] !== 1) return undefined;
    const previous = s.charAt(i - 1);
    const published = this.published;

    const c = s.charCodeAt(i);
    const context = CONTEXT_YEAR_STARTS[c] === 1 ? exec(CONTEXT_YEAR, s, i) : null;
    if (context && this.anchor && i - this.anchor.end < 2000) {
      const y = this.anchor.year + (context[1] === '次年' || context[1] === '翌年' ? 1 : 0);
      const md = monthDay(s, i + context[0].length);
      if (md) {
        const point: Point = { y, m: md.m, end: md.end };
        if (md.d !== undefined) point.d = md.d;
        return asRelative(afterMonth(s, point));
      }
      if (context[1] !== '当年') return reading(String(y), i + context[0].length, true);
    }

    const standalone = STANDALONE_STARTS[c] === 1 ? exec(STANDALONE, s, i) : null;
    const afterStandalone = standalone ? s.charAt(i + standalone[0].length) : '';
    if (standalone && !YEAR_WORD_BEFORE.test(previous) && !/[步期次级]/.test(afterStandalone)) {
      const y = this.clauseYear(i) ?? published?.year;
      if (y === undefined) return undefined;
      const word = standalone[1] ?? '';
      const end = i + standalone[0].length;
      if (word === '年内') return reading(String(y), end, true);
      if (word === '年初') return reading(`${y}-01`, end, true);
      if (word === '年底' || word === '年末') return reading(`${y}-12`, end, true);
      const found = afterYear(s, y, i);
      if (found) return asRelative(found);
    }

    if (!published) return undefined;

    const year = RELATIVE_YEAR_STARTS[c] === 1 ? exec(RELATIVE_YEAR, s, i) : null;
    if (year) {
      const word = year[1] ?? '';
      const next = s.charAt(i + year[0].length);
      const isWord = !RELATIVE_WORD_BEFORE[word]?.test(previous) && !/[轻纪龄级华鉴]/.test(next);
      if (isWord && (word !== '本年' || year[2] || /[内底末初]/.test(next))) {
        const y = published.year + (word === '去年' || word === '上年' ? -1 : word === '明年' ? 1 : 0);
        return asRelative(this.afterRelativeYear(y, i + year[0].length));
      }
    }

    const month = RELATIVE_MONTH_STARTS[c] === 1 ? exec(RELATIVE_MONTH, s, i) : null;
    if (month && !/[以之马基成]/.test(previous)) {
      const word = month[1] ?? '';
      const shift = word === '本月' ? 0 : word.startsWith('上') ? -1 : 1;
      const index = published.year * 12 + published.month - 1 + shift;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      const end = i + month[0].length;
      const day = exec(DAY_AT, s, end);
      if (day && validDay(num(day[1]))) {
        return reading(format({ y, m, d: num(day[1]), end }), end + day[0].length, true);
      }
      return reading(`${y}-${pad(m)}`, end, true);
    }
    return undefined;
  }

  /** 今年, 今年底, 今年上半年, 去年12月, 明年一季度. */
  private afterRelativeYear(y: number, end: number): Found {
    const s = this.s;
    const special = afterYear(s, y, end);
    if (special) return special;
    const md = monthDay(s, end);
    if (md) {
      const point: Point = { y, m: md.m, end: md.end };
      if (md.d !== undefined) point.d = md.d;
      return afterMonth(s, point);
    }
    return reading(String(y), end);
  }
}

/**
 * Dates, months, years, ranges and periods at the precision the text gives. Year-less dates take
 * the publication year (the year before when that would put them more than three months after
 * publication), a day alone (新华社北京15日电) the publication's month or the one before;
 * 今年, 本月 … are resolved against the publication date, 年底, 年内 and 上半年
 * against a year written earlier in the clause or else the publication's. Both kinds carry
 * `relative: true` and are left out when there is nothing to resolve them against. Durations (3年,
 * 两年来) and vague phrases (近年来, 近日, 日前) are not times.
 *
 * @example recognizeTimes('12月15日，双方签约', { published: '2020-12-16' })
 * // [{ text: '12月15日', value: '2020-12-15', span: { start: 0, end: 6 }, relative: true }]
 * @example recognizeTimes('“十三五”期间，双方共建平台', {})
 * // [{ text: '“十三五”期间', value: '2016/2020', span: { start: 0, end: 7 } }]
 * @example recognizeTimes('于 2019 年 10 月进行试验', {})
 * // [{ text: '2019 年 10 月', value: '2019-10', span: { start: 2, end: 12 } }]
 */
export function recognizeTimes(text: string, context: TimeContext = {}): TimeMention[] {
  return new TimeScanner(text, context.published).scan();
}
