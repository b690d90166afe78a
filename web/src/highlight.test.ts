import { describe, expect, it } from 'vitest';
import { markTerms } from './highlight';

describe('marking the matched words of a sentence', () => {
  it('marks every place a term is written, the longest term first, ignoring case and width', () => {
    expect(markTerms('金属3D打印装备可打印钛合金', ['3d打印', '打印', '钛合金'])).toEqual([
      { text: '金属', marked: false },
      { text: '3D打印', marked: true },
      { text: '装备可', marked: false },
      { text: '打印钛合金', marked: true },
    ]);
  });

  it('gives the sentence as one run when nothing matches', () => {
    expect(markTerms('无关的句子。', ['石墨烯'])).toEqual([{ text: '无关的句子。', marked: false }]);
    expect(markTerms('', ['石墨烯'])).toEqual([]);
  });
});
