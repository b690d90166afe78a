/**
 * The spans technology matching reads for its candidates, on each engine: a large entity read
 * on its own through the indexes gives the spans the shared query gives, and never more than
 * asked for.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPoolOfFile } from '../../test/factories/extraction-pool.js';
import { storeEngines } from '../../test/store/dialects.js';
import { ingestPaths } from '../services/ingest-files.service.js';
import type { MentionRow } from './matching.repository.js';
import type { Store } from './open-store.js';

const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));
const key = (m: MentionRow) => `${m.entityId}|${m.documentId}|${m.start}|${m.end}`;

const pool = extractionPoolOfFile();

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`matching's mentions on ${engine.title}`, () => {
    let store: Store;
    let ids: string[];

    beforeAll(async () => {
      store = await engine.open();
      expect((await ingestPaths(store, [SAMPLES], { pool })).failed).toBe(0);
      ids = (await store.entities.ofType('organization')).map((e) => e.id);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    it('reads each entity on its own to the same spans as the shared query, when all are asked for', async () => {
      const together = await store.matching.mentions(ids, 10_000);
      const alone = await store.matching.mentions(ids, 10_000, 0);
      expect(together.length).toBeGreaterThan(ids.length);
      expect(alone.map(key).sort()).toEqual(together.map(key).sort());
    });

    it('gives a large entity no more spans than asked for, each one of its own', async () => {
      const cas = (await store.entities.idsNamed('中国科学院'))[0] as string;
      const all = new Set((await store.matching.mentions([cas], 10_000)).map(key));
      expect(all.size).toBeGreaterThan(3);
      const few = await store.matching.mentions([cas], 3, 0);
      expect(few).toHaveLength(3);
      for (const m of few) expect(all.has(key(m))).toBe(true);
    });
  });
}
