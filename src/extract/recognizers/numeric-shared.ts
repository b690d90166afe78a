/**
 * What the time, money, count and percent recognisers share: the text normalised so that one
 * pattern reads full- and half-width forms, the way numbers are written, and the qualifiers
 * (超, 近, 余, 以上 …) around a quantity.
 */
import type { MoneyQualifier } from '../../core/types.js';

const WIDE = /[\uff05\uff0d\uff0e\uff0f\uff10-\uff19\uff5e]/g;

/**
 * The text with full-width digits and `％－．／～` in ASCII, one code unit for one, so that an
 * offset into the result is the same offset into the text. The full-width comma is kept: in
 * Chinese text it separates clauses, not thousands.
 */
export function normalizeWidth(text: string): string {
  return text.replace(WIDE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A table by character code of the characters of `chars` (1 for each): a test per character of
 * a text is then an array read, not a regular expression.
 */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** Whether `char` occurs in `text` from `start` up to (not including) `end`. */
export function hasCharWithin(text: string, char: string, start: number, end: number): boolean {
  const code = char.charCodeAt(0);
  const last = Math.min(end, text.length);
  for (let i = start; i < last; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** Arabic numbers (thousands separators, decimals) on normalised text. */
export const ARABIC_NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
/** Chinese numerals with units, and decimals written with 点. */
export const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?';

/** The characters a number begins with, Arabic or Chinese: every quantity holds one. */
export const NUMERAL_CHARACTERS = '0123456789零〇一二两三四五六七八九十百千万亿';
/** The longest qualifier written before a quantity (不少于), in characters. */
export const LONGEST_QUALIFIER_BEFORE = 3;

const CHINESE_DIGIT = /[一二两三四五六七八九十]/;

/**
 * A Chinese number made of units alone (万, 千亿, 百) has no digit: 逾千亿 is 1×千亿, but 数亿 and
 * 千家万户 are not numbers. Callers accept it only after a qualifier.
 */
export function isUnitsOnly(number: string): boolean {
  return !/[0-9]/.test(number) && !CHINESE_DIGIT.test(number.charAt(0));
}

/** Written before a quantity. Longer words first, so that 超过 is not read as 超. */
export const QUALIFIER_BEFORE =
  '超过|超出|多于|高于|大于|不少于|不低于|至少|多达|超|逾|过|大约|约|将近|接近|近|不足|不到|少于|低于|最多|至多|上(?=[百千万亿])';
/** The first characters of the qualifiers written before a quantity. */
export const QUALIFIER_STARTS = [...new Set(QUALIFIER_BEFORE.split('|').map((word) => word.charAt(0)))].join(
  '',
);
/** Written after it. */
export const QUALIFIER_AFTER = '以上|以下|左右|上下|之多';

const OVER = new Set([
  '超过',
  '超出',
  '多于',
  '高于',
  '大于',
  '不少于',
  '不低于',
  '至少',
  '多达',
  '超',
  '逾',
  '过',
  '上',
  '以上',
  '之多',
  '多',
  '余',
]);
const UNDER = new Set(['不足', '不到', '少于', '低于', '最多', '至多', '以下']);
const ABOUT = new Set(['约', '大约', '将近', '接近', '近', '左右', '上下']);

/**
 * A qualifier word that is the tail of another word is not a qualifier: 签约 (约), 通过 (过),
 * 最近/附近 (近). The character before the qualifier tells.
 */
const NOT_QUALIFIER_AFTER: Readonly<Record<string, RegExp>> = {
  约: /[签合预节契制履违邀公条特相简]/,
  过: /[通经超透度不难错路跑越胜]/,
  近: /[最附靠贴亲]/,
  超: /[赶高]/,
};

/** Whether `word`, written right after `previous`, is really a qualifier. */
export function isQualifier(word: string, previous: string): boolean {
  return !NOT_QUALIFIER_AFTER[word]?.test(previous);
}

/**
 * The qualifier of a quantity from the words around it. 近 (nearly) wins over 余 (more than)
 * when both are written (近500余家): the writer gives an approximate figure, and `about` is the
 * honest reading of it.
 */
export function qualifierOf(words: ReadonlyArray<string | undefined>): MoneyQualifier {
  const present = words.filter((w): w is string => Boolean(w));
  if (present.some((w) => ABOUT.has(w))) return 'about';
  if (present.some((w) => UNDER.has(w))) return 'under';
  if (present.some((w) => OVER.has(w))) return 'over';
  return 'exact';
}

/** Exponents of the units written after a number: 1.5万 → 4, 千亿 → 11. */
export const UNIT_EXPONENT: Readonly<Record<string, number>> = {
  万亿: 12,
  千亿: 11,
  百亿: 10,
  十亿: 9,
  亿: 8,
  千万: 7,
  百万: 6,
  十万: 5,
  万: 4,
  千: 3,
  百: 2,
};
