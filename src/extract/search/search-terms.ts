/**
 * The words a full-text index holds and a query asks for, from the project's segmentation:
 * the same words feed SQLite FTS5 and PostgreSQL `tsvector`, so both engines find the same
 * documents. Names also get their pinyin and initials (zhongguokexueyuan, zgkxy).
 */
import { pinyin } from 'pinyin-pro';
import { type Lexicon, lexicon } from '../lexicon/lexicon.js';
import { segmenter } from '../segmentation/segmenter.js';
import { toSimplified } from '../text/simplified.js';

const WORD = /^[\p{Script=Han}\p{L}\p{N}]+$/u;
const HAN = /\p{Script=Han}/u;
/** Longest query the search accepts, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** A segment as the index holds it, lower case; undefined for punctuation and space. */
function indexWord(part: string): string | undefined {
  if (isCommonHan(part)) return part;
  const word = part.trim().toLowerCase();
  return word !== '' && WORD.test(word) ? word : undefined;
}

function words(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const word = indexWord(part);
    if (word !== undefined) out.push(word);
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

/**
 * The index words of a text already cut into words, as jieba's search mode gives them from the
 * same cut: before each word of more than two characters, its two-character words of the
 * segmenter's dictionary, and before each of more than three, its three-character ones
 * (中国科学院 → 中国 科学 学院 中国科学院). Extraction cuts every document; its words make the
 * index without a second pass of the segmenter.
 */
export function searchModeTerms(cut: Iterable<string>): string {
  const inDictionary = segmenterDictionary();
  const parts: string[] = [];
  for (const word of cut) {
    if (word.length > 2) {
      // Characters, not UTF-16 units: a name may hold a character outside the BMP (𬭚).
      const characters = hasSurrogates(word) ? [...word] : undefined;
      const length = characters?.length ?? word.length;
      for (const size of [2, 3]) {
        for (let i = 0; length > size && i + size <= length; i++) {
          const gram = characters ? characters.slice(i, i + size).join('') : word.slice(i, i + size);
          if (inDictionary(gram)) parts.push(gram);
        }
      }
    }
    parts.push(word);
  }
  return words(parts).join(' ');
}

/** Whether every character is of the common CJK block: such a word is indexed as it is. */
function isCommonHan(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

function hasSurrogates(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

let dictionary: ((word: string) => boolean) | undefined;

/** Whether a word is in the segmenter's dictionary: the general one and the domain words added to it. */
function segmenterDictionary(): (word: string) => boolean {
  if (!dictionary) {
    const lex: Lexicon = lexicon();
    const added = new Set(lex.segmenterWords.map((line) => line.slice(0, line.indexOf(' '))));
    dictionary = (word) => lex.wordTags.has(word) || added.has(word);
  }
  return dictionary;
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
