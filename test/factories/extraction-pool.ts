import { afterAll } from 'vitest';
import { ExtractionPool } from '../../src/services/extraction-pool.js';

/** The extraction workers of one test file, closed once its tests are done. */
export function extractionPoolOfFile(workers = 2): ExtractionPool {
  const pool = new ExtractionPool(workers);
  afterAll(() => pool.close());
  return pool;
}
