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
  const lex = lexicon();
  const entries = lex.words;
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of words) {
    // jieba returns every character of the input, so offsets are running sums of lengths.
    const entry = entries.get(word);
    const end = offset + word.length;
    if (
      entry === undefined &&
      word.length >= 3 &&
      JOINING.has(word.charAt(word.length - 1)) &&
      !lex.wordTags.has(word)
    ) {
      // A word the segmenter guessed, swallowing the 及 that follows a name (黄宗仁及): two words.
      const head = word.slice(0, -1);
      tokens.push({ text: head, start: offset, end: end - 1, entry: entries.get(head) });
      tokens.push({
        text: word.charAt(word.length - 1),
        start: end - 1,
        end,
        entry: entries.get(word.charAt(word.length - 1)),
      });
    } else {
      tokens.push({ text: word, start: offset, end, entry });
    }
    offset = end;
  }
  return tokens;
}

/** Conjunctions a guessed word may end with. */
const JOINING = new Set(['及', '与', '和', '同']);

/** The part-of-speech tag the general dictionary gives a token's word, if it lists the word. */
export function tagOf(token: Token, lex: Lexicon): string | undefined {
  return token.entry ? token.entry.tag : lex.wordTags.get(token.text)?.tag;
}
