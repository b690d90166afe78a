import { describe, expect, it } from 'vitest';
import type { PercentMention } from '../../core/types.js';
import { recognizePercentages } from './percent.recognizer.js';

/** The mentions in `text`, each checked to cover exactly its own text. */
function percentages(text: string): PercentMention[] {
  const mentions = recognizePercentages(text);
  for (const m of mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  return mentions;
}

/** The one percentage in `text`, as text, value and qualifier. */
function only(text: string): Omit<PercentMention, 'span'> {
  const mentions = percentages(text);
  expect(mentions).toHaveLength(1);
  const { text: written, value, qualifier } = mentions[0] as PercentMention;
  return { text: written, value, qualifier };
}

describe('recognizePercentages', () => {
  it('reads a decimal percentage: 12.5%', () => {
    const [m] = percentages('同比增长12.5%');
    expect(m).toMatchObject({ text: '12.5%', value: 12.5, qualifier: 'exact', span: { start: 4, end: 9 } });
  });

  it('reads full-width digits and sign: １２％', () => {
    expect(only('占比１２％')).toEqual({ text: '１２％', value: 12, qualifier: 'exact' });
  });

  it('reads 百分之十五 in Chinese numerals', () => {
    expect(only('提高百分之十五')).toEqual({ text: '百分之十五', value: 15, qualifier: 'exact' });
  });

  it('reads a Chinese decimal: 百分之三点五', () => {
    expect(only('百分之三点五')).toEqual({ text: '百分之三点五', value: 3.5, qualifier: 'exact' });
  });

  it('reads 增长30%以上 as over 30', () => {
    const [m] = percentages('增长30%以上');
    expect(m).toMatchObject({ text: '30%以上', value: 30, qualifier: 'over', span: { start: 2, end: 7 } });
  });

  it('reads 约20% as about 20', () => {
    expect(only('约20%')).toEqual({ text: '约20%', value: 20, qualifier: 'about' });
  });

  it('reads 左右 after the sign as about', () => {
    expect(only('降低5%左右')).toEqual({ text: '5%左右', value: 5, qualifier: 'about' });
  });

  it('reads 超过 as over', () => {
    expect(only('市场占有率超过50%')).toEqual({ text: '超过50%', value: 50, qualifier: 'over' });
  });

  it('reads 不足 as under', () => {
    expect(only('不足10%')).toEqual({ text: '不足10%', value: 10, qualifier: 'under' });
  });

  it('does not read a year or a plain number as a percentage', () => {
    expect(percentages('2019年引进41家企业')).toEqual([]);
  });

  it('finds several percentages in one sentence in order', () => {
    const text = '产值增长12.5%，利润增长百分之十五';
    expect(percentages(text).map((m) => [m.text, m.value])).toEqual([
      ['12.5%', 12.5],
      ['百分之十五', 15],
    ]);
  });
});

describe('recognizePercentages: more forms', () => {
  it('reads 以下 as under', () => {
    expect(only('降至5%以下')).toMatchObject({ value: 5, qualifier: 'under' });
  });

  it('reads 近 as about', () => {
    expect(only('占比近40%')).toMatchObject({ text: '近40%', qualifier: 'about' });
  });

  it('reads 逾 as over', () => {
    expect(only('增长逾15%')).toMatchObject({ value: 15, qualifier: 'over' });
  });

  it('reads a negative percentage written with a minus sign', () => {
    expect(only('同比-3.5%')).toMatchObject({ text: '-3.5%', value: -3.5 });
  });

  it('reads both ends of 30%-40% and does not take the dash as a minus sign', () => {
    expect(percentages('30%-40%').map((m) => m.value)).toEqual([30, 40]);
  });

  it('reads the end of 30-40% as a positive 40', () => {
    expect(only('30-40%')).toMatchObject({ text: '40%', value: 40 });
  });

  it('reads per mille as a tenth of a percent: 5‰ and 千分之五', () => {
    expect(percentages('5‰，千分之五').map((m) => m.value)).toEqual([0.5, 0.5]);
  });

  it('reads 百分之12 with Arabic digits after 百分之', () => {
    expect(only('百分之12')).toMatchObject({ value: 12 });
  });

  it('reads a space between the number and the sign', () => {
    expect(only('增长 12 %')).toMatchObject({ text: '12 %', value: 12 });
  });

  it('does not read 最近 as the qualifier 近', () => {
    expect(only('最近20%')).toMatchObject({ text: '20%', qualifier: 'exact' });
  });
});
