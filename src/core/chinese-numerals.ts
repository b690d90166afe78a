/**
 * Numbers as Chinese documents write them: Arabic digits (half- and full-width, with thousands
 * separators and decimals), Chinese numerals with units (一百二十, 两千, 一万五千, 千亿), digit by
 * digit (二〇二〇), decimals (三点五), and mixed forms (1.5万, 3000万).
 */

const DIGITS: Record<string, number> = {
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
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Full-width digits and separators to ASCII: `１２．５` → `12.5`. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function parseChinese(s: string): number | undefined {
  if (s === '') return undefined;
  if (![...s].some((c) => c in SMALL_UNITS || c in LARGE_UNITS)) {
    // 二〇二〇 is read digit by digit.
    let value = 0;
    for (const c of s) {
      const digit = DIGITS[c];
      if (digit === undefined) return undefined;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let section = 0;
  let number = 0;
  let seenDigit = false;
  for (const c of s) {
    const digit = DIGITS[c];
    if (digit !== undefined) {
      number = digit;
      seenDigit = true;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      section += (seenDigit ? number : 1) * small;
      number = 0;
      seenDigit = false;
      continue;
    }
    const large = LARGE_UNITS[c];
    if (large === undefined) return undefined;
    if (large === 1e8) {
      total = (total + section + number) * large;
    } else {
      total += (section + number || 1) * large;
    }
    section = 0;
    number = 0;
    seenDigit = false;
  }
  return total + section + number;
}

/**
 * The value of a number written in any of the forms above, or undefined.
 *
 * @example parseChineseNumber('一百二十亿') // 12000000000
 * @example parseChineseNumber('1.5万') // 15000
 * @example parseChineseNumber('二〇二〇') // 2020
 */
export function parseChineseNumber(input: string): number | undefined {
  const s = toHalfWidth(input.trim()).replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  const mixed = /^(\d+(?:\.\d+)?)([十百千万亿]*)$/.exec(s);
  if (mixed) {
    let value = Number(mixed[1]);
    for (const unit of mixed[2] ?? '') value *= SMALL_UNITS[unit] ?? LARGE_UNITS[unit] ?? 1;
    return value;
  }
  const decimal = /^([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)([万亿]*)$/.exec(s);
  if (decimal) {
    const whole = parseChinese(decimal[1] as string);
    const fraction = Number(`0.${[...(decimal[2] as string)].map((c) => DIGITS[c]).join('')}`);
    if (whole === undefined) return undefined;
    let value = whole + fraction;
    for (const unit of decimal[3] ?? '') value *= LARGE_UNITS[unit] ?? 1;
    return value;
  }
  return parseChinese(s);
}
