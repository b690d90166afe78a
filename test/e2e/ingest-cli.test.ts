/**
 * The knowledge-base commands as people run them: `ingest`, `stats`, `entity`, each a process
 * of its own, on SQLite (`--db FILE`) and PostgreSQL (`DATABASE_URL`).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUtf8Strict } from '../../src/ingest/decode-text.js';
import { openStore, type StoreLocation } from '../../src/store/open-store.js';
import { orphans, storeContents } from '../store/contents.js';
import { storeEngines } from '../store/dialects.js';
import { cli, run } from './cli-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'samples');
const SEEDS = join(ROOT, '../shared/seeds');
const BAD = join(ROOT, 'test/fixtures/formats/bad');

/** Documents stored so far, read beside the running ingest without migrating or locking anything. */
async function documentCount(location: StoreLocation): Promise<number> {
  try {
    if (location.dialect === 'sqlite') {
      const db = new SqliteDatabase(location.file, { readonly: true, fileMustExist: true });
      try {
        return Number((db.prepare('select count(*) as n from documents').get() as { n: number }).n);
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: location.url });
    await client.connect();
    try {
      return Number((await client.query('select count(*) as n from documents')).rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  } catch {
    // Not yet created or migrated.
    return 0;
  }
}

/** Years an event's date covers: `2018-04` → 2018; `2016/2020` → 2016 to 2020. */
function covers(date: string | undefined, year: number): boolean {
  if (!date) return false;
  const [from = '', to = from] = date.split('/');
  return Number(from.slice(0, 4)) <= year && year <= Number(to.slice(0, 4));
}

async function contentsAt(location: StoreLocation) {
  const store = await openStore(location);
  try {
    return { contents: await storeContents(store), orphans: await orphans(store) };
  } finally {
    await store.close();
  }
}

/** A corpus large enough to stop an ingest half-way: the samples, each also in a few dated copies. */
async function makeCorpus(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  let files = 0;
  for (const name of await readdir(SAMPLES)) {
    if (!/\.(txt|html|pdf|docx)$/.test(name)) continue;
    await copyFile(join(SAMPLES, name), join(dir, name));
    files++;
    if (!name.endsWith('.txt')) continue;
    // Copies of the UTF-8 files only: a GBK file read as UTF-8 would be written out as damaged text.
    const text = decodeUtf8Strict(await readFile(join(SAMPLES, name)));
    if (text === undefined) continue;
    // Enough copies that the writer, which stores waiting documents in one commit, is still far
    // from done when the test kills it.
    for (let copy = 1; copy <= 8; copy++) {
      await writeFile(join(dir, `${copy}-${name}`), `${text}\n（转载第${copy}次）\n`);
      files++;
    }
  }
  return files;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coopatlas-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`the ingest commands on ${engine.title}`, () => {
    it.skipIf(!existsSync(SEEDS))(
      'ingests the seeds and samples twice with the same stats, and shows 中国科学院 with its sources',
      async () => {
        const store = await engine.location();
        const first = await run(store, ['ingest', SEEDS, SAMPLES]);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('读取文件 16 个：新增 16，未变 0，失败 0');
        const stats = JSON.parse((await run(store, ['stats', '--json'])).stdout);
        expect(stats.documents).toBe(16);

        const second = await run(store, ['ingest', SEEDS, SAMPLES]);
        expect(second.code).toBe(0);
        expect(second.stdout).toContain('(16 files read: 0 new, 16 unchanged, 0 failed)');
        expect(JSON.parse((await run(store, ['stats', '--json'])).stdout)).toEqual(stats);

        const shown = await run(store, ['entity', '中国科学院', '--json']);
        expect(shown.code).toBe(0);
        const { entities } = JSON.parse(shown.stdout);
        expect(entities).toHaveLength(1);
        expect(entities[0].entity).toMatchObject({
          name: '中国科学院',
          aliases: expect.arrayContaining(['中科院']),
        });
        const fromSeed = entities[0].events.filter(
          (e: { type: string; origin: { documentPath: string } }) =>
            e.type === 'agreement' && e.origin.documentPath.endsWith('002_717669ecf8a4545b.txt'),
        );
        for (const year of [2016, 2018, 2020]) {
          const told = fromSeed.filter(
            (e: { date?: string; origin: { sentence: string } }) =>
              covers(e.date, year) && e.origin.sentence.includes(`${year}年`),
          );
          expect(told, `the ${year} agreement`).not.toEqual([]);
        }
        const missing = await run(store, ['entity', '不存在的机构']);
        expect(missing.code).toBe(1);
        expect(missing.stderr).toContain('不存在的机构');

        const batch = join(dir, `bad-${engine.dialect}`);
        await mkdir(batch, { recursive: true });
        await copyFile(join(SAMPLES, '07_xian-expo.txt'), join(batch, 'already-there.txt'));
        await copyFile(join(BAD, 'truncated.docx'), join(batch, 'broken.docx'));
        const bad = await run(store, ['ingest', batch]);
        expect(bad.code).toBe(1);
        expect(bad.stdout).toContain('新增 0，未变 1，失败 1');
        expect(bad.stdout).toMatch(/\[DOCX_INVALID\] .*broken\.docx: /);
        expect(JSON.parse((await run(store, ['stats', '--json'])).stdout)).toEqual(stats);
      },
      120_000,
    );

    it('completes, after being killed half-way, to the store an uninterrupted run gives', async () => {
      const corpus = join(dir, `corpus-${engine.dialect}`);
      const total = await makeCorpus(corpus);
      const killed = await engine.location();
      const ingest = cli(killed, ['ingest', corpus]);
      // Kill when some documents are stored and most are not.
      const deadline = Date.now() + 60_000;
      let stored = 0;
      while (Date.now() < deadline) {
        stored = await documentCount(killed);
        if (stored >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      ingest.child.kill('SIGKILL');
      const stopped = await ingest.done;
      expect(stopped.signal).toBe('SIGKILL');
      const after = await contentsAt(killed);
      expect(after.orphans).toEqual({
        withoutContent: 0,
        statementsWithoutDocument: 0,
        documentsWithoutStatements: 0,
      });
      const kept = after.contents.documents.length;
      expect(kept).toBeGreaterThanOrEqual(3);
      expect(kept).toBeLessThan(total);

      const rerun = await run(killed, ['ingest', corpus]);
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toContain(
        `(${total} files read: ${total - kept} new, ${kept} unchanged, 0 failed)`,
      );

      const whole = await engine.location();
      expect((await run(whole, ['ingest', corpus])).code).toBe(0);
      const expected = await contentsAt(whole);
      expect(expected.contents.documents).toHaveLength(total);
      expect((await contentsAt(killed)).contents).toEqual(expected.contents);
    }, 180_000);
  });
}
