/**
 * Every weight and limit of technology matching, in one place: the ranking, the explanations
 * and the benchmark read them from here, and tuning changes only this file.
 *
 * A candidate's score is the sum of its features, each a value in [0, 1] times its weight:
 * lexical relevance (BM25 of the need's words, relative to the best candidate of the query),
 * the same for the domain's synonyms, the fields of the taxonomy they share, how near they are,
 * and their record of past cooperation.
 */
export const MATCHING_CONFIG = {
  bm25: {
    k1: 1.2,
    b: 0.75,
    /** A word in the candidate's name counts as this many occurrences in its text. */
    nameBoost: 3,
  },
  weights: {
    /** BM25 of the need's words. */
    lexical: 1,
    /** BM25 of the synonym groups the need and the candidate both write (in any of their forms). */
    synonym: 0.6,
    /** Sharing a field of the taxonomy (石墨烯与碳材料) … */
    field: 0.3,
    /** … or only its parent (新材料). */
    fieldParent: 0.1,
    /** Located in the need's district, else city, province or region. */
    district: 0.2,
    city: 0.12,
    province: 0.06,
    region: 0.03,
    /** Has taken part in events with the need's company, per log2(1 + events), at most 1. */
    cooperationCompany: 0.3,
    /** Has taken part in events in the need's district or city, per log2(1 + events), at most 1. */
    cooperationPlace: 0.1,
  },
  /** Events whose log2(1 + n) reaches the full cooperation value: 3 events give 1. */
  cooperationSaturation: 2,
  limits: {
    /** Characters of a need's description. */
    needMaxLength: 2000,
    /** Chinese characters a description must have to say what is needed. */
    needMinHan: 2,
    /** Sentences of the knowledge base indexed for one candidate. */
    passagesPerCandidate: 12,
    /** Evidence sentences shown for one candidate. */
    evidenceShown: 3,
    /** Candidates returned when the caller does not say. */
    results: 10,
    /** Most candidates one request may ask for. */
    maxResults: 50,
  },
} as const;

export type MatchingConfig = typeof MATCHING_CONFIG;
export type FeatureWeights = MatchingConfig['weights'];
