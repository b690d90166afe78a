/**
 * Numbers as Chinese documents write them: Arabic digits (half- and full-width, with thousands
 * separators and decimals), Chinese numerals with units (一百二十, 两千, 一万五千, 千亿), digit by
 * digit (二〇二〇), decimals (三点五), and mixed forms (1.5万, 3000万, 2万亿).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** Units as powers of ten, so that scaling a decimal stays exact (2.3亿 is 230000000, not 229999999.99999997). */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

const FULL_WIDTH = /[\uff10-\uff19\uff0e]/g;

/**
 * Full-width digits and the full-width full stop to ASCII: `１２．５` → `12.5`. One code unit for
 * one, so offsets into the result are offsets into the input.
 */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** `value × 10^exponent` computed in decimal, without binary rounding noise. */
export function scaleByPowerOfTen(value: number, exponent: number): number {
  if (exponent === 0) return value;
  const scaled = Number(`${value}e${exponent}`);
  return Number.isFinite(scaled) ? scaled : value * 10 ** exponent;
}

/** 二〇二〇, 一九九八: digits with no unit, read one by one. */
function parseDigitByDigit(s: string): number | undefined {
  let value = 0;
  for (const c of s) {
    const digit = DIGITS[c];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Chinese numerals with units. A digit must be followed by a unit unless it ends the number or
 * follows 零 (一百零五), which rejects strings that are not numbers (十三五 is a plan, not 15).
 * A trailing digit right after a unit abbreviates the next lower unit: 一万五 = 15000, 三千五 = 3500.
 */
function parseWithUnits(s: string): number | undefined {
  const chars = [...s];
  let total = 0; // everything at 亿 and above, already scaled
  let myriad = 0; // the part below 亿, at 万 and above, already scaled
  let section = 0; // the part below 万
  let pending: number | undefined; // a digit waiting for its unit
  let lastUnit = 0; // exponent of the last unit written
  let afterZero = false;
  for (const c of chars) {
    const digit = DIGITS[c];
    if (digit !== undefined) {
      if (pending !== undefined && !afterZero) return undefined;
      if (digit === 0) {
        afterZero = true;
        pending = undefined;
        continue;
      }
      pending = digit;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      section += (pending ?? 1) * 10 ** small;
      pending = undefined;
      afterZero = false;
      lastUnit = small;
      continue;
    }
    const large = LARGE_UNITS[c];
    if (large === undefined) return undefined;
    const below = section + (pending ?? 0);
    if (large === 8) {
      total = (total + myriad + below || 1) * 1e8;
      myriad = 0;
    } else {
      myriad += (below || 1) * 1e4;
    }
    section = 0;
    pending = undefined;
    afterZero = false;
    lastUnit = large;
  }
  if (pending !== undefined) {
    const last = chars.at(-2);
    const abbreviated = !afterZero && last !== undefined && lastUnit > 1 && !(last in DIGITS);
    section += abbreviated ? pending * 10 ** (lastUnit - 1) : pending;
  }
  return total + myriad + section;
}

function parseChinese(s: string): number | undefined {
  if (s === '') return undefined;
  const hasUnit = [...s].some((c) => c in SMALL_UNITS || c in LARGE_UNITS);
  return hasUnit ? parseWithUnits(s) : parseDigitByDigit(s);
}

function isAsciiDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const ARABIC_WITH_UNITS = /^(\d+(?:\.\d+)?)([十百千万亿]*)$/;
const CHINESE_DECIMAL = /^([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)([十百千万亿]*)$/;

function unitExponent(units: string): number {
  let exponent = 0;
  for (const unit of units) exponent += SMALL_UNITS[unit] ?? LARGE_UNITS[unit] ?? 0;
  return exponent;
}

/**
 * The value of a number written in any of the forms above, or undefined when the string is not
 * a number. Mixed forms are handled here, so callers can pass `1.5万` or `2万亿` as written.
 *
 * @example parseChineseNumber('一百二十亿') // 12000000000
 * @example parseChineseNumber('1.5万') // 15000
 * @example parseChineseNumber('二〇二〇') // 2020
 * @example parseChineseNumber('１，０００') // 1000
 */
export function parseChineseNumber(input: string): number | undefined {
  // Most numbers the recognisers pass are plain ASCII digits (2020, 15): no trimming,
  // separators or units to read, and their value is what Number gives.
  if (isAsciiDigits(input)) return Number(input);
  const s = toHalfWidth(input.trim()).replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  const mixed = ARABIC_WITH_UNITS.exec(s);
  if (mixed) return scaleByPowerOfTen(Number(mixed[1]), unitExponent(mixed[2] ?? ''));
  const decimal = CHINESE_DECIMAL.exec(s);
  if (decimal) {
    const whole = parseChinese(decimal[1] ?? '');
    if (whole === undefined) return undefined;
    const fraction = [...(decimal[2] ?? '')].map((c) => DIGITS[c] ?? 0).join('');
    return scaleByPowerOfTen(Number(`${whole}.${fraction}`), unitExponent(decimal[3] ?? ''));
  }
  return parseChinese(s);
}
