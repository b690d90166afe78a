import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocument, buildExtraction } from '../../test/factories/knowledge.js';
import { storeEngines } from '../../test/store/dialects.js';
import { statementsOfExtraction } from '../core/extraction-statements.js';
import { entityId } from '../core/statements.js';
import type { NewDocument } from './document.repository.js';
import { openStore, type Store, storeLocation } from './open-store.js';
import { SearchRepository } from './search.repository.js';

const NOW = '2024-01-01T00:00:00.000Z';
const CAS = entityId('organization', '中国科学院');

/** Stores a document and its extraction's statements in one transaction, as ingest does. */
async function storeDocument(store: Store, document: NewDocument = buildDocument()): Promise<boolean> {
  return store.transaction(async (tx) => {
    if (!(await tx.documents.insert(document))) return false;
    const facts = statementsOfExtraction(buildExtraction({}, document.text), {
      documentId: document.id,
      text: document.text,
    });
    await tx.articles.replace(document.id, [{ index: 0, span: { start: 0, end: document.text.length } }]);
    await tx.entities.ensure(facts.entities, NOW);
    await tx.statements.insertMany(facts.statements, NOW);
    return true;
  });
}

async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'documents',
    'document_contents',
    'articles',
    'entities',
    'statements',
    'retired_statements',
  ] as const) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe('storeLocation', () => {
  it('opens the embedded file under data/ when nothing is said', () => {
    expect(storeLocation({ env: {} })).toMatchObject({ dialect: 'sqlite' });
    const location = storeLocation({ env: {} });
    expect(location.dialect === 'sqlite' && location.file.endsWith('data/coopatlas.db')).toBe(true);
  });

  it('takes PostgreSQL from DATABASE_URL, and --db over it', () => {
    const env = { DATABASE_URL: 'postgres://kb@localhost/kb' };
    expect(storeLocation({ env })).toEqual({ dialect: 'postgres', url: 'postgres://kb@localhost/kb' });
    expect(storeLocation({ env, db: 'local.db' })).toMatchObject({ dialect: 'sqlite' });
    expect(storeLocation({ env: {}, db: 'postgresql://kb@db/kb' })).toMatchObject({ dialect: 'postgres' });
  });
});

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`the store on ${engine.title}`, () => {
    let store: Store | undefined;
    const open = async () => {
      store = await engine.open();
      return store;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('migrates a new database, and opening it again changes nothing', async () => {
      const location = await engine.location();
      const first = await openStore(location);
      await storeDocument(first);
      await first.close();
      store = await openStore(location);
      expect(await tableCounts(store)).toMatchObject({ documents: 1 });
    });

    it('keeps the original bytes and the text, and a second copy of the same content stores nothing', async () => {
      const s = await open();
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(buildDocument().text)]);
      const document = buildDocument({ bytes });
      expect(await storeDocument(s, document)).toBe(true);
      const before = await tableCounts(s);
      expect(await storeDocument(s, { ...document, sourcePath: 'copy/agreement.txt' })).toBe(false);
      expect(await tableCounts(s)).toEqual(before);
      const content = await s.documents.content(document.id);
      expect(content?.bytes).toEqual(bytes);
      expect(content?.text).toBe(document.text);
      expect(await s.documents.find(document.id)).toMatchObject({
        sourcePath: 'inbox/agreement.txt',
        byteLength: bytes.length,
        format: 'txt',
      });
    });

    it('makes one entity of a body two documents name, with the statements of both', async () => {
      const s = await open();
      await storeDocument(s);
      const other = buildDocument({
        text: `${buildDocument().text}\n第二份报告。`,
        sourcePath: 'inbox/second.txt',
      });
      await storeDocument(s, other);
      expect(await s.entities.idsNamed('中国科学院')).toEqual([CAS]);
      expect(await s.entities.idsNamed('中科院')).toEqual([CAS]);
      const names = (await s.statements.about([CAS])).filter((st) => st.property === 'name');
      expect(
        names.map((st) => (st.source.origin === 'extracted' ? st.source.documentId : '')).sort(),
      ).toEqual([buildDocument().id, other.id].sort());
      expect((await s.entities.countByType()).organization).toBe(2);
      expect((await s.entities.countByType()).event).toBe(2);
    });

    it('stores each statement once however often it is written', async () => {
      const s = await open();
      const document = buildDocument();
      await storeDocument(s, document);
      const facts = statementsOfExtraction(buildExtraction(), {
        documentId: document.id,
        text: document.text,
      });
      const before = await tableCounts(s);
      await s.transaction(async (tx) => {
        await tx.entities.ensure(facts.entities, NOW);
        await tx.statements.insertMany(facts.statements, NOW);
      });
      expect(await tableCounts(s)).toEqual(before);
      expect(before.statements).toBe(facts.statements.length);
    });

    it('reads a statement back as it was written: value, source and span', async () => {
      const s = await open();
      const document = buildDocument();
      await storeDocument(s, document);
      const statements = await s.statements.about([CAS]);
      const alias = statements.find((st) => st.property === 'alias');
      expect(alias).toMatchObject({
        value: '中科院',
        status: 'proposed',
        created: NOW,
        source: { origin: 'extracted', documentId: document.id, extractorVersion: '0.1.0' },
      });
      const events = await s.statements.referring(CAS);
      expect(events.map((st) => st.property)).toEqual(['participant']);
      const [event] = await s.statements
        .about([events[0]?.entityId ?? ''])
        .then((all) => all.filter((st) => st.property === 'amount' || st.property === 'planned'));
      expect(event?.value).toBe(false);
    });

    it('writes all of a transaction or nothing', async () => {
      const s = await open();
      const document = buildDocument();
      await expect(
        s.transaction(async (tx) => {
          await tx.documents.insert(document);
          await tx.entities.ensure([{ id: CAS, type: 'organization', key: '中国科学院' }], NOW);
          throw new Error('the file turned out to be unreadable');
        }),
      ).rejects.toThrow('unreadable');
      expect(await tableCounts(s)).toEqual({
        documents: 0,
        document_contents: 0,
        articles: 0,
        entities: 0,
        statements: 0,
        retired_statements: 0,
      });
    });

    it('stores each unit of a batch whole or not at all, and the rest of the batch all the same', async () => {
      const s = await open();
      const first = buildDocument();
      const second = buildDocument({
        text: '2021年，重庆市与中国科学院签署协议。',
        sourcePath: 'inbox/b.txt',
      });
      const third = buildDocument({
        text: '2022年，四川省与中国科学院签署协议。',
        sourcePath: 'inbox/c.txt',
      });
      const results = await s.transactionOfEach([
        (tx) => tx.documents.insert(first),
        async (tx) => {
          await tx.documents.insert(second);
          throw new Error('the file turned out to be unreadable');
        },
        (tx) => tx.documents.insert(third),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(results[1]?.ok === false && String(results[1].error)).toContain('unreadable');
      expect(await s.documents.exists(first.id)).toBe(true);
      expect(await s.documents.exists(second.id)).toBe(false);
      expect(await s.documents.exists(third.id)).toBe(true);
      expect((await tableCounts(s)).document_contents).toBe(2);
    });

    it('folds the log into the file after a batch, and empties it when asked to truncate', async () => {
      const location = await engine.location();
      store = await openStore(location);
      await storeDocument(store);
      await store.checkpoint();
      await store.checkpoint({ truncate: true });
      if (location.dialect === 'sqlite') expect(statSync(`${location.file}-wal`).size).toBe(0);
      expect(await store.documents.exists(buildDocument().id)).toBe(true);
    });

    it('keeps every name any document gave an entity in its search row', async () => {
      const s = await open();
      const row = (body: string) => ({
        kind: 'entity' as const,
        ref: CAS,
        documentId: null,
        title: '中国 科学院',
        body,
      });
      await s.entities.ensure([{ id: CAS, type: 'organization', key: '中国科学院' }], NOW);
      await s.search.addEntityNames([row('中科院')]);
      await s.search.addEntityNames([row('中国科学院 中科院')]);
      await s.search.addEntityNames([row('')]);
      const hits = async (word: string) => (await s.search.search([word], { kind: 'entity' }, 10, 0)).total;
      expect(await hits('中科院')).toBe(1);
      expect(await hits('中国科学院')).toBe(1);
      const rows = await s.db.selectFrom('search_rows').select('body').where('ref', '=', CAS).execute();
      expect(rows).toEqual([{ body: '中科院 中国科学院' }]);
    });

    it('indexes the names of one document together as it would one by one, a name given twice included', async () => {
      const s = await open();
      const name = (ref: string, body: string) => ({
        kind: 'entity' as const,
        ref,
        documentId: null,
        title: ref.slice(-4),
        body,
      });
      const names = (rows: Array<[string, string]>) => rows.map(([ref, body]) => name(ref, body));
      const first = names([
        ['organization:lab1', '甲'],
        ['organization:lab2', '乙'],
      ]);
      const second = names([
        ['organization:lab1', '甲'],
        ['organization:lab2', '丙'],
        ['organization:lab3', ''],
      ]);
      const twice = names([
        ['organization:lab3', '丁'],
        ['organization:lab3', '戊'],
      ]);
      await s.search.addEntityNames(first);
      await s.search.addEntityNames(second);
      await s.search.addEntityNames(twice);
      const rows = (store: Store) =>
        store.db.selectFrom('search_rows').select(['id', 'ref', 'title', 'body']).orderBy('id').execute();
      const one = await engine.open();
      try {
        for (const row of [...first, ...second, ...twice]) await one.search.addEntityNames([row]);
        expect(await rows(s)).toEqual(await rows(one));
      } finally {
        await one.close();
      }
      expect((await rows(s)).map((r) => [r.ref, r.body])).toEqual([
        ['organization:lab1', '甲'],
        ['organization:lab2', '乙 丙'],
        ['organization:lab3', '丁 戊'],
      ]);
      for (const word of ['甲', '丙', '戊']) {
        expect((await s.search.search([word], { kind: 'entity' }, 10, 0)).total).toBe(1);
      }
      expect((await s.search.search(['乙'], { kind: 'entity' }, 10, 0)).hits[0]?.ref).toBe(
        'organization:lab2',
      );
    });

    it('ranks and counts facets over the newest matches when more match than the window', async () => {
      const s = await open();
      const search = new SearchRepository(s.db, engine.dialect, { rankingWindow: 3, countLimit: 5 });
      const lab = (n: number) => ({
        kind: 'entity' as const,
        ref: `organization:lab${n}`,
        documentId: null,
        title: `实验室 第${n}`,
        body: '',
      });
      await search.addEntityNames([1, 2, 3, 4, 5, 6, 7].map(lab));
      await search.addEntityNames([{ ...lab(8), title: '研究院 第8' }]);

      const many = await search.search(['实验室'], {}, 10, 0);
      expect(many).toMatchObject({
        total: 5,
        totalIsLowerBound: true,
        ranked: 3,
        facets: { kind: { entity: 3 } },
      });
      expect(many.hits.map((hit) => hit.ref).sort()).toEqual([
        'organization:lab5',
        'organization:lab6',
        'organization:lab7',
      ]);
      const filtered = await search.search(['实验室'], { kind: 'entity' }, 10, 0);
      expect(filtered).toMatchObject({ total: 5, totalIsLowerBound: true, ranked: 3 });
      const few = await search.search(['研究院'], {}, 10, 0);
      expect(few).toMatchObject({ total: 1, totalIsLowerBound: false, ranked: 1 });
      expect(few.hits.map((hit) => hit.ref)).toEqual(['organization:lab8']);
    });

    it('reads the decisions people made about an entity without its extracted statements', async () => {
      const s = await open();
      await storeDocument(s);
      const merge = await s.statements.addManual(
        {
          entityId: CAS,
          property: 'sameAs',
          value: 'organization:other',
          author: '李编辑',
          status: 'accepted',
        },
        '2099-01-01T00:00:00.000Z',
      );
      const alias = await s.statements.addManual(
        { entityId: CAS, property: 'alias', value: '国科院', author: '李编辑', status: 'accepted' },
        '2099-01-02T00:00:00.000Z',
      );
      expect(await s.statements.manualAbout([CAS])).toEqual([merge, alias]);
      expect(await s.statements.manualAbout([CAS], ['sameAs', 'merged'])).toEqual([merge]);
      expect((await s.statements.about([CAS])).length).toBeGreaterThan(2);
      if (engine.dialect === 'sqlite') {
        const plan = await sql<{ detail: string }>`explain query plan select * from statements
          where entity_id in (${CAS}) and origin = 'manual' and property in ('sameAs')`.execute(s.db);
        expect(plan.rows.map((row) => row.detail).join(' ')).toContain('statements_manual_idx');
      }
    });

    it('refuses a statement with no source', async () => {
      const s = await open();
      await s.entities.ensure([{ id: CAS, type: 'organization', key: '中国科学院' }], NOW);
      await expect(
        sql`insert into statements (id, entity_id, property, value, origin, status, created_at)
            values ('x', ${CAS}, 'name', '"中国科学院"', 'extracted', 'proposed', ${NOW})`.execute(s.db),
      ).rejects.toThrow();
    });

    it('retires the extracted statements of a document, keeping a person’s and the history', async () => {
      const s = await open();
      const document = buildDocument();
      await storeDocument(s, document);
      const manual = await s.statements.addManual(
        { entityId: CAS, property: 'alias', value: '国科院', author: '李编辑', status: 'accepted' },
        '2024-02-01T00:00:00.000Z',
      );
      const extracted = (await s.statements.fromDocument(document.id)).length;
      const retired = await s.transaction((tx) =>
        tx.statements.retireExtracted(document.id, '0.2.0', '2024-03-01T00:00:00.000Z'),
      );
      expect(retired).toBe(extracted);
      const live = await s.statements.about([CAS]);
      expect(live).toEqual([manual]);
      const history = await s.statements.history(CAS);
      expect(history.filter((st) => 'retired' in st).map((st) => st.property)).toEqual(
        expect.arrayContaining(['name', 'alias', 'kind']),
      );
      expect(history.at(-1)).toEqual(manual);
      expect(await s.statements.countRetired()).toBe(extracted);
    });

    it('counts entities by type, events by type and year, statements by origin and status', async () => {
      const s = await open();
      await storeDocument(s);
      await s.statements.addManual({
        entityId: CAS,
        property: 'alias',
        value: 'CAS',
        author: '李编辑',
        status: 'accepted',
      });
      expect(await s.entities.countByType()).toEqual({ organization: 2, person: 0, place: 1, event: 1 });
      expect(await s.stats.summary.eventYears()).toEqual([]);
      const byOrigin = await s.statements.countByOriginAndStatus();
      expect(byOrigin.find((r) => r.origin === 'manual')).toEqual({
        origin: 'manual',
        status: 'accepted',
        count: 1,
      });
      expect(byOrigin.find((r) => r.origin === 'extracted')?.status).toBe('proposed');
    });

    it('keeps text with NUL characters, at the same offsets', async () => {
      const s = await open();
      const document = buildDocument({ text: `a\u0000b ${buildDocument().text}` });
      await storeDocument(s, document);
      const content = await s.documents.content(document.id);
      expect(content?.text.length).toBe(document.text.length);
    });

    it('lists documents whose statements are of another extractor version', async () => {
      const s = await open();
      const old = buildDocument({ extractorVersion: '0.0.9' });
      const current = buildDocument({ text: `${buildDocument().text}另一份。`, extractorVersion: '0.1.0' });
      await storeDocument(s, old);
      await storeDocument(s, current);
      expect(await s.documents.listOutdated('0.1.0', '', 10)).toEqual([old.id]);
      expect(await s.documents.countOutdated('0.1.0')).toBe(1);
      await s.documents.setExtractorVersion(old.id, '0.1.0');
      expect(await s.documents.listOutdated('0.1.0', '', 10)).toEqual([]);
    });
  });
}
