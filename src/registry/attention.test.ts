import { describe, expect, it } from 'vitest';
import { buildProject } from '../../test/factories/registry.js';
import type { AgreementRecord, PlatformRecord } from '../core/registry.js';
import { addMonths, attention, notLanded, overdueCommitments, quietPlatforms } from './attention.js';

describe('the attention rules', () => {
  it('moves a day by months, keeping the end of a shorter month', () => {
    expect(addMonths('2020-12-15', 6)).toBe('2021-06-15');
    expect(addMonths('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonths('2021-01-31', 13)).toBe('2022-02-28');
  });

  it('flags a project signed more than six months ago that has not landed, from the day it turns six months', () => {
    const signed = buildProject({ id: 'project:1', signed: '2020-12-15' });
    expect(notLanded([signed], '2021-06-14')).toEqual([]);
    const [item] = notLanded([signed], '2021-06-15');
    expect(item).toMatchObject({ rule: 'not_landed', recordId: 'project:1', since: '2020-12-15', days: 182 });
    expect(item?.reason).toMatch(/^签约已超过 6 个月，仍未落地/);
  });

  it('uses the configured number of months, and leaves landed, withdrawn and undated projects alone', () => {
    expect(
      notLanded([buildProject({ id: 'project:1', signed: '2020-12-15' })], '2021-06-15', {
        landingMonths: 12,
        quietMonths: 12,
      }),
    ).toEqual([]);
    for (const status of ['landed', 'withdrawn'] as const) {
      expect(
        notLanded([buildProject({ id: 'project:1', signed: '2019-01-01', status })], '2021-06-15'),
      ).toEqual([]);
    }
    expect(notLanded([buildProject({ id: 'project:1' })], '2021-06-15')).toEqual([]);
  });

  it('flags a commitment past its due date that is not done, naming its owner', () => {
    const agreement: AgreementRecord = {
      id: 'agreement:1',
      name: '重庆市人民政府 中国科学院 全面战略合作协议',
      parties: ['重庆市人民政府', '中国科学院'],
      fields: [],
      commitments: [
        { what: '共建重庆科技成果转化中心', owner: '两江新区', due: '2021-12-31', done: false },
        { what: '设立联合基金', due: '2021-06-30', done: true },
        { what: '建设人才公寓', done: false },
      ],
    };
    expect(overdueCommitments([agreement], '2021-12-31')).toEqual([]);
    const [item, ...rest] = overdueCommitments([agreement], '2022-01-01');
    expect(rest).toEqual([]);
    expect(item?.reason).toMatch(/^承诺事项“共建重庆科技成果转化中心”（两江新区）已过期限 2021-12-31/);
    expect(item?.days).toBe(1);
  });

  it('flags a platform with no activity for a year, counting from its founding when it has none', () => {
    const platforms: PlatformRecord[] = [
      {
        id: 'platform:1',
        name: '重庆绿色智能技术研究院',
        coBuilders: [],
        activities: [],
        companies: [],
        lastActivity: '2021-01-10',
      },
      {
        id: 'platform:2',
        name: '竹溪智谷科企联盟',
        coBuilders: [],
        activities: [],
        companies: [],
        founded: '2020-06-12',
      },
      { id: 'platform:3', name: '无日期的平台', coBuilders: [], activities: [], companies: [] },
    ];
    expect(quietPlatforms(platforms, '2021-06-12').map((p) => p.recordId)).toEqual(['platform:2']);
    expect(quietPlatforms(platforms, '2022-01-10').map((p) => p.recordId)).toEqual([
      'platform:1',
      'platform:2',
    ]);
  });

  it('lists every rule together, the longest-waiting first', () => {
    const items = attention(
      {
        projects: [buildProject({ id: 'project:1', signed: '2020-01-01' })],
        agreements: [],
        platforms: [
          {
            id: 'platform:2',
            name: '竹溪智谷科企联盟',
            coBuilders: [],
            activities: [],
            companies: [],
            founded: '2018-06-12',
          },
        ],
      },
      '2021-06-15',
    );
    expect(items.map((i) => i.rule)).toEqual(['platform_quiet', 'not_landed']);
  });
});
