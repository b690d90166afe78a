import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, snippet } from './snippet.js';

const m = (word: string) => `${MARK_START}${word}${MARK_END}`;

describe('snippet', () => {
  it('marks every matched word in the window', () => {
    expect(snippet('中国科学院与重庆市签署协议', ['重庆', '协议'])).toBe(
      `中国科学院与${m('重庆')}市签署${m('协议')}`,
    );
  });

  it('cuts a long text around the matches with ellipses', () => {
    const text = `${'甲'.repeat(300)}重庆研究院${'乙'.repeat(300)}`;
    const s = snippet(text, ['研究院'], 60);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain(m('研究院'));
  });

  it('prefers the window holding the most distinct words', () => {
    const text = `重庆${'。'.repeat(200)}重庆与中国科学院合作`;
    expect(snippet(text, ['重庆', '中国科学院'], 40)).toContain(m('中国科学院'));
  });

  it('gives the start of the text when nothing matches', () => {
    expect(snippet('签署协议', ['北京'])).toBe('签署协议');
  });
});
