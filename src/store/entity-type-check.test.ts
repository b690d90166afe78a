import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildExtraction } from '../../test/factories/knowledge.js';
import { storeContents } from '../../test/store/contents.js';
import { storeEngines } from '../../test/store/dialects.js';
import { statementsOfExtraction } from '../core/extraction-statements.js';
import type { StoredEntityType } from '../core/statements.js';
import { openStore } from './open-store.js';

const NOW = '2024-01-01T00:00:00.000Z';

/** The migrations that widen the entity types, each with an entity of a type it admits. */
const WIDENINGS: ReadonlyArray<{
  migration: string;
  admits: { id: string; type: StoredEntityType; key: string };
}> = [
  { migration: '0004_registry_types', admits: { id: 'project:特斯联', type: 'project', key: '特斯联' } },
  { migration: '0005_matching_needs', admits: { id: 'need:1', type: 'need', key: '需要石墨烯导热膜' } },
];

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`the entity types on ${engine.title}`, () => {
    for (const { migration, admits } of WIDENINGS) {
      it(`keeps every entity and statement when ${migration} widens the type check, and admits a ${admits.type}`, async () => {
        const location = await engine.location();
        const store = await openStore(location);
        const document = buildDocument();
        const facts = statementsOfExtraction(buildExtraction({}, document.text), {
          documentId: document.id,
          text: document.text,
        });
        await store.transaction(async (tx) => {
          await tx.documents.insert(document);
          await tx.entities.ensure(facts.entities, NOW);
          await tx.statements.insertMany(facts.statements, NOW);
        });
        const before = await storeContents(store);
        expect(before.statements.length).toBeGreaterThan(0);
        // Run the migration (and those after it) again over the rows, as on a store that had them before it.
        await sql`delete from kysely_migration where name >= ${migration}`.execute(store.db);
        await store.close();

        const again = await openStore(location);
        try {
          expect(await storeContents(again)).toEqual(before);
          await again.entities.ensure([admits], NOW);
          expect((await again.entities.find(admits.id))?.type).toBe(admits.type);
          await expect(
            again.db
              .insertInto('entities')
              .values({ id: 'x:1', type: 'unknown', key: 'x', created_at: NOW })
              .execute(),
          ).rejects.toThrow(/entities_type_check|CHECK constraint/);
        } finally {
          await again.close();
        }
      });
    }
  });
}
