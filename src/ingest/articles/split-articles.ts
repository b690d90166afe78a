/**
 * Splits a repaired page into its articles: datelines and headline-led bodies start articles,
 * a photo caption with its credit is an item of its own, and headlines printed away from their
 * article are given back to the body they share the most words with.
 */
import type { Article, Span } from '../../core/types.js';
import {
  isPhotoCredit,
  matchDateline,
  type RepairedText,
  startsWithEnumeration,
} from '../layout/repair-layout.js';

interface Item {
  /** Block indices of the headline lines, in text order. */
  headlines: number[];
  /** First and last block of the body, inclusive; -1 when the item has no body. */
  first: number;
  last: number;
  byline?: string;
  caption: boolean;
}

/** Headline lines per article: an attached group is at most a kicker, a main line and a subtitle. */
const MAX_ATTACHED_HEADLINE_LINES = 3;
/** Least share of a headline's weighted bigrams a body must contain to claim it. */
const MATCH_THRESHOLD = 0.35;
/** A short line shares a few common bigrams with anything: ask for this many before it counts. */
const MIN_SHARED_BIGRAMS = 3;
/** Cost of giving the next line of a headline group to a different article than the previous one. */
const SWITCH_PENALTY = 0.15;

/**
 * Detached headlines are looked for among this many headline-less bodies on either side: a page
 * holds a dozen articles or so, and a long file (a whole issue) should not lend a headline to a
 * body pages away.
 */
const NEARBY_BODIES = 12;

/**
 * Headline lines printed right above a body belong to it unless another body matches them by
 * this much more (detached headlines of the page before, printed just above a new article).
 */
const ADJACENT_BONUS = 0.25;

/** Between bodies that match a headline equally well, the nearer one takes it. */
const PROXIMITY_BONUS = 0.02;

/** Consecutive headline lines; `next` is the body printed right after them, if any. */
interface HeadlineRun {
  blocks: number[];
  next?: Item;
}

function newItem(caption = false): Item {
  return { headlines: [], first: -1, last: -1, caption };
}

function isWordCode(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/** Function characters whose bigrams say nothing about the topic, by character code. */
const STOP_CODES = new Uint8Array(0x10000);
for (const c of '的了在和与是为等及将并也之其于以对从把被就都而或') STOP_CODES[c.charCodeAt(0)] = 1;

/** The number a bigram of two UTF-16 code units is kept as: sets of numbers are cheap to build. */
export function bigramKey(pair: string): number {
  return pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1);
}

/**
 * Bigrams of adjacent word characters (ideographs, ASCII letters and digits), without function
 * characters; with `among`, only those of its bigrams the text contains.
 */
export function contentBigrams(
  text: string,
  into = new Set<number>(),
  among?: ReadonlySet<number>,
): Set<number> {
  return addBigrams(text, into, among, undefined);
}

/**
 * contentBigrams, where `seconds` marks by code the second characters of `among`'s bigrams: a
 * bigram ending in any other character is not among them, and is not looked up.
 */
function addBigrams(
  text: string,
  into: Set<number>,
  among: ReadonlySet<number> | undefined,
  seconds: Uint8Array | undefined,
): Set<number> {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    const word = isWordCode(c) && STOP_CODES[c] === 0;
    if (word && previous >= 0 && (seconds === undefined || seconds[c] === 1)) {
      const gram = previous * 0x10000 + c;
      if (!among || among.has(gram)) into.add(gram);
    }
    previous = word ? c : -1;
  }
  return into;
}

/**
 * The second characters of the bigrams of the headlines of the page being split, by code: one
 * table, marked for each page and cleared after it, as allocating one per page costs more than
 * the lookups it saves. A mark left behind costs a lookup, never a wrong bigram.
 */
const HEADLINE_SECONDS = new Uint8Array(0x10000);

function markSeconds(grams: ReadonlySet<number>, mark: 0 | 1): void {
  for (const gram of grams) HEADLINE_SECONDS[gram % 0x10000] = mark;
}

