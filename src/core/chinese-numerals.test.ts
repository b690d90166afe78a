import { describe, expect, it } from 'vitest';
import { parseChineseNumber, scaleByPowerOfTen, toHalfWidth } from './chinese-numerals.js';

describe('parseChineseNumber', () => {
  it('reads plain Arabic digits', () => {
    expect(parseChineseNumber('719')).toBe(719);
  });

  it('reads an Arabic decimal', () => {
    expect(parseChineseNumber('12.5')).toBe(12.5);
  });

  it('reads full-width digits and the full-width full stop', () => {
    expect(parseChineseNumber('１２．５')).toBe(12.5);
  });

  it('ignores thousands separators, half- and full-width', () => {
    expect(parseChineseNumber('1,000')).toBe(1000);
    expect(parseChineseNumber('１，０００')).toBe(1000);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseChineseNumber(' 41 ')).toBe(41);
  });

  it('scales an Arabic number by a Chinese unit: 1.5万', () => {
    expect(parseChineseNumber('1.5万')).toBe(15000);
  });

  it('scales by stacked units: 3000万 and 2万亿', () => {
    expect(parseChineseNumber('3000万')).toBe(30_000_000);
    expect(parseChineseNumber('2万亿')).toBe(2e12);
  });

  it('reads 一百二十亿 as 12 billion', () => {
    expect(parseChineseNumber('一百二十亿')).toBe(12_000_000_000);
  });

  it('reads 两 as two: 两千', () => {
    expect(parseChineseNumber('两千')).toBe(2000);
  });

  it('reads a bare unit as one of it: 十 and 千亿', () => {
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('千亿')).toBe(1e11);
  });

  it('reads sections across 万 and 亿: 一万五千, 一亿二千万, 三万亿', () => {
    expect(parseChineseNumber('一万五千')).toBe(15000);
    expect(parseChineseNumber('一亿二千万')).toBe(120_000_000);
    expect(parseChineseNumber('三万亿')).toBe(3e12);
  });

  it('reads an inner 零 as a gap: 一百零五', () => {
    expect(parseChineseNumber('一百零五')).toBe(105);
  });

  it('reads 〇 and 零 digit by digit when no unit is written: 二〇二〇, 二零一九', () => {
    expect(parseChineseNumber('二〇二〇')).toBe(2020);
    expect(parseChineseNumber('二零一九')).toBe(2019);
  });

  it('reads Chinese decimals with 点, with and without a unit', () => {
    expect(parseChineseNumber('三点五')).toBe(3.5);
    expect(parseChineseNumber('三点五亿')).toBe(350_000_000);
  });

  it('reads 零 alone as zero', () => {
    expect(parseChineseNumber('零')).toBe(0);
  });

  it('returns undefined for an empty string', () => {
    expect(parseChineseNumber('')).toBeUndefined();
    expect(parseChineseNumber('  ')).toBeUndefined();
  });

  it('returns undefined for text that is not a number', () => {
    expect(parseChineseNumber('abc')).toBeUndefined();
    expect(parseChineseNumber('企业')).toBeUndefined();
  });
});

describe('toHalfWidth', () => {
  it('turns full-width digits and the full stop into ASCII, one code unit for one', () => {
    const wide = '增长１２．５个百分点';
    const narrow = toHalfWidth(wide);
    expect(narrow).toBe('增长12.5个百分点');
    expect(narrow.length).toBe(wide.length);
  });

  it('leaves Chinese characters and ASCII alone', () => {
    expect(toHalfWidth('2020年12月')).toBe('2020年12月');
  });
});

describe('parseChineseNumber: colloquial and invalid forms', () => {
  it('reads a trailing digit after a unit as the next lower unit: 一万五, 三千五, 两百五', () => {
    expect(parseChineseNumber('一万五')).toBe(15_000);
    expect(parseChineseNumber('三千五')).toBe(3500);
    expect(parseChineseNumber('两百五')).toBe(250);
  });

  it('keeps 十五 as fifteen', () => {
    expect(parseChineseNumber('十五')).toBe(15);
  });

  it('rejects two digits in a row between units: 十三五', () => {
    expect(parseChineseNumber('十三五')).toBeUndefined();
  });

  it('scales decimals exactly: 2.3亿 and 三点零五亿', () => {
    expect(parseChineseNumber('2.3亿')).toBe(230_000_000);
    expect(parseChineseNumber('三点零五亿')).toBe(305_000_000);
  });

  it('reads 亿 and 万 alone as one of them', () => {
    expect(parseChineseNumber('亿')).toBe(1e8);
    expect(parseChineseNumber('万')).toBe(1e4);
  });

  it('reads 二十万零五百', () => {
    expect(parseChineseNumber('二十万零五百')).toBe(200_500);
  });
});

describe('scaleByPowerOfTen', () => {
  it('scales in decimal: 2.3 × 10^8', () => {
    expect(scaleByPowerOfTen(2.3, 8)).toBe(230_000_000);
  });

  it('leaves a value alone at exponent 0', () => {
    expect(scaleByPowerOfTen(1.5, 0)).toBe(1.5);
  });
});
