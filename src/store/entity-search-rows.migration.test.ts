import { afterEach, describe, expect, it } from 'vitest';
import { storeEngines } from '../../test/store/dialects.js';
import { entityId } from '../core/statements.js';
import { entitySearchRows } from './entity-search-rows.migration.js';
import type { Store } from './open-store.js';

const row = (ref: string, title: string) => ({
  kind: 'entity' as const,
  ref,
  documentId: null,
  title,
  body: '',
});

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`migration 0008 on ${engine.title}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('drops the index rows of entities that are not stored and keeps the others', async () => {
      const s = await engine.open();
      store = s;
      const stored = entityId('organization', '重庆高新技术产业开发区');
      const dangling = entityId('organization', '重庆高新区');
      await s.entities.ensure(
        [{ id: stored, type: 'organization', key: '重庆高新技术产业开发区' }],
        new Date().toISOString(),
      );
      await s.search.addEntityNames([row(stored, '重庆 高新 开发区'), row(dangling, '重庆 高新区')]);
      const before = await s.search.search(['重庆'], { kind: 'entity' }, 10, 0);
      expect(before.hits.map((h) => h.ref).sort()).toEqual([stored, dangling].sort());

      await entitySearchRows(engine.dialect).up(s.db);

      const after = await s.search.search(['重庆'], { kind: 'entity' }, 10, 0);
      expect(after.hits.map((h) => h.ref)).toEqual([stored]);
      expect((await s.search.search(['高新区'], {}, 10, 0)).total).toBe(0);
    });
  });
}