/**
 * Scores each headline line against each candidate body: the share of the line's bigrams,
 * weighted by rarity across the bodies, that the body contains. Bigrams every body contains
 * (when there are several) carry no weight.
 */
function scoreLines(lines: readonly string[], bodies: readonly Set<number>[]): number[][] {
  const n = bodies.length;
  return lines.map((line) => {
    const grams = contentBigrams(line);
    const matched = new Array<number>(n).fill(0);
    const shared = new Array<number>(n).fill(0);
    let total = 0;
    for (const g of grams) {
      let df = 0;
      for (const body of bodies) if (body.has(g)) df++;
      if (n >= 2 && df === n) continue;
      const w = Math.log((n + 1) / (df + 0.5));
      total += w;
      for (let b = 0; b < n; b++) {
        if (!bodies[b]?.has(g)) continue;
        matched[b] = (matched[b] ?? 0) + w;
        shared[b] = (shared[b] ?? 0) + 1;
      }
    }
    return matched.map((m, b) => (total > 0 && (shared[b] ?? 0) >= MIN_SHARED_BIGRAMS ? m / total : 0));
  });
}

/**
 * Gives each line of a detached headline group to a body or to none (-1): the best-scoring
 * sequence where staying with the same body as the previous line is cheaper than switching,
 * so a kicker or subtitle goes with its main line.
 */
function assignLines(scores: readonly number[][], candidates: number): number[] {
  const states = candidates + 1;
  const none = candidates;
  const emission = (line: number, s: number): number =>
    s === none ? MATCH_THRESHOLD : (scores[line]?.[s] ?? 0);
  let value = Array.from({ length: states }, (_, s) => emission(0, s));
  const back: number[][] = [];
  for (let line = 1; line < scores.length; line++) {
    // Staying costs nothing, switching costs the penalty from the best previous state.
    let top = 0;
    for (let p = 1; p < states; p++) if ((value[p] ?? 0) > (value[top] ?? 0)) top = p;
    const switched = (value[top] ?? 0) - SWITCH_PENALTY;
    const next: number[] = [];
    const from: number[] = [];
    for (let s = 0; s < states; s++) {
      const stay = value[s] ?? 0;
      const arg = stay >= switched ? s : top;
      next.push(Math.max(stay, switched) + emission(line, s));
      from.push(arg);
    }
    value = next;
    back.push(from);
  }
  let state = 0;
  for (let s = 1; s < states; s++) if ((value[s] ?? 0) > (value[state] ?? 0)) state = s;
  const path = new Array<number>(scores.length).fill(none);
  for (let line = scores.length - 1; line >= 0; line--) {
    path[line] = state;
    if (line > 0) state = back[line - 1]?.[state] ?? none;
  }
  return path.map((s) => (s === none ? -1 : s));
}

/**
 * Splits a repaired page into articles. Spans point into `repaired.text`; `index` counts from 0
 * in reading order of the bodies.
 *
 * - A dateline (`本报讯（记者 …）`, `新华社北京12月15日电`) starts an article; its reporter is the byline.
 * - Up to three headline lines directly followed by a body (or a dateline) head that body,
 *   unless another nearby body shares much more with them.
 * - Caption paragraphs with their photo credit (`… 摄`) are an item of their own.
 * - Headline lines followed by no body are matched to the nearby headline-less body sharing the
 *   most weighted character bigrams with them; a line matching nothing stays an item of its own.
 * - `headline` joins an article's headline lines with ' / '; `headlineSpan` is the first line.
 * - Text without datelines and without detached headlines (a report with a title and numbered
 *   sections) is one article.
 */
