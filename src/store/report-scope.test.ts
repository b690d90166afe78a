/**
 * The reads a status report narrows its scope with, on each engine: the bodies and places a
 * region's name is part of, the events they take part in, and where the events of the documents
 * that mention them are told — each checked against the same answer worked out from all statements.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPoolOfFile } from '../../test/factories/extraction-pool.js';
import { storeEngines } from '../../test/store/dialects.js';
import type { Statement } from '../core/statements.js';
import { ingestPaths } from '../services/ingest-files.service.js';
import type { Store } from './open-store.js';

const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));
const PERIOD = { from: 2021, to: 2023 };

/** Whether a date's first year is at most `to`, and at least `from` unless the date is a span. */
const datedIn = (date: string) =>
  Number(date.slice(0, 4)) <= PERIOD.to && (Number(date.slice(0, 4)) >= PERIOD.from || date.includes('/'));

const pool = extractionPoolOfFile();

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`the report's reads on ${engine.title}`, () => {
    let store: Store;
    /** Every live statement about the events, by event. */
    let events: Map<string, Statement[]>;
    let chongqing: string[];

    beforeAll(async () => {
      store = await engine.open();
      expect((await ingestPaths(store, [join(SAMPLES)], { pool })).failed).toBe(0);
      const ids = (await store.entities.ofType('event')).map((e) => e.id);
      events = new Map(ids.map((id) => [id, []]));
      for (const s of await store.statements.about(ids)) events.get(s.entityId)?.push(s);
      chongqing = await store.entities.idsWithKeyContaining(['重庆'], ['organization', 'place']);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    it('finds the bodies and places whose names contain a word, taking LIKE’s wildcards as letters', async () => {
      const keys = (await store.entities.findMany(chongqing)).map((e) => e.key);
      expect(keys.length).toBeGreaterThan(3);
      for (const key of keys) expect(key).toContain('重庆');
      const every = [
        ...(await store.entities.ofType('organization')),
        ...(await store.entities.ofType('place')),
      ];
      expect(keys.length).toBe(every.filter((e) => e.key.includes('重庆')).length);
      expect(await store.entities.idsWithKeyContaining(['%'], ['organization', 'place'])).toEqual([]);
      expect(await store.entities.idsWithKeyContaining(['重_'], ['organization', 'place'])).toEqual([]);
    });

    it('lists the events the entities take part in or are the place of, dated in the period', async () => {
      const ids = new Set(chongqing);
      const expected = [...events]
        .filter(([, own]) => {
          const dates = own.filter((s) => s.property === 'date').map((s) => String(s.value));
          const first = dates.sort()[0];
          const linked = own.some(
            (s) => (s.property === 'participant' || s.property === 'place') && ids.has(String(s.value)),
          );
          return linked && first !== undefined && datedIn(first);
        })
        .map(([id]) => id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(await store.stats.summary.eventsOf(chongqing, PERIOD)).toEqual(expected);
      expect(await store.stats.summary.eventsOf(chongqing)).toEqual(expect.arrayContaining(expected));
      expect(await store.stats.summary.eventsOf(chongqing, { from: 2030 })).toEqual([]);
    });

    it('lists the events told in the documents that mention the entities, with where each is told', async () => {
      const documents = new Set(
        (await store.statements.about(chongqing)).flatMap((s) =>
          s.source.origin === 'extracted' ? [s.source.documentId] : [],
        ),
      );
      const expected = [...events.values()]
        .flat()
        .flatMap((s) =>
          s.property === 'eventType' && s.source.origin === 'extracted' && documents.has(s.source.documentId)
            ? [{ eventId: s.entityId, documentId: s.source.documentId, span: s.source.span }]
            : [],
        )
        .sort((a, b) => a.eventId.localeCompare(b.eventId) || a.documentId.localeCompare(b.documentId));
      expect(expected.length).toBeGreaterThan(0);
      expect(await store.statements.eventsToldWith(chongqing)).toEqual(expected);
      expect(await store.statements.eventsToldWith([])).toEqual([]);
    });
  });
}
