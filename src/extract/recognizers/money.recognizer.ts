import { parseChineseNumber, scaleByPowerOfTen } from '../../core/chinese-numerals.js';
import type { MoneyMention } from '../../core/types.js';
import { anchoredMatches, anchoredPattern } from './anchored-matches.js';
import {
  ARABIC_NUMBER,
  CHINESE_NUMBER,
  isQualifier,
  isUnitsOnly,
  LONGEST_QUALIFIER_BEFORE,
  NUMERAL_CHARACTERS,
  normalizeWidth,
  QUALIFIER_AFTER,
  QUALIFIER_BEFORE,
  QUALIFIER_STARTS,
  qualifierOf,
  UNIT_EXPONENT,
} from './numeric-shared.js';

const CURRENCIES: Readonly<Record<string, string>> = {
  元: 'CNY',
  人民币: 'CNY',
  '¥': 'CNY',
  '￥': 'CNY',
  美元: 'USD',
  美金: 'USD',
  $: 'USD',
  US$: 'USD',
  欧元: 'EUR',
  '€': 'EUR',
  港元: 'HKD',
  港币: 'HKD',
  HK$: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
  '£': 'GBP',
  澳门元: 'MOP',
  澳元: 'AUD',
  新台币: 'TWD',
  卢布: 'RUB',
  韩元: 'KRW',
  加元: 'CAD',
  新加坡元: 'SGD',
  瑞士法郎: 'CHF',
};

const UNIT = '万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百';
const CURRENCY =
  '新加坡元|澳门元|瑞士法郎|新台币|人民币|美元|美金|欧元|港元|港币|日元|英镑|澳元|卢布|韩元|加元|元';
const SYMBOL = 'HK\\$|US\\$|[¥￥$€£]';
/** 元 that begins another word is not a currency: 元件, 一元化, 元宇宙. */
const NOT_YUAN = /[件化素宇组器首帅旦宵气代老勋年月]/;

/**
 * qualifier, 人民币 or a symbol, the number, 多/余, its unit, 多/余, a second part (1亿5000万),
 * the currency, 人民币 after it, a qualifier after it. Without a currency word the match is a
 * candidate for a bare amount (总投资100亿), accepted only in a sentence about money.
 */
const MONEY = new RegExp(
  `(${QUALIFIER_BEFORE})?\\s{0,2}(人民币|${SYMBOL})?\\s{0,2}(${ARABIC_NUMBER}|${CHINESE_NUMBER})\\s{0,2}(多|余)?\\s{0,2}(${UNIT})?(?:(\\d{1,4})(万|千))?(多|余)?\\s{0,2}(${CURRENCY})?(人民币)?(${QUALIFIER_AFTER})?`,
  'g',
);
/** Before its number: a qualifier, two spaces, 人民币 or HK$, two spaces. */
const MONEY_NEAR_NUMBER = anchoredPattern(
  MONEY,
  NUMERAL_CHARACTERS,
  LONGEST_QUALIFIER_BEFORE + 2 + 3 + 2,
  `${QUALIFIER_STARTS}人HU¥￥$€£`,
);
/** Words that make a bare amount money: 总投资100亿, 产值可达15亿. */
const MONEY_CONTEXT =
  /投资|资金|产值|金额|营收|收入|销售额|营业额|利润|利税|税收|融资|募资|估值|经费|拨款|基金|资本|出资|注资|补贴|补助|奖励|奖金|成交额|交易额|合同额|总额|预算|支出|贷款|授信|造价|生产总值|增加值|GDP|身价|市值/;
const CLAUSE_BREAK = /[，。；！？、,;!?\n]/;
/** What follows a bare number that counts things rather than money. */
const NOT_MONEY_AFTER =
  /[个家项名位人所座条批款台套件次篇届期轮支处栋种类颗架艘例份辆吨亩平米克度年月日天倍%‰]/;

function isBareMoney(norm: string, start: number, end: number): boolean {
  let next = end;
  while (norm.charAt(next) === ' ') next++;
  if (NOT_MONEY_AFTER.test(norm.charAt(next))) return false;
  let from = start;
  while (from > 0 && start - from < 16 && !CLAUSE_BREAK.test(norm.charAt(from - 1))) from--;
  return MONEY_CONTEXT.test(norm.slice(from, start));
}

/**
 * Amounts of money with their currency and qualifier, in the currency's unit. An amount with
 * no currency word is yuan when the clause speaks of money (总投资100亿). Years, counts and
 * percentages are not money.
 *
 * @example recognizeMoney('总投资额超100亿元') // [{ text: '超100亿元', value: 10000000000, currency: 'CNY', qualifier: 'over' }]
 * @example recognizeMoney('年产值逾千亿元') // [{ text: '逾千亿元', value: 100000000000, currency: 'CNY', qualifier: 'over' }]
 * @example recognizeMoney('合同金额约2000万美元') // [{ text: '约2000万美元', value: 20000000, currency: 'USD', qualifier: 'about' }]
 */
export function recognizeMoney(text: string): MoneyMention[] {
  const norm = normalizeWidth(text);
  const mentions: MoneyMention[] = [];
  for (const match of anchoredMatches(norm, MONEY_NEAR_NUMBER)) {
    const [whole, before, prefix, number = '', more1, unit, part, partUnit, more2, currency, suffix, after] =
      match;
    const hasCurrency = Boolean(prefix || currency || suffix);
    // Most matches are a numeral alone (一, 十): without a currency, only a magnitude makes money.
    if (!hasCurrency && !unit && !/[万亿]/.test(number)) continue;
    const index = match.index;
    const numberAt = index + whole.indexOf(number, (before?.length ?? 0) + (prefix?.length ?? 0));
    const previous = norm.charAt(numberAt - 1);
    if (/[\d.A-Za-z]/.test(previous)) continue;
    const chineseOnly = !/\d/.test(number);
    if (chineseOnly && /[零〇一二两三四五六七八九十百千万亿几数]/.test(previous)) continue;

    const end = index + whole.trimEnd().length;
    const amountEnd = end - (after?.length ?? 0) - (suffix?.length ?? 0);
    if (currency === '元') {
      if (NOT_YUAN.test(norm.charAt(amountEnd))) continue;
      // 一元, 二元 without a unit are rarely money (二元结构); 5元 is.
      if (chineseOnly && !unit && !/[十百千万亿]/.test(number)) continue;
    }
    const qualified = before !== undefined && isQualifier(before, norm.charAt(index - 1));
    if (isUnitsOnly(number) && !unit && !(qualified || (number.length > 1 && hasCurrency))) continue;

    const parsed = parseChineseNumber(number);
    if (parsed === undefined) continue;
    let value = scaleByPowerOfTen(parsed, unit ? (UNIT_EXPONENT[unit] ?? 0) : 0);
    if (part && partUnit && unit && /亿|万/.test(unit)) {
      value += scaleByPowerOfTen(Number(part), UNIT_EXPONENT[partUnit] ?? 0);
    }
    if (!(value > 0)) continue;

    const start = qualified ? index : prefix ? index + whole.indexOf(prefix, before?.length ?? 0) : numberAt;
    if (!hasCurrency && !isBareMoney(norm, start, amountEnd)) continue;
    mentions.push({
      text: text.slice(start, end),
      value,
      currency: CURRENCIES[currency ?? suffix ?? prefix ?? '元'] ?? 'CNY',
      qualifier: qualifierOf([qualified ? before : undefined, more1, more2, after]),
      span: { start, end },
    });
  }
  return mentions;
}
