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

  it('reads a long number far before its measure word, with its qualifier', () => {
    expect(only('共有超过  1,234,567 余 家企业入驻')).toEqual({
      text: '超过  1,234,567 余 家企业',
      value: 1234567,
      unit: '家企业',
      qualifier: 'over',
    });
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

describe('recognizeCounts: measure words, nouns and what is not a count', () => {
  it('reads 10余家 as over', () => {
    expect(only('10余家')).toMatchObject({ value: 10, unit: '家', qualifier: 'over' });
  });

  it('stops the noun before a verb: 5家通过验收', () => {
    expect(only('首批5家通过验收')).toMatchObject({ text: '5家', unit: '家' });
  });

  it('cuts the noun after its last head word: 100家企业申报', () => {
    expect(only('100家企业申报')).toMatchObject({ unit: '家企业' });
  });

  it('reads 3位院士, 8所高校 and 2条生产线', () => {
    expect(counts('3位院士、8所高校、2条生产线').map((m) => m.unit)).toEqual([
      '位院士',
      '所高校',
      '条生产线',
    ]);
  });

  it('reads 上千家企业 as over 1000', () => {
    expect(only('上千家企业')).toMatchObject({ value: 1000, qualifier: 'over' });
  });

  it('reads 1.5万家 scaled by its unit', () => {
    expect(only('1.5万家企业')).toMatchObject({ value: 15_000, unit: '家企业' });
  });

  it('reads 人次 as one measure word', () => {
    expect(only('服务1000人次')).toMatchObject({ value: 1000, unit: '人次' });
  });

  it('does not read durations or percentage points: 3个月, 2个百分点', () => {
    expect(counts('历时3个月，提高2个百分点')).toEqual([]);
  });

  it('does not read the session 十九届五中全会 as a count', () => {
    expect(counts('党的十九届五中全会精神')).toEqual([]);
  });

  it('does not read a phase as a count: 一期工程, 二期项目', () => {
    expect(counts('一期工程和二期项目')).toEqual([]);
  });

  it('does not read 新一轮 or 一批 as one thing', () => {
    expect(counts('签署新一轮战略合作协议，落地一批重大项目')).toEqual([]);
  });

  it('does not read 十三五 or 唯一一家 as counts', () => {
    expect(counts('十三五期间，唯一一家')).toEqual([]);
  });

  it('does not read units alone as numbers: 数十家, 千家万户', () => {
    expect(counts('数十家单位，千家万户')).toEqual([]);
  });

  it('does not read word tails as measure words: 一次性, 一条龙, 两位数', () => {
    expect(counts('一次性投入，一条龙服务，两位数增长')).toEqual([]);
  });

  it('reads the counts of the news page', () => {
    const text = '已有科技型企业719家、高新技术企业59家、市级以上研发机构38家、科技服务机构50家';
    expect(counts(text).map((m) => m.value)).toEqual([719, 59, 38, 50]);
  });
});
