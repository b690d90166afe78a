/**
 * Finds known phrases in a text in one pass: a trie of characters, the longest phrase at each
 * place winning, so 激光焊接 is found as itself and not as 焊接. Phrases of the lexicon are
 * many and texts are long; one walk costs the text's length, not the number of phrases.
 */

interface Node<T> {
  next: Map<string, Node<T>>;
  value: T | undefined;
}

export interface PhraseHit<T> {
  phrase: string;
  value: T;
  start: number;
  end: number;
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map(), value: undefined };
  private readonly values = new Map<string, T>();

  add(phrase: string, value: T): void {
    if (!phrase) return;
    let node = this.root;
    for (const char of phrase) {
      let next = node.next.get(char);
      if (!next) {
        next = { next: new Map(), value: undefined };
        node.next.set(char, next);
      }
      node = next;
    }
    node.value = value;
    this.values.set(phrase, value);
  }

  get(phrase: string): T | undefined {
    return this.values.get(phrase);
  }

  /**
   * The phrases of `text`, left to right, none overlapping: at each place the longest one.
   * A Latin phrase (AI, 5G) counts only standing apart from other letters, so `ai` is not
   * found inside `email`.
   *
   * @example matcher.find('激光焊接与3d打印') // [{ phrase: '激光焊接', … }, { phrase: '3d打印', … }]
   */
  find(text: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < text.length) {
      let node: Node<T> | undefined = this.root;
      let best: PhraseHit<T> | undefined;
      for (let j = i; j < text.length && node; j++) {
        node = node.next.get(text[j] as string);
        if (node?.value !== undefined && standsApart(text, i, j + 1)) {
          best = { phrase: text.slice(i, j + 1), value: node.value, start: i, end: j + 1 };
        }
      }
      if (best) {
        hits.push(best);
        i = best.end;
      } else i++;
    }
    return hits;
  }
}

const LATIN = /[a-z0-9]/;

function standsApart(text: string, start: number, end: number): boolean {
  const first = text[start] as string;
  const last = text[end - 1] as string;
  if (LATIN.test(first) && start > 0 && LATIN.test(text[start - 1] as string)) return false;
  if (LATIN.test(last) && end < text.length && LATIN.test(text[end] as string)) return false;
  return true;
}
