/**
 * The ranking of candidates for a need. Each feature is a value in [0, 1]: the BM25 of the
 * need's words and of its synonym groups (relative to the best candidate of the query), the
 * fields of the taxonomy shared, proximity, and past cooperation; the score is their sum
 * weighted by `MATCHING_CONFIG`. What each feature found is kept with it, so the explanation
 * shows exactly what the score used. The baseline ranks by the BM25 of the words alone.
 */
import type { EventPlace, Partner } from './candidate.js';
import { type FeatureWeights, MATCHING_CONFIG } from './matching.config.js';
import type { AnalyzedNeed, CandidateLocation, IndexedCandidate, MatchingIndex } from './matching-index.js';
import { type Field, matchingLexicon } from './matching-lexicon.js';
import { type Division, type ProximityLevel, proximityOf } from './proximity.js';

export type FeatureName = keyof FeatureWeights;

export const FEATURES = Object.keys(MATCHING_CONFIG.weights) as FeatureName[];

export type RankingMode = 'full' | 'bm25';

export interface WordMatch {
  word: string;
  /** Its share of the BM25. */
  score: number;
  inName: boolean;
}

export interface SynonymMatch {
  group: number;
  needForms: string[];
  candidateForms: string[];
}

export interface FieldMatch {
  field: Field;
  /** `field`: both name this field; `parent`: they only share the field above. */
  shared: 'field' | 'parent';
  needKeywords: string[];
  candidateKeywords: string[];
}

export interface Match {
  candidate: IndexedCandidate;
  score: number;
  /** Each feature's value, in [0, 1]. */
  values: Record<FeatureName, number>;
  words: WordMatch[];
  synonyms: SynonymMatch[];
  fields: FieldMatch[];
  proximity?: { level: ProximityLevel; need: Division; location: CandidateLocation };
  cooperation: { company?: Partner; place?: EventPlace };
}

const ZERO: Readonly<Record<FeatureName, number>> = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<
  FeatureName,
  number
>;

/** A feature's share of the score. */
export function contribution(match: Pick<Match, 'values'>, feature: FeatureName): number {
  return match.values[feature] * MATCHING_CONFIG.weights[feature];
}

function scoreOf(values: Record<FeatureName, number>): number {
  let score = 0;
  for (const feature of FEATURES) score += values[feature] * MATCHING_CONFIG.weights[feature];
  return score;
}

const saturated = (events: number) =>
  Math.min(1, Math.log2(1 + events) / MATCHING_CONFIG.cooperationSaturation);

function sharedFields(need: AnalyzedNeed, candidate: IndexedCandidate): FieldMatch[] {
  const { fields } = matchingLexicon();
  const out: FieldMatch[] = [];
  const leaves = new Set<string>();
  for (const [id, needKeywords] of need.fields) {
    const field = fields.get(id);
    const candidateKeywords = candidate.fields.get(id);
    if (field?.parent && candidateKeywords) {
      out.push({ field, shared: 'field', needKeywords, candidateKeywords });
      leaves.add(id);
    }
  }
  // The field above: named as such by both, or the parent of a field each names.
  const parentsOf = (ids: Iterable<string>) => {
    const parents = new Map<string, string[]>();
    for (const id of ids) {
      const field = fields.get(id);
      const top = field?.parent ?? field?.id;
      if (top) parents.set(top, [...(parents.get(top) ?? []), id]);
    }
    return parents;
  };
  const needParents = parentsOf(need.fields.keys());
  const candidateParents = parentsOf(candidate.fields.keys());
  for (const [top, needIds] of needParents) {
    const candidateIds = candidateParents.get(top);
    const field = fields.get(top);
    if (!field || !candidateIds || needIds.some((id) => leaves.has(id))) continue;
    out.push({
      field,
      shared: 'parent',
      needKeywords: needIds.flatMap((id) => need.fields.get(id) ?? []),
      candidateKeywords: candidateIds.flatMap((id) => candidate.fields.get(id) ?? []),
    });
  }
  return out;
}

