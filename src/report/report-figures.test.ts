import { describe, expect, it } from 'vitest';
import { buildProject } from '../../test/factories/registry.js';
import type { EventView } from '../services/entity.service.js';
import { figureCaption, reportFigures } from './report-figures.js';

let made = 0;

/** An event told in a document's sentence, with the fields a figure counts. */
function buildEvent(over: Partial<EventView> = {}): EventView {
  made++;
  return {
    id: `event:${made}`,
    statementId: `statement:${made}`,
    status: 'proposed',
    type: 'agreement',
    participants: ['中国科学院', '重庆市人民政府'],
    participantIds: ['organization:中国科学院', 'organization:重庆市人民政府'],
    objects: [],
    planned: false,
    amounts: [],
    counts: [],
    origin: { kind: 'extracted', documentId: 'doc-a', span: { start: made * 10, end: made * 10 + 5 } },
    ...over,
  };
}

describe('the figures of the report', () => {
  it('counts the events of each year by type, a period’s event under the period’s first year', () => {
    const events = [
      buildEvent({ date: '2016-04-21' }),
      buildEvent({ date: '2018-04', type: 'founding' }),
      buildEvent({ date: '2018-09-01' }),
      buildEvent({ date: '2011/2020', type: 'founding' }),
      buildEvent({ type: 'transfer' }),
    ];
    const [byYear] = reportFigures('重庆，2016—2020年', 2016, events, []);
    expect(byYear).toMatchObject({
      key: 'events-by-year',
      categories: ['2016', '2018'],
      series: [
        { name: '协议签署', values: [1, 1] },
        { name: '共建成立', values: [1, 1] },
      ],
    });
    expect(byYear?.source).toBe(
      '数据来源：知识库中所选范围（重庆，2016—2020年）内有日期的合作事件4个，出自文档1篇。',
    );
    expect(figureCaption(1, byYear as NonNullable<typeof byYear>)).toBe('图1　合作事件年度分布（按类型）');
  });

  it('ranks the partners by the events they take part in, ten at most', () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      buildEvent({ participants: ['中国科学院', `合作单位${String(i).padStart(2, '0')}`] }),
    );
    const partners = reportFigures('', undefined, events, []).find((f) => f.key === 'partners');
    expect(partners?.categories).toHaveLength(10);
    expect(partners?.categories[0]).toBe('中国科学院');
    expect(partners?.series[0]?.values[0]).toBe(12);
    expect(partners?.source).toBe('数据来源：知识库中的合作事件12个，列出参与事件最多的10个合作方。');
  });

  it('draws the registry’s projects by category and status, and their investment by zone', () => {
    const projects = [
      buildProject({ category: '研发基地', status: 'landed', zone: '两江新区', investment: 4.5e8 }),
      buildProject({ category: '研发基地', status: 'in_production', zone: '北碚区', investment: 2.2e8 }),
      buildProject({ category: '联合实验室', status: 'landed', zone: '两江新区', investment: 0.8e8 }),
      buildProject({ status: 'signed' }),
    ];
    const figures = reportFigures('重庆', undefined, [], projects);
    expect(figures.map((f) => f.key)).toEqual(['projects-by-category', 'investment-by-zone']);
    expect(figures[0]).toMatchObject({
      categories: ['研发基地', '联合实验室', '未填写'],
      series: [
        { name: '已签约', values: [0, 0, 1] },
        { name: '已落地', values: [1, 1, 0] },
        { name: '已投产', values: [1, 0, 0] },
      ],
    });
    expect(figures[1]).toMatchObject({
      unit: 'yuan',
      categories: ['两江新区', '北碚区'],
      series: [{ values: [5.3e8, 2.2e8] }],
    });
    expect(figures[1]?.source).toBe('数据来源：合作登记簿中所选范围（重庆）内登记了投资额的签约项目3个。');
  });

  it('leaves out a chart with nothing to show', () => {
    expect(reportFigures('拉萨', undefined, [], [])).toEqual([]);
    const undated = reportFigures('', undefined, [buildEvent({ participants: [] })], []);
    expect(undated).toEqual([]);
  });
});
