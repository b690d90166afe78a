import { describe, expect, it } from 'vitest';
import type { CountMention } from '../../core/types.js';
import { recognizeCounts } from './count.recognizer.js';

/** The mentions in `text`, each checked to cover exactly its own text. */
function counts(text: string): CountMention[] {
  const mentions = recognizeCounts(text);
  for (const m of mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  return mentions;
}

/** The one count in `text`, as text, value, unit and qualifier. */
function only(text: string): Omit<CountMention, 'span'> {
  const mentions = counts(text);
  expect(mentions).toHaveLength(1);
  const { text: written, value, unit, qualifier } = mentions[0] as CountMention;
  return { text: written, value, unit, qualifier };
}

describe('recognizeCounts', () => {
  it('reads 41家企业 with its counted noun, stopping at the enumeration comma', () => {
    const [m] = counts('41家企业、学术机构参加');
    expect(m).toMatchObject({
      text: '41家企业',
      value: 41,
      unit: '家企业',
      qualifier: 'exact',
      span: { start: 0, end: 5 },
    });
  });

  it('reads 41个项目', () => {
    expect(only('41个项目')).toEqual({ text: '41个项目', value: 41, unit: '个项目', qualifier: 'exact' });
  });

  it('reads 13个 with no noun after it', () => {
    expect(only('新建研发平台13个。')).toEqual({ text: '13个', value: 13, unit: '个', qualifier: 'exact' });
  });

  it('keeps a modified noun: 5个省部级创新平台', () => {
    expect(only('建成5个省部级创新平台')).toEqual({
      text: '5个省部级创新平台',
      value: 5,
      unit: '个省部级创新平台',
      qualifier: 'exact',
    });
  });

  it('reads 10 余家科技型企业 as over, the space included', () => {
    const [m] = counts('孵化10 余家科技型企业');
    expect(m).toMatchObject({
      text: '10 余家科技型企业',
      value: 10,
      unit: '家科技型企业',
      qualifier: 'over',
      span: { start: 2, end: 12 },
    });
  });

  it('reads 近500余家 as about: 近 wins over 余', () => {
    expect(only('吸引近500余家')).toEqual({ text: '近500余家', value: 500, unit: '家', qualifier: 'about' });
  });

  it('reads Chinese numerals: 两千名专家', () => {
    expect(only('两千名专家')).toEqual({
      text: '两千名专家',
      value: 2000,
      unit: '名专家',
      qualifier: 'exact',
    });
  });

  it('reads 719家 as a count, not a year', () => {
    expect(only('共719家')).toEqual({ text: '719家', value: 719, unit: '家', qualifier: 'exact' });
  });

  it('reads 超过 before the number as over', () => {
    expect(only('转化超过20项成果')).toEqual({
      text: '超过20项成果',
      value: 20,
      unit: '项成果',
      qualifier: 'over',
    });
  });

  it('reads 多 after the number as over: 100多名人才', () => {
    expect(only('引进100多名人才')).toEqual({
      text: '100多名人才',
      value: 100,
      unit: '名人才',
      qualifier: 'over',
    });
  });

  it('reads 人 after Arabic digits', () => {
    expect(only('团队3人')).toMatchObject({ text: '3人', value: 3, unit: '人' });
  });

  it('does not read 约 inside 签约 as about', () => {
    const [m] = counts('现场集中签约13个项目');
    expect(m).toMatchObject({ text: '13个项目', value: 13, unit: '个项目', qualifier: 'exact' });
  });

  it('does not read the ordinal 第6 as a count', () => {
    expect(counts('第6届中国国际智能产业博览会')).toEqual([]);
    expect(counts('第6个')).toEqual([]);
  });

  it('does not read the year 2019年 as a count', () => {
    expect(counts('2019年，双方签约')).toEqual([]);
  });

  it('does not read the amount 15亿元 as a count', () => {
    expect(counts('总投资15亿元')).toEqual([]);
  });

  it('does not read the percentage 30% as a count', () => {
    expect(counts('增长30%')).toEqual([]);
  });

  it('finds several counts in one sentence in order', () => {
    const text = '引进41家企业，落地41个项目';
    expect(counts(text).map((m) => [m.text, m.value, m.unit])).toEqual([
      ['41家企业', 41, '家企业'],
      ['41个项目', 41, '个项目'],
    ]);
  });
});
