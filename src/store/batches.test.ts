import { describe, expect, it } from 'vitest';
import { batches } from './batches.js';

const sizes = (n: number, size?: number) =>
  [
    ...batches(
      Array.from({ length: n }, (_, i) => i),
      size,
    ),
  ].map((b) => b.length);

describe('batches', () => {
  it('cuts 93 rows into slices of 64, 16, 8, 4 and 1, so a few statements serve every document', () => {
    expect(sizes(93)).toEqual([64, 16, 8, 4, 1]);
  });

  it('keeps every item once and in order', () => {
    const items = Array.from({ length: 1300 }, (_, i) => i);
    expect([...batches(items)].flat()).toEqual(items);
    expect(sizes(1300)).toEqual([512, 512, 256, 16, 4]);
  });

  it('gives nothing for nothing, and never a slice over the limit', () => {
    expect(sizes(0)).toEqual([]);
    expect(Math.max(...sizes(100, 10))).toBe(8);
  });
});
