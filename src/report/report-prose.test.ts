import { describe, expect, it } from 'vitest';
import { agreementTitle, bodySection, chineseDate } from './report-prose.js';

describe('the words of the report', () => {
  it('writes dates at the precision they have, and a five-year plan as its name', () => {
    expect(chineseDate('2020-12-15')).toBe('2020年12月15日');
    expect(chineseDate('2018-04')).toBe('2018年4月');
    expect(chineseDate('2019')).toBe('2019年');
    expect(chineseDate('2016/2020')).toBe('“十三五”期间');
    expect(chineseDate('2017/2019')).toBe('2017—2019年');
  });

  it('puts an agreement’s own name in title marks, not a description of agreements', () => {
    expect(agreementTitle('重庆市人民政府中国科学院全面科技合作协议')).toBe(
      '《重庆市人民政府中国科学院全面科技合作协议》',
    );
    expect(agreementTitle('《战略合作协议》')).toBe('《战略合作协议》');
    expect(agreementTitle('两次合作协议')).toBe('两次合作协议');
    expect(agreementTitle('新一轮战略合作协议')).toBe('新一轮战略合作协议');
  });

  it('files co-built bodies by the end of their names', () => {
    expect(bodySection('大数据与智能计算重庆市重点实验室')).toBe('platforms');
    expect(bodySection('重庆市高分辨三维动态成像检测工程技术研究中心')).toBe('platforms');
    expect(bodySection('博元医疗器械研究所')).toBe('institutes');
    expect(bodySection('长寿中科未来城创新产业园')).toBe('parks');
    expect(bodySection('竹溪智谷科企联盟')).toBe('alliances');
    expect(bodySection('中国科学院大学重庆医院')).toBe('others');
  });
});
