import { describe, expect, it } from 'vitest';
import { buildCandidate, passage } from '../../test/factories/matching.js';
import { matchingText } from './analyze.js';
import type { CandidateInput } from './candidate.js';
import { explainRanking } from './explain.js';
import { analyzeNeed, MatchingIndex } from './matching-index.js';
import { placeDivision } from './proximity.js';
import { contribution, FEATURES, rankCandidates } from './rank.js';

const beibei = placeDivision('重庆市北碚区');

const CANDIDATES: CandidateInput[] = [
  buildCandidate({
    id: 'platform:3d',
    kind: 'platform',
    name: '重庆增材制造技术研究中心',
    passages: [
      passage('重庆增材制造技术研究中心研制的激光选区熔化装备可打印钛合金零件。', 'doc-cq', 10),
      passage('目前，中心在北碚区建成增材制造中试基地，年服务企业200余家。', 'doc-cq', 60),
    ],
    partners: [{ id: 'organization:changan', name: '重庆渝安汽车股份有限公司', events: 3 }],
    eventPlaces: beibei ? [{ division: beibei, name: '北碚区', events: 2 }] : [],
  }),
  buildCandidate({
    id: 'institute:xian',
    kind: 'institute',
    name: '西安金属打印研究院',
    passages: [passage('西安金属打印研究院在西安高新区发布钛合金3D打印大型构件成果。', 'doc-xa', 0)],
  }),
  buildCandidate({
    id: 'person:li',
    kind: 'expert',
    name: '李明',
    facts: ['职称：研究员', '所属单位：西安金属打印研究院'],
    places: ['西安金属打印研究院'],
    passages: [passage('研究员李明介绍，团队在激光熔覆修复方面拥有发明专利200余项。', 'doc-xa', 40)],
  }),
  buildCandidate({
    id: 'institute:water',
    name: '库区水环境研究中心',
    passages: [passage('库区水环境研究中心研发的水华预警模型准确率超过85%。', 'doc-w', 0)],
  }),
];

function indexOf(candidates: readonly CandidateInput[]): MatchingIndex {
  const index = new MatchingIndex();
  for (const candidate of candidates) index.upsert(candidate);
  return index;
}

/** Everything a candidate's text says, as matching compares it. */
function textOf(candidate: CandidateInput): string {
  return matchingText(
    [candidate.name, ...candidate.aliases, ...candidate.facts, ...candidate.passages.map((p) => p.text)].join(
      '\n',
    ),
  );
}

