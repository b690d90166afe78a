/**
 * Layout repair: undoes the line breaks that PDF columns, page breaks and hard wrapping put
 * inside paragraphs, and labels each paragraph (heading, dateline, byline, caption …).
 *
 * The repaired text keeps an exact, compact map back to the original: one entry per copied
 * run of characters (at most one per input line), searched in O(log n).
 */
import type { Span } from '../../core/types.js';

export type BlockKind = 'paragraph' | 'heading' | 'dateline' | 'byline' | 'caption' | 'short';

export interface Block {
  kind: BlockKind;
  /** Half-open span in `RepairedText.text`. */
  span: Span;
}

export interface RepairedText {
  /** Paragraphs separated by '\n'; lines broken inside a paragraph joined. */
  text: string;
  /** Maps an offset in `text` to the offset in `original` (offset === text.length maps to the end). */
  toOriginal(offset: number): number;
  /** Maps a half-open span of `text` to the span of `original` covering the same characters. */
  spanToOriginal(span: Span): Span;
  /** Block kinds per paragraph, in order. */
  blocks: Block[];
}

// ---------------------------------------------------------------------------------------------
// Line patterns, shared with the article splitter.

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const NAME = `[${CJK}·]{2,4}`;
const GAP = '[\\s\\u3000]*';

/**
 * A dateline at the start of a paragraph: `本报讯（重庆日报记者 李星婷）`, `新华社北京12月15日电`,
 * `本报重庆12月15日电（记者 张三）`, or a bare `（记者 张三）`.
 */
const DATELINE_RE = new RegExp(
  '^(?:' +
    `(?:本报讯|(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网|央广网|国际在线)[${CJK}]{0,8}?(?:\\d{1,2}月\\d{1,2}日)?电|[${CJK}]{2,10}?\\d{1,2}月\\d{1,2}日电)` +
    `(?:${GAP}[（(][^（）()\\n]{0,40}[）)])?` +
    `|[（(][^（）()\\n]{0,16}?(?:记者|通讯员)[^（）()\\n]{1,40}[）)]` +
    ')',
);

/** A whole paragraph naming its authors: `重庆日报记者 张锦辉 摄`, `记者 张三 通讯员 李四`, `文/张三`. */
const BYLINE_RE = new RegExp(
  '^[（(]?(?:' +
    `[${CJK}]{0,8}?(?:记者|通讯员|特约记者|见习记者|实习生|摄影记者|特约撰稿人)${GAP}${NAME}` +
    `(?:[\\s\\u3000、，,]+(?:(?:记者|通讯员|实习生)${GAP})?${NAME})*` +
    `|(?:文|图|文[/／]图|图[/／]文|摄影|撰文)${GAP}[/／：:]${GAP}${NAME}(?:[\\s\\u3000、，,]+${NAME})*` +
    `|${NAME}(?:[\\s\\u3000、，,]+${NAME})*(?=${GAP}(?:摄|摄影|供图)[）)]?$)` +
    `)${GAP}(?:摄影?|供图|报道|文|图)?[）)]?$`,
);

const PHOTO_CREDIT_RE = /(?:摄|摄影|供图)[）)]?$/;

/** Section and list markers: `一、` `（一）` `(1)` `1.` `1、` `①` `第一章` `第一，` `●`. */
const ENUMERATION_RE =
  /^(?:[一二三四五六七八九十百]{1,3}[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[）)]|\d{1,2}(?:[、．]|\.(?!\d))|[①-⑳]|第[一二三四五六七八九十百\d]{1,3}(?:[章节部分条篇款]|[，、,])|[●■◆◇□•▪])/;

const CAPTION_START_RE = /^(?:图为|上图|下图|左图|右图|图[：:]|▲|△)/;

const PAGE_NUMBER_RE = /^(?:[-—－–\s]*(?:第\s*)?\d{1,4}\s*(?:版|页)?[-—－–\s]*|[（(]?完[）)]?)$/;

function isPageNumber(text: string): boolean {
  return text.length <= 20 && PAGE_NUMBER_RE.test(text);
}

/** The length of the dateline a paragraph starts with, and the byline inside it, if any. */
export function matchDateline(text: string): { length: number; byline?: string } | undefined {
  const m = DATELINE_RE.exec(text);
  if (!m) return undefined;
  const paren = /[（(]([^（）()]*(?:记者|通讯员)[^（）()]*)[）)]/.exec(m[0]);
  const byline = paren?.[1]?.trim();
  return byline ? { length: m[0].length, byline } : { length: m[0].length };
}

