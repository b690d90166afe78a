import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { CountMention } from '../../core/types.js';
import { QUALIFIER_AFTER, qualifierOf } from './quantity-shared.js';

const MEASURE = '个|家|项|名|位|所|座|条|批|款|台|套|件|次|篇|届|期|轮|支|处|栋|人|种|类|颗|架|艘';
const COUNT = new RegExp(
  `(超过|超|逾|近|约|将近|不少于)?\\s*([0-9０-９]+|[一二两三四五六七八九十百千万]+)\\s*(余|多)?\\s*(${MEASURE})(${QUALIFIER_AFTER})?`,
  'g',
);
/** Words that end the counted noun: 41家企业、学术机构 → 41家企业. */
const NOUN_END =
  /[^\p{Script=Han}A-Za-z0-9]|等|和|与|及|的|将|已|均|集中|签约|落户|入驻|总投资|共|在|为|是|中|其中|以上|左右/u;
const MAX_NOUN = 8;
const NOUN_HEADS =
  /(企业|项目|机构|平台|实验室|中心|单位|高校|院所|专家|院士|人才|团队|成果|专利|产品|协议|基地|园区|公司|学校|医院)/g;

function countedNoun(text: string, from: number): string {
  const rest = text.slice(from, from + MAX_NOUN + 4);
  const end = rest.search(NOUN_END);
  const noun = end < 0 ? rest : rest.slice(0, end);
  if (noun.length <= MAX_NOUN) return noun;
  const heads = [...noun.slice(0, MAX_NOUN).matchAll(NOUN_HEADS)];
  const last = heads.at(-1);
  return last ? noun.slice(0, (last.index ?? 0) + last[0].length) : '';
}

/**
 * Counts with their measure word and counted noun. Ordinals (第6) are not counts, nor are
 * dates, amounts of money or percentages.
 *
 * @example recognizeCounts('41家企业、学术机构') // 41家企业 → 41, unit 家企业
 * @example recognizeCounts('孵化10 余家科技型企业') // 10 余家科技型企业 → 10, over
 */
export function recognizeCounts(text: string): CountMention[] {
  const mentions: CountMention[] = [];
  for (const match of text.matchAll(COUNT)) {
    const [whole, before, number, more, measure, after] = match;
    const start = (match.index ?? 0) + (whole.length - whole.trimStart().length);
    if (/[第0-9０-９.．]/.test(text.charAt(start - 1))) continue;
    if (
      measure === '人' &&
      /[一二两三四五六七八九十]/.test(number as string) &&
      (number as string).length === 1
    )
      continue;
    const value = parseChineseNumber(number as string);
    if (value === undefined || value === 0) continue;
    const end = (match.index ?? 0) + whole.length;
    const noun = after ? '' : countedNoun(text, end);
    mentions.push({
      text: text.slice(start, end + noun.length),
      value,
      unit: `${measure}${noun}`,
      qualifier: qualifierOf([before, more, after]),
      span: { start, end: end + noun.length },
    });
  }
  return mentions;
}
