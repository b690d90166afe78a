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

const zeros = (): Record<FeatureName, number> =>
  Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<FeatureName, number>;

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
  const found = index.relevance(need, { synonyms: full });
  let bestLexical = 0;
  let bestSynonym = 0;
  for (const r of found) {
    bestLexical = Math.max(bestLexical, r.lexical);
    bestSynonym = Math.max(bestSynonym, r.synonym);
  }
  const companyIds = full && need.company ? index.partnersNamed(need.company) : new Set<string>();
  const matches: Match[] = found.map((r) => {
    const values = zeros();
    const { candidate } = r;
    values.lexical = bestLexical > 0 ? r.lexical / bestLexical : 0;
    const match: Match = {
      candidate,
      score: 0,
      values,
      words: [...r.words]
        .map(([word, score]) => ({ word, score, inName: candidate.nameWords.has(word) }))
        .sort((a, b) => b.score - a.score),
      synonyms: [],
      fields: [],
      cooperation: {},
    };
    if (full) {
      values.synonym = bestSynonym > 0 ? r.synonym / bestSynonym : 0;
      match.synonyms = [...r.groups.keys()].map((group) => ({
        group,
        needForms: need.synonyms.get(group) ?? [],
        candidateForms: candidate.synonyms.get(group)?.forms ?? [],
      }));
      match.fields = sharedFields(need, candidate);
      if (match.fields.some((f) => f.shared === 'field')) values.field = 1;
      else if (match.fields.length > 0) values.fieldParent = 1;
      if (need.division) {
        const proximity = nearest(need.division, candidate);
        if (proximity) {
          match.proximity = proximity;
          values[proximity.level] = 1;
        }
        const place = cooperationPlace(need.division, candidate);
        if (place) {
          match.cooperation.place = place;
          values.cooperationPlace = saturated(place.events);
        }
      }
      const partner = candidate.input.partners
        .filter((p) => companyIds.has(p.id))
        .sort((a, b) => b.events - a.events)[0];
      if (partner) {
        match.cooperation.company = partner;
        values.cooperationCompany = saturated(partner.events);
      }
    }
    match.score = scoreOf(values);
    return match;
  });
  matches.sort((a, b) => b.score - a.score || (a.candidate.input.id < b.candidate.input.id ? -1 : 1));
  return matches.slice(0, options.limit);
}
