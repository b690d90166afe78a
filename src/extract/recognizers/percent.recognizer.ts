import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { PercentMention } from '../../core/types.js';
import { anchoredMatches, anchoredPattern, WHITE_SPACE } from './anchored-matches.js';
import {
  ARABIC_NUMBER,
  isQualifier,
  LONGEST_QUALIFIER_BEFORE,
  normalizeWidth,
  QUALIFIER_AFTER,
  QUALIFIER_BEFORE,
  QUALIFIER_STARTS,
  qualifierOf,
} from './numeric-shared.js';

const CHINESE_PERCENT = '[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?';
/** qualifier, then `12.5%` / `3‰` or `百分之十五` / `千分之五`, then a qualifier. */
const PERCENT = new RegExp(
  `(${QUALIFIER_BEFORE})?\\s{0,2}(?:(-)?(${ARABIC_NUMBER})\\s{0,2}([%‰])|(百分之|千分之)(${ARABIC_NUMBER}|${CHINESE_PERCENT}))(${QUALIFIER_AFTER})?`,
  'g',
);
/**
 * Every percentage holds a % or ‰ sign, or the 分 of 百分之 and 千分之: far fewer places to try than
 * its digits. Before the sign stand the number, spaces and a minus sign (the 百 or 千 of 百分之),
 * and before those a qualifier.
 */
const PERCENT_AT_SIGN = anchoredPattern(
  PERCENT,
  '%‰分',
  LONGEST_QUALIFIER_BEFORE,
  `${QUALIFIER_STARTS}-0123456789百千`,
  `0123456789,.-百千${WHITE_SPACE}`,
);

/**
 * Percentages in percent points, with their qualifier; per mille (‰, 千分之) is converted. A
 * minus sign written against the number is kept (-3.5%); 下降5% is 5.
 *
 * @example recognizePercentages('同比增长30%以上') // [{ text: '30%以上', value: 30, qualifier: 'over' }]
 * @example recognizePercentages('占比百分之十五') // [{ text: '百分之十五', value: 15, qualifier: 'exact' }]
 */
export function recognizePercentages(text: string): PercentMention[] {
  const norm = normalizeWidth(text);
  const mentions: PercentMention[] = [];
  for (const match of anchoredMatches(norm, PERCENT_AT_SIGN)) {
    const [whole, before, minus, digits, sign, words, spoken, after] = match;
    const index = match.index;
    const number = digits ?? spoken ?? '';
    const numberAt = index + whole.indexOf(minus ?? words ?? number, before?.length ?? 0);
    if (/[\d.]/.test(norm.charAt(numberAt - 1)) && !minus) continue;
    // A dash between two numbers is a range (30-40%), not a minus sign.
    const negative = minus !== undefined && !/[\d%.]/.test(norm.charAt(numberAt - 1));
    const parsed = parseChineseNumber(number);
    if (parsed === undefined) continue;
    const perMille = sign === '‰' || words === '千分之';
    const value = (negative ? -1 : 1) * (perMille ? parsed / 10 : parsed);
    const qualified = before !== undefined && isQualifier(before, norm.charAt(index - 1));
    const start = qualified ? index : minus && !negative ? numberAt + 1 : numberAt;
    const end = index + whole.length;
    mentions.push({
      text: text.slice(start, end),
      value,
      qualifier: qualifierOf([qualified ? before : undefined, after]),
      span: { start, end },
    });
  }
  return mentions;
}
