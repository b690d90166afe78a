import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { MoneyMention } from '../../core/types.js';
import { QUALIFIER_AFTER, QUALIFIER_BEFORE, qualifierOf } from './quantity-shared.js';

const CURRENCIES: Record<string, string> = {
  元: 'CNY',
  人民币: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港元: 'HKD',
  港币: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
  澳门元: 'MOP',
  澳元: 'AUD',
  新台币: 'TWD',
  卢布: 'RUB',
  韩元: 'KRW',
};

const NUMBER =
  '(?:[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)';
const UNIT = '(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)';
const CURRENCY = '(?:美元|欧元|港元|港币|日元|英镑|澳门元|澳元|新台币|卢布|韩元|元)';
const MONEY = new RegExp(
  `(${QUALIFIER_BEFORE})?\\s*(人民币)?\\s*(${NUMBER})?\\s*(多|余)?\\s*(${UNIT})?\\s*(多|余)?\\s*(${CURRENCY})(${QUALIFIER_AFTER})?`,
  'g',
);
/** 总投资100亿: an amount without a currency word after a word of money is yuan. */
const BARE = new RegExp(
  `(?:投资|资金|产值|营收|收入|金额|融资|估值|规模)(?:额|总额)?(?:达到|达|为|超过|约)?\\s*(${QUALIFIER_BEFORE})?\\s*(${NUMBER})\\s*(多|余)?\\s*(${UNIT})(多|余)?(?![元美欧港日英澳新卢韩])(${QUALIFIER_AFTER})?`,
  'g',
);
const UNIT_VALUE: Record<string, number> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  十亿: 1e9,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  十万: 1e5,
  万: 1e4,
  千: 1e3,
};

function amount(number: string | undefined, unit: string | undefined): number | undefined {
  const multiplier = unit ? (UNIT_VALUE[unit] ?? 1) : 1;
  if (!number) return unit ? multiplier : undefined;
  const value = parseChineseNumber(number);
  return value === undefined ? undefined : value * multiplier;
}

/**
 * Amounts of money with their currency and qualifier, in the currency's unit.
 *
 * @example recognizeMoney('总投资额超100亿元') // 超100亿元 → 10000000000 CNY over
 * @example recognizeMoney('年产值逾千亿元') // 逾千亿元 → 100000000000 CNY over
 * @example recognizeMoney('合同金额约2000万美元') // 约2000万美元 → 20000000 USD about
 */
export function recognizeMoney(text: string): MoneyMention[] {
  const mentions: MoneyMention[] = [];
  for (const match of text.matchAll(MONEY)) {
    const [whole, before, rmb, number, more1, unit, more2, currency, after] = match;
    if (!number && !unit) continue;
    const value = amount(number, unit);
    if (value === undefined || value === 0) continue;
    const start = (match.index ?? 0) + (whole.length - whole.trimStart().length);
    mentions.push({
      text: whole.trim(),
      value,
      currency: CURRENCIES[currency as string] ?? (rmb ? 'CNY' : 'CNY'),
      qualifier: qualifierOf([before, more1, more2, after]),
      span: { start, end: (match.index ?? 0) + whole.length },
    });
  }
  for (const match of text.matchAll(BARE)) {
    const [, before, number, more1, unit, more2, after] = match;
    const value = amount(number, unit);
    if (value === undefined) continue;
    const end = (match.index ?? 0) + match[0].length;
    const start = (match.index ?? 0) + match[0].indexOf((before ?? number) as string);
    if (mentions.some((m) => m.span.start < end && start < m.span.end)) continue;
    mentions.push({
      text: text.slice(start, end),
      value,
      currency: 'CNY',
      qualifier: qualifierOf([before, more1, more2, after]),
      span: { start, end },
    });
  }
  return mentions.sort((a, b) => a.span.start - b.span.start);
}
