import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { PercentMention } from '../../core/types.js';
import { QUALIFIER_AFTER, QUALIFIER_BEFORE, qualifierOf } from './quantity-shared.js';

const PERCENT = new RegExp(
  `(${QUALIFIER_BEFORE})?\\s*(?:([0-9０-９]+(?:[.．][0-9０-９]+)?)\\s*[%％]|百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?))(${QUALIFIER_AFTER})?`,
  'g',
);

/**
 * Percentages in points, with their qualifier.
 *
 * @example recognizePercentages('增长30%以上') // 30%以上 → 30, over
 * @example recognizePercentages('百分之十五') // 15
 */
export function recognizePercentages(text: string): PercentMention[] {
  const mentions: PercentMention[] = [];
  for (const match of text.matchAll(PERCENT)) {
    const [whole, before, digits, chinese, after] = match;
    const value = parseChineseNumber((digits ?? chinese) as string);
    if (value === undefined) continue;
    const start = (match.index ?? 0) + (whole.length - whole.trimStart().length);
    mentions.push({
      text: whole.trim(),
      value,
      qualifier: qualifierOf([before, after]),
      span: { start, end: (match.index ?? 0) + whole.length },
    });
  }
  return mentions;
}
