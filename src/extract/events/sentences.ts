import type { Span } from '../../core/types.js';

export interface Sentence extends Span {
  /** Clauses separated by ；: each lists its own items (一是…；二是…；三是…). */
  clauses: Span[];
}

const SENTENCE_END = /[。！？!?\n]/g;
const CLAUSE_END = /[；;]/g;
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')']);
const CONTENT = /\S/;

/** Whether `text` holds anything but white space between `start` and `end`. */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (CONTENT.test(text.charAt(i))) return true;
  return false;
}

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
    if (end > clauseStart && hasContent(text, clauseStart, end)) clauses.push({ start: clauseStart, end });
    clauseStart = end;
  };
  const closeClausesBefore = (end: number) => {
    CLAUSE_END.lastIndex = clauseStart;
    for (let match = CLAUSE_END.exec(text); match && match.index < end; match = CLAUSE_END.exec(text)) {
      close(match.index + 1);
    }
  };
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    let end = match.index + 1;
    while (end < text.length && CLOSERS.has(text.charAt(end))) end++;
    closeClausesBefore(end);
    close(end);
    if (hasContent(text, start, end)) sentences.push({ start, end, clauses });
    clauses = [];
    start = end;
    clauseStart = end;
    SENTENCE_END.lastIndex = end;
  }
  closeClausesBefore(text.length);
  close(text.length);
  if (hasContent(text, start, text.length)) sentences.push({ start, end: text.length, clauses });
  return sentences;
}
