import { describe, expect, it } from 'vitest';
import { batchBreakdown } from './signing-batch.js';

const at = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
};

describe('reading a signing batch', () => {
  it('reads the categories named before their counts, across the line breaks of a newspaper column', () => {
    const text =
      '12月15日，41家企业与高新区集中签约，总投资额超100亿元。\n\n此次签约落户的41个项目，均属\n电子信息产业领域，包括研发基地项\n\n目13个、联合实验室项目4个、区域\n总部项目12个、数据中心项目10个、\n战略合作项目2个,这些项目将为科学城聚集创新力量。';
    const event = { span: at(text, '12月15日'), count: { value: 41, span: at(text, '41家企业') } };
    const batch = batchBreakdown(text, event);
    expect(batch.projects).toEqual({ count: 41, span: at(text, '41个项目') });
    expect(batch.categories.map((c) => [c.category, c.count])).toEqual([
      ['研发基地', 13],
      ['联合实验室', 4],
      ['区域总部', 12],
      ['数据中心', 10],
      ['战略合作', 2],
    ]);
    const first = batch.categories[0]?.span ?? { start: 0, end: 0 };
    expect(text.slice(first.start, first.end).replace(/\s/g, '')).toBe('研发基地项目13个');
  });

  it('reads the counts named before their categories, in Chinese numerals too', () => {
    const text =
      '双方签署合作协议。本次共签约二十个项目，其中12个智能制造项目、五个生物医药项目、3个新材料项目。';
    const batch = batchBreakdown(text, { span: at(text, '双方签署合作协议。') });
    expect(batch.projects?.count).toBe(20);
    expect(batch.categories.map((c) => [c.category, c.count])).toEqual([
      ['智能制造', 12],
      ['生物医药', 5],
      ['新材料', 3],
    ]);
    const second = batch.categories[1]?.span ?? { start: 0, end: 0 };
    expect(text.slice(second.start, second.end)).toBe('五个生物医药项目');
  });

  it('gives the event’s own count and no categories when no sentence lists them', () => {
    const text = '现场签约项目18个，总投资56亿元。项目涉及多个领域。';
    const event = {
      span: at(text, '现场签约项目18个，总投资56亿元。'),
      count: { value: 18, span: at(text, '18个') },
    };
    expect(batchBreakdown(text, event)).toEqual({
      projects: { count: 18, span: at(text, '18个') },
      categories: [],
    });
  });

  it('looks only at the sentences after the event, not before it', () => {
    const text = '去年签约研发基地项目3个、数据中心项目2个。今年又签约一批项目。';
    expect(batchBreakdown(text, { span: at(text, '今年又签约一批项目。') })).toEqual({ categories: [] });
  });
});
