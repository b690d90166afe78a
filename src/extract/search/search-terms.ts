/**
 * The words a full-text index holds and a query asks for, from the project's segmentation:
 * the same words feed SQLite FTS5 and PostgreSQL `tsvector`, so both engines find the same
 * documents. Names also get their pinyin and initials (zhongguokexueyuan, zgkxy).
 */
import { pinyin } from 'pinyin-pro';
import { segmenter } from '../segmentation/segmenter.js';
import { toSimplified } from '../text/simplified.js';

const WORD = /^[\p{Script=Han}\p{L}\p{N}]+$/u;
const HAN = /\p{Script=Han}/u;
/** Longest query the search accepts, in characters. */
export const MAX_QUERY_LENGTH = 200;

function words(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const word = part.trim().toLowerCase();
    if (word !== '' && WORD.test(word)) out.push(word);
  }
  return out;
}

/**
 * Index words of a text: jieba's search mode, which adds the shorter words inside long ones
 * (中国科学院 → 中国, 科学, 学院, 科学院, 中国科学院), so a query for 科学院 finds 中国科学院.
 *
 * @example indexTerms('中国科学院与重庆市签署协议') // '中国 科学 学院 科学院 中国科学院 与 重庆 重庆市 签署 协议'
 */
export function indexTerms(text: string): string {
  return words(segmenter().cutForSearch(toSimplified(text), true)).join(' ');
}

/** Index words of a name: its words, and its pinyin in full and as initials. */
export function nameTerms(name: string): string {
  const terms = [indexTerms(name)];
  if (HAN.test(name)) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' });
    terms.push(syllables.join(''), syllables.map((s) => s.charAt(0)).join(''));
  }
  return terms.filter((t) => t !== '').join(' ');
}

/**
 * The words of a query, each of which a result must contain: the query cut as text is
 * (not in search mode, so 中国科学院 asks for the whole name), punctuation and operators dropped.
 *
 * @example queryTerms('重庆 研究院 OR "x"') // ['重庆', '研究院', 'or', 'x']
 */
export function queryTerms(query: string): string[] {
  const text = toSimplified(query.slice(0, MAX_QUERY_LENGTH));
  return [...new Set(words(segmenter().cut(text, true)))];
}