/** The paragraph is nothing but a byline (`重庆日报记者 张锦辉 摄`, `记者 李四`). */
export function isByline(text: string): boolean {
  return text.length <= 60 && BYLINE_RE.test(text);
}

/** The byline credits a photograph (`… 摄`, `… 供图`). */
export function isPhotoCredit(text: string): boolean {
  return isByline(text) && PHOTO_CREDIT_RE.test(text);
}

/** The paragraph starts with a section or list marker (`一、`, `（一）`, `1.`, `第一章`). */
export function startsWithEnumeration(text: string): boolean {
  return ENUMERATION_RE.test(text);
}

// ---------------------------------------------------------------------------------------------
// Character classes.

function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680
  );
}

function isLineBreakCode(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordCode(c: number): boolean {
  return isAsciiWordCode(c) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Display width in ems: ASCII and half-width forms count ½, everything else (ideographs,
 * full-width punctuation) counts 1. `AIOT产业` is 2 + 2 = 4, `100亿元。` is 1.5 + 3 = 4.5.
 */
function displayWidth(s: string, start: number, end: number): number {
  let w = 0;
  for (let i = start; i < end; i++) w += charWidth(s.charCodeAt(i));
  return w;
}

/** The display width of one code unit; the low half of a surrogate pair adds nothing. */
function charWidth(c: number): number {
  if (c < 0x80 || (c >= 0xff61 && c <= 0xff9f)) return 0.5;
  return c >= 0xdc00 && c <= 0xdfff ? 0 : 1;
}

/** Closing quotes and brackets that may follow the last real character of a sentence. */
const CLOSERS = '”’"\'」』）)】》〉';
const STRONG_FINAL = '。！？!?…．';
const SOFT_FINAL = '；;';
const CONTINUATION = '，、：,:（(“‘《〈「『—-–';
const CLAUSE_PUNCT_RE = /[，。；：！？,;!?]/;

/** The last character that is not a closing quote or bracket. */
function lastMeaningfulChar(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.includes(s.charAt(i))) i--;
  return i >= 0 ? s.charAt(i) : '';
}

function endsStrong(s: string): boolean {
  const c = lastMeaningfulChar(s);
  return c !== '' && STRONG_FINAL.includes(c);
}

function endsSoft(s: string): boolean {
  const c = lastMeaningfulChar(s);
  return c !== '' && SOFT_FINAL.includes(c);
}

function endsWithContinuation(s: string): boolean {
  const c = s.charAt(s.length - 1);
  return c !== '' && CONTINUATION.includes(c);
}

/** Whether `s` holds at least `least` word characters: it stops counting there, not at the end. */
function hasWordChars(s: string, least: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length && n < least; i++) if (isWordCode(s.charCodeAt(i))) n++;
  return n >= least;
}

// ---------------------------------------------------------------------------------------------
// Lines.

interface Line {
  /** Trimmed content, half-open offsets in the original. */
  start: number;
  end: number;
  text: string;
  width: number;
  /** At least one blank line separates this line from the previous non-empty one. */
  blankBefore: boolean;
  /** Starts a new block whatever precedes it: a dateline, an enumeration, `图为`, or a standalone line. */
  opensBlock: boolean;
  /** Never joined with a neighbour: a dateline, byline or page number alone on its line, an over-wide line. */
  standalone: boolean;
  /** No clause punctuation and no final punctuation: could be a headline. */
  titleLike: boolean;
}

function scanLines(original: string): Line[] {
  const lines: Line[] = [];
  let blank = false;
  let i = 0;
  const n = original.length;
  while (i < n) {
    // The width is summed while the line's end is looked for, and the spaces trimmed from it
    // taken off again: halves and wholes add up exactly.
    let end = i;
    let width = 0;
    for (; end < n; end++) {
      const c = original.charCodeAt(end);
      if (isLineBreakCode(c)) break;
      width += charWidth(c);
    }
    let s = i;
    let e = end;
    while (s < e && isSpaceCode(original.charCodeAt(s))) width -= charWidth(original.charCodeAt(s++));
    while (e > s && isSpaceCode(original.charCodeAt(e - 1))) width -= charWidth(original.charCodeAt(--e));
    if (s < e) {
      const text = original.slice(s, e);
      lines.push({
        start: s,
        end: e,
        text,
        width,
        blankBefore: blank,
        opensBlock: false,
        standalone: false,
        titleLike: false,
      });
      blank = false;
    } else if (lines.length > 0) {
      blank = true;
    }
    if (end < n && original.charCodeAt(end) === 0x0d && original.charCodeAt(end + 1) === 0x0a) end++;
    i = end + 1;
  }
  return lines;
}

