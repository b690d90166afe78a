import type { Span } from './types.js';

const END = new Set(['。', '！', '？', '!', '?', '；', ';']);
/** How far a sentence may reach either side of its span, for text with no punctuation at all. */
const REACH = 300;

function isBreak(text: string, at: number): boolean {
  const char = text[at];
  if (char === undefined) return true;
  if (END.has(char)) return true;
  // A blank line ends a paragraph; a single line break may be a PDF's broken line.
  return char === '\n' && (text[at + 1] === '\n' || text[at - 1] === '\n');
}

/**
 * The sentence a span lies in: from after the previous 。！？； (or blank line) to the next one,
 * inclusive, trimmed. A span that ends with 。！？； is taken as the sentence itself; spans that
 * cross sentences give all the sentences they touch.
 *
 * @example sentenceAround('序。2020年，中科院签约。后文', { start: 8, end: 11 }) // '2020年，中科院签约。'
 */
export function sentenceAround(text: string, span: Span): Span & { text: string } {
  let start = Math.max(0, Math.min(span.start, text.length));
  // A span that ends a sentence is one already (an event's evidence): it is kept as it is.
  if (span.end > start && END.has(text[span.end - 1] ?? '')) return trimmed(text, start, span.end);
  const floor = Math.max(0, start - REACH);
  while (start > floor && !isBreak(text, start - 1)) start--;
  let end = Math.max(start, Math.min(span.end, text.length));
  const ceiling = Math.min(text.length, end + REACH);
  if (!(end > start && END.has(text[end - 1] ?? ''))) {
    while (end < ceiling && !isBreak(text, end)) end++;
    if (end < text.length && END.has(text[end] ?? '')) end++;
  }
  return trimmed(text, start, end);
}

function trimmed(text: string, from: number, to: number): Span & { text: string } {
  let start = from;
  let end = Math.min(to, text.length);
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end, text: text.slice(start, end) };
}
