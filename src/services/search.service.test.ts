import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPoolOfFile } from '../../test/factories/extraction-pool.js';
import { storeEngines } from '../../test/store/dialects.js';
import { MARK_END, MARK_START } from '../core/snippet.js';
import type { Store } from '../store/open-store.js';
import { ingestPaths } from './ingest-files.service.js';
import { search } from './search.service.js';

const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));
const query = (q: string, more: Record<string, string> = {}) => ({ q, limit: 20, offset: 0, ...more });

const pool = extractionPoolOfFile();

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`search on ${engine.title}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
      const summary = await ingestPaths(store, [SAMPLES], { pool });
      expect(summary.failed).toBe(0);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('finds documents by a Chinese word with the word marked in the snippet', async () => {
      const result = await search(store, query('实验室'));
      expect(result.total).toBeGreaterThan(0);
      const hit = result.hits.find((h) => h.kind === 'document');
      expect(hit?.snippet).toContain(`${MARK_START}实验室${MARK_END}`);
    });

    it('finds a long name by a word inside it', async () => {
      const result = await search(store, query('科学院', { kind: 'entity' }));
      expect(result.hits.map((h) => h.title)).toContain('中国科学院');
    });

    it('finds an entity by the initials of its pinyin', async () => {
      const result = await search(store, query('zgkxy', { kind: 'entity' }));
      expect(result.hits.map((h) => h.title)).toContain('中国科学院');
    });

    it('finds a zone by the short name a document writes, and its hit is the stored entity', async () => {
      const result = await search(store, query('重庆高新区', { kind: 'entity' }));
      const stored = await store.entities.findMany(result.hits.map((h) => h.id));
      expect(stored.map((e) => e.key)).toContain('重庆高新技术产业开发区');
    });

    it('gives only entities that are stored', async () => {
      for (const word of ['高新区', '科技局', '研究院', '大学', '公司']) {
        const result = await search(store, query(word, { kind: 'entity' }));
        const refs = result.hits.map((h) => h.id);
        expect(refs.length).toBeGreaterThan(0);
        const stored = await store.entities.findMany(refs);
        expect(stored.map((e) => e.id).sort()).toEqual([...new Set(refs)].sort());
      }
    });

    it('narrows by event type and counts the facets', async () => {
      const all = await search(store, query('合作'));
      const agreements = await search(store, query('合作', { eventType: 'agreement' }));
      expect(agreements.total).toBeGreaterThan(0);
      expect(agreements.total).toBeLessThanOrEqual(all.total);
      expect(all.facets.eventType.agreement).toBeGreaterThan(0);
      expect(Object.values(all.facets.kind).reduce((a, b) => a + b, 0)).toBe(all.total);
    });

    it('narrows by publication dates', async () => {
      const none = await search(store, query('合作', { from: '1990', to: '1990' }));
      expect(none.total).toBe(0);
    });

    it('answers a hostile query with ordinary results and changes nothing', async () => {
      const before = await store.documents.count();
      const result = await search(store, query(`合作"; DROP TABLE documents; -- ' OR 1=1 NEAR(`));
      expect(Array.isArray(result.hits)).toBe(true);
      expect(await store.documents.count()).toBe(before);
    });

    it('answers an empty query with nothing', async () => {
      expect((await search(store, query('  '))).total).toBe(0);
    });
  });
}