interface ColumnLayout {
  /** Lines are wrapped at a common width (PDF columns, hard-wrapped text). */
  columnar: boolean;
  /** The most common line width, in ems. */
  width: number;
  /** A line at least this wide is a full line of the column. */
  fullWidth: number;
  /** A line wider than this is not part of the column (a headline or a separate block). */
  overWidth: number;
}

/**
 * Estimates the column width as the most common rounded line width (counting neighbours ±1,
 * because justification spreads full lines over a few widths). The text is columnar when at
 * least three lines, and at least half of its lines of 4 ems or more, lie within the tolerance
 * of that width.
 */
function estimateColumn(lines: readonly Line[]): ColumnLayout {
  const counts = new Map<number, number>();
  let measured = 0;
  for (const line of lines) {
    if (line.width < 4) continue;
    measured++;
    const w = Math.round(line.width);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = 0;
  let bestScore = 0;
  for (const w of counts.keys()) {
    const score = (counts.get(w - 1) ?? 0) + (counts.get(w) ?? 0) * 2 + (counts.get(w + 1) ?? 0);
    if (score > bestScore || (score === bestScore && w > best)) {
      best = w;
      bestScore = score;
    }
  }
  // 2 ems for a first-line indent lost in extraction, 10 % for justification.
  const tolerance = 2 + best * 0.1;
  let near = 0;
  for (const line of lines) if (line.width >= 4 && Math.abs(line.width - best) <= tolerance) near++;
  return {
    columnar: near >= 3 && near * 2 >= measured && best <= 120,
    width: best,
    fullWidth: best - tolerance,
    overWidth: best * 1.25 + 2,
  };
}

function markLines(lines: readonly Line[], layout: ColumnLayout): void {
  for (const line of lines) {
    const dateline = matchDateline(line.text);
    const datelineOnly = dateline !== undefined && dateline.length === line.text.length;
    const byline = isByline(line.text);
    const overWide = layout.columnar && line.width > layout.overWidth;
    line.standalone = datelineOnly || byline || overWide || isPageNumber(line.text);
    line.opensBlock =
      line.standalone ||
      dateline !== undefined ||
      startsWithEnumeration(line.text) ||
      CAPTION_START_RE.test(line.text);
    line.titleLike =
      !line.opensBlock && !CLAUSE_PUNCT_RE.test(line.text) && !endsStrong(line.text) && !endsSoft(line.text);
  }
}

/** Paragraph separators mostly come with a blank line (then a blank line inside a sentence is a break artefact). */
function usesBlankLineSeparators(lines: readonly Line[]): boolean {
  let ends = 0;
  let followedByBlank = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line || !next || !endsStrong(line.text)) continue;
    ends++;
    if (next.blankBefore) followedByBlank++;
  }
  return ends >= 3 && followedByBlank >= ends * 0.8;
}

/** Inclusive ranges of line indices, one per paragraph. */
type Range = [first: number, last: number];

function columnParagraphs(lines: readonly Line[], layout: ColumnLayout): Range[] {
  const n = lines.length;
  // titleRun[i]: how many title-like lines follow from i on, i included.
  const titleRun = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) titleRun[i] = lines[i]?.titleLike ? (titleRun[i + 1] ?? 0) + 1 : 0;
  const blankSeparated = usesBlankLineSeparators(lines);

  const breaksAfter = (i: number, first: boolean): boolean => {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line || !next) return true;
    if (line.standalone || next.opensBlock) return true;
    const full = line.width >= layout.fullWidth;
    if (endsStrong(line.text)) return !(blankSeparated && full && !next.blankBefore);
    if (!full) return true;
    if (first && line.titleLike) {
      // Three title-like lines in a row, or two with nothing to continue into, are headlines:
      // body text does not run 40-odd characters without a comma.
      const run = titleRun[i] ?? 0;
      const after = lines[i + run];
      if (run >= 3 || !after || after.opensBlock) return true;
    }
    return false;
  };

  const ranges: Range[] = [];
  let first = 0;
  for (let i = 0; i < n; i++) {
    if (!breaksAfter(i, i === first)) continue;
    pushColumnRange(ranges, lines, first, i);
    first = i + 1;
  }
  return ranges;
}

