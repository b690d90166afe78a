import { describe, expect, it } from 'vitest';
import type { MoneyMention } from '../../core/types.js';
import { recognizeMoney } from './money.recognizer.js';

/** The mentions in `text`, each checked to cover exactly its own text. */
function money(text: string): MoneyMention[] {
  const mentions = recognizeMoney(text);
  for (const m of mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  return mentions;
}

/** The one amount in `text`, as text, value, currency and qualifier. */
function only(text: string): Omit<MoneyMention, 'span'> {
  const mentions = money(text);
  expect(mentions).toHaveLength(1);
  const { text: written, value, currency, qualifier } = mentions[0] as MoneyMention;
  return { text: written, value, currency, qualifier };
}

describe('recognizeMoney', () => {
  it('reads an amount in Chinese numerals: 一百二十亿元', () => {
    expect(only('项目总投资一百二十亿元')).toEqual({
      text: '一百二十亿元',
      value: 12_000_000_000,
      currency: 'CNY',
      qualifier: 'exact',
    });
  });

  it('reads a decimal scaled by 万: 1.5万元', () => {
    expect(only('每人奖励1.5万元')).toEqual({
      text: '1.5万元',
      value: 15_000,
      currency: 'CNY',
      qualifier: 'exact',
    });
  });

  it('reads 逾千亿元 as over 100 billion', () => {
    expect(only('年产值逾千亿元')).toEqual({
      text: '逾千亿元',
      value: 1e11,
      currency: 'CNY',
      qualifier: 'over',
    });
  });

  it('reads 超100亿元 as over 10 billion', () => {
    const [m] = money('总投资额超100亿元');
    expect(m).toMatchObject({
      text: '超100亿元',
      value: 10_000_000_000,
      currency: 'CNY',
      qualifier: 'over',
      span: { start: 4, end: 10 },
    });
  });

  it('reads 以上 after the currency as over: 3000万元以上', () => {
    expect(only('投资3000万元以上的项目')).toEqual({
      text: '3000万元以上',
      value: 30_000_000,
      currency: 'CNY',
      qualifier: 'over',
    });
  });

  it('reads 多 after the unit as over: 5亿多元', () => {
    expect(only('销售收入5亿多元')).toEqual({
      text: '5亿多元',
      value: 500_000_000,
      currency: 'CNY',
      qualifier: 'over',
    });
  });

  it('reads 余 before the unit as over: 10余亿元', () => {
    expect(only('带动投资10余亿元')).toEqual({
      text: '10余亿元',
      value: 1_000_000_000,
      currency: 'CNY',
      qualifier: 'over',
    });
  });

  it('reads 近 as about: 近5亿元', () => {
    expect(only('累计投入近5亿元')).toEqual({
      text: '近5亿元',
      value: 500_000_000,
      currency: 'CNY',
      qualifier: 'about',
    });
  });

  it('reads 约2000万美元 as about 20 million USD', () => {
    expect(only('合同金额约2000万美元')).toEqual({
      text: '约2000万美元',
      value: 20_000_000,
      currency: 'USD',
      qualifier: 'about',
    });
  });

  it('reads 左右 after the currency as about', () => {
    expect(only('经费五千万元左右')).toEqual({
      text: '五千万元左右',
      value: 50_000_000,
      currency: 'CNY',
      qualifier: 'about',
    });
  });

  it('reads 不足 as under', () => {
    expect(only('研发投入不足1000万元')).toEqual({
      text: '不足1000万元',
      value: 10_000_000,
      currency: 'CNY',
      qualifier: 'under',
    });
  });

  it('reads 5亿元人民币 as yuan', () => {
    const m = only('注册资本5亿元人民币');
    expect(['5亿元', '5亿元人民币']).toContain(m.text);
    expect(m).toMatchObject({ value: 500_000_000, currency: 'CNY', qualifier: 'exact' });
  });

  it('reads 人民币一亿元 with 人民币 in the text', () => {
    expect(only('出资人民币一亿元')).toEqual({
      text: '人民币一亿元',
      value: 100_000_000,
      currency: 'CNY',
      qualifier: 'exact',
    });
  });

  it('reads other currencies: 3.5亿欧元 and 10亿港元', () => {
    expect(only('3.5亿欧元')).toMatchObject({ value: 350_000_000, currency: 'EUR' });
    expect(only('10亿港元')).toMatchObject({ value: 1_000_000_000, currency: 'HKD' });
  });

  it('reads full-width digits and thousands separators', () => {
    expect(only('２０亿元')).toMatchObject({ text: '２０亿元', value: 2_000_000_000, currency: 'CNY' });
    expect(only('1,000万元')).toMatchObject({ text: '1,000万元', value: 10_000_000, currency: 'CNY' });
  });

  it('reads 总投资100亿 without 元 as yuan', () => {
    const [m] = money('项目总投资100亿，建成后年产值可观');
    expect(m).toMatchObject({
      text: '100亿',
      value: 10_000_000_000,
      currency: 'CNY',
      qualifier: 'exact',
      span: { start: 5, end: 9 },
    });
  });

  it('keeps the qualifier of a bare amount after a word of money: 总投资约3亿, 投资超过100亿', () => {
    expect(only('项目总投资约3亿，')).toEqual({
      text: '约3亿',
      value: 300_000_000,
      currency: 'CNY',
      qualifier: 'about',
    });
    expect(only('投资超过100亿，')).toEqual({
      text: '超过100亿',
      value: 10_000_000_000,
      currency: 'CNY',
      qualifier: 'over',
    });
  });

  it('does not read 约 inside 签约 as about', () => {
    expect(only('现场签约50亿元')).toEqual({
      text: '50亿元',
      value: 5_000_000_000,
      currency: 'CNY',
      qualifier: 'exact',
    });
  });

  it('does not read the year 2019年 as money', () => {
    expect(money('2019年，双方签约')).toEqual([]);
  });

  it('does not read the count 41家 as money', () => {
    expect(money('41家企业、学术机构参加')).toEqual([]);
  });

  it('does not read the percentage 30% as money', () => {
    expect(money('研发投入增长30%')).toEqual([]);
  });

  it('finds several amounts in one sentence in order', () => {
    const text = '一期投资超100亿元，二期约2000万美元';
    expect(money(text).map((m) => [m.text, m.value, m.currency, m.qualifier])).toEqual([
      ['超100亿元', 10_000_000_000, 'CNY', 'over'],
      ['约2000万美元', 20_000_000, 'USD', 'about'],
    ]);
  });
});

describe('recognizeMoney: more forms and what is not money', () => {
  it('reads 1亿5000万元 as one amount', () => {
    expect(only('1亿5000万元')).toMatchObject({ value: 150_000_000, qualifier: 'exact' });
  });

  it('reads 2.3亿 after 投资 exactly, without binary rounding', () => {
    expect(only('投资2.3亿，建设基地')).toMatchObject({ text: '2.3亿', value: 230_000_000, currency: 'CNY' });
  });

  it('reads a bare amount a few words after the money word: 年产值可达到15亿', () => {
    expect(only('年产值可达到15亿，')).toMatchObject({ text: '15亿', value: 1_500_000_000 });
  });

  it('reads 上亿元 and 过亿元 as over 100 million', () => {
    expect(only('上亿元')).toMatchObject({ value: 1e8, qualifier: 'over' });
    expect(only('营收过亿元')).toMatchObject({ text: '过亿元', value: 1e8, qualifier: 'over' });
  });

  it('reads 近百亿元 as about 10 billion', () => {
    expect(only('近百亿元')).toMatchObject({ value: 1e10, qualifier: 'about' });
  });

  it('reads 千万元 with no digit as ten million', () => {
    expect(only('投资千万元')).toMatchObject({ text: '千万元', value: 1e7 });
  });

  it('reads 美元, 日元, 英镑, 澳门元, 新台币 and 港币 as their currencies', () => {
    const found = money('1万美元、2万日元、3万英镑、4万澳门元、5万新台币、6万港币').map((m) => m.currency);
    expect(found).toEqual(['USD', 'JPY', 'GBP', 'MOP', 'TWD', 'HKD']);
  });

  it('reads a currency sign before the number: ￥1000', () => {
    expect(only('￥1000')).toMatchObject({ value: 1000, currency: 'CNY' });
  });

  it('does not read 数亿元 or 十几亿元 as an amount', () => {
    expect(money('数亿元，十几亿元，数百万元')).toEqual([]);
  });

  it('does not read 万元 in 每万元GDP能耗 as an amount', () => {
    expect(money('每万元GDP能耗下降')).toEqual([]);
  });

  it('does not read 元 starting another word: 二元结构, 一元化', () => {
    expect(money('二元结构，一元化管理')).toEqual([]);
  });

  it('does not read a bare amount that counts things: 投资企业2.3万家', () => {
    expect(money('投资企业2.3万家')).toEqual([]);
  });

  it('does not read a bare amount outside a clause about money: 人口3000万', () => {
    expect(money('全市人口3000万，')).toEqual([]);
  });

  it('does not read 通过 as the qualifier 过', () => {
    expect(only('通过100万元资助')).toMatchObject({ text: '100万元', qualifier: 'exact' });
  });

  it('reads the amounts of the news page as the gold answers do', () => {
    const text =
      '落户科学城光大人工智能产业基地，总投资额超\n100亿元。项目达产后预计可实现年产值逾千亿元，预计年产值可达到15亿元。';
    expect(money(text).map((m) => [m.value, m.qualifier])).toEqual([
      [1e10, 'over'],
      [1e11, 'over'],
      [1.5e9, 'exact'],
    ]);
  });
});
