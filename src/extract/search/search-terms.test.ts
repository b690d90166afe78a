import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmenter } from '../segmentation/segmenter.js';
import { toSimplified } from '../text/simplified.js';
import { indexTerms, nameTerms, queryTerms, searchModeTerms } from './search-terms.js';

const SAMPLES = new URL('../../../samples/', import.meta.url);

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

  it('makes from words already cut the index words search mode gives', () => {
    const texts = readdirSync(SAMPLES)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(new URL(name, SAMPLES), 'utf8'));
    texts.push('𬭚业集团与香港城市大學簽署協議，Tsinghua University 与 ABC公司 参加');
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      const simplified = toSimplified(text);
      expect(searchModeTerms(segmenter().cut(simplified, true))).toBe(indexTerms(text));
    }
  });

  it('adds only the dictionary words inside a long word, before it', () => {
    expect(searchModeTerms(['中国科学院', '，', '签署'])).toBe('中国 科学 学院 科学院 中国科学院 签署');
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
