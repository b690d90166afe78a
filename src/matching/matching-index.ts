/**
 * The candidates' index: postings of their words and synonym groups for BM25, and what each
 * candidate is known for (fields, places, partners), kept in memory and changed one candidate
 * at a time, so a query reads it as it stands and never rebuilds it.
 */
import { identityName } from '../core/statements.js';
import { fieldsIn, matchingText, matchingWords, synonymGroupsIn } from './analyze.js';
import type { CandidateInput, CandidateKind } from './candidate.js';
import { MATCHING_CONFIG } from './matching.config.js';
import { matchingLexicon } from './matching-lexicon.js';
import { type Division, placeDivision, placesIn, within } from './proximity.js';

/** Where a candidate is, and what says so. */
export interface CandidateLocation {
  division: Division;
  /** The place as written. */
  written: string;
  /** `name`: its name says it; `record`: its record; `text`: the place its sentences name most. */
  via: 'name' | 'record' | 'text';
  /** The sentence it was read from, for `text`. */
  passage?: number;
}

export interface IndexedCandidate {
  input: CandidateInput;
  slot: number;
  /** Word → occurrences (a word of the name counts `nameBoost` times). */
  words: Map<string, number>;
  /** The words of its name and aliases. */
  nameWords: Set<string>;
  /** Synonym group → occurrences, and the forms it writes. */
  synonyms: Map<number, { count: number; forms: string[] }>;
  /** Field id → the keywords it writes. */
  fields: Map<string, string[]>;
  /** The top fields of its fields (a top field stands for itself). */
  fieldParents: Set<string>;
  length: number;
  locations: CandidateLocation[];
  /** The comparable text of each field of text: the name and aliases, then each fact, then each passage. */
  texts: { name: string; facts: string[]; passages: string[] };
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Reads a candidate's text once, when it enters the index. */
export function indexCandidate(input: CandidateInput, slot: number): IndexedCandidate {
  const { nameBoost } = MATCHING_CONFIG.bm25;
  const nameText = [input.name, ...input.aliases].join('、');
  const words = new Map<string, number>();
  const nameWords = new Set(matchingWords(nameText));
  for (const word of matchingWords(nameText)) bump(words, word, nameBoost);
  const bodies = [...input.facts, ...input.passages.map((p) => p.text)];
  for (const body of bodies) for (const word of matchingWords(body)) bump(words, word);
  const synonyms = new Map<number, { count: number; forms: string[] }>();
  const fields = new Map<string, string[]>();
  for (const [text, weight] of [[nameText, nameBoost] as const, ...bodies.map((b) => [b, 1] as const)]) {
    for (const [group, forms] of synonymGroupsIn(text)) {
      const entry = synonyms.get(group) ?? { count: 0, forms: [] };
      entry.count += weight * forms.length;
      for (const form of forms) if (!entry.forms.includes(form)) entry.forms.push(form);
      synonyms.set(group, entry);
    }
    for (const [field, keywords] of fieldsIn(text)) {
      const known = fields.get(field) ?? [];
      for (const keyword of keywords) if (!known.includes(keyword)) known.push(keyword);
      fields.set(field, known);
    }
  }
  let length = 0;
  for (const count of words.values()) length += count;
  const taxonomy = matchingLexicon().fields;
  const fieldParents = new Set<string>();
  for (const id of fields.keys()) {
    const field = taxonomy.get(id);
    const top = field?.parent ?? field?.id;
    if (top) fieldParents.add(top);
  }
  return {
    input,
    slot,
    words,
    nameWords,
    synonyms,
    fields,
    fieldParents,
    length,
    locations: locate(input),
    texts: {
      name: matchingText(nameText),
      facts: input.facts.map(matchingText),
      passages: input.passages.map((p) => matchingText(p.text)),
    },
  };
}

const specificity = (d: Division) => (d.district ? 3 : d.city ? 2 : 1);

/** Its name's places, its record's, and the place its sentences name most (the most specific of the most named). */
function locate(input: CandidateInput): CandidateLocation[] {
  const out: CandidateLocation[] = [];
  const seen = new Set<string>();
  const add = (location: CandidateLocation) => {
    const key = location.division.district ?? location.division.city ?? location.division.province;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(location);
  };
  for (const { written, division } of placesIn(input.name)) add({ division, written, via: 'name' });
  for (const place of input.places) {
    const division = placeDivision(place);
    if (division) add({ division, written: place, via: 'record' });
  }
  const counts = new Map<string, { written: string; division: Division; passage: number; count: number }>();
  input.passages.forEach((passage, index) => {
    for (const { written, division } of placesIn(passage.text)) {
      const key = division.district ?? division.city ?? division.province;
      const entry = counts.get(key) ?? { written, division, passage: index, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  });
  // A place of the text that lies within the name's or record's (北碚区 within 重庆) refines it.
  const places = [...counts.values()];
  const refining = places.filter((p) =>
    out.some((o) => specificity(p.division) > specificity(o.division) && within(p.division, o.division)),
  );
  const best = (refining.length > 0 ? refining : places).sort(
    (a, b) => b.count - a.count || specificity(b.division) - specificity(a.division),
  )[0];
  if (best) add({ division: best.division, written: best.written, via: 'text', passage: best.passage });
  return out;
}

/** BM25 of one term: its inverse document frequency times its saturated, length-normalised frequency. */
export function bm25Term(
  tf: number,
  df: number,
  total: number,
  length: number,
  averageLength: number,
): number {
  const { k1, b } = MATCHING_CONFIG.bm25;
  const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
}

/** The need as the index reads it. */
export interface AnalyzedNeed {
  words: string[];
  synonyms: Map<number, string[]>;
  fields: Map<string, string[]>;
  company?: string;
  division?: Division;
  kinds?: readonly CandidateKind[];
}

/** Analyses a need's text and the field it is declared in (a taxonomy id or name). */
export function analyzeNeed(need: {
  description: string;
  field?: string;
  company?: string;
  division?: Division;
  kinds?: readonly CandidateKind[];
}): AnalyzedNeed {
  const fields = fieldsIn(need.description);
  if (need.field) {
    const { fields: taxonomy } = matchingLexicon();
    const declared =
      taxonomy.get(need.field) ??
      [...taxonomy.values()].find((f) => f.zh === need.field || f.en === need.field);
    if (declared && !fields.has(declared.id)) fields.set(declared.id, [declared.zh]);
    else if (!declared)
      for (const [id, words] of fieldsIn(need.field)) if (!fields.has(id)) fields.set(id, words);
  }
  return {
    words: [...new Set(matchingWords(need.description))],
    synonyms: synonymGroupsIn(need.description),
    fields,
    ...(need.company ? { company: need.company } : {}),
    ...(need.division ? { division: need.division } : {}),
    ...(need.kinds?.length ? { kinds: need.kinds } : {}),
  };
}

/** The BM25 of the need's words and of its synonym groups, for each candidate they reach. */
export interface Relevance {
  /** The slots of the candidates reached, in no order. */
  slots: number[];
  /** By slot: the BM25 of the words, and of the synonym groups. */
  lexical: Float64Array;
  synonym: Float64Array;
}

/** What of a need one candidate matched, with each word's and group's share of the BM25. */
export interface RelevanceDetail {
  words: Map<string, number>;
  groups: Map<number, number>;
}

export class MatchingIndex {
  private readonly bySlot: Array<IndexedCandidate | undefined> = [];
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly wordPostings = new Map<string, Map<number, number>>();
  private readonly groupPostings = new Map<number, Map<number, number>>();
  private readonly partnerIds = new Map<string, Set<string>>();
  private readonly named = new Map<string, Set<string>>();
  private totalLength = 0;

  get size(): number {
    return this.slots.size;
  }

  get(id: string): IndexedCandidate | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.bySlot[slot];
  }

  /** Adds a candidate, or replaces the one of the same id. */
  upsert(input: CandidateInput): void {
    this.remove(input.id);
    const slot = this.free.pop() ?? this.bySlot.length;
    const indexed = indexCandidate(input, slot);
    this.bySlot[slot] = indexed;
    this.slots.set(input.id, slot);
    this.totalLength += indexed.length;
    for (const [word, count] of indexed.words) this.posting(this.wordPostings, word).set(slot, count);
    for (const [group, { count }] of indexed.synonyms)
      this.posting(this.groupPostings, group).set(slot, count);
    for (const name of [input.name, ...input.aliases]) {
      const key = identityName(name);
      const ids = this.named.get(key) ?? new Set<string>();
      ids.add(input.id);
      this.named.set(key, ids);
    }
    for (const partner of input.partners) {
      const key = identityName(partner.name);
      const ids = this.partnerIds.get(key) ?? new Set<string>();
      ids.add(partner.id);
      this.partnerIds.set(key, ids);
    }
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const indexed = this.bySlot[slot];
    if (indexed) {
      for (const name of [indexed.input.name, ...indexed.input.aliases]) {
        const ids = this.named.get(identityName(name));
        ids?.delete(id);
        if (ids?.size === 0) this.named.delete(identityName(name));
      }
      this.totalLength -= indexed.length;
      for (const word of indexed.words.keys()) this.unpost(this.wordPostings, word, slot);
      for (const group of indexed.synonyms.keys()) this.unpost(this.groupPostings, group, slot);
    }
    this.bySlot[slot] = undefined;
    this.slots.delete(id);
    this.free.push(slot);
  }

  /** The candidates a name or alias stands for. */
  idsNamed(name: string): string[] {
    return [...(this.named.get(identityName(name)) ?? [])].sort();
  }

  /** The ids of the bodies a name stands for among the candidates' partners. */
  partnersNamed(name: string): ReadonlySet<string> {
    return this.partnerIds.get(identityName(name)) ?? new Set();
  }

  /**
   * Every candidate the need's words (and, with `synonyms`, its synonym groups) reach, with
   * its BM25 over the words and over the groups.
   */
  relevance(need: AnalyzedNeed, options: { synonyms: boolean }): Relevance {
    const size = this.bySlot.length;
    const relevance: Relevance = {
      slots: [],
      lexical: new Float64Array(size),
      synonym: new Float64Array(size),
    };
    const total = this.slots.size;
    if (total === 0) return relevance;
    const average = this.totalLength / total || 1;
    const reached = new Uint8Array(size);
    const accumulate = <K>(postings: Map<K, Map<number, number>>, keys: Iterable<K>, into: Float64Array) => {
      for (const key of keys) {
        const list = postings.get(key);
        if (!list) continue;
        for (const [slot, tf] of list) {
          const candidate = this.bySlot[slot];
          if (!candidate || (need.kinds && !need.kinds.includes(candidate.input.kind))) continue;
          into[slot] = (into[slot] ?? 0) + bm25Term(tf, list.size, total, candidate.length, average);
          if (!reached[slot]) {
            reached[slot] = 1;
            relevance.slots.push(slot);
          }
        }
      }
    };
    accumulate(this.wordPostings, need.words, relevance.lexical);
    if (options.synonyms) accumulate(this.groupPostings, need.synonyms.keys(), relevance.synonym);
    return relevance;
  }

  /** The candidate in a slot. */
  at(slot: number): IndexedCandidate | undefined {
    return this.bySlot[slot];
  }

  /** Which of the need's words and synonym groups a candidate matched, each with its share of the BM25. */
  detail(need: AnalyzedNeed, candidate: IndexedCandidate, options: { synonyms: boolean }): RelevanceDetail {
    const total = this.slots.size;
    const average = this.totalLength / total || 1;
    const detail: RelevanceDetail = { words: new Map(), groups: new Map() };
    for (const word of need.words) {
      const tf = candidate.words.get(word);
      const df = this.wordPostings.get(word)?.size;
      if (tf && df) detail.words.set(word, bm25Term(tf, df, total, candidate.length, average));
    }
    if (options.synonyms) {
      for (const group of need.synonyms.keys()) {
        const tf = candidate.synonyms.get(group)?.count;
        const df = this.groupPostings.get(group)?.size;
        if (tf && df) detail.groups.set(group, bm25Term(tf, df, total, candidate.length, average));
      }
    }
    return detail;
  }

  private posting<K>(postings: Map<K, Map<number, number>>, key: K): Map<number, number> {
    let list = postings.get(key);
    if (!list) {
      list = new Map();
      postings.set(key, list);
    }
    return list;
  }

  private unpost<K>(postings: Map<K, Map<number, number>>, key: K, slot: number): void {
    const list = postings.get(key);
    if (!list) return;
    list.delete(slot);
    if (list.size === 0) postings.delete(key);
  }
}
