import { describe, expect, it } from 'vitest';
import { toSimplified } from './simplified.js';

describe('toSimplified', () => {
  it('reads a Hong Kong text in simplified characters, one for one', () => {
    const text = '香港城市大學與深圳市福田區人民政府簽署協議，雙方將共建聯合實驗室。';
    const simplified = toSimplified(text);
    expect(simplified).toBe('香港城市大学与深圳市福田区人民政府签署协议，双方将共建联合实验室。');
    expect(simplified).toHaveLength(text.length);
  });

  it('returns simplified text as it is', () => {
    const text = '重庆市与中国科学院签署战略合作协议。';
    expect(toSimplified(text)).toBe(text);
  });

  it('keeps characters outside the ideograph blocks', () => {
    const text = '國際會議 ABC 2023年，經濟發展😀。';
    expect(toSimplified(text)).toBe('国际会议 ABC 2023年，经济发展😀。');
  });
});
