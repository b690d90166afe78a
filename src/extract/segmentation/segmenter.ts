import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { type Lexicon, lexicon, type WordEntry } from '../lexicon/lexicon.js';

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
  const entries = lexicon().words;
  const tokens: Token[] = new Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // jieba returns every character of the input, so offsets are running sums of lengths.
    tokens[i] = { text: word, start: offset, end: offset + word.length, entry: entries.get(word) };
    offset += word.length;
  }
  return tokens;
}

/** The part-of-speech tag the general dictionary gives a token's word, if it lists the word. */
export function tagOf(token: Token, lex: Lexicon): string | undefined {
  return token.entry ? token.entry.tag : lex.wordTags.get(token.text)?.tag;
}
