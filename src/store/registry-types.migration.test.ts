import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildExtraction } from '../../test/factories/knowledge.js';
import { storeContents } from '../../test/store/contents.js';
import { storeEngines } from '../../test/store/dialects.js';
import { statementsOfExtraction } from '../core/extraction-statements.js';
import { openStore } from './open-store.js';

const NOW = '2024-01-01T00:00:00.000Z';

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`the registry's entity types on ${engine.title}`, () => {
    it('keeps every entity and statement when the entity table is rebuilt, and admits records', async () => {
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
      // Run the migration again over the rows, as on a store that had them before it.
      await sql`delete from kysely_migration where name = '0004_registry_types'`.execute(store.db);
      await store.close();

      const again = await openStore(location);
      try {
        expect(await storeContents(again)).toEqual(before);
        await again.entities.ensure([{ id: 'project:特斯联', type: 'project', key: '特斯联' }], NOW);
        expect((await again.entities.find('project:特斯联'))?.type).toBe('project');
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
  });
}
