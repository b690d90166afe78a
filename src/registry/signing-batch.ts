/**
 * A signing batch read from a signing event and the sentences after it: how many projects,
 * of which categories how many (“包括研发基地项目13个、联合实验室项目4个……” or “13个研发基地项目、
 * 4个联合实验室项目”), and the investment. Every figure keeps the span it was read from.
 */
import { parseChineseNumber } from '../core/chinese-numerals.js';
import type { BatchCategory } from '../core/registry.js';
import type { Span } from '../core/types.js';

export interface SigningEvent {
  /** The event's sentence. */
  span: Span;
  /** The count the event's sentence gives (“41家企业”), if any. */
  count?: { value: number; span: Span };
}

export interface BatchBreakdown {
  /** Projects in the batch, and where the number was read. */
  projects?: { count: number; span: Span };
  categories: Array<BatchCategory & { span: Span }>;
}

/** How far after the event's sentence the breakdown is looked for, in characters. */
const LOOKAHEAD = 600;

const NUMBER = '(\\d+|[一二三四五六七八九十两百]+)';
/** A category name: a few characters that are not punctuation or a number. */
const NAME = '([^\\d、，,；;：:。（）()“”一二三四五六七八九十两]{2,12}?)';
const NAME_FIRST = new RegExp(`${NAME}项目${NUMBER}(?:个|项)`, 'gu');
const COUNT_FIRST = new RegExp(`${NUMBER}(?:个|项)${NAME}项目`, 'gu');
const TOTAL = new RegExp(`${NUMBER}(?:个|项)(?:[^\\d、，,；;。]{0,8})?项目`, 'u');
/** Words that open an enumeration: what comes before them is not part of the first category's name. */
const OPENING = /^.*(?:包括|包含|涵盖|其中|分别为|分别是)/u;
const LEADING = /^(?:含|有|为|即|共)+/u;

/**
 * The text without blanks, with the offset in the original of each character kept: a
 * newspaper's line breaks fall inside words (“研发基地项\n目13个”).
 */
function compact(text: string, from: number, to: number): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    const char = text[i] as string;
    if (/\s/u.test(char)) continue;
    out += char;
    offsets.push(i);
  }
  return { text: out, offsets };
}

function numberOf(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumber(text);
}

/** The sentences from `from` on, up to the lookahead, each ending at 。！？ or the end. */
function sentencesFrom(text: string, from: number): Array<{ start: number; end: number }> {
  const limit = Math.min(text.length, from + LOOKAHEAD);
  const sentences: Array<{ start: number; end: number }> = [];
  let start = from;
  for (let i = from; i < limit; i++) {
    if ('。！？'.includes(text[i] as string)) {
      sentences.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < limit) sentences.push({ start, end: limit });
  return sentences;
}

function categoriesIn(sentence: { text: string; offsets: number[] }): Array<BatchCategory & { span: Span }> {
  const found: Array<BatchCategory & { span: Span; at: number }> = [];
  for (const pattern of [NAME_FIRST, COUNT_FIRST]) {
    for (const match of sentence.text.matchAll(pattern)) {
      const nameFirst = pattern === NAME_FIRST;
      const rawName = (nameFirst ? match[1] : match[2]) ?? '';
      const count = numberOf((nameFirst ? match[2] : match[1]) ?? '');
      const category = rawName.replace(OPENING, '').replace(LEADING, '');
      if (count === undefined || category.length < 2) continue;
      const at = match.index ?? 0;
      const start = sentence.offsets[at + (rawName.length - category.length) * (nameFirst ? 1 : 0)] ?? 0;
      const end = (sentence.offsets[at + match[0].length - 1] ?? start) + 1;
      found.push({ category, count, span: { start, end }, at });
    }
    if (found.length >= 2) break;
    found.length = 0;
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _, ...category }) => category);
}

/**
 * The breakdown of the batch a signing event reports: the first sentence from the event's on
 * that lists two or more categories of projects with their counts. The number of projects is
 * the one that sentence gives, else the sum of the categories, else the event's own count.
 *
 * @example
 * batchBreakdown('……集中签约。此次签约的41个项目，包括研发基地项目13个、联合实验室项目4个……', event)
 * // { projects: { count: 41, span }, categories: [{ category: '研发基地', count: 13, span }, …] }
 */
export function batchBreakdown(text: string, event: SigningEvent): BatchBreakdown {
  for (const { start, end } of sentencesFrom(text, event.span.start)) {
    const sentence = compact(text, start, end);
    const categories = categoriesIn(sentence);
    if (categories.length < 2) continue;
    const total = TOTAL.exec(sentence.text);
    const totalCount = total ? numberOf(total[1] ?? '') : undefined;
    const first = categories[0]?.span.start ?? end;
    if (total && totalCount !== undefined && (sentence.offsets[total.index] ?? end) < first) {
      const spanStart = sentence.offsets[total.index] ?? start;
      const spanEnd = (sentence.offsets[total.index + total[0].length - 1] ?? spanStart) + 1;
      return { projects: { count: totalCount, span: { start: spanStart, end: spanEnd } }, categories };
    }
    if (event.count) return { projects: { count: event.count.value, span: event.count.span }, categories };
    return { categories };
  }
  return event.count
    ? { projects: { count: event.count.value, span: event.count.span }, categories: [] }
    : { categories: [] };
}
