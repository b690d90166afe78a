import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('keeps each group in the order of the items', () => {
    expect([...groupBy(['ab', 'b', 'ac'], (s) => s.charAt(0))]).toEqual([
      ['a', ['ab', 'ac']],
      ['b', ['b']],
    ]);
  });
});
