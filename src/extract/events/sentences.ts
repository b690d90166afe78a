import type { Span } from '../../core/types.js';

export interface Sentence extends Span {
  /** Clauses separated by ；: each lists its own items (一是…；二是…；三是…). */
  clauses: Span[];
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n']);
const CLAUSE_END = new Set(['；', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')']);

/**
 * Splits text into sentences at 。！？ and line ends, keeping closing quotes with their sentence,
 * and each sentence into clauses at ；.
 *
 * @example splitSentences('签署协议。共建实验室；成立联盟。') // 2 sentences, the second with 2 clauses
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let clauseStart = 0;
  let clauses: Span[] = [];
  const close = (end: number) => {
    if (end > clauseStart && text.slice(clauseStart, end).trim() !== '')
      clauses.push({ start: clauseStart, end });
    clauseStart = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (CLAUSE_END.has(c)) close(i + 1);
    if (!SENTENCE_END.has(c)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text.charAt(end))) end++;
    close(end);
    if (text.slice(start, end).trim() !== '') sentences.push({ start, end, clauses });
    clauses = [];
    start = end;
    clauseStart = end;
    i = end - 1;
  }
  close(text.length);
  if (text.slice(start).trim() !== '') sentences.push({ start, end: text.length, clauses });
  return sentences;
}
