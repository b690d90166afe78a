import { describe, expect, it } from 'vitest';
import { buildProject } from '../../test/factories/registry.js';
import { registryTotals, UNKNOWN } from './totals.js';

describe('the registry totals', () => {
  it('sums projects, investment and output by zone, year, category and status, and they add up to the whole', () => {
    const projects = [
      buildProject({
        zone: '两江新区',
        category: '研发基地',
        signed: '2020-12-15',
        investment: 300,
        expectedOutput: 1000,
      }),
      buildProject({
        zone: '两江新区',
        category: '数据中心',
        signed: '2021-03-01',
        investment: 200,
        status: 'landed',
      }),
      buildProject({
        zone: '永川区',
        category: '研发基地',
        signed: '2021-05-01',
        investment: 100,
        actualOutput: 50,
        status: 'in_production',
      }),
      buildProject({}),
    ];
    const totals = registryTotals(projects);
    expect(totals.all).toMatchObject({
      projects: 4,
      investment: 600,
      expectedOutput: 1000,
      actualOutput: 50,
    });
    expect(totals.byZone.map((t) => [t.key, t.projects, t.investment])).toEqual([
      ['两江新区', 2, 500],
      ['永川区', 1, 100],
      [UNKNOWN, 1, 0],
    ]);
    expect(totals.byYear.map((t) => [t.key, t.projects])).toEqual([
      ['2020', 1],
      ['2021', 2],
      [UNKNOWN, 1],
    ]);
    expect(totals.byCategory.map((t) => [t.key, t.investment])).toEqual([
      ['研发基地', 400],
      ['数据中心', 200],
      [UNKNOWN, 0],
    ]);
    expect(totals.byStatus.map((t) => [t.key, t.projects])).toEqual([
      ['signed', 2],
      ['landed', 1],
      ['under_construction', 0],
      ['in_production', 1],
      ['withdrawn', 0],
    ]);
    for (const dimension of [totals.byZone, totals.byYear, totals.byCategory, totals.byStatus]) {
      expect(dimension.reduce((n, t) => n + t.investment, 0)).toBe(totals.all.investment);
    }
  });
});
