import { parseChineseNumber } from '../../core/chinese-numerals.js';
import type { CountMention } from '../../core/types.js';
import { anchoredMatches, anchoredPattern, WHITE_SPACE } from './anchored-matches.js';
import {
  ARABIC_NUMBER,
  isQualifier,
  isUnitsOnly,
  LONGEST_QUALIFIER_BEFORE,
  NUMERAL_CHARACTERS,
  normalizeWidth,
  QUALIFIER_AFTER,
  QUALIFIER_BEFORE,
  QUALIFIER_STARTS,
  qualifierOf,
} from './numeric-shared.js';

const MEASURE =
  '人次|个|家|项|名|位|人|所|座|条|批|款|台|套|件|次|篇|届|期|轮|支|处|栋|种|类|颗|架|艘|例|份|辆';
/** Chinese numerals of a count: they begin with a digit or 十 (十余家), or are units after a qualifier (上千家). */
const CHINESE_COUNT = '[零〇一二两三四五六七八九十百千万亿]+';
const COUNT = new RegExp(
  `(${QUALIFIER_BEFORE})?\\s{0,2}((?:${ARABIC_NUMBER})[十百千万亿]{0,2}|${CHINESE_COUNT})\\s{0,2}(余|多)?\\s{0,2}(${MEASURE})(${QUALIFIER_AFTER})?`,
  'g',
);
/**
 * Every count holds its measure word, and no character before the measure word is one that
 * begins a measure word: the scan is anchored on those, fewer places than the numerals. Before
 * the measure word stand the number, 余 or 多 and spaces, and before those a qualifier.
 */
const COUNT_AT_MEASURE = anchoredPattern(
  COUNT,
  MEASURE.split('|')
    .map((word) => word.charAt(0))
    .join(''),
  LONGEST_QUALIFIER_BEFORE,
  `${QUALIFIER_STARTS}${NUMERAL_CHARACTERS}`,
  `${NUMERAL_CHARACTERS},.余多${WHITE_SPACE}`,
);

/**
 * A measure word followed by these is part of another word, or counts time or percentage points:
 * 3个月, 2个百分点, 一次性, 一条龙, 两位数, 二期间.
 */
const NOT_COUNT: Readonly<Record<string, RegExp>> = {
  个: /^(?:月|小时|工作日|星期|季度|百分点|性|体|别|税)/,
  次: /^(?:性|年|日|要|生|级|序)/,
  条: /^(?:龙|件|例)/,
  位: /^(?:于|数|置|列|居)/,
  期: /^(?:间|限|待|望|末|初|刊|货)/,
  名: /^(?:称|单|义|列|牌|誉)/,
  处: /^(?:理|于|长|置|室)/,
  批: /^(?:准|复|示|评)/,
  支: /^(?:持|撑|付|出|援|柱)/,
  座: /^谈/,
  台: /^阶/,
  人: /^(?:民|工|类|物|生|体|口|才)/,
  份: /^额/,
  种: /^(?:植|子)/,
  轮: /^胎/,
};
/** 一 after these is an article or part of a word, not one thing: 新一轮, 每一个, 统一, 唯一. */
const NOT_ONE_AFTER = /[新每这那某同唯统单之专其任另万初归划不逐]/;
/** A 届 followed by these is a numbered session (十九届五中全会), not a count. */
const SESSION = /^(?:[一二三四五六七八九十]中全会|全国|人大|政协|中央|全会|党代会)/;

/** Characters and words that end the counted noun. */
const NOUN_STOP =
  /[^\p{Script=Han}A-Za-z0-9]|等|和|与|及|的|将|已|均|都|也|并|还|在|为|是|有|被|由|于|从|向|对|把|让|使|共|其中|以上|左右|之多|落户|入驻|签约|签署|通过|实现|完成|获得|开展|建成|成立|参加|参与|参展|参会|达到|分别|正在|已经|进行|开始|涉及|包括|覆盖|落地|集聚|聚集|入选|上榜|位于|累计|先后|陆续|新增|获批|认定/u;
/** Last characters of a counted noun (企业, 项目, 平台, 实验室 …): the noun is cut after the last one. */
const NOUN_HEAD =
  /[业目构台室心位校所家士才队果利品议地区司院市省国站馆厂线件网库群会展赛场题文准奖生员者同动坛座训户点园器备术程统盟金城镇村县物链企师客商机车楼店局部委厅处组团社系科站证书章例次栏]/g;
const MAX_NOUN = 8;

function countedNoun(norm: string, from: number): string {
  const window = norm.slice(from, from + MAX_NOUN);
  const stop = window.search(NOUN_STOP);
  const candidate = stop < 0 ? window : window.slice(0, stop);
  let cut = 0;
  for (const head of candidate.matchAll(NOUN_HEAD)) cut = head.index + 1;
  return candidate.slice(0, cut);
}

/**
 * Counts with their measure word and counted noun, and the qualifier around them. Ordinals
 * (第6, 十九届五中全会), phases (二期), durations (3个月), dates, money and percentages are not
 * counts. When 近 and 余 are both written (近500余家) the qualifier is `about`.
 *
 * @example recognizeCounts('41家企业、学术机构') // [{ text: '41家企业', value: 41, unit: '家企业', qualifier: 'exact' }]
 * @example recognizeCounts('孵化10 余家科技型企业') // [{ text: '10 余家科技型企业', value: 10, unit: '家科技型企业', qualifier: 'over' }]
 */
export function recognizeCounts(text: string): CountMention[] {
  const norm = normalizeWidth(text);
  const mentions: CountMention[] = [];
  for (const match of anchoredMatches(norm, COUNT_AT_MEASURE)) {
    const [whole, before, number = '', more, measure = '', after] = match;
    const index = match.index;
    const numberAt = index + whole.indexOf(number, before?.length ?? 0);
    const previous = norm.charAt(numberAt - 1);
    if (/[\d.A-Za-z第#]/.test(previous)) continue;
    const chinese = !/\d/.test(number);
    const qualified = before !== undefined && isQualifier(before, norm.charAt(index - 1));
    if (chinese) {
      if (/[零〇一二两三四五六七八九十百千万亿几数]/.test(previous)) continue;
      if (isUnitsOnly(number) && !qualified) continue;
      // Two digits in a row are not a count (唯一一家, 十三五).
      if (/[一二两三四五六七八九][一二两三四五六七八九]/.test(number)) continue;
      if (number === '一' && NOT_ONE_AFTER.test(previous)) continue;
      if (number.length === 1 && (measure === '人' || measure === '期')) continue;
    }
    const measureEnd = index + whole.length - (after?.length ?? 0);
    const rest = norm.slice(measureEnd, measureEnd + 4);
    if (NOT_COUNT[measure]?.test(rest)) continue;
    if (measure === '届' && (SESSION.test(rest) || (chinese && /^[一二三四五六七八九十]/.test(rest))))
      continue;
    if (number === '一' && ((measure === '批' && !more) || measure === '种')) continue;

    const value = parseChineseNumber(number);
    if (value === undefined || !(value > 0)) continue;
    const start = qualified ? index : numberAt;
    const noun = after ? '' : countedNoun(norm, measureEnd);
    const end = measureEnd + (after?.length ?? 0) + noun.length;
    mentions.push({
      text: text.slice(start, end),
      value,
      unit: `${measure}${noun}`,
      qualifier: qualifierOf([qualified ? before : undefined, more, after]),
      span: { start, end },
    });
  }
  return mentions;
}
