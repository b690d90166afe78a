import { describe, expect, it } from 'vitest';
import { buildCandidate, passage } from '../../test/factories/matching.js';
import { analyzeNeed, MatchingIndex } from './matching-index.js';
import { placeDivision } from './proximity.js';
import { rankCandidates } from './rank.js';

const TOPICS = [
  '增材制造',
  '3D打印',
  '石墨烯',
  '人脸识别',
  '氢能',
  '碳化硅',
  '传感器',
  '机器人',
  '水环境',
  '锂电池',
];
const PLACES = ['北碚区', '两江新区', '渝北区', '成都市', '西安市', '合肥市'];
const TAILS = ['工艺研发', '装备制造', '中试基地', '检测平台', '成果转化', '联合实验室'];

/** Hundreds of candidates that share words unevenly, with places and past partners. */
function largeIndex(): MatchingIndex {
  const index = new MatchingIndex();
  let n = 0;
  for (const topic of TOPICS) {
    for (const place of PLACES) {
      for (const tail of TAILS) {
        n++;
        const division = placeDivision(place);
        const other = TOPICS[(n * 7) % TOPICS.length] as string;
        index.upsert(
          buildCandidate({
            id: `organization:c${n}`,
            name: `${place}${topic}${tail}中心${n}`,
            passages: [
              passage(
                `${place}${topic}${tail}中心在${place}建成${other}${tail}，服务企业${n}家。`,
                `doc-${n}`,
              ),
              ...(n % 3 === 0 ? [passage(`中心与企业合作开展${topic}${other}攻关。`, `doc-${n}`, 80)] : []),
            ],
            partners:
              n % 5 === 0
                ? [{ id: 'organization:company', name: '重庆测试股份有限公司', events: n % 4 }]
                : [],
            eventPlaces: division && n % 2 === 0 ? [{ division, name: place, events: 1 + (n % 3) }] : [],
          }),
        );
      }
    }
  }
  return index;
}

describe('ranking candidates', () => {
  const index = largeIndex();
  const needs = [
    { description: '需要增材制造工艺研发合作', district: '北碚区' },
    { description: '寻找石墨烯装备制造和检测平台', company: '重庆测试股份有限公司' },
    { description: '锂电池中试基地', district: '渝北区', company: '重庆测试股份有限公司' },
    { description: '人脸识别成果转化' },
    { description: '氢能碳化硅传感器机器人联合实验室', district: '成都市' },
  ];

  it('keeps the same best candidates, in the same order, as scoring every one of them', () => {
    for (const need of needs) {
      const analyzed = analyzeNeed(need);
      for (const mode of ['full', 'bm25'] as const) {
        const everyOne = rankCandidates(index, analyzed, { mode, limit: 10_000 });
        expect(everyOne.length).toBeGreaterThan(40);
        for (const limit of [1, 3, 10]) {
          const best = rankCandidates(index, analyzed, { mode, limit });
          expect(best.map((m) => [m.candidate.input.id, m.score])).toEqual(
            everyOne.slice(0, limit).map((m) => [m.candidate.input.id, m.score]),
          );
        }
      }
    }
  });
});