export function splitArticles(repaired: RepairedText): Article[] {
  const { text, blocks } = repaired;
  const n = blocks.length;
  if (n === 0) return [];
  const texts = blocks.map((b) => text.slice(b.span.start, b.span.end));
  const kindOf = (i: number) => blocks[i]?.kind;
  const textOf = (i: number) => texts[i] ?? '';
  const isHeadline = (i: number) => kindOf(i) === 'heading' && !startsWithEnumeration(textOf(i));
  const isReporterByline = (i: number) => kindOf(i) === 'byline' && !isPhotoCredit(textOf(i));
  const isBodyStart = (i: number) =>
    kindOf(i) === 'paragraph' || kindOf(i) === 'dateline' || (kindOf(i) === 'heading' && !isHeadline(i));
  // A bare `（记者 …）` opens an article only when a body of its own follows; else it signs the previous one.
  const opensArticle = (i: number): boolean => {
    const kind = kindOf(i);
    if (kind === 'dateline') {
      if (!/^[（(]/.test(textOf(i))) return true;
      return kindOf(i + 1) === 'paragraph' && matchDateline(textOf(i + 1)) === undefined;
    }
    return kind === 'paragraph' && matchDateline(textOf(i)) !== undefined;
  };

  const items: Item[] = [];
  const runs: HeadlineRun[] = [];
  let hasDetached = false;
  let hasDateline = false;
  let cur: Item | undefined;
  const close = (): void => {
    if (cur && (cur.first >= 0 || cur.headlines.length > 0)) items.push(cur);
    cur = undefined;
  };
  const extend = (item: Item, i: number): void => {
    if (item.first < 0) item.first = i;
    item.last = i;
  };

  for (let i = 0; i < n; ) {
    const kind = kindOf(i);
    const t = textOf(i);
    if (isHeadline(i)) {
      let j = i;
      while (j + 1 < n && isHeadline(j + 1)) j++;
      let k = j + 1;
      while (k < n && isReporterByline(k)) k++;
      const run = Array.from({ length: j - i + 1 }, (_, d) => i + d);
      close();
      if (k < n && isBodyStart(k)) {
        const attached = run.slice(-MAX_ATTACHED_HEADLINE_LINES);
        if (run.length > attached.length) {
          runs.push({ blocks: run.slice(0, run.length - attached.length) });
          hasDetached = true;
        }
        cur = newItem();
        runs.push({ blocks: attached, next: cur });
      } else {
        runs.push({ blocks: run });
        hasDetached = true;
      }
      i = j + 1;
      continue;
    }
    if (opensArticle(i)) {
      hasDateline = true;
      if (!cur || cur.first >= 0 || cur.caption) {
        close();
        cur = newItem();
      }
      cur.byline ??= matchDateline(t)?.byline;
      extend(cur, i);
    } else if (kind === 'caption') {
      if (!cur?.caption) {
        close();
        cur = newItem(true);
      }
      extend(cur, i);
    } else if (kind === 'byline' || kind === 'dateline') {
      cur ??= newItem();
      cur.byline ??= matchDateline(t)?.byline ?? t;
      extend(cur, i);
      if (cur.caption) close();
    } else if (kind === 'short') {
      if (cur) extend(cur, i);
    } else {
      if (!cur || cur.caption) {
        close();
        cur = newItem();
      }
      extend(cur, i);
    }
    i++;
  }
  close();

  if (!hasDateline && !hasDetached) return [wholeDocument(repaired, texts)];

  giveBackHeadlines(items, runs, texts);
  return items
    .map((item) => toArticle(item, repaired, texts))
    .sort((a, b) => a.span.start - b.span.start)
    .map((article, index) => ({ ...article, index }));
}

function giveBackHeadlines(items: Item[], runs: readonly HeadlineRun[], texts: readonly string[]): void {
  if (runs.length === 0) return;
  const candidates = items.filter((item) => item.first >= 0).sort((a, b) => a.first - b.first);
  // The bigrams of all headlines: each body is read once, however many windows it is in, and
  // scoring a headline asks a body only about bigrams of that headline, which are among these.
  const wanted = new Set<number>();
  for (const { blocks } of runs) for (const b of blocks) contentBigrams(texts[b] ?? '', wanted);
  markSeconds(wanted, 1);
  const bodyBigrams: Array<Set<number> | undefined> = [];
  const bigramsOfCandidate = (c: number): Set<number> => {
    let found = bodyBigrams[c];
    if (!found) {
      found = bigramsAmong(candidates[c] as Item, texts, wanted, HEADLINE_SECONDS);
      bodyBigrams[c] = found;
    }
    return found;
  };
  let after = 0;
  for (const { blocks: run, next } of runs) {
    const at = run[0] ?? 0;
    while (after < candidates.length && (candidates[after]?.first ?? 0) < at) after++;
    const from = Math.max(0, after - NEARBY_BODIES);
    const window = candidates.slice(from, after + NEARBY_BODIES);
    const lines = run.map((b) => texts[b] ?? '');
    const bodies = window.map((_, w) => bigramsOfCandidate(from + w));
    const scores = scoreLines(lines, bodies).map((row) =>
      row.map((score, w) => {
        const at = from + w;
        const distance = at < after ? after - at : at - after + 1;
        if (window[w] === next) return Math.max(score, MATCH_THRESHOLD) + ADJACENT_BONUS;
        return score > 0 ? score + PROXIMITY_BONUS / distance : 0;
      }),
    );
    const path = window.length > 0 ? assignLines(scores, window.length) : [];
    run.forEach((block, r) => {
      const target = window[path[r] ?? -1];
      if (target) target.headlines.push(block);
      else items.push({ ...newItem(), headlines: [block] });
    });
  }
  markSeconds(wanted, 0);
  for (const item of candidates) item.headlines.sort((a, b) => a - b);
}

/**
 * The bigrams of `wanted` (the headlines') that the body's blocks contain: all scoring asks of a
 * body, found in one pass over it without holding the body's thousands of bigrams.
 */
function bigramsAmong(
  item: Item,
  texts: readonly string[],
  wanted: ReadonlySet<number>,
  seconds: Uint8Array,
): Set<number> {
  const found = new Set<number>();
  for (let b = item.first; b <= item.last; b++) addBigrams(texts[b] ?? '', found, wanted, seconds);
  return found;
}

function blockSpan(repaired: RepairedText, first: number, last: number): Span {
  return {
    start: repaired.blocks[first]?.span.start ?? 0,
    end: repaired.blocks[last]?.span.end ?? repaired.text.length,
  };
}

function toArticle(item: Item, repaired: RepairedText, texts: readonly string[]): Article {
  const article: Article = { index: 0, span: { start: 0, end: 0 } };
  const main = item.headlines[0];
  if (main !== undefined) {
    article.headline = item.headlines.map((b) => texts[b] ?? '').join(' / ');
    article.headlineSpan = blockSpan(repaired, main, main);
  }
  if (item.first >= 0) article.span = blockSpan(repaired, item.first, item.last);
  else if (article.headlineSpan) article.span = { ...article.headlineSpan };
  if (item.byline) article.byline = item.byline;
  return article;
}

/** A report: its leading unnumbered headings are the title, everything after is the body. */
function wholeDocument(repaired: RepairedText, texts: readonly string[]): Article {
  const { blocks } = repaired;
  let titleEnd = 0;
  while (
    titleEnd < blocks.length &&
    titleEnd < MAX_ATTACHED_HEADLINE_LINES &&
    blocks[titleEnd]?.kind === 'heading' &&
    !startsWithEnumeration(texts[titleEnd] ?? '')
  ) {
    titleEnd++;
  }
  const article: Article = { index: 0, span: blockSpan(repaired, 0, blocks.length - 1) };
  if (titleEnd > 0) {
    article.headline = texts.slice(0, titleEnd).join(' / ');
    article.headlineSpan = blockSpan(repaired, 0, 0);
    if (titleEnd < blocks.length) article.span = blockSpan(repaired, titleEnd, blocks.length - 1);
  }
  for (let b = 0; b < blocks.length && blocks[b]?.kind !== 'paragraph'; b++) {
    const kind = blocks[b]?.kind;
    if (kind === 'byline' || kind === 'dateline') {
      article.byline = matchDateline(texts[b] ?? '')?.byline ?? texts[b];
      break;
    }
  }
  return article;
}
