/** A piece of a search snippet: plain text, or a matched word to mark. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * Splits a snippet whose matched words stand between `\u0002` and `\u0003` into parts, so the
 * page can wrap matches in `<mark>` while every character stays text (never HTML).
 *
 * @example splitSnippet('中国\u0002科学院\u0003重庆') → 中国 · [科学院] · 重庆
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  for (const char of snippet) {
    if (char === OPEN || char === CLOSE) {
      if (text) parts.push({ text, match });
      text = '';
      match = char === OPEN;
    } else text += char;
  }
  if (text) parts.push({ text, match });
  return parts;
}