/** The fields above some fields (a top field stands for itself). */
function parentFields(ids: Iterable<string>): Set<string> {
  const { fields } = matchingLexicon();
  const parents = new Set<string>();
  for (const id of ids) {
    const field = fields.get(id);
    const top = field?.parent ?? field?.id;
    if (top) parents.add(top);
  }
  return parents;
}

/** Whether a candidate shares a field with the need, or only the field above: what `sharedFields` finds, without the keywords. */
function fieldLevel(
  need: AnalyzedNeed,
  needParents: ReadonlySet<string>,
  candidate: IndexedCandidate,
): 'field' | 'parent' | undefined {
  const { fields } = matchingLexicon();
  for (const id of need.fields.keys()) if (fields.get(id)?.parent && candidate.fields.has(id)) return 'field';
  for (const top of needParents) if (candidate.fieldParents.has(top)) return 'parent';
  return undefined;
}

function nearest(need: Division, candidate: IndexedCandidate): Match['proximity'] {
  let best: Match['proximity'];
  const order: ProximityLevel[] = ['district', 'city', 'province', 'region'];
  for (const location of candidate.locations) {
    const level = proximityOf(need, location.division);
    if (level && (!best || order.indexOf(level) < order.indexOf(best.level)))
      best = { level, need, location };
  }
  return best;
}

/** The place events were held that lies in the need's district, else its city; the one with most events. */
function cooperationPlace(need: Division, candidate: IndexedCandidate): EventPlace | undefined {
  let best: EventPlace | undefined;
  for (const place of candidate.input.eventPlaces) {
    const d = place.division;
    const inside = need.district ? d.district === need.district : need.city ? d.city === need.city : false;
    if (inside && (!best || place.events > best.events)) best = place;
  }
  return best;
}

/** The most the features other than relevance can add to a candidate's score for this need. */
function mostOtherFeaturesGive(need: AnalyzedNeed, company: boolean): number {
  const w = MATCHING_CONFIG.weights;
  let most = 0;
  if (need.fields.size > 0) most += Math.max(w.field, w.fieldParent);
  if (need.division) most += Math.max(w.district, w.city, w.province, w.region) + w.cooperationPlace;
  if (company) most += w.cooperationCompany;
  return most;
}

/**
 * A relevance at or above which about `wanted` of the candidates lie (all of them when there are
 * fewer): read from a histogram, one pass, however many candidates.
 */
function relevantFirst(base: Float64Array, best: number, wanted: number): number {
  if (base.length <= wanted || best <= 0) return 0;
  const buckets = new Uint32Array(256);
  const bucketOf = (value: number) => Math.min(255, Math.floor((value / best) * 256));
  for (const value of base) {
    const bucket = bucketOf(value);
    buckets[bucket] = (buckets[bucket] ?? 0) + 1;
  }
  let count = 0;
  for (let b = 255; b > 0; b--) {
    count += buckets[b] ?? 0;
    if (count >= wanted) return (b / 256) * best;
  }
  return 0;
}

/**
 * The candidates for a need, best first: `full` uses every feature, `bm25` the words alone.
 *
 * @example rankCandidates(index, analyzeNeed({ description: '需要金属3D打印技术' }), { mode: 'full', limit: 10 })
 */
