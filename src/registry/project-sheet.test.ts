import { describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../core/registry.js';
import { type Cell, projectCells, projectHeader, readProjectRows } from './project-sheet.js';

describe('the project spreadsheet', () => {
  it('reads a row by its headers in any order, amounts in 万元 and statuses in Chinese', () => {
    const [result] = readProjectRows([
      ['状态', '项目名称', '投资额（万元）', '合作方', '签约日期'],
      ['已落地', '特斯联城市智能安全联合实验室', '12,500.5', '特斯联、奇安信', '2020/12/15'],
    ]);
    expect(result).toEqual({
      line: 2,
      ok: true,
      row: {
        name: '特斯联城市智能安全联合实验室',
        parties: ['特斯联', '奇安信'],
        investment: 125_005_000,
        status: 'landed',
        signed: '2020-12-15',
      },
    });
  });

  it('reports each bad row with its line and reason, and reads the good ones', () => {
    const results = readProjectRows([
      projectHeader(),
      [null, '数据中心项目', '数据中心', null, null, '8000'],
      [null, '', '研发基地'],
      [null, '区域总部项目', null, null, null, '约五千'],
      [null, '联合实验室项目', null, null, null, null, null, null, '筹备中'],
      [null, '数据中心项目', '数据中心'],
      [],
      [null, '孵化器项目', null, null, null, null, null, null, null, null, '2020-02-30'],
    ]);
    expect(results.map((r) => (r.ok ? [r.line, 'ok'] : [r.line, r.reason]))).toEqual([
      [2, 'ok'],
      [3, expect.stringMatching(/^缺少项目名称/)],
      [4, expect.stringMatching(/^“投资额（万元） \(investment, 10k yuan\)”应为数字.*“约五千”/)],
      [5, expect.stringMatching(/^未知的状态“筹备中”/)],
      [6, expect.stringMatching(/^与第 2 行是同一个项目/)],
      [8, expect.stringMatching(/^“签约日期 \(signed\)”应为日期/)],
    ]);
  });

  it('refuses a sheet without a name column', () => {
    expect(() =>
      readProjectRows([
        ['名称x', '状态'],
        ['a', '已签约'],
      ]),
    ).toThrow(/没有“项目名称”列/);
  });

  it('writes a project as the row it reads back', () => {
    const project: ProjectRecord = {
      id: 'project:0123456789abcdef0123',
      name: '塔科玛创新实验室',
      category: '研发基地',
      parties: ['塔科玛创新工作室', '重庆高新区'],
      zone: '科学城光大人工智能产业基地',
      investment: 123_456_789,
      status: 'in_production',
      history: [
        { status: 'signed', on: '2020-12-15' },
        { status: 'in_production', on: '2021-09-01', override: '在区外已建成' },
      ],
      signed: '2020-12-15',
    };
    const cells: Cell[] = projectCells(project);
    expect(cells).toContain(12_345.6789);
    const [back] = readProjectRows([projectHeader(), cells]);
    expect(back).toEqual({
      line: 2,
      ok: true,
      row: {
        id: project.id,
        name: project.name,
        category: '研发基地',
        parties: project.parties,
        zone: project.zone,
        investment: 123_456_789,
        status: 'in_production',
        statusDate: '2021-09-01',
        signed: '2020-12-15',
        reason: '在区外已建成',
      },
    });
  });
});
