import type { Fact } from './api/types';

/** A run of the document's text covered by the same facts. */
export interface Segment {
  start: number;
  end: number;
  /** Facts covering the run, innermost (shortest) first. */
  facts: Fact[];
  /** Inside the sentence the page was opened at. */
  cited: boolean;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);

/**
 * The sentence around `offset`: from after the previous sentence end (or line break) to its
 * own end mark included, without leading spaces.
 *
 * @example sentenceAt('甲。乙签署协议。丙', 3) → { start: 2, end: 8 } (乙签署协议。)
 */
export function sentenceAt(text: string, offset: number): { start: number; end: number } {
  const at = Math.min(Math.max(0, offset), text.length);
  let start = at;
  while (start > 0 && !SENTENCE_END.has(text[start - 1] ?? '')) start--;
  while (start < at && /\s/.test(text[start] ?? '')) start++;
  let end = at;
  while (end < text.length && !SENTENCE_END.has(text[end] ?? '')) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end: Math.max(end, start) };
}

/**
 * Cuts the text at every fact's start and end (and the cited sentence's), so each run knows
 * the facts over it, even when facts nest or overlap. One sweep over sorted boundaries.
 */
export function segmentText(text: string, facts: Fact[], cited?: { start: number; end: number }): Segment[] {
  const length = text.length;
  const clamp = (value: number) => Math.min(Math.max(0, value), length);
  const valid = facts.filter((fact) => clamp(fact.span.end) > clamp(fact.span.start));
  const cuts = new Set<number>([0, length]);
  for (const fact of valid) {
    cuts.add(clamp(fact.span.start));
    cuts.add(clamp(fact.span.end));
  }
  if (cited) {
    cuts.add(clamp(cited.start));
    cuts.add(clamp(cited.end));
  }
  const points = [...cuts].sort((a, b) => a - b);

  const starting = new Map<number, Fact[]>();
  for (const fact of valid) {
    const start = clamp(fact.span.start);
    const list = starting.get(start);
    if (list) list.push(fact);
    else starting.set(start, [fact]);
  }
  const width = (fact: Fact) => fact.span.end - fact.span.start;

  const segments: Segment[] = [];
  let active: Fact[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    active = active.filter((fact) => clamp(fact.span.end) > start);
    const opened = starting.get(start);
    if (opened) active = [...active, ...opened].sort((a, b) => width(a) - width(b));
    const isCited = cited !== undefined && start >= cited.start && end <= cited.end;
    const previous = segments[segments.length - 1];
    // Runs with no fact and the same citation merge back together: fewer elements to draw.
    if (previous && active.length === 0 && previous.facts.length === 0 && previous.cited === isCited) {
      previous.end = end;
    } else {
      segments.push({ start, end, facts: active, cited: isCited });
    }
  }
  return segments;
}