describe('the explanations of a ranking', () => {
  const index = indexOf(CANDIDATES);
  const need = analyzeNeed({
    description: '需要金属三维打印服务，用于钛合金零件的快速制造',
    company: '重庆渝安汽车股份有限公司',
    ...(beibei ? { division: beibei } : {}),
  });
  const matches = rankCandidates(index, need, { mode: 'full', limit: 10 });
  const explanations = explainRanking(matches);

  it('ranks the candidates the need words, synonyms, place and past cooperation point to first', () => {
    expect(matches.map((m) => m.candidate.input.id).slice(0, 2)).toEqual(['platform:3d', 'institute:xian']);
    expect(matches.map((m) => m.candidate.input.id)).not.toContain('institute:water');
  });

  it('shows only words of the need that the candidate writes', () => {
    for (const [i, match] of matches.entries()) {
      const text = textOf(match.candidate.input);
      for (const word of explanations[i]?.matchedTerms ?? []) {
        expect(need.words).toContain(word);
        expect(text).toContain(word);
      }
    }
  });

  it('shows synonyms the need and the candidate each write, and fields both are placed in by words they write', () => {
    for (const match of matches) {
      const text = textOf(match.candidate.input);
      for (const synonym of match.synonyms) {
        for (const form of synonym.candidateForms) expect(text).toContain(form);
        for (const form of synonym.needForms)
          expect(matchingText('需要金属三维打印服务，用于钛合金零件的快速制造')).toContain(form);
      }
      for (const field of match.fields) {
        for (const keyword of field.candidateKeywords) expect(text).toContain(keyword);
      }
    }
  });

  it('says a candidate is near only when its name, record or sentences name a place that is', () => {
    const top = matches[0];
    expect(top?.proximity?.level).toBe('district');
    expect(top?.proximity?.location.written).toBe('北碚区');
    for (const match of matches) {
      if (!match.proximity) continue;
      expect(textOf(match.candidate.input)).toContain(match.proximity.location.written);
    }
  });

  it('names a past partner only when the candidate took part in events with the need’s company', () => {
    const top = matches[0];
    expect(top?.cooperation.company).toEqual({
      id: 'organization:changan',
      name: '重庆渝安汽车股份有限公司',
      events: 3,
    });
    for (const match of matches.slice(1)) expect(match.cooperation.company).toBeUndefined();
    expect(explanations[0]?.reasons.map((r) => r.zh).join()).toContain(
      '曾与“重庆渝安汽车股份有限公司”共同参与 3 次合作活动',
    );
  });

  it('cites sentences of the candidate that write what matched, with their document and span', () => {
    for (const [i, match] of matches.entries()) {
      for (const evidence of explanations[i]?.evidence ?? []) {
        const source = match.candidate.input.passages.find(
          (p) => p.documentId === evidence.documentId && p.span?.start === evidence.span?.start,
        );
        expect(source?.text).toBe(evidence.text);
        expect(evidence.matched.length).toBeGreaterThan(0);
        for (const word of evidence.matched) expect(matchingText(evidence.text)).toContain(word);
      }
    }
  });

  it('gives each reason the share of the score its feature has, and the shares add up to the score', () => {
    for (const [i, match] of matches.entries()) {
      const reasons = explanations[i]?.reasons ?? [];
      for (const reason of reasons)
        expect(reason.contribution).toBeCloseTo(contribution(match, reason.feature), 10);
      const shown = reasons.reduce((sum, r) => sum + r.contribution, 0);
      expect(shown).toBeCloseTo(match.score, 10);
      expect(new Set(reasons.map((r) => r.feature)).size).toBe(reasons.length);
    }
  });

  it('says what puts a candidate above the next, feature by feature, as the scores differ', () => {
    for (const [i, match] of matches.entries()) {
      const ahead = explanations[i]?.aheadOfNext;
      const next = matches[i + 1];
      if (!next) {
        expect(ahead).toBeUndefined();
        continue;
      }
      expect(ahead?.margin).toBeCloseTo(match.score - next.score, 2);
      for (const f of ahead?.features ?? []) {
        expect(f.difference).toBeCloseTo(contribution(match, f.feature) - contribution(next, f.feature), 2);
        expect(f.difference).toBeGreaterThan(0);
      }
      const gains = FEATURES.filter((f) => contribution(match, f) - contribution(next, f) > 0.001);
      expect(ahead?.features.map((f) => f.feature).sort()).toEqual(gains.sort());
    }
  });

  it('ranks by BM25 of the words alone as the baseline, with no other feature', () => {
    const baseline = rankCandidates(index, need, { mode: 'bm25', limit: 10 });
    for (const match of baseline) {
      for (const feature of FEATURES) if (feature !== 'lexical') expect(match.values[feature]).toBe(0);
    }
    const byScore = [...baseline].sort((a, b) => b.score - a.score);
    expect(baseline.map((m) => m.candidate.input.id)).toEqual(byScore.map((m) => m.candidate.input.id));
  });
});

describe('the candidates index', () => {
  it('forgets a removed candidate and reads a replaced one anew', () => {
    const index = indexOf(CANDIDATES);
    const need = analyzeNeed({ description: '水华预警' });
    expect(rankCandidates(index, need, { mode: 'full', limit: 5 }).map((m) => m.candidate.input.id)).toEqual([
      'institute:water',
    ]);
    index.remove('institute:water');
    expect(rankCandidates(index, need, { mode: 'full', limit: 5 })).toEqual([]);
    index.upsert(
      buildCandidate({
        id: 'institute:water',
        name: '湖泊研究所',
        passages: [passage('湖泊研究所发布蓝藻水华预警系统。')],
      }),
    );
    const again = rankCandidates(index, need, { mode: 'full', limit: 5 });
    expect(again.map((m) => m.candidate.input.name)).toEqual(['湖泊研究所']);
    expect(index.size).toBe(CANDIDATES.length);
    expect(index.idsNamed('库区水环境研究中心')).toEqual([]);
    expect(index.idsNamed('湖泊研究所')).toEqual(['institute:water']);
  });

  it('keeps to the kinds asked for', () => {
    const index = indexOf(CANDIDATES);
    const need = analyzeNeed({ description: '激光熔覆修复', kinds: ['expert'] });
    expect(rankCandidates(index, need, { mode: 'full', limit: 5 }).map((m) => m.candidate.input.id)).toEqual([
      'person:li',
    ]);
  });
});
