import { describe, expect, it } from 'vitest';
import type { Fact } from './api/types';
import { segmentText, sentenceAt } from './text-segments';

function fact(statementId: string, kind: Fact['kind'], start: number, end: number): Fact {
  return { statementId, kind, span: { start, end }, label: statementId, status: 'proposed' };
}

describe('sentenceAt', () => {
  const text = '序言。\n2016年，中科院与重庆市签署协议。此后共建研究院';

  it('finds the sentence around an offset, its end mark included', () => {
    const { start, end } = sentenceAt(text, text.indexOf('重庆市'));
    expect(text.slice(start, end)).toBe('2016年，中科院与重庆市签署协议。');
  });

  it('runs to the end of the text when the last sentence has no end mark', () => {
    const { start, end } = sentenceAt(text, text.length - 1);
    expect(text.slice(start, end)).toBe('此后共建研究院');
  });
});

describe('segmentText', () => {
  const text = '中国科学院与重庆市签署协议。';

  it('cuts nested facts into runs that know every fact over them, innermost first', () => {
    const event = fact('e', 'event', 0, 14);
    const org = fact('o', 'organization', 0, 5);
    const place = fact('p', 'place', 6, 9);
    const runs = segmentText(text, [event, org, place]);
    expect(runs.map((run) => text.slice(run.start, run.end))).toEqual([
      '中国科学院',
      '与',
      '重庆市',
      '签署协议。',
    ]);
    expect(runs[0]?.facts.map((f) => f.statementId)).toEqual(['o', 'e']);
    expect(runs[1]?.facts.map((f) => f.statementId)).toEqual(['e']);
  });

  it('handles facts that overlap without nesting', () => {
    const runs = segmentText(text, [fact('a', 'organization', 0, 7), fact('b', 'place', 5, 9)]);
    expect(runs.map((run) => [text.slice(run.start, run.end), run.facts.map((f) => f.statementId)])).toEqual([
      ['中国科学院', ['a']],
      ['与重', ['b', 'a']],
      ['庆市', ['b']],
      ['签署协议。', []],
    ]);
  });

  it('marks the cited sentence and merges plain text around it', () => {
    const long = '甲方。乙方签约。丙方';
    const runs = segmentText(long, [], sentenceAt(long, 4));
    expect(runs.map((run) => [long.slice(run.start, run.end), run.cited])).toEqual([
      ['甲方。', false],
      ['乙方签约。', true],
      ['丙方', false],
    ]);
  });

  it('ignores spans outside the text', () => {
    const runs = segmentText('短文', [fact('x', 'time', 5, 9)]);
    expect(runs).toEqual([{ start: 0, end: 2, facts: [], cited: false }]);
  });
});
