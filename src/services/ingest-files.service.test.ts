import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storeContents } from '../../test/store/contents.js';
import { storeEngines } from '../../test/store/dialects.js';
import { entityId } from '../core/statements.js';
import type { Store } from '../store/open-store.js';
import { describeEntity } from './entity.service.js';
import { ExtractionPool } from './extraction-pool.js';
import { ingestPaths } from './ingest-files.service.js';
import { reextractDocuments } from './reextract.service.js';
import { readStats } from './stats.service.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'samples');
const SEEDS = join(ROOT, '../shared/seeds');
const BAD = join(ROOT, 'test/fixtures/formats/bad');
const SEED_002 = join(SEEDS, '002_717669ecf8a4545b.txt');
const CAS = entityId('organization', '中国科学院');

/** Years an event's date covers: `2018-04` → 2018; `2016/2020` → 2016 to 2020. */
function covers(date: string | undefined, year: number): boolean {
  if (!date) return false;
  const [from = '', to = from] = date.split('/');
  return Number(from.slice(0, 4)) <= year && year <= Number(to.slice(0, 4));
}

let pool: ExtractionPool;
let dir: string;
beforeAll(async () => {
  pool = new ExtractionPool(2);
  dir = await mkdtemp(join(tmpdir(), 'coopatlas-ingest-'));
});
afterAll(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

const haveSeeds = existsSync(SEEDS);

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`ingesting into ${engine.title}`, () => {
    let store: Store | undefined;
    const open = async () => {
      store = await engine.open();
      return store;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it.skipIf(!haveSeeds)('gives the same store when the seeds and samples are ingested twice', async () => {
      const s = await open();
      const first = await ingestPaths(s, [SEEDS, SAMPLES], { pool });
      expect(first.failed).toBe(0);
      expect(first.new).toBe(first.read);
      const stats = await readStats(s);
      const before = await storeContents(s);
      const second = await ingestPaths(s, [SEEDS, SAMPLES], { pool });
      expect(second).toMatchObject({ read: first.read, new: 0, unchanged: first.read, failed: 0 });
      expect(await readStats(s)).toEqual(stats);
      expect(await storeContents(s)).toEqual(before);
      expect(stats.documents).toBe(first.read);
      expect(stats.entities.organization).toBeGreaterThan(50);
      expect(stats.events.agreement).toBeDefined();
    });

    it.skipIf(!haveSeeds)(
      'shows 中国科学院 of seed 002 as one entity with its alias and its agreements',
      async () => {
        const s = await open();
        await ingestPaths(s, [SEED_002], { pool });
        const reports = await describeEntity(s, '中国科学院');
        expect(reports).toHaveLength(1);
        const [cas] = reports;
        expect(cas?.entity).toMatchObject({
          id: CAS,
          name: '中国科学院',
          type: 'organization',
          kind: 'academy',
        });
        expect(cas?.entity.aliases).toContain('中科院');
        expect((await describeEntity(s, '中科院')).map((r) => r.entity.id)).toEqual([CAS]);
        const agreements = cas?.events.filter((e) => e.type === 'agreement') ?? [];
        for (const year of [2016, 2018, 2020]) {
          const told = agreements.filter(
            (e) => covers(e.date, year) && e.origin.sentence?.includes(`${year}年`),
          );
          expect(told, `an agreement of ${year}`).not.toEqual([]);
          for (const e of told) {
            expect(e.participants).toContain('中国科学院');
            expect(e.origin.documentPath).toBe(SEED_002);
            expect(e.origin.documentTitle).toBe('中国科学院服务重庆市科技合作现状');
          }
        }
        const signed2020 = agreements.find((e) => e.date === '2020-12-15');
        expect(signed2020?.origin.sentence).toContain(
          '2020年12月15日，重庆市人民政府与中国科学院在北京签署新一轮战略合作协议。',
        );
      },
    );

    it('reports a bad file with its name and reason, stores the rest, and changes nothing for it', async () => {
      const s = await open();
      const batch = join(dir, `batch-${engine.dialect}`);
      await mkdir(batch, { recursive: true });
      await copyFile(join(SAMPLES, '09_guangzhou-cae-agreement.txt'), join(batch, 'good.txt'));
      for (const bad of ['random-bytes.txt', 'truncated.pdf', 'empty.txt', 'not-word.docx']) {
        await copyFile(join(BAD, bad), join(batch, bad));
      }
      const summary = await ingestPaths(s, [batch], { pool });
      expect(summary).toMatchObject({ read: 5, new: 1, failed: 4 });
      const failures = summary.files.filter((f) => f.outcome === 'failed');
      expect(failures.map((f) => [f.path, f.error?.code])).toEqual([
        [join(batch, 'empty.txt'), 'FILE_EMPTY'],
        [join(batch, 'not-word.docx'), 'DOCX_INVALID'],
        [join(batch, 'random-bytes.txt'), 'FILE_BINARY'],
        [join(batch, 'truncated.pdf'), 'PDF_INVALID'],
      ]);
      for (const f of failures) expect(f.error?.message).toContain(f.path);

      const before = await storeContents(s);
      const again = await ingestPaths(s, [join(batch, 'truncated.pdf'), join(batch, 'missing.txt')], {
        pool,
      });
      // Files are taken in path order.
      expect(again.files.map((f) => f.error?.code)).toEqual(['FILE_NOT_FOUND', 'PDF_INVALID']);
      expect(await storeContents(s)).toEqual(before);
    });

    it('stores the same content found at two paths once', async () => {
      const s = await open();
      const twins = join(dir, `twins-${engine.dialect}`);
      await mkdir(twins, { recursive: true });
      await copyFile(join(SAMPLES, '05_wuhan-tech-transfer.txt'), join(twins, 'a.txt'));
      await copyFile(join(SAMPLES, '05_wuhan-tech-transfer.txt'), join(twins, 'b.txt'));
      const summary = await ingestPaths(s, [twins], { pool });
      expect(summary).toMatchObject({ read: 2, new: 1, unchanged: 1 });
      expect(summary.files[0]?.documentId).toBe(summary.files[1]?.documentId);
      expect((await readStats(s)).documents).toBe(1);
    });

    it('dates documents from published.json beside them, and --published over it', async () => {
      const s = await open();
      const folder = join(dir, `dated-${engine.dialect}`);
      await mkdir(folder, { recursive: true });
      await copyFile(join(SAMPLES, '09_guangzhou-cae-agreement.txt'), join(folder, 'a.txt'));
      await writeFile(join(folder, 'published.json'), JSON.stringify({ 'a.txt': '2022-06-17' }));
      const [dated] = (await ingestPaths(s, [folder], { pool })).files;
      expect((await s.documents.find(dated?.documentId ?? ''))?.published).toBe('2022-06-17');
      await copyFile(join(SAMPLES, '07_xian-expo.txt'), join(folder, 'b.txt'));
      const [, given] = (await ingestPaths(s, [folder], { pool, published: '2022-09-20' })).files;
      expect((await s.documents.find(given?.documentId ?? ''))?.published).toBe('2022-09-20');
    });

    it('re-extracts documents of another extractor version, keeping a person’s statements', async () => {
      const s = await open();
      const ingested = await ingestPaths(s, [join(SAMPLES, '01_sichuan-cas-agreement.txt')], { pool });
      const documentId = ingested.files[0]?.documentId ?? '';
      const manual = await s.statements.addManual({
        entityId: CAS,
        property: 'alias',
        value: '国科院',
        author: '审核员',
        status: 'accepted',
      });
      const extracted = await s.statements.fromDocument(documentId);
      // The document as an older extractor left it.
      await sql`update documents set extractor_version = '0.0.1'`.execute(s.db);

      const summary = await reextractDocuments(s, { pool });
      expect(summary).toMatchObject({ reextracted: 1, failed: 0 });
      expect(summary.documents[0]).toMatchObject({ retired: extracted.length, statements: extracted.length });
      expect((await s.documents.find(documentId))?.extractorVersion).toBe(summary.version);
      const live = await s.statements.fromDocument(documentId);
      expect(live.map((st) => st.id).sort()).toEqual(extracted.map((st) => st.id).sort());
      const about = await s.statements.about([CAS]);
      expect(about).toContainEqual(manual);
      expect((await readStats(s)).retiredStatements).toBe(extracted.length);

      const again = await reextractDocuments(s, { pool });
      expect(again.documents).toEqual([]);
    });
  });
}
