import { describe, expect, it } from 'vitest';
import { extractText } from '../extract-document.js';
import { recognizeTimes } from '../recognizers/time.recognizer.js';
import { shifted, withRelativeDays } from './relative-days.js';

function days(text: string, published?: string): Array<[string, string]> {
  const times = recognizeTimes(text, published ? { published } : {});
  return withRelativeDays(text, times, published).map((t) => [t.text, t.value]);
}

describe('withRelativeDays', () => {
  it('reads 昨天 after a dateline as the day before the dateline, which then dates nothing', () => {
    expect(days('本报丽水9月23日讯（记者 叶晨阳）昨天，龙泉市举办发布会。', '2026-09-25')).toEqual([
      ['昨天', '2026-09-22'],
    ]);
  });

  it('reads 昨日 without a dateline as the day before publication, and 前天 as two days before', () => {
    expect(days('昨日，双方签署协议。', '2026-03-01')).toEqual([['昨日', '2026-02-28']]);
    expect(days('前天，实验室揭牌。', '2026-01-01')).toEqual([['前天', '2025-12-30']]);
  });

  it('leaves 昨天 alone when there is neither a dateline nor a publication date', () => {
    expect(days('昨天，双方签署协议。')).toEqual([]);
  });

  it('reads 次日 as the day after the last day told', () => {
    expect(days('7月2日，联合体揭牌。今年5月入选名单。次日，中试线开始试运行。', '2026-07-06')).toEqual([
      ['7月2日', '2026-07-02'],
      ['今年5月', '2026-05'],
      ['次日', '2026-07-03'],
    ]);
  });

  it('moves a day across the end of a month and a year', () => {
    expect(shifted('2025-12-31', 1)).toBe('2026-01-01');
    expect(shifted('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('events dated by 昨天 and 次日', () => {
  it('dates the events of a dateline article told as 昨天 by the day before the dateline', () => {
    const { events, times } = extractText(
      '本报丽水9月23日讯（记者 叶晨阳）昨天，丽水市科学技术局在龙泉市举办青瓷产业科技成果发布会。会上，丽水学院将“青瓷釉料技术”转让给浙江龙泉瓯江青瓷有限公司。',
      { published: '2026-09-25' },
    );
    expect(events.map((e) => [e.type, e.date])).toEqual([
      ['gathering', '2026-09-22'],
      ['transfer', '2026-09-22'],
    ]);
    // The dateline stays a time of the document; 昨天 is none.
    expect(times.map((t) => t.value)).toEqual(['2026-09-23']);
  });
});
