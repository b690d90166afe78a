import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { domainEntry, type Lexicon, lexicon, type WordEntry } from '../lexicon/lexicon.js';

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
  const guessedJoins: number[] = [];
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // jieba returns every character of the input, so offsets are running sums of lengths.
    const entry = domainEntry(lex, word);
    tokens[i] = { text: word, start: offset, end: offset + word.length, entry };
    offset += word.length;
    if (entry === undefined && word.length >= 3 && JOINING.has(word.charAt(word.length - 1)))
      guessedJoins.push(i);
  }
  return guessedJoins.length === 0 ? tokens : splitGuessedJoins(tokens, guessedJoins, lex);
}

/**
 * A word the segmenter guessed may swallow the 及 that follows a name (黄宗仁及): such a word,
 * unknown to the dictionary, becomes two.
 */
function splitGuessedJoins(tokens: Token[], at: readonly number[], lex: Lexicon): Token[] {
  const out: Token[] = [];
  let next = 0;
  for (const i of at) {
    const token = tokens[i] as Token;
    for (; next < i; next++) out.push(tokens[next] as Token);
    next = i + 1;
    if (lex.wordTags.has(token.text)) {
      out.push(token);
      continue;
    }
    const head = token.text.slice(0, -1);
    const tail = token.text.slice(-1);
    out.push({ text: head, start: token.start, end: token.end - 1, entry: domainEntry(lex, head) });
    out.push({ text: tail, start: token.end - 1, end: token.end, entry: domainEntry(lex, tail) });
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
