import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPoolOfFile } from '../../test/factories/extraction-pool.js';
import { storeEngines } from '../../test/store/dialects.js';
import { entityId, type Statement } from '../core/statements.js';
import type { Store } from '../store/open-store.js';
import { describeEntity } from './entity.service.js';
import {
  entityMeant,
  mergeEntities,
  referencesToIdentity,
  resolveIdentity,
  splitEntity,
  statementsOfIdentity,
  unmergeEntity,
} from './entity-identity.service.js';
import { ingestPaths } from './ingest-files.service.js';
import { entityPage } from './knowledge.service.js';
import { reextractDocuments } from './reextract.service.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_002 = join(ROOT, '../shared/seeds/002_717669ecf8a4545b.txt');
const CAS = entityId('organization', '中国科学院');
const CHONGQING_INSTITUTE = entityId('organization', '中国科学院重庆绿色智能技术研究院');
const CITY_GOVERNMENT = entityId('organization', '重庆市人民政府');

const names = (statements: readonly Statement[]) =>
  new Set(
    statements
      .filter((s) => (s.property === 'name' || s.property === 'alias') && s.status !== 'rejected')
      .map((s) => s.value),
  );

const pool = extractionPoolOfFile();

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`merging and splitting entities on ${engine.title}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
      const summary = await ingestPaths(store, [SEED_002], { pool, published: '2021-03-01' });
      expect(summary.new).toBe(1);
    }, 120_000);
    afterAll(async () => {
      await store.close();
    });

    it('makes one body of two entities, shown as the one merged into, with the statements of both', async () => {
      const merged = await mergeEntities(store, { from: CITY_GOVERNMENT, into: CAS, author: '王芳' });
      expect(merged.id).toBe(CAS);
      expect(merged.members).toEqual([CAS, CITY_GOVERNMENT]);
      expect((await resolveIdentity(store, CITY_GOVERNMENT)).id).toBe(CAS);
      const statements = await statementsOfIdentity(store, merged);
      expect(names(statements)).toContain('重庆市人民政府');
      expect(names(statements)).toContain('中国科学院');
      const decisions = statements.filter((s) => s.property === 'sameAs' || s.property === 'merged');
      expect(decisions.every((s) => s.source.origin === 'manual' && s.source.author === '王芳')).toBe(true);
      expect(await store.stats.summary.snapshot()).toEqual(await store.stats.summary.recount());
    });

    it('shows a merged entity’s page as the body’s, with the names and events of both', async () => {
      const page = await entityPage(store, CITY_GOVERNMENT);
      expect(page.entity.id).toBe(CAS);
      expect(page.entity.aliases).toContain('重庆市人民政府');
      const alone = (await store.stats.summary.entity(CAS)).events;
      expect(page.events.total).toBeGreaterThan(alone);
      expect(page.relations.map((r) => r.entity.id)).not.toContain(CITY_GOVERNMENT);
    });

    it('shows a merged entity, asked for by either name, as the body it was merged into', async () => {
      const [report, ...others] = await describeEntity(store, '重庆市人民政府');
      expect(others).toEqual([]);
      expect(report?.entity.id).toBe(CAS);
      expect(report?.entity.aliases).toContain('重庆市人民政府');
      expect(await entityMeant(store, '重庆市人民政府')).toBe(CITY_GOVERNMENT);
    });

    it('names an entity by its id or by its one name, and refuses a name nobody has', async () => {
      expect(await entityMeant(store, CAS)).toBe(CAS);
      expect(await entityMeant(store, '重庆市人民政府')).toBe(CITY_GOVERNMENT);
      await expect(entityMeant(store, '不存在的机构')).rejects.toThrow('没有这个实体');
    });

    it('refuses a second merge of the same entity, a merge into itself and a merge across types', async () => {
      await expect(
        mergeEntities(store, { from: CITY_GOVERNMENT, into: CHONGQING_INSTITUTE, author: '王芳' }),
      ).rejects.toThrow('已合并');
      await expect(
        mergeEntities(store, { from: CAS, into: CITY_GOVERNMENT, author: '王芳' }),
      ).rejects.toThrow('同一个');
      await expect(
        mergeEntities(store, { from: CAS, into: entityId('place', '重庆市'), author: '王芳' }),
      ).rejects.toThrow('不同类型');
      await expect(
        mergeEntities(store, { from: CAS, into: CHONGQING_INSTITUTE, author: ' ' }),
      ).rejects.toThrow('署名');
    });

    it('keeps a merge when the documents are extracted again', async () => {
      const [document] = (await store.browse.documents(1, 0)).items;
      if (!document) throw new Error('no document stored');
      await store.documents.setExtractorVersion(document.id, '0.0.0-old');
      const summary = await reextractDocuments(store, { pool });
      expect(summary.reextracted).toBe(1);
      const identity = await resolveIdentity(store, CITY_GOVERNMENT);
      expect(identity.id).toBe(CAS);
      expect(names(await statementsOfIdentity(store, identity))).toContain('重庆市人民政府');
    });

    it('takes a merge back, each entity a body of its own again', async () => {
      const apart = await unmergeEntity(store, { from: CITY_GOVERNMENT, author: '李强' });
      expect(apart).toMatchObject({ id: CITY_GOVERNMENT, members: [CITY_GOVERNMENT] });
      expect((await resolveIdentity(store, CAS)).members).toEqual([CAS]);
      expect(names(await statementsOfIdentity(store, await resolveIdentity(store, CAS)))).not.toContain(
        '重庆市人民政府',
      );
      await expect(unmergeEntity(store, { from: CITY_GOVERNMENT, author: '李强' })).rejects.toThrow(
        '没有被合并',
      );
    });

    it('splits a name off a body, with what the documents said under that name', async () => {
      const before = await statementsOfIdentity(store, await resolveIdentity(store, CAS));
      expect(names(before)).toContain('中科院');
      const split = await splitEntity(store, { from: CAS, names: ['中科院'], author: '王芳' });
      expect(split.splitFrom).toEqual({ from: CAS, names: ['中科院'] });
      const theirs = await statementsOfIdentity(store, split);
      expect(names(theirs)).toEqual(new Set(['中科院']));
      const events = await referencesToIdentity(store, split);
      const cas = await resolveIdentity(store, CAS);
      expect(cas.splitOff.get('中科院')).toBe(split.id);
      const ours = await statementsOfIdentity(store, cas);
      expect(names(ours)).not.toContain('中科院');
      expect(names(ours)).toContain('中国科学院');
      // What moved is no longer the first body's: no statement is on both.
      const ourIds = new Set(ours.map((s) => s.id));
      expect(theirs.filter((s) => ourIds.has(s.id))).toEqual([]);
      const ourEvents = new Set((await referencesToIdentity(store, cas)).map((s) => s.id));
      expect(events.filter((s) => ourEvents.has(s.id))).toEqual([]);
      expect(await store.stats.summary.snapshot()).toEqual(await store.stats.summary.recount());
    });

    it('refuses to split off a name the body does not have', async () => {
      await expect(
        splitEntity(store, { from: CAS, names: ['不存在的名称'], author: '王芳' }),
      ).rejects.toThrow('没有这些名称');
      await expect(splitEntity(store, { from: CAS, names: [], author: '王芳' })).rejects.toThrow('拆分');
    });
  });
}
