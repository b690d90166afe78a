import type { MoneyQualifier } from '../../core/types.js';

/** Qualifiers written before an amount or a count. */
export const QUALIFIER_BEFORE =
  '超过|超出|多于|高于|大于|不少于|超|逾|约|大约|将近|接近|近|不足|不到|少于|低于';
/** Qualifiers written after it. */
export const QUALIFIER_AFTER = '以上|以下|左右|上下|之多';

const OVER = new Set([
  '超过',
  '超出',
  '多于',
  '高于',
  '大于',
  '不少于',
  '超',
  '逾',
  '以上',
  '多',
  '余',
  '之多',
]);
const UNDER = new Set(['不足', '不到', '少于', '低于', '以下']);
const ABOUT = new Set(['约', '大约', '将近', '接近', '近', '左右', '上下']);

/**
 * The qualifier of a quantity from the words around it. 近 (nearly) wins over 余 (more than)
 * when both are written (近500余家): the writer's intent is an approximate figure.
 */
export function qualifierOf(words: Array<string | undefined>): MoneyQualifier {
  const present = words.filter((w): w is string => Boolean(w));
  if (present.some((w) => ABOUT.has(w))) return 'about';
  if (present.some((w) => UNDER.has(w))) return 'under';
  if (present.some((w) => OVER.has(w))) return 'over';
  return 'exact';
}
