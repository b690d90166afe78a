import { describe, expect, it } from 'vitest';
import { indexTerms, nameTerms, queryTerms } from './search-terms.js';

describe('search terms', () => {
  it('indexes the shorter words inside a long name', () => {
    const terms = indexTerms('中国科学院与重庆市签署协议').split(' ');
    expect(terms).toEqual(expect.arrayContaining(['科学院', '中国科学院', '重庆市', '协议']));
  });

  it('drops punctuation and white space from the index', () => {
    expect(indexTerms('签署，协议。 ！')).toBe('签署 协议');
  });

  it('reads traditional characters as simplified ones', () => {
    expect(indexTerms('香港城市大學與深圳市簽署協議')).toContain('大学');
  });

  it('indexes a name with its pinyin and initials', () => {
    const terms = nameTerms('重庆研究院').split(' ');
    expect(terms).toEqual(expect.arrayContaining(['chongqingyanjiuyuan', 'cqyjy']));
  });

  it('asks for whole words of the query and lowercases Latin ones', () => {
    expect(queryTerms('中国科学院 AND "重庆"')).toEqual(['中国科学院', 'and', '重庆']);
  });

  it('keeps no operator or quote of a hostile query', () => {
    for (const term of queryTerms(`'; DROP TABLE documents; -- " OR 1=1 NEAR(`)) {
      expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  });

  it('cuts a very long query', () => {
    expect(queryTerms('重'.repeat(10_000)).join('').length).toBeLessThanOrEqual(200);
  });
});
