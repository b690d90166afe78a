import { describe, expect, it } from 'vitest';
import { splitSnippet } from './snippet';

describe('splitSnippet', () => {
  it('marks the words between \\u0002 and \\u0003', () => {
    expect(splitSnippet('中国\u0002科学院\u0003与重庆市')).toEqual([
      { text: '中国', match: false },
      { text: '科学院', match: true },
      { text: '与重庆市', match: false },
    ]);
  });

  it('keeps markup as text, never as HTML', () => {
    expect(splitSnippet('<b>\u0002签约\u0003</b>')).toEqual([
      { text: '<b>', match: false },
      { text: '签约', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('survives a match left open at the end', () => {
    expect(splitSnippet('项目\u0002落地')).toEqual([
      { text: '项目', match: false },
      { text: '落地', match: true },
    ]);
  });
});
