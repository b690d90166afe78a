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

  it('resolves a day written alone against the month of publication', () => {
    expect(only('新华社北京15日电（记者 王敏）')).toEqual(['15日', '2020-12-15']);
    expect(only('宏钧精机十二日在厦门签署三方合作协议')).toEqual(['十二日', '2020-12-12']);
    expect(only('本月12日，双方签约')).toEqual(['本月12日', '2020-12-12']);
  });

  it('puts a day later than the publication day in the month before', () => {
    expect(only('28日，双方签约', { published: '2021-01-05' })).toEqual(['28日', '2020-12-28']);
  });

  it('reads 12日至14日 as a range of days of one month', () => {
    expect(only('展会于12日至14日举行')).toEqual(['12日至14日', '2020-12-12/2020-12-14']);
    expect(only('展会于12至14日举行')).toEqual(['12至14日', '2020-12-12/2020-12-14']);
  });

  it('leaves counted days, recurring days and words with 日 alone', () => {
    for (const text of [
      '15日内完成审批',
      '3日后复工',
      '每月1日发布',
      '第十二日',
      '一日千里',
      '人民日报',
      '日本企业',
    ])
      expect(times(text), text).toEqual([]);
  });

  it('leaves a day alone unresolved without a publication date', () => {
    expect(times('12日，双方签约', {})).toEqual([]);
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

describe('recognizeTimes: ranges, periods and relative words', () => {
  it('reads 2016-2020年 with an ASCII hyphen as a year interval', () => {
    expect(only('2016-2020年')).toEqual(['2016-2020年', '2016/2020']);
  });

  it('reads 2019年4月至6月 as a month interval, the second year taken from the first', () => {
    expect(only('2019年4月至6月')).toEqual(['2019年4月至6月', '2019-04/2019-06']);
  });

  it('reads 2019年4-6月 with the first month written without 月', () => {
    expect(only('2019年4-6月')).toEqual(['2019年4-6月', '2019-04/2019-06']);
  });

  it('reads 12月15-16日 with the first day written without 日', () => {
    expect(only('12月15-16日')).toEqual(['12月15-16日', '2020-12-15/2020-12-16']);
  });

  it('moves the end of 12月30日至1月2日 into the next year', () => {
    expect(only('12月30日至1月2日')).toEqual(['12月30日至1月2日', '2020-12-30/2021-01-02']);
  });

  it('reads 2019年4月至2020年6月 as one interval', () => {
    expect(only('2019年4月至2020年6月')).toEqual(['2019年4月至2020年6月', '2019-04/2020-06']);
  });

  it('reads each year of the list 2016、2018和2020年', () => {
    expect(times('2016、2018和2020年').map((m) => m.value)).toEqual(['2016', '2018', '2020']);
  });

  it('reads 1990年代 as the decade', () => {
    expect(only('1990年代')).toEqual(['1990年代', '1990/1999']);
  });

  it('reads 2021年前三季度 as January to September', () => {
    expect(only('2021年前三季度')).toEqual(['2021年前三季度', '2021-01/2021-09']);
  });

  it('reads 今年前10个月 as January to October', () => {
    expect(only('今年前10个月，南阳市技术合同成交额')).toEqual(['今年前10个月', '2020-01/2020-10']);
    expect(only('2024年前两个月')).toEqual(['2024年前两个月', '2024-01/2024-02']);
    expect(only('2024年前1个月')).toEqual(['2024年', '2024']);
  });

  it('reads 下半年 alone in the publication year', () => {
    expect(only('下半年投产')).toEqual(['下半年', '2020-07/2020-12']);
  });

  it('resolves 明年 and 本月 against the publication date', () => {
    expect(times('明年投产，本月签约').map((m) => m.value)).toEqual(['2021', '2020-12']);
  });

  it('resolves 上月 across the turn of the year', () => {
    expect(only('上月签约', { published: '2021-01-10' })).toEqual(['上月', '2020-12']);
  });

  it('resolves 年底 against a year written earlier in the clause', () => {
    const mentions = times('2019年开工，年底竣工', {});
    expect(mentions.map((m) => m.value)).toEqual(['2019', '2019-12']);
  });

  it('resolves 同年10月 against the year written before it', () => {
    expect(times('2018年4月签约。同年10月揭牌', {}).map((m) => m.value)).toEqual(['2018-04', '2018-10']);
  });

  it('flags resolved mentions as relative and written ones not', () => {
    const [year, day] = times('2019年，12月15日');
    expect(year?.relative).toBeUndefined();
    expect(day?.relative).toBe(true);
  });

  it('emits no relative time without a publication date', () => {
    expect(times('今年底投产，年内试点，去年签约', {})).toEqual([]);
  });

  it('reads 十二五 from its number and 九五计划 by its name', () => {
    expect(only('“十二五”时期')).toEqual(['“十二五”时期', '2011/2015']);
    expect(only('“九五”计划')).toEqual(['“九五”计划', '1996/2000']);
  });

  it('does not read 十五 or 二十五 as a plan', () => {
    expect(times('十五家企业，二十五个项目')).toEqual([]);
  });

  it('does not read durations 3年, 十年 or 三年内 as times', () => {
    expect(times('3年来，十年磨一剑，三年内完成')).toEqual([]);
  });

  it('does not read vague phrases as times: 近年来, 长期以来, 多年来, 近日, 日前', () => {
    expect(times('近年来，长期以来，多年来，近日，日前')).toEqual([]);
  });

  it('does not read 2020年初步建成 as the beginning of 2020', () => {
    expect(only('2020年初步建成')).toEqual(['2020年', '2020']);
  });

  it('does not read 如今年轻人 as this year', () => {
    expect(times('如今年轻人')).toEqual([]);
  });

  it('does not resolve the yearly 每年3月 to one month', () => {
    expect(times('每年3月举办')).toEqual([]);
  });

  it('does not read 3个月 as a month', () => {
    expect(times('历时3个月')).toEqual([]);
  });

  it('reads full-width digits and keeps offsets into the original text', () => {
    const [m] = times('于２０１９年１０月');
    expect(m).toMatchObject({ text: '２０１９年１０月', value: '2019-10', span: { start: 1, end: 9 } });
  });
});

describe('recognizeTimes on sentences from the seed documents', () => {
  it('dates the news lead 12月15日 of a page published 2020-12-16', () => {
    const text = '12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。';
    expect(times(text).map((m) => [m.text, m.value])).toEqual([['12月15日', '2020-12-15']]);
  });

  it('reads a report sentence with a plan and two full dates', () => {
    const text =
      '“十三五”期间，中科院与重庆市签署两次合作协议，2016年4月21日，中科院与重庆市签署了协议；2020年12月15日，重庆市人民政府与中国科学院在北京签署新一轮战略合作协议。';
    expect(times(text, { published: '2022-01-01' }).map((m) => [m.text, m.value])).toEqual([
      ['“十三五”期间', '2016/2020'],
      ['2016年4月21日', '2016-04-21'],
      ['2020年12月15日', '2020-12-15'],
    ]);
  });

  it('reads the years of a PDF line with spaces around 年', () => {
    const text =
      '2019 年首次出口德国市场。2016 年在法国进行了失重飞行试验；于 2019 年 10 月在我国进行首次失重飞行试验。';
    expect(times(text, {}).map((m) => m.value)).toEqual(['2019', '2016', '2019-10']);
  });

  it('reads 今年底 and 年内 of the news page, and nothing in 近日 or 近年来', () => {
    const text =
      '近日，工作人员在綦江调试。该项目预计今年底投产。近年来，綦江区加快聚集。\n年内在该区实现政企业务试点';
    expect(times(text).map((m) => [m.text, m.value])).toEqual([
      ['今年底', '2020-12'],
      ['年内', '2020'],
    ]);
  });
});
