import { describe, expect, it } from 'vitest';
import { firstIndex } from './sorted-search.js';

describe('firstIndex', () => {
  const starts = [0, 4, 4, 9, 15];

  it('finds the first index at which the condition holds', () => {
    expect(firstIndex(starts.length, (i) => (starts[i] as number) >= 4)).toBe(1);
    expect(firstIndex(starts.length, (i) => (starts[i] as number) > 4)).toBe(3);
  });

  it('gives the length when the condition never holds, and 0 when it always does', () => {
    expect(firstIndex(starts.length, (i) => (starts[i] as number) > 100)).toBe(5);
    expect(firstIndex(starts.length, () => true)).toBe(0);
    expect(firstIndex(0, () => true)).toBe(0);
  });
});
