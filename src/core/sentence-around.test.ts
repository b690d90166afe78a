import { describe, expect, it } from 'vitest';
import { sentenceAround } from './sentence-around.js';

const TEXT =
  '“十三五”期间，双方签署两次协议。2016年4月21日，中科院与重庆市签署了协议；2020年12月15日再次签署。\n\n下一段';

function around(written: string) {
  const start = TEXT.indexOf(written);
  return sentenceAround(TEXT, { start, end: start + written.length }).text;
}

describe('sentenceAround', () => {
  it('widens a name to the clause it is written in, ending at its full stop', () => {
    expect(around('中科院')).toBe('2016年4月21日，中科院与重庆市签署了协议；');
  });

  it('keeps a span that is already a sentence as it is', () => {
    expect(around('“十三五”期间，双方签署两次协议。')).toBe('“十三五”期间，双方签署两次协议。');
  });

  it('stops at a blank line but reads across a single line break', () => {
    expect(around('再次签署')).toBe('2020年12月15日再次签署。');
    const broken = '重庆市人民政府与中国科学\n院签署协议。';
    expect(sentenceAround(broken, { start: 0, end: 4 }).text).toBe(broken);
    expect(around('下一段')).toBe('下一段');
  });

  it('takes a span ending a sentence as the sentence, even after a single line break', () => {
    const docx = '年度进展\n一、总体情况\n中国科学院与江苏省深化合作。';
    const start = docx.indexOf('中国科学院');
    expect(sentenceAround(docx, { start, end: docx.length }).text).toBe('中国科学院与江苏省深化合作。');
  });

  it('gives the offsets of the sentence in the text', () => {
    const start = TEXT.indexOf('中科院');
    const sentence = sentenceAround(TEXT, { start, end: start + 3 });
    expect(TEXT.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