/** A joined paragraph made only of title-like lines and ending without punctuation is a headline group. */
function pushColumnRange(ranges: Range[], lines: readonly Line[], first: number, last: number): void {
  const lastLine = lines[last];
  let allTitles = last > first && lastLine !== undefined && !endsSoft(lastLine.text);
  for (let i = first; allTitles && i <= last; i++) allTitles = lines[i]?.titleLike === true;
  if (!allTitles) {
    ranges.push([first, last]);
    return;
  }
  for (let i = first; i <= last; i++) ranges.push([i, i]);
}

/** Lines that are whole paragraphs; a long line cut by a page break continues on the next one. */
function lineParagraphs(lines: readonly Line[]): Range[] {
  const headingLike = (line: Line): boolean =>
    line.width < 40 && !endsStrong(line.text) && !endsSoft(line.text) && !CLAUSE_PUNCT_RE.test(line.text);
  const continues = (line: Line, next: Line): boolean => {
    if (line.standalone || next.opensBlock) return false;
    const s = line.text;
    if (endsStrong(s) || endsSoft(s)) return false;
    if (endsWithContinuation(s)) return true;
    const long =
      line.width >= 40 || (line.width >= 20 && CLAUSE_PUNCT_RE.test(s) && !startsWithEnumeration(s));
    return long && !headingLike(next);
  };
  const ranges: Range[] = [];
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (line && next && continues(line, next)) continue;
    ranges.push([first, i]);
    first = i + 1;
  }
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Text and offset map.

interface Built {
  text: string;
  spans: Span[];
  /** Copied runs: start in text, start in original, length. */
  segText: number[];
  segOrig: number[];
  segLen: number[];
}

/**
 * Writes the paragraphs. Lines of a paragraph are joined with nothing, except a space between
 * two ASCII words (`3D` + `printing`) that are not both digits (a number broken across lines
 * stays whole); paragraphs are separated by '\n'.
 */
function buildText(original: string, lines: readonly Line[], ranges: readonly Range[]): Built {
  const pieces: string[] = [];
  const segText: number[] = [];
  const segOrig: number[] = [];
  const segLen: number[] = [];
  const spans: Span[] = [];
  let pos = 0;
  let lastText = -1;
  let lastOrig = -1;
  let lastLen = 0;

  const copy = (from: number, to: number): void => {
    const len = to - from;
    if (len <= 0) return;
    if (lastText + lastLen === pos && lastOrig + lastLen === from) {
      lastLen += len;
      segLen[segLen.length - 1] = lastLen;
    } else {
      lastText = pos;
      lastOrig = from;
      lastLen = len;
      segText.push(pos);
      segOrig.push(from);
      segLen.push(len);
    }
    pieces.push(original.slice(from, to));
    pos += len;
  };
  const insert = (s: string): void => {
    pieces.push(s);
    pos += s.length;
  };

  let previousEnd = -1;
  for (const [first, last] of ranges) {
    const head = lines[first];
    if (!head) continue;
    if (previousEnd >= 0) {
      if (head.start - previousEnd === 1 && original.charCodeAt(previousEnd) === 0x0a) {
        copy(previousEnd, head.start);
      } else {
        insert('\n');
      }
    }
    const start = pos;
    let prev: Line | undefined;
    for (let i = first; i <= last; i++) {
      const line = lines[i];
      if (!line) continue;
      if (prev) {
        const left = original.charCodeAt(prev.end - 1);
        const right = original.charCodeAt(line.start);
        if (isAsciiWordCode(left) && isAsciiWordCode(right) && !(isDigitCode(left) && isDigitCode(right))) {
          insert(' ');
        }
      }
      copy(line.start, line.end);
      prev = line;
    }
    spans.push({ start, end: pos });
    previousEnd = prev ? prev.end : head.end;
  }
  return { text: pieces.join(''), spans, segText, segOrig, segLen };
}

// ---------------------------------------------------------------------------------------------
// Block kinds.

