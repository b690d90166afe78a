import { afterEach, describe, expect, it } from 'vitest';
import { buildDocument, buildExtraction } from '../../test/factories/knowledge.js';
import { storeEngines } from '../../test/store/dialects.js';
import { statementsOfExtraction } from '../core/extraction-statements.js';
import { entityId } from '../core/statements.js';
import { fromDocumentsIsCheaper, latestStatements, type TimedStatementRow } from './latest-statements.js';
import type { Store } from './open-store.js';

const CAS = entityId('organization', '中国科学院');
const SORTED = 0;
const LARGE = Number.MAX_SAFE_INTEGER;

/** Twelve documents naming 中国科学院, ingested in four groups that share their time. */
async function fill(store: Store): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const document = buildDocument({
      text: `${buildDocument().text}第${i}份。`,
      sourcePath: `inbox/${i}.txt`,
      ingestedAt: `2024-01-0${1 + Math.floor(i / 3)}T00:00:00.000Z`,
    });
    const facts = statementsOfExtraction(buildExtraction({}, document.text), {
      documentId: document.id,
      text: document.text,
    });
    await store.transaction(async (tx) => {
      await tx.documents.insert(document);
      await tx.entities.ensure(facts.entities, document.ingestedAt);
      // Re-extracted later than it came: its statements keep the document's time.
      await tx.statements.insertMany(
        facts.statements,
        i === 0 ? '2025-06-01T00:00:00.000Z' : document.ingestedAt,
      );
    });
  }
  // A person's statements, one between the groups and one after them all.
  for (const [value, at] of [
    ['中国科学院（更正）', '2024-01-02T12:00:00.000Z'],
    ['中科院总部', '2024-02-01T00:00:00.000Z'],
  ] as const) {
    await store.statements.addManual(
      { entityId: CAS, property: 'alias', value, author: '王编辑', status: 'accepted' },
      at,
    );
  }
}

const keys = (rows: readonly TimedStatementRow[]) => rows.map((r) => `${r.time} ${r.id}`);

describe('the way to an entity’s latest statements', () => {
  it('looks in the latest documents for a body most documents name, and sorts a rare one', () => {
    expect(fromDocumentsIsCheaper(95_000, 20, 100_000)).toBe(true);
    expect(fromDocumentsIsCheaper(300, 20, 100_000)).toBe(false);
    // The deeper the page, the more documents it takes.
    expect(fromDocumentsIsCheaper(3_000, 20, 100_000)).toBe(true);
    expect(fromDocumentsIsCheaper(3_000, 2_000, 100_000)).toBe(false);
    expect(fromDocumentsIsCheaper(0, 20, 0)).toBe(false);
  });
});

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`an entity's latest statements on ${engine.title}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('come in the same order whether sorted or found from the latest documents', async () => {
      const s = await engine.open();
      store = s;
      await fill(s);
      const all = await latestStatements(s.db, [CAS], SORTED, { limit: 1000, offset: 0 });
      expect(all.length).toBeGreaterThan(24);
      const order = keys(all);
      expect(order).toEqual([...order].sort().reverse());
      for (const [limit, offset] of [
        [5, 0],
        [7, 3],
        [4, 10],
        [9, all.length - 5],
        [3, all.length + 2],
      ] as const) {
        const page = { limit, offset };
        const expected = order.slice(offset, offset + limit);
        expect(keys(await latestStatements(s.db, [CAS], SORTED, page))).toEqual(expected);
        // Two documents at a time, so that a group of the same time is split between looks.
        expect(keys(await latestStatements(s.db, [CAS], LARGE, page, 2))).toEqual(expected);
      }
    });

    it('put a person’s statement by its own time and a re-extracted one by its document’s', async () => {
      const s = await engine.open();
      store = s;
      await fill(s);
      for (const size of [SORTED, LARGE]) {
        const rows = await latestStatements(s.db, [CAS], size, { limit: 1000, offset: 0 }, 2);
        expect(rows[0]).toMatchObject({ origin: 'manual', value: '"中科院总部"' });
        const correction = rows.findIndex((r) => r.value === '"中国科学院（更正）"');
        expect(rows.slice(0, correction).every((r) => r.time > '2024-01-02T12:00:00.000Z')).toBe(true);
        const reextracted = rows.filter((r) => r.created_at === '2025-06-01T00:00:00.000Z');
        expect(reextracted.length).toBeGreaterThan(0);
        expect(reextracted.every((r) => r.time === '2024-01-01T00:00:00.000Z')).toBe(true);
      }
    });

    it('list only what documents said of the entity under the cited filter', async () => {
      const s = await engine.open();
      store = s;
      await fill(s);
      const page = { limit: 6, offset: 0, filter: { properties: ['name', 'alias'], cited: true } };
      for (const size of [SORTED, LARGE]) {
        const rows = await latestStatements(s.db, [CAS], size, page, 2);
        expect(rows).toHaveLength(6);
        expect(rows.every((r) => r.document_id !== null && ['name', 'alias'].includes(r.property))).toBe(
          true,
        );
      }
    });
  });
}
