/**
 * A pattern whose every match has one of a few characters near its start (a digit or a numeral
 * within the qualifier and currency that may come first) need not be tried at every position of
 * a text: only at the positions shortly before those characters. That is most of the text left
 * out, for patterns that begin with optional words and so give the engine no first character to
 * look for. A pattern whose matches all hold a rarer character after a number of any length (the
 * % of 12.5%, the 家 of 41家) is anchored on that character, and the number before it is walked
 * back over.
 */
import { charTable } from './numeric-shared.js';

/** The characters `\s` matches: ECMAScript's white space and line terminators. */
export const WHITE_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

export interface AnchoredPattern {
  /** The pattern, sticky: it is tried at one position at a time. */
  sticky: RegExp;
  /** The characters one of which every match holds, by character code. */
  anchors: Uint8Array;
  /**
   * How far after the start of a match its first anchor character may be, at most, not counting
   * the characters of `run` right before the anchor.
   */
  reach: number;
  /** The characters a match may begin with, by character code. */
  starts: Uint8Array;
  /** Characters any number of which may stand right before the first anchor, by character code. */
  run: Uint8Array;
}

/**
 * @param pattern a global pattern every match of which holds one of `anchors` within `reach`
 *   characters of its start, besides the characters of `run` right before that anchor.
 * @param starts the characters a match that does not begin with an anchor begins with; white
 *   space (`\s`) is always among them.
 * @param run characters that may stand in any number between the start of a match and its
 *   first anchor (the digits of a number before its %). A pattern given them is anchored behind
 *   its number, and its anchors do not begin a match; without them, they may.
 */
export function anchoredPattern(
  pattern: RegExp,
  anchors: string,
  reach: number,
  starts: string,
  run = '',
): AnchoredPattern {
  const flags = pattern.flags.replace(/[gy]/g, '');
  return {
    sticky: new RegExp(pattern.source, `${flags}y`),
    anchors: charTable(anchors),
    reach,
    starts: charTable(starts + WHITE_SPACE + (run === '' ? anchors : '')),
    run: charTable(run),
  };
}

/**
 * The matches `text.matchAll(pattern)` gives, in order, found by trying the pattern only from
 * `reach` characters before each anchor character (before the run of `run` characters that ends
 * at it). The leftmost match is found first because a match starting at q has its first anchor at
 * most that far after q, so q is tried when that anchor is reached, before any later position. A
 * position whose character no match begins with is passed over.
 */
export function* anchoredMatches(text: string, pattern: AnchoredPattern): Generator<RegExpExecArray> {
  const { sticky, anchors, reach, starts, run } = pattern;
  /** Where the next match may start: the end of the last one. */
  let from = 0;
  /** Every position from `from` up to and including this one has been tried. */
  let tried = -1;
  for (
    let anchor = nextAnchor(text, anchors, 0);
    anchor < text.length;
    anchor = nextAnchor(text, anchors, anchor + 1)
  ) {
    const first = Math.max(from, tried + 1);
    let runStart = anchor;
    while (runStart > first && run[text.charCodeAt(runStart - 1)] === 1) runStart--;
    for (let start = Math.max(first, runStart - reach); start <= anchor; start++) {
      if (starts[text.charCodeAt(start)] !== 1) continue;
      sticky.lastIndex = start;
      const match = sticky.exec(text);
      tried = start;
      if (!match) continue;
      yield match;
      from = start + Math.max(match[0].length, 1);
      tried = from - 1;
      anchor = from - 1;
      break;
    }
  }
}

/**
 * The first position from `from` on whose character is an anchor, or the length of the text: a
 * plain loop, which runs faster than the same loop inside the generator.
 */
function nextAnchor(text: string, anchors: Uint8Array, from: number): number {
  let i = from;
  while (i < text.length && anchors[text.charCodeAt(i)] !== 1) i++;
  return i;
}
