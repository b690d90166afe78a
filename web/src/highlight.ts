/**
 * A sentence cut into runs, those that write one of some terms marked: the words a need
 * matched, shown where the evidence sentence writes them. Terms are compared as matching
 * compares them (NFKC, lower case), so `3d打印` marks `3D打印`.
 */
export interface Run {
  text: string;
  marked: boolean;
}

/** @example markTerms('金属3D打印装备', ['3d打印']) // [{ text: '金属', marked: false }, { text: '3D打印', marked: true }, { text: '装备', marked: false }] */
export function markTerms(text: string, terms: readonly string[]): Run[] {
  const comparable = [...text].map((c) => c.normalize('NFKC').toLowerCase());
  // One comparable character per character of the text, so positions agree.
  const folded = comparable.map((c) => (c.length === 1 ? c : '\u0000')).join('');
  const marked = new Uint8Array(text.length);
  for (const term of [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      marked.fill(1, at, at + term.length);
    }
  }
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    const isMarked = marked[i] === 1;
    const last = runs.at(-1);
    if (last && last.marked === isMarked) last.text += text[i];
    else runs.push({ text: text[i] as string, marked: isMarked });
  }
  return runs;
}
