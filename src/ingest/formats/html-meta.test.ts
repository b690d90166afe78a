import { describe, expect, it } from 'vitest';
import { declaredCharset, parseMetaDate } from './html-meta.js';

describe('parseMetaDate', () => {
  it('reads the date forms found in meta tags', () => {
    expect(parseMetaDate('2023-05-18T09:30:00+08:00')).toBe('2023-05-18');
    expect(parseMetaDate('2023/5/8 10:00')).toBe('2023-05-08');
    expect(parseMetaDate('2023.05.18')).toBe('2023-05-18');
    expect(parseMetaDate('2023年5月18日 10:30')).toBe('2023-05-18');
    expect(parseMetaDate('2023 年 5 月 18 日')).toBe('2023-05-18');
    expect(parseMetaDate('20230518')).toBe('2023-05-18');
  });

  it('refuses impossible or missing dates', () => {
    expect(parseMetaDate('2023-02-30')).toBeUndefined();
    expect(parseMetaDate('2023-13-01')).toBeUndefined();
    expect(parseMetaDate('yesterday')).toBeUndefined();
    expect(parseMetaDate('202305181')).toBeUndefined();
  });
});

describe('declaredCharset', () => {
  it('finds <meta charset> and the http-equiv form', () => {
    expect(declaredCharset(Buffer.from('<head><meta charset="GBK"></head>'))).toBe('gbk');
    expect(
      declaredCharset(Buffer.from("<meta http-equiv='Content-Type' content='text/html; charset=gb2312'>")),
    ).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<head><title>无</title></head>'))).toBeUndefined();
  });
});
