import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { lexicon } from '../lexicon/lexicon.js';

export interface Token {
  text: string;
  start: number;
  end: number;
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
 * Cuts `text` into words with their offsets.
 *
 * @example tokenize('中科院与重庆市签署协议') // 中科院 | 与 | 重庆市 | 签署 | 协议
 */
export function tokenize(text: string): Token[] {
  const words = segmenter().cut(text, true);
  const tokens: Token[] = new Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // jieba returns every character of the input, so offsets are running sums of lengths.
    tokens[i] = { text: word, start: offset, end: offset + word.length };
    offset += word.length;
  }
  return tokens;
}
