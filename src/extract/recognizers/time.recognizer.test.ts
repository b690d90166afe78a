import { describe, expect, it } from 'vitest';
import type { TimeMention } from '../../core/types.js';
import { fiveYearPlanStart, recognizeTimes, type TimeContext } from './time.recognizer.js';

const PUBLISHED: TimeContext = { published: '2020-12-16' };

/** The mentions in `text`, each checked to cover exactly its own text. */
function times(text: string, context: TimeContext = PUBLISHED): TimeMention[] {
  const mentions = recognizeTimes(text, context);
  for (const m of mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  return mentions;
}

/** The one mention in `text`, as [text, value]. */
function only(text: string, context: TimeContext = PUBLISHED): [string, string] {
  const mentions = times(text, context);
  expect(mentions).toHaveLength(1);
  const [m] = mentions as [TimeMention];
  return [m.text, m.value];
}

describe('recognizeTimes', () => {
  it('reads a full date at day precision', () => {
    const [m] = times('2020年12月15日，重庆市人民政府与中国科学院签署战略合作协议。');
    expect(m).toMatchObject({ text: '2020年12月15日', value: '2020-12-15', span: { start: 0, end: 11 } });
    expect(m?.relative).toBeUndefined();
  });

  it('reads a year and month at month precision', () => {
    expect(only('2019年4月，双方签约')).toEqual(['2019年4月', '2019-04']);
  });

  it('reads 2019 年 10 月 written with spaces', () => {
    expect(only('于 2019 年 10 月 启动')).toEqual(['2019 年 10 月', '2019-10']);
  });

  it('reads 二〇二〇年十二月 in Chinese numerals', () => {
    expect(only('二〇二〇年十二月')).toEqual(['二〇二〇年十二月', '2020-12']);
    expect(only('二〇二〇年十二月十五日')).toEqual(['二〇二〇年十二月十五日', '2020-12-15']);
  });

  it('reads the numeric date 2020.12.15 and 2020-03-05', () => {
    expect(only('签署日期：2020.12.15')).toEqual(['2020.12.15', '2020-12-15']);
    expect(only('2020-03-05')).toEqual(['2020-03-05', '2020-03-05']);
  });

  it('reads a year alone and the end of a year', () => {
    expect(only('2019年，园区引进项目')).toEqual(['2019年', '2019']);
    expect(only('2019年底建成')).toEqual(['2019年底', '2019-12']);
  });

  it('resolves 12月15日 against the publication year', () => {
    const [m] = times('12月15日，双方签约', PUBLISHED);
    expect(m).toMatchObject({ text: '12月15日', value: '2020-12-15', relative: true });
  });

  it('takes a date months after the publication date in the previous year', () => {
    expect(only('10月8日', { published: '2021-01-10' })).toEqual(['10月8日', '2020-10-08']);
    expect(only('12月15日', { published: '2021-01-10' })).toEqual(['12月15日', '2020-12-15']);
  });

  it('keeps a date shortly after the publication date in the publication year', () => {
    expect(only('3月1日', { published: '2021-01-10' })).toEqual(['3月1日', '2021-03-01']);
  });

  it('leaves a year-less date out when there is no publication date', () => {
    expect(times('12月15日，双方签约', {})).toEqual([]);
    expect(times('今年底完成', {})).toEqual([]);
  });

  it('resolves 今年底 to December of the publication year', () => {
    const [m] = times('力争今年底建成投用');
    expect(m).toMatchObject({ text: '今年底', value: '2020-12', relative: true });
  });

  it('resolves 年内 to the publication year', () => {
    expect(only('年内建成')).toEqual(['年内', '2020']);
  });

  it('resolves 去年 to the year before publication', () => {
    expect(only('去年，全市技术合同成交额增长')).toEqual(['去年', '2019']);
  });

  it('resolves 今年3月 to March of the publication year', () => {
    expect(only('今年3月，平台揭牌')).toEqual(['今年3月', '2020-03']);
  });

  it('resolves 3月底 to a month of the publication year', () => {
    expect(only('3月底前完成')).toEqual(['3月底', '2020-03']);
  });

  it('reads the year range 2016—2020年', () => {
    expect(only('2016—2020年')).toEqual(['2016—2020年', '2016/2020']);
  });

  it('reads the year range 2016年至2020年', () => {
    expect(only('2016年至2020年，累计投入')).toEqual(['2016年至2020年', '2016/2020']);
  });

  it('reads a month range within a year', () => {
    expect(only('2020年3月至6月')).toEqual(['2020年3月至6月', '2020-03/2020-06']);
  });

  it('reads the day range 12月15日至16日 against the publication year', () => {
    const [m] = times('12月15日至16日，论坛在重庆举行');
    expect(m).toMatchObject({ text: '12月15日至16日', value: '2020-12-15/2020-12-16', relative: true });
  });

  it('reads a day range with its year', () => {
    expect(only('2020年12月15日至16日', {})).toEqual(['2020年12月15日至16日', '2020-12-15/2020-12-16']);
  });

  it('reads quarters as month intervals', () => {
    expect(only('2020年第三季度')).toEqual(['2020年第三季度', '2020-07/2020-09']);
    expect(only('2020年第1季度')).toEqual(['2020年第1季度', '2020-01/2020-03']);
  });

  it('reads 上半年 as January to June', () => {
    expect(only('2020年上半年')).toEqual(['2020年上半年', '2020-01/2020-06']);
    expect(only('今年上半年')).toEqual(['今年上半年', '2020-01/2020-06']);
  });

  it('reads “十三五”期间 as 2016/2020, quotes and 期间 included', () => {
    const [m] = times('“十三五”期间，全市累计建成');
    expect(m).toMatchObject({ text: '“十三五”期间', value: '2016/2020', span: { start: 0, end: 7 } });
  });

  it('reads 十四五 as 2021/2025', () => {
    expect(only('十四五')).toEqual(['十四五', '2021/2025']);
    expect(only('“十四五”时期')).toEqual(['“十四五”时期', '2021/2025']);
    expect(only('十四五规划')).toEqual(['十四五规划', '2021/2025']);
  });

  it('knows when each five-year plan starts', () => {
    expect(fiveYearPlanStart(1)).toBe(1953);
    expect(fiveYearPlanStart(13)).toBe(2016);
    expect(fiveYearPlanStart(14)).toBe(2021);
  });

  it.each(['近年来', '近日', '长期以来', '3年'])('does not read the vague phrase %s as a time', (phrase) => {
    expect(times(`${phrase}，双方合作不断深化`)).toEqual([]);
  });

  it('does not read 719家 as a year', () => {
    expect(times('共有719家企业入驻')).toEqual([]);
  });

  it('does not read 两年来 as a time', () => {
    expect(times('两年来，研究院孵化企业')).toEqual([]);
  });

  it('does not read the number 第2016号 as a year', () => {
    expect(times('第2016号')).toEqual([]);
    expect(times('渝府发〔2020〕第2016号文件')).toEqual([]);
  });

  it('finds several times in one sentence with their own spans', () => {
    const text = '2019年4月签约，12月15日至16日举办论坛，“十三五”期间累计投入';
    expect(times(text).map((m) => [m.text, m.value])).toEqual([
      ['2019年4月', '2019-04'],
      ['12月15日至16日', '2020-12-15/2020-12-16'],
      ['“十三五”期间', '2016/2020'],
    ]);
  });
});
