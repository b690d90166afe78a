import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../test/factories/knowledge.js';
import { storeContents } from '../../test/store/contents.js';
import { storeEngines } from '../../test/store/dialects.js';
import { type NewStatement, statementId } from '../core/statements.js';
import type { Store } from '../store/open-store.js';
import { mergeEntities } from './entity-identity.service.js';
import { exportStore } from './export.service.js';
import { ExtractionPool } from './extraction-pool.js';
import { importStore } from './import.service.js';
import { ingestPaths } from './ingest-files.service.js';
import { decide } from './knowledge.service.js';
import { reextractDocuments } from './reextract.service.js';
import { readStats } from './stats.service.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const RANDOM_BYTES = fileURLToPath(
  new URL('../../test/fixtures/formats/bad/random-bytes.txt', import.meta.url),
);

let pool: ExtractionPool;
let dir: string;
let files = 0;
const file = (name: string) => join(dir, `${++files}-${name}`);

beforeAll(async () => {
  pool = new ExtractionPool(1);
  dir = await mkdtemp(join(tmpdir(), 'coopatlas-exchange-'));
});
afterAll(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A store with every kind of record: documents with articles, entities and events, extracted
 * statements, a person's decision and merge, an imported row, statements retired by a re-extraction, and a
 * document whose empty title, commas, quotes and line breaks CSV must keep.
 */
async function fillStore(store: Store): Promise<void> {
  const ingested = await ingestPaths(
    store,
    [join(SAMPLES, '01_sichuan-cas-agreement.txt'), join(SAMPLES, '09_guangzhou-cae-agreement.txt')],
    { pool },
  );
  expect(ingested.failed).toBe(0);
  await sql`update documents set extractor_version = '0.0.1'
    where id = (select min(id) from documents)`.execute(store.db);
  expect(await reextractDocuments(store, { pool })).toMatchObject({ reextracted: 1, failed: 0 });
  const date = await store.db
    .selectFrom('statements')
    .select('id')
    .where('property', '=', 'date')
    .orderBy('entity_id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await decide(store, date.id, { decision: 'correct', value: '1999-01-01' }, '审核员 "甲", 第一组');
  const [subject, other] = await store.db
    .selectFrom('entities')
    .select('id')
    .where('type', '=', 'organization')
    .orderBy('id')
    .limit(2)
    .execute();
  if (!subject || !other) throw new Error('two organizations expected');
  await mergeEntities(store, { from: other.id, into: subject.id, author: '审核员' });
  const source = { origin: 'import' as const, file: '名录,2024.csv', row: 7 };
  const imported: NewStatement = {
    id: statementId({ entityId: subject.id, property: 'alias', value: '某"研究院"\n简称', source }),
    entityId: subject.id,
    property: 'alias',
    value: '某"研究院"\n简称',
    source,
    status: 'accepted',
  };
  const odd = buildDocument({
    text: '标题,带"引号"\r\n与换行',
    title: '',
    sourcePath: 'inbox/奇怪, 的"名字".txt',
  });
  await store.transaction(async (tx) => {
    await tx.statements.insertMany([imported], '2024-05-01T08:00:00.000Z');
    await tx.stats.summary.statementsAdded([imported]);
    await tx.documents.insert(odd);
    await tx.stats.summary.documentStored(odd.id, []);
  });
}

async function summaryIsRecount(store: Store): Promise<void> {
  expect(await store.stats.summary.snapshot()).toEqual(await store.stats.summary.recount());
}

async function withStores<T>(stores: Store[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    for (const store of stores) await store.close();
  }
}

const engines = storeEngines();

for (const engine of engines) {
  describe.skipIf(engine.skipped)(`export and import on ${engine.title}`, () => {
    for (const format of ['jsonl', 'csv'] as const) {
      it(`round-trips a store through ${format} exactly, and a second import changes nothing`, async () => {
        const a = await engine.open();
        const b = await engine.open();
        await withStores([a, b], async () => {
          await fillStore(a);
          const first = file(`a.${format}`);
          const exported = await exportStore(a, { format, out: first });
          expect(exported).toMatchObject({ documents: 3, retiredStatements: expect.any(Number) });
          expect(exported.retiredStatements).toBeGreaterThan(0);

          const imported = await importStore(b, first);
          expect(imported.failures).toEqual([]);
          expect(imported.present).toEqual({
            documents: 0,
            entities: 0,
            statements: 0,
            retiredStatements: 0,
          });
          expect(imported.added).toEqual({
            documents: exported.documents,
            entities: exported.entities,
            statements: exported.statements,
            retiredStatements: exported.retiredStatements,
          });
          const second = file(`b.${format}`);
          await exportStore(b, { format, out: second });
          if (format === 'jsonl') {
            expect((await readFile(second)).equals(await readFile(first))).toBe(true);
          } else {
            expect((await readdir(second)).sort()).toEqual((await readdir(first)).sort());
            for (const name of await readdir(first)) {
              if (!name.endsWith('.csv')) continue;
              expect(
                (await readFile(join(second, name))).equals(await readFile(join(first, name))),
                name,
              ).toBe(true);
            }
            const texts = await readdir(join(first, 'texts'));
            for (const name of texts) {
              expect(await readFile(join(second, 'texts', name))).toEqual(
                await readFile(join(first, 'texts', name)),
              );
            }
            const head = await readFile(join(first, 'statements.csv'));
            expect([...head.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          }
          expect(await readStats(b)).toEqual(await readStats(a));
          expect(await storeContents(b)).toEqual(await storeContents(a));
          await summaryIsRecount(b);

          const contents = await storeContents(b);
          const again = await importStore(b, first);
          expect(again.failures).toEqual([]);
          expect(again.added).toEqual({ documents: 0, entities: 0, statements: 0, retiredStatements: 0 });
          expect(await storeContents(b)).toEqual(contents);
          expect(await readStats(b)).toEqual(await readStats(a));
          await summaryIsRecount(b);
        });
      });
    }

    it('adds to a store that has some of it and changes nothing it has', async () => {
      const a = await engine.open();
      const b = await engine.open();
      await withStores([a, b], async () => {
        await fillStore(a);
        const out = file('partial.jsonl');
        await exportStore(a, { format: 'jsonl', out });
        await ingestPaths(b, [join(SAMPLES, '09_guangzhou-cae-agreement.txt')], { pool });
        const before = await b.db.selectFrom('documents').selectAll().execute();
        const imported = await importStore(b, out);
        expect(imported.failures).toEqual([]);
        expect(imported.present.documents).toBe(1);
        expect(imported.present.statements).toBeGreaterThan(0);
        const kept = await b.db
          .selectFrom('documents')
          .selectAll()
          .where('id', '=', before[0]?.id ?? '')
          .execute();
        expect(kept).toEqual(before);
        await summaryIsRecount(b);
        expect((await readStats(b)).documents).toBe(3);
      });
    });

    it('reports bad lines with their file, line and reason, and imports the rest', async () => {
      const a = await engine.open();
      const b = await engine.open();
      await withStores([a, b], async () => {
        await fillStore(a);
        const good = file('good.jsonl');
        await exportStore(a, { format: 'jsonl', out: good });
        const lines = (await readFile(good, 'utf8')).trimEnd().split('\n');
        const statement = lines.findIndex((l) => l.startsWith('{"record":"statement"'));
        const extracted = lines.find(
          (l) => l.startsWith('{"record":"statement"') && l.includes('"extracted"'),
        );
        const entity = lines.findIndex((l) => l.startsWith('{"record":"entity"'));
        const firstStatement = JSON.parse(extracted ?? '{}');
        const nowhere = 'organization:00000000000000000000';
        const entityLine = JSON.parse(lines[entity] ?? '{}');
        const bad = [
          ...lines.slice(0, statement),
          (lines[statement] ?? '').slice(0, 40), // truncated
          JSON.stringify({ ...firstStatement, source: { origin: 'scraped', url: 'x' } }), // unknown origin
          JSON.stringify({ ...firstStatement, entityId: nowhere }), // the id no longer its digest
          JSON.stringify({
            ...firstStatement,
            id: 'm-1',
            entityId: nowhere,
            source: { origin: 'manual', author: '某人' },
          }),
          '\u0000\u00ff\ufffd\u0007PK\u0003\u0004', // binary garbage
          JSON.stringify({ ...entityLine, type: 'planet' }), // fails validation
          ...lines.slice(statement),
        ];
        const path = file('bad.jsonl');
        await writeFile(path, `${bad.join('\n')}\n`);
        const seen: string[] = [];
        const imported = await importStore(b, path, { onFailure: (f) => seen.push(`${f.line}`) });
        expect(imported.failed).toBe(6);
        expect(seen).toHaveLength(6);
        const at = (n: number) => imported.failures.find((f) => f.line === statement + n);
        expect(at(1)?.reason).toMatch(/^不是有效的 JSON \(not valid JSON\)/);
        expect(at(2)?.reason).toMatch(/^字段无效 \(invalid fields\): source/);
        expect(at(3)?.reason).toMatch(/^陈述编号与其内容不符/);
        expect(at(4)?.reason).toBe(
          `陈述的实体不在库中：${nowhere} (the statement's entity is not in the store)`,
        );
        expect(at(5)?.reason).toMatch(/^不是有效的 JSON/);
        expect(at(6)?.reason).toMatch(/^字段无效 \(invalid fields\): type/);
        expect(imported.failures.every((f) => f.file === path)).toBe(true);
        // Everything else is there, as the good file gives it.
        expect(await storeContents(b)).toEqual(await storeContents(a));
        await summaryIsRecount(b);
      });
    });

    it('skips statements whose entity or document is not in the store, and CSV rows of the wrong width', async () => {
      const a = await engine.open();
      const b = await engine.open();
      await withStores([a, b], async () => {
        await fillStore(a);
        const statementsOnly = file('statements.jsonl');
        await exportStore(a, { format: 'jsonl', out: statementsOnly, kinds: ['statements'] });
        const orphaned = await importStore(b, statementsOnly);
        expect(orphaned.added.statements).toBe(0);
        expect(orphaned.failed).toBe(orphaned.records);
        expect(orphaned.failures[0]?.reason).toMatch(
          /^陈述的实体不在库中：.+ \(the statement's entity is not in the store\)$/,
        );

        const withoutDocuments = file('no-documents.jsonl');
        await exportStore(a, { format: 'jsonl', out: withoutDocuments, kinds: ['entities', 'statements'] });
        const partly = await importStore(b, withoutDocuments);
        expect(partly.added.entities).toBeGreaterThan(0);
        // The person's decisions and the imported row, which cite no document.
        expect(partly.added.statements).toBeGreaterThanOrEqual(2);
        expect(partly.failures[0]?.reason).toMatch(/^陈述引用的文档不在库中/);
        await summaryIsRecount(b);

        const folder = file('csv');
        await exportStore(a, { format: 'csv', out: folder });
        const csv = join(folder, 'entities.csv');
        const rows = (await readFile(csv, 'utf8')).split('\r\n');
        rows.splice(2, 0, 'organization:1,organization,多了一列,2024-01-01T00:00:00.000Z,extra');
        await writeFile(csv, rows.join('\r\n'));
        const c = await engine.open();
        await withStores([c], async () => {
          const imported = await importStore(c, folder);
          expect(imported.failures).toEqual([
            { file: csv, line: 3, reason: '列数不符：应为 4 列，实为 5 列 (wrong number of columns)' },
          ]);
          expect(await storeContents(c)).toEqual(await storeContents(a));
        });
      });
    });

    it('refuses a binary file whole, and reports a CSV quote left open', async () => {
      const b = await engine.open();
      await withStores([b], async () => {
        const garbage = await readFile(RANDOM_BYTES);
        const jsonl = file('garbage.jsonl');
        await writeFile(jsonl, garbage);
        expect((await importStore(b, jsonl)).failures).toEqual([
          { file: jsonl, line: 1, reason: expect.stringMatching(/^不是 UTF-8 文本.*\(not UTF-8 text/) },
        ]);
        const folder = file('garbage-csv');
        await mkdir(folder);
        await writeFile(join(folder, 'entities.csv'), garbage);
        await writeFile(
          join(folder, 'statements.csv'),
          '\uFEFFid,entity_id,property,value,origin,document_id,span_start,span_end,extractor_version,author,import_file,import_row,status,created\r\n"unclosed,x\r\n',
        );
        const imported = await importStore(b, folder);
        expect(imported.failures).toEqual([
          { file: join(folder, 'entities.csv'), line: 1, reason: expect.stringMatching(/^不是 UTF-8 文本/) },
          {
            file: join(folder, 'statements.csv'),
            line: 3,
            reason: expect.stringMatching(/^CSV 无法解析 \(cannot parse CSV\): Quote Not Closed/),
          },
        ]);
        expect((await readStats(b)).documents).toBe(0);
      });
    });

    // PostgreSQL text cannot hold NUL: a record every check lets through and the store refuses.
    it.skipIf(engine.dialect !== 'postgres')(
      'rolls back a chunk the store refuses and stores the rest of it one by one',
      async () => {
        const b = await engine.open();
        await withStores([b], async () => {
          const entity = (id: string, key: string) =>
            JSON.stringify({ record: 'entity', id, type: 'place', key, created: '2024-01-01T00:00:00.000Z' });
          const path = file('refused.jsonl');
          await writeFile(
            path,
            [
              entity('place:1', '北京市'),
              entity('place:2', '空\u0000字符'),
              entity('place:3', '上海市'),
            ].join('\n'),
          );
          const imported = await importStore(b, path);
          expect(imported.added.entities).toBe(2);
          expect(imported.failures).toEqual([
            { file: path, line: 2, reason: expect.stringMatching(/^无法写入 \(cannot be stored\): /) },
          ]);
          const ids = await b.db.selectFrom('entities').select('id').orderBy('id').execute();
          expect(ids.map((r) => r.id)).toEqual(['place:1', 'place:3']);
        });
      },
    );

    it.skipIf(engine.dialect !== 'postgres')(
      'round-trips SQLite → PostgreSQL → SQLite to the same bytes',
      async () => {
        const sqlite = engines.find((e) => e.dialect === 'sqlite');
        if (!sqlite) throw new Error('no SQLite engine');
        const a = await sqlite.open();
        const b = await engine.open();
        const c = await sqlite.open();
        await withStores([a, b, c], async () => {
          await fillStore(a);
          const fromA = file('a.jsonl');
          const fromB = file('b.jsonl');
          const fromC = file('c.jsonl');
          await exportStore(a, { format: 'jsonl', out: fromA });
          expect((await importStore(b, fromA)).failed).toBe(0);
          await exportStore(b, { format: 'jsonl', out: fromB });
          expect((await importStore(c, fromB)).failed).toBe(0);
          await exportStore(c, { format: 'jsonl', out: fromC });
          expect((await readFile(fromB)).equals(await readFile(fromA))).toBe(true);
          expect((await readFile(fromC)).equals(await readFile(fromA))).toBe(true);
          expect(await readStats(b)).toEqual(await readStats(a));
          expect(await readStats(c)).toEqual(await readStats(a));
          await summaryIsRecount(b);
        });
      },
    );
  });
}
