/**
 * The evaluation set of technology matching: the needs of `needs.json`, each with the
 * candidates a domain expert expects, over the knowledge base of `samples/` and `docs/`. The
 * expected candidates are named as the knowledge base names them and found by name in the
 * candidates' index; a name it does not hold is reported, never dropped in silence.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RankingQuality, rankingQuality } from '../../src/matching/evaluate.js';
import type { NeedInput } from '../../src/matching/need.js';
import type { RankingMode } from '../../src/matching/rank.js';
import { matchingIndex, rankedIds } from '../../src/services/matching.service.js';
import type { Store } from '../../src/store/open-store.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');

/** The folders whose documents make the evaluation's knowledge base. */
export const EVALUATION_FOLDERS = [join(ROOT, 'samples'), join(HERE, 'docs')];

export interface EvaluationNeed extends NeedInput {
  id: string;
  expected: Array<{ name: string; gain: number }>;
}

export function evaluationNeeds(): EvaluationNeed[] {
  return (JSON.parse(readFileSync(join(HERE, 'needs.json'), 'utf8')) as { needs: EvaluationNeed[] }).needs;
}

export interface Evaluation {
  modes: Record<RankingMode, RankingQuality>;
  /** Expected candidates the knowledge base does not hold, by need. */
  missing: Array<{ need: string; name: string }>;
  /** Per need, the reciprocal rank of each mode, for a look at where they differ. */
  perNeed: Array<{ need: string; full: number; bm25: number }>;
}

/** Ranks every need of the set with both modes and measures nDCG@10 and MRR. */
export async function evaluate(store: Store, needs = evaluationNeeds()): Promise<Evaluation> {
  const index = await matchingIndex(store);
  const missing: Evaluation['missing'] = [];
  const runs: Record<RankingMode, Array<{ ranking: string[]; judgments: Map<string, number> }>> = {
    full: [],
    bm25: [],
  };
  const perNeed: Evaluation['perNeed'] = [];
  for (const need of needs) {
    const judgments = new Map<string, number>();
    for (const { name, gain } of need.expected) {
      const ids = index.idsNamed(name);
      if (ids.length === 0) missing.push({ need: need.id, name });
      for (const id of ids) judgments.set(id, Math.max(gain, judgments.get(id) ?? 0));
    }
    const { expected: _expected, id: _id, ...input } = need;
    const row = { need: need.id, full: 0, bm25: 0 };
    for (const mode of ['full', 'bm25'] as const) {
      const ranking = await rankedIds(store, input, { mode, limit: 10 });
      runs[mode].push({ ranking, judgments });
      row[mode] = rankingQuality([{ ranking, judgments }]).mrr;
    }
    perNeed.push(row);
  }
  return { modes: { full: rankingQuality(runs.full), bm25: rankingQuality(runs.bm25) }, missing, perNeed };
}