function classify(text: string): BlockKind {
  const dateline = matchDateline(text);
  if (dateline && dateline.length === text.length) return 'dateline';
  if (isByline(text)) return 'byline';
  if (!hasWordChars(text, 3) || isPageNumber(text)) return 'short';
  const unfinished = !endsStrong(text) && !endsSoft(text) && !endsWithContinuation(text);
  if (
    unfinished &&
    displayWidth(text, 0, text.length) <= 50 &&
    (startsWithEnumeration(text) || !/[，。；！？,;!?]/.test(text))
  ) {
    return 'heading';
  }
  return 'paragraph';
}

/**
 * Captions: the paragraph right before a photo credit (`… 摄`), and the paragraphs before it
 * when they form a small group of their own (at most 3 paragraphs and 400 characters since the
 * previous heading, byline or dateline, not itself opened by a dateline).
 */
function markCaptions(kinds: BlockKind[], texts: readonly string[]): void {
  for (let j = 0; j < kinds.length; j++) {
    const text = texts[j] ?? '';
    if (kinds[j] === 'paragraph' && CAPTION_START_RE.test(text)) kinds[j] = 'caption';
    if (kinds[j] !== 'byline' || !isPhotoCredit(text) || kinds[j - 1] !== 'paragraph') continue;
    let first = j - 1;
    let chars = 0;
    while (first >= 0 && kinds[first] === 'paragraph') {
      chars += texts[first]?.length ?? 0;
      first--;
    }
    first++;
    const small = j - first <= 3 && chars <= 400 && !matchDateline(texts[first] ?? '');
    for (let k = small ? first : j - 1; k < j; k++) kinds[k] = 'caption';
  }
}

// ---------------------------------------------------------------------------------------------

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Repairs the layout of text taken from PDFs, web pages and word processors.
 *
 * Column text (lines wrapped at a common width) is rejoined: a full line without final
 * punctuation continues on the next non-empty line, even across blank lines; a short line, a
 * line ending with 。！？, an over-wide line, datelines, bylines and enumerations end or start
 * paragraphs; runs of title-like lines stay apart as headings. Text with one paragraph per line
 * only rejoins long lines cut by a page break.
 *
 * @example
 * repairLayout('本报讯（记者 李星婷）\n12月15日，由西部科学城、中\n\n国光大控股有限公司联合举办。').text
 * // → '本报讯（记者 李星婷）\n12月15日，由西部科学城、中国光大控股有限公司联合举办。'
 */
export function repairLayout(original: string): RepairedText {
  const lines = scanLines(original);
  const layout = estimateColumn(lines);
  markLines(lines, layout);
  const ranges = layout.columnar ? columnParagraphs(lines, layout) : lineParagraphs(lines);
  const built = buildText(original, lines, ranges);
  const { text, segText, segOrig, segLen } = built;

  const texts = built.spans.map((span) => text.slice(span.start, span.end));
  const kinds = texts.map(classify);
  markCaptions(kinds, texts);
  const blocks: Block[] = built.spans.map((span, i) => ({ kind: kinds[i] ?? 'paragraph', span }));

  const toOriginal = (offset: number): number => {
    if (offset >= text.length) return original.length;
    const k = lastAtOrBefore(segText, offset);
    if (k < 0) return segOrig[0] ?? 0;
    const t = segText[k] ?? 0;
    const o = segOrig[k] ?? 0;
    const len = segLen[k] ?? 0;
    return offset < t + len ? o + offset - t : o + len;
  };

  const spanToOriginal = (span: Span): Span => {
    if (span.end <= span.start) {
      const at = toOriginal(span.start);
      return { start: at, end: at };
    }
    // Inserted characters (joining spaces, separators) have no original: start at the next
    // copied character, end after the last copied one.
    let start: number;
    const k = lastAtOrBefore(segText, span.start);
    const inSegment = k >= 0 && span.start < (segText[k] ?? 0) + (segLen[k] ?? 0);
    if (inSegment) start = (segOrig[k] ?? 0) + span.start - (segText[k] ?? 0);
    else start = segOrig[k + 1] ?? original.length;
    const lastChar = Math.min(span.end, text.length) - 1;
    const m = lastAtOrBefore(segText, lastChar);
    let end: number;
    if (m < 0) end = start;
    else
      end = Math.min(
        (segOrig[m] ?? 0) + (segLen[m] ?? 0),
        (segOrig[m] ?? 0) + lastChar - (segText[m] ?? 0) + 1,
      );
    return end < start ? { start: end, end } : { start, end };
  };

  return { text, toOriginal, spanToOriginal, blocks };
}
