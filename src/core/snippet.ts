/** Marks a matched word in a snippet: the client turns the pair into <mark> safely. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * A window of `text` around the first place most of `terms` occur, each occurrence marked
 * between MARK_START and MARK_END, with … where the text was cut.
 *
 * @example snippet('……中国科学院与重庆市签署协议……', ['重庆']) // '……中国科学院与\u0002重庆\u0003市签署协议……'
 */
export function snippet(text: string, terms: readonly string[], width = 120): string {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const wanted = terms.filter((t) => t !== '').map((t) => t.toLowerCase());
  const hits: Array<{ start: number; end: number }> = [];
  for (const term of wanted) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      hits.push({ start: at, end: at + term.length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // The window that holds the most distinct terms, starting a little before its first hit.
  let bestStart = 0;
  let bestScore = -1;
  for (const hit of hits) {
    const start = Math.max(0, hit.start - Math.floor(width / 4));
    const inside = new Set(
      hits.filter((h) => h.start >= start && h.end <= start + width).map((h) => lower.slice(h.start, h.end)),
    );
    if (inside.size > bestScore) {
      bestScore = inside.size;
      bestStart = start;
    }
  }
  const end = Math.min(flat.length, bestStart + width);
  let out = bestStart > 0 ? '…' : '';
  let at = bestStart;
  for (const hit of hits) {
    if (hit.start < at || hit.end > end) continue;
    out += flat.slice(at, hit.start) + MARK_START + flat.slice(hit.start, hit.end) + MARK_END;
    at = hit.end;
  }
  out += flat.slice(at, end);
  return end < flat.length ? `${out}…` : out;
}
