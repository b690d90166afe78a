import { describe, expect, it } from 'vitest';
import { storeEngines } from '../../test/store/dialects.js';
import { CompiledInsert } from './compiled-insert.js';

type Row = { id: string; type: string; key: string; created_at: string };

const insertEntities = new CompiledInsert<Row>(['id', 'type', 'key', 'created_at'], (db, rows) =>
  db
    .insertInto('entities')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .compile(),
);

const rows = (from: number, to: number): Row[] =>
  Array.from({ length: to - from }, (_, i) => ({
    id: `organization:${String(from + i).padStart(4, '0')}`,
    type: 'organization',
    key: `机构${from + i}`,
    created_at: '2024-01-01T00:00:00.000Z',
  }));

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`CompiledInsert on ${engine.title}`, () => {
    it('stores every row with each value in its column, across slices of every size', async () => {
      const store = await engine.open();
      try {
        await insertEntities.run(store.db, rows(0, 93));
        // The same sizes again, from the SQL kept the first time, and one row already stored.
        await insertEntities.run(store.db, rows(92, 185));
        const stored = await store.db.selectFrom('entities').selectAll().orderBy('id').execute();
        expect(stored).toEqual(rows(0, 185));
      } finally {
        await store.close();
      }
    });

    it('inserts inside a transaction as on the store itself', async () => {
      const store = await engine.open();
      try {
        const records = rows(0, 3).map((r) => ({ id: r.id, type: 'organization' as const, key: r.key }));
        await store.transaction((tx) => tx.entities.ensure(records, '2024-01-01T00:00:00.000Z'));
        await store.db.transaction().execute((trx) => insertEntities.run(trx, rows(3, 5)));
        expect(await store.db.selectFrom('entities').select('id').execute()).toHaveLength(5);
      } finally {
        await store.close();
      }
    });
  });
}
