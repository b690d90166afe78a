import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText, extractTextForIndex } from './extract-document.js';

const PAGE = readFileSync(new URL('../../samples/12_chongqing-newspaper-page.txt', import.meta.url), 'utf8');

describe('extraction for the index', () => {
  it('gives the extraction extractText gives', () => {
    const { extraction } = extractTextForIndex(PAGE, { published: '2020-12-16' });
    expect(extraction).toEqual(extractText(PAGE, { published: '2020-12-16' }));
  });

  it('indexes each article of a page by its own words', () => {
    const { extraction, indexTerms } = extractTextForIndex(PAGE);
    expect(extraction.articles.length).toBeGreaterThan(1);
    expect(indexTerms.articles).toHaveLength(extraction.articles.length);
    for (const [i, article] of extraction.articles.entries()) {
      const terms = new Set((indexTerms.articles[i] as string).split(' '));
      const headline = article.headline ?? '';
      for (const word of ['签署', '合作', '研究院', '实验室'].filter((w) => headline.includes(w)))
        expect(terms.has(word), `${word} of ${headline}`).toBe(true);
    }
    const whole = new Set(indexTerms.text.split(' '));
    for (const terms of indexTerms.articles)
      for (const word of terms.split(' ')) expect(whole.has(word)).toBe(true);
  });
});