export function rankCandidates(
  index: MatchingIndex,
  need: AnalyzedNeed,
  options: { mode: RankingMode; limit: number },
): Match[] {
  const full = options.mode === 'full';
  const relevance = index.relevance(need, { synonyms: full });
  let bestLexical = 0;
  let bestSynonym = 0;
  for (const slot of relevance.slots) {
    bestLexical = Math.max(bestLexical, relevance.lexical[slot] ?? 0);
    bestSynonym = Math.max(bestSynonym, relevance.synonym[slot] ?? 0);
  }
  const companyIds = full && need.company ? index.partnersNamed(need.company) : new Set<string>();
  const needParents = parentFields(need.fields.keys());
  // Relevance relative to the best candidate of the query.
  const lexicalOf = (slot: number) => (bestLexical > 0 ? (relevance.lexical[slot] ?? 0) / bestLexical : 0);
  const synonymOf = (slot: number) =>
    full && bestSynonym > 0 ? (relevance.synonym[slot] ?? 0) / bestSynonym : 0;
  /** The features of one candidate; what each found goes into `found` when it is given. */
  const valuesOf = (
    candidate: IndexedCandidate,
    slot: number,
    found?: Pick<Match, 'proximity' | 'cooperation'>,
  ): Record<FeatureName, number> => {
    const values = { ...ZERO };
    values.lexical = lexicalOf(slot);
    if (!full) return values;
    values.synonym = synonymOf(slot);
    const level = fieldLevel(need, needParents, candidate);
    if (level === 'field') values.field = 1;
    else if (level === 'parent') values.fieldParent = 1;
    if (need.division) {
      const proximity = nearest(need.division, candidate);
      if (proximity) {
        if (found) found.proximity = proximity;
        values[proximity.level] = 1;
      }
      const place = cooperationPlace(need.division, candidate);
      if (place) {
        if (found) found.cooperation.place = place;
        values.cooperationPlace = saturated(place.events);
      }
    }
    if (companyIds.size > 0) {
      let partner: Partner | undefined;
      for (const p of candidate.input.partners) {
        if (companyIds.has(p.id) && (!partner || p.events > partner.events)) partner = p;
      }
      if (partner) {
        if (found) found.cooperation.company = partner;
        values.cooperationCompany = saturated(partner.events);
      }
    }
    return values;
  };
  /** A candidate's features with all each found, and the words, synonyms and fields behind them. */
  const matchOf = (candidate: IndexedCandidate, slot: number): Match => {
    const found: Pick<Match, 'proximity' | 'cooperation'> = { cooperation: {} };
    const values = valuesOf(candidate, slot, found);
    const detail = index.detail(need, candidate, { synonyms: full });
    return {
      candidate,
      score: scoreOf(values),
      values,
      words: [...detail.words]
        .map(([word, score]) => ({ word, score, inName: candidate.nameWords.has(word) }))
        .sort((a, b) => b.score - a.score),
      synonyms: [...detail.groups.keys()].map((group) => ({
        group,
        needForms: need.synonyms.get(group) ?? [],
        candidateForms: candidate.synonyms.get(group)?.forms ?? [],
      })),
      fields: full ? sharedFields(need, candidate) : [],
      ...(found.proximity ? { proximity: found.proximity } : {}),
      cooperation: found.cooperation,
    };
  };
  // The best `limit`, kept in order as the candidates are scored: most fall below the last kept.
  const better = (a: { score: number; id: string }, b: { score: number; id: string }) =>
    a.score > b.score || (a.score === b.score && a.id < b.id);
  const top: Array<{ slot: number; score: number; id: string }> = [];
  const consider = (slot: number) => {
    const candidate = index.at(slot);
    if (!candidate) return;
    const entry = { slot, score: scoreOf(valuesOf(candidate, slot)), id: candidate.input.id };
    const last = top.at(-1);
    if (top.length >= options.limit && last && !better(entry, last)) return;
    let at = top.length;
    while (at > 0 && better(entry, top[at - 1] as (typeof top)[number])) at--;
    top.splice(at, 0, entry);
    if (top.length > options.limit) top.pop();
  };
  // A candidate scores at most its relevance plus all the other features could give. The most
  // relevant are scored first; of the rest, only those whose bound reaches the last kept.
  const { weights } = MATCHING_CONFIG;
  const slots = relevance.slots;
  const base = new Float64Array(slots.length);
  let bestBase = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as number;
    base[i] = lexicalOf(slot) * weights.lexical + synonymOf(slot) * weights.synonym;
    bestBase = Math.max(bestBase, base[i] as number);
  }
  const first = relevantFirst(base, bestBase, options.limit * 4);
  for (let i = 0; i < slots.length; i++) if ((base[i] as number) >= first) consider(slots[i] as number);
  const others = full ? mostOtherFeaturesGive(need, companyIds.size > 0) : 0;
  for (let i = 0; i < slots.length; i++) {
    const bound = base[i] as number;
    if (bound >= first) continue;
    const last = top.at(-1);
    if (top.length >= options.limit && last && bound + others < last.score - 1e-9) continue;
    consider(slots[i] as number);
  }
  return top.flatMap(({ slot }) => {
    const candidate = index.at(slot);
    return candidate ? [matchOf(candidate, slot)] : [];
  });
}
