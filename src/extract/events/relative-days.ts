import type { TimeMention } from '../../core/types.js';

/** The day before the day of reference, or two days before: 昨天, 昨日, 前天. */
const DAY_BEFORE = /昨天|昨日|前天/g;
/** The day after the day told last: 次日, 翌日, 第二天. */
const DAY_AFTER = /次日|翌日|第二天/g;
/** A dateline's day: 本报丽水9月23日讯, 新华社北京3月5日电. */
const DATELINE_END = /^[讯電电]/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SENTENCE_END = /[。！？!?\n]/;
const DAY_MS = 86_400_000;

/**
 * The times events are dated by: the document's times with the days news tells relative to
 * another day resolved.
 * - 昨天 (昨日, 前天) after a dateline is the day before the dateline's (本报丽水9月23日讯 … 昨天 is
 *   22 September), and the dateline's day then dates nothing itself; without a dateline it is the
 *   day before publication.
 * - 次日 (翌日, 第二天) is the day after the last day told before it.
 *
 * These are not reported as times of the document: a reader looks them up by the day they name.
 */
export function withRelativeDays(
  text: string,
  times: readonly TimeMention[],
  published: string | undefined,
): TimeMention[] {
  const added: TimeMention[] = [];
  const replaced = new Set<TimeMention>();
  for (const match of text.matchAll(DAY_BEFORE)) {
    const at = match.index;
    const dateline = datelineBefore(text, times, at);
    const reference = dateline?.value ?? published;
    if (!reference || !DAY.test(reference)) continue;
    if (dateline) replaced.add(dateline);
    const back = match[0] === '前天' ? 2 : 1;
    added.push(mention(match[0], at, shifted(reference, -back)));
  }
  for (const match of text.matchAll(DAY_AFTER)) {
    const at = match.index;
    const last = [...times, ...added]
      .filter((t) => t.span.end <= at && DAY.test(t.value) && !replaced.has(t))
      .sort((a, b) => a.span.end - b.span.end)
      .at(-1);
    if (last) added.push(mention(match[0], at, shifted(last.value, 1)));
  }
  if (added.length === 0) return [...times];
  return [...times.filter((t) => !replaced.has(t)), ...added].sort((a, b) => a.span.start - b.span.start);
}

/** The dateline's day in the sentence before `at`, if the sentence opens with one. */
function datelineBefore(text: string, times: readonly TimeMention[], at: number): TimeMention | undefined {
  return times
    .filter((t) => t.span.end <= at && DAY.test(t.value))
    .filter(
      (t) => DATELINE_END.test(text.slice(t.span.end)) && !SENTENCE_END.test(text.slice(t.span.end, at)),
    )
    .at(-1);
}

function mention(text: string, start: number, value: string): TimeMention {
  return { text, value, span: { start, end: start + text.length }, relative: true };
}

/** `day` (YYYY-MM-DD) moved by `days`. */
export function shifted(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}
