import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { domainEntry, endingSuffix, type Lexicon, lexicon, type WordEntry } from '../lexicon/lexicon.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** What the domain lexicon knows of the word, looked up once here rather than by every recogniser. */
  entry: WordEntry | undefined;
}

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** The segmenter: jieba's dictionary with the project's domain words added. Built once. */
export function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(lexicon().segmenterWords.join('\n')));
  }
  return jieba;
}

/**
 * Cuts `text` into words with their offsets and lexicon entries.
 *
 * @example tokenize('中科院与重庆市签署协议') // 中科院 | 与 | 重庆市 | 签署 | 协议
 */
export function tokenize(text: string): Token[] {
  const words = segmenter().cut(text, true);
  const lex = lexicon();
  const tokens: Token[] = new Array(words.length);
  const splits: Split[] = [];
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // jieba returns every character of the input, so offsets are running sums of lengths.
    const entry = domainEntry(lex, word);
    tokens[i] = { text: word, start: offset, end: offset + word.length, entry };
    offset += word.length;
    if (entry !== undefined || word.length < 2) continue;
    const split = splitOf(word, lex, words[i + 1]);
    if (split !== undefined) splits.push({ token: i, at: split });
  }
  return splits.length === 0 ? tokens : splitTokens(tokens, splits, lex);
}

interface Split {
  token: number;
  /** Where the word is cut, in characters from its start. */
  at: number;
}

/**
 * Where a word the segmenter made is really two, or undefined:
 * - a word it guessed may swallow the 及 that follows a name (黄宗仁及);
 * - the suffix of a body may be taken with the title of its head (科学技术局局长, 研究所所长);
 * - a thing and the predicate done to it may be one word of the dictionary (技术转让) where the
 *   predicate goes on to whom it is done to (将…技术转让给公司).
 */
function splitOf(word: string, lex: Lexicon, next: string | undefined): number | undefined {
  if (JOINING.has(word.charAt(word.length - 1)) && !lex.wordTags.has(word)) return word.length - 1;
  if (word.length === 2) return splitOfPair(word, lex, next);
  if (word.charCodeAt(0) === word.charCodeAt(1) && lex.titles.has(word.slice(1))) return 1;
  if (next !== undefined && RECIPIENT.has(next)) {
    for (let length = 2; length <= word.length - 2; length++)
      if (lex.triggers.has(word.slice(-length))) return word.length - length;
  }
  return undefined;
}

/**
 * Where a two-character word the segmenter guessed is really two: a bureau's suffix and the word
 * after it (信息化局为 → 局 | 为), or a word and the level of the area whose department follows
 * (由省科技厅 → 由 | 省).
 */
function splitOfPair(word: string, lex: Lexicon, next: string | undefined): number | undefined {
  // The characters first: most pairs are words of the dictionary, and looking each up is the cost.
  const bureauEnd = BODY_SUFFIX.has(word.charAt(0));
  const areaLevel = !bureauEnd && next !== undefined && AREA_LEVELS.has(word.charAt(1));
  if (!bureauEnd && !areaLevel) return undefined;
  if (lex.wordTags.has(word)) return undefined;
  return bureauEnd || endingSuffix(next as string, lex) ? 1 : undefined;
}

/** One-character suffixes of government bodies. */
const BODY_SUFFIX = new Set(['局', '厅', '委']);
/** The levels of an area, written alone before one of its departments. */
const AREA_LEVELS = new Set(['省', '市', '区', '县']);

/** Words after a predicate that name whom it is done to: 转让给, 转让予. */
const RECIPIENT = new Set(['给', '予']);

function splitTokens(tokens: Token[], splits: readonly Split[], lex: Lexicon): Token[] {
  const out: Token[] = [];
  let next = 0;
  for (const { token: i, at } of splits) {
    const token = tokens[i] as Token;
    for (; next < i; next++) out.push(tokens[next] as Token);
    next = i + 1;
    const head = token.text.slice(0, at);
    const tail = token.text.slice(at);
    const middle = token.start + at;
    out.push({ text: head, start: token.start, end: middle, entry: domainEntry(lex, head) });
    out.push({ text: tail, start: middle, end: token.end, entry: domainEntry(lex, tail) });
  }
  for (; next < tokens.length; next++) out.push(tokens[next] as Token);
  return out;
}

/** Conjunctions a guessed word may end with. */
const JOINING = new Set(['及', '与', '和', '同']);

/** The part-of-speech tag the general dictionary gives a token's word, if it lists the word. */
export function tagOf(token: Token, lex: Lexicon): string | undefined {
  return token.entry ? token.entry.tag : lex.wordTags.get(token.text)?.tag;
}
