import { describe, expect, it } from 'vitest';
import { ndcgAt, rankingQuality, reciprocalRank } from './evaluate.js';

describe('ranking quality', () => {
  const judgments = new Map([
    ['a', 2],
    ['b', 1],
  ]);

  it('gives nDCG 1 to the ideal order and less to others', () => {
    expect(ndcgAt(['a', 'b', 'x'], judgments, 10)).toBeCloseTo(1, 10);
    expect(ndcgAt(['b', 'a'], judgments, 10)).toBeLessThan(1);
    expect(ndcgAt(['x', 'y'], judgments, 10)).toBe(0);
    expect(ndcgAt(['x', 'a'], judgments, 1)).toBe(0);
  });

  it('takes the reciprocal rank of the first relevant candidate', () => {
    expect(reciprocalRank(['x', 'b', 'a'], judgments)).toBe(0.5);
    expect(reciprocalRank(['x'], judgments)).toBe(0);
  });

  it('averages over needs', () => {
    const quality = rankingQuality([
      { ranking: ['a'], judgments },
      { ranking: ['x'], judgments },
    ]);
    expect(quality).toEqual({
      needs: 2,
      ndcg10: expect.closeTo(ndcgAt(['a'], judgments, 10) / 2, 10),
      mrr: 0.5,
    });
  });
});
