/**
 * Measures of a ranking against the candidates people expect: nDCG@k (graded gains) and the
 * reciprocal rank of the first expected candidate. Pure functions, for the benchmark and for
 * the feedback people give.
 */

/** Relevance grades of one need: candidate id → gain (2 the best answers, 1 good ones). */
export type Judgments = ReadonlyMap<string, number>;

/**
 * nDCG at `k`: the discounted gains of the ranking over those of the ideal ordering.
 *
 * @example ndcgAt(['a', 'x', 'b'], new Map([['a', 2], ['b', 1]]), 10) // ≈ 0.96
 */
export function ndcgAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  const dcg = (gains: readonly number[]) =>
    gains.slice(0, k).reduce((sum, gain, i) => sum + (2 ** gain - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...judgments.values()].filter((g) => g > 0).sort((a, b) => b - a));
  if (ideal === 0) return 0;
  return dcg(ranking.map((id) => judgments.get(id) ?? 0)) / ideal;
}

/**
 * 1 / the rank of the first candidate with a gain, 0 when none is ranked.
 *
 * @example reciprocalRank(['x', 'a'], new Map([['a', 1]])) // 0.5
 */
export function reciprocalRank(ranking: readonly string[], judgments: Judgments): number {
  const at = ranking.findIndex((id) => (judgments.get(id) ?? 0) > 0);
  return at < 0 ? 0 : 1 / (at + 1);
}

export interface RankingQuality {
  needs: number;
  ndcg10: number;
  mrr: number;
}

/** The mean nDCG@10 and MRR over needs, each given as its ranking and its judgments. */
export function rankingQuality(
  runs: ReadonlyArray<{ ranking: readonly string[]; judgments: Judgments }>,
): RankingQuality {
  if (runs.length === 0) return { needs: 0, ndcg10: 0, mrr: 0 };
  const mean = (f: (run: (typeof runs)[number]) => number) =>
    runs.reduce((s, r) => s + f(r), 0) / runs.length;
  return {
    needs: runs.length,
    ndcg10: mean((r) => ndcgAt(r.ranking, r.judgments, 10)),
    mrr: mean((r) => reciprocalRank(r.ranking, r.judgments)),
  };
}
