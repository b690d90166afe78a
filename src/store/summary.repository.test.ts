import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { extractionPoolOfFile } from '../../test/factories/extraction-pool.js';
import { buildDocument, buildExtraction } from '../../test/factories/knowledge.js';
import { storeEngines } from '../../test/store/dialects.js';
import { statementsOfExtraction } from '../core/extraction-statements.js';
import { entityId } from '../core/statements.js';
import { ExtractionPool } from '../services/extraction-pool.js';
import { ingestPaths } from '../services/ingest-files.service.js';
import {
  dashboard,
  decide,
  entityEvents,
  entityPage,
  entityStatements,
} from '../services/knowledge.service.js';
import { reextractDocuments } from '../services/reextract.service.js';
import { openStore, type Store } from './open-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'samples');
const CAS = entityId('organization', '中国科学院');

const pool = extractionPoolOfFile();

/** The first statement of an event with this property, to decide on. */
async function eventStatement(store: Store, property: string): Promise<string> {
  const row = await store.db
    .selectFrom('statements')
    .select('id')
    .where('property', '=', property)
    .where('entity_id', 'like', 'event:%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`summaries on ${engine.title}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('equal a full recount after ingest and review decisions', async () => {
      const s = await engine.open();
      store = s;
      const ingested = await ingestPaths(s, [SAMPLES], { pool });
      expect(ingested.failed).toBe(0);
      const afterIngest = await s.stats.summary.snapshot();
      expect(afterIngest).toEqual(await s.stats.summary.recount());
      expect(afterIngest.counts[`documents\u0000`]).toBe(ingested.new);
      expect(Object.keys(afterIngest.eventYears).length).toBeGreaterThan(0);
      expect(Object.keys(afterIngest.placeAmounts).length).toBeGreaterThan(0);
      expect(Object.keys(afterIngest.relations).length).toBeGreaterThan(0);

      // Corrections of an event's date, place, amount and party change what the event counts for.
      await decide(
        s,
        await eventStatement(s, 'date'),
        { decision: 'correct', value: '1999-01-01' },
        '审核员',
      );
      await decide(
        s,
        await eventStatement(s, 'amount'),
        { decision: 'correct', value: { value: 2.5e8, currency: 'CNY' } },
        '审核员',
      );
      await decide(s, await eventStatement(s, 'place'), { decision: 'correct', value: CAS }, '审核员');
      await decide(s, await eventStatement(s, 'participant'), { decision: 'reject' }, '审核员');
      await decide(s, await eventStatement(s, 'eventType'), { decision: 'accept' }, '审核员');
      const name = await s.db
        .selectFrom('statements')
        .select('id')
        .where('entity_id', '=', CAS)
        .where('property', '=', 'name')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await decide(s, name.id, { decision: 'correct', value: '中国科学院（总院）' }, '审核员');
      const decided = await s.stats.summary.snapshot();
      expect(decided).toEqual(await s.stats.summary.recount());
      expect(decided.eventYears).not.toEqual(afterIngest.eventYears);
    });

    it('equal a full recount after re-extraction', async () => {
      // One document on a pool of its own, so no other task's result can reach it.
      const own = new ExtractionPool(1);
      try {
        const s = await engine.open();
        store = s;
        const ingested = await ingestPaths(s, [join(SAMPLES, '01_sichuan-cas-agreement.txt')], { pool: own });
        await decide(
          s,
          await eventStatement(s, 'date'),
          { decision: 'correct', value: '1999-01-01' },
          '审核员',
        );
        const before = await s.stats.summary.snapshot();
        await sql`update documents set extractor_version = '0.0.1'`.execute(s.db);
        const again = await reextractDocuments(s, { pool: own });
        expect(again).toMatchObject({ reextracted: 1, failed: 0 });
        const after = await s.stats.summary.snapshot();
        expect(after).toEqual(await s.stats.summary.recount());
        expect(after.counts[`retired\u0000`]).toBe(again.documents[0]?.retired);
        expect(after.counts[`documents\u0000`]).toBe(ingested.new);
        expect(after.eventYears).toEqual(before.eventYears);
      } finally {
        await own.close();
      }
    });

    it('are filled from the statements a store held before they existed', async () => {
      const location = await engine.location();
      // A store at migration 0002, written to as the code of that version did.
      const early = await openStore(location);
      for (const table of [
        'summary_counts',
        'event_years',
        'place_amounts',
        'entity_summary',
        'entity_values',
        'entity_events',
        'entity_relations',
        'document_event_types',
      ]) {
        await early.db.schema.dropTable(table).execute();
      }
      await early.db.schema.dropIndex('statements_entity_created_idx').execute();
      await early.db.schema.dropIndex('documents_ingested_idx').execute();
      // Migrations after 0003 are undone from the record too: they run again, as they would after it.
      await sql`delete from kysely_migration where name >= '0003'`.execute(early.db);
      for (const [i, text] of ['', '第二份报告。', '第三份。'].entries()) {
        const document = buildDocument({
          text: `${buildDocument().text}${text}`,
          sourcePath: `inbox/${i}.txt`,
        });
        const facts = statementsOfExtraction(buildExtraction({}, document.text), {
          documentId: document.id,
          text: document.text,
        });
        await early.transaction(async (tx) => {
          await tx.documents.insert(document);
          await tx.articles.replace(document.id, [
            { index: 0, span: { start: 0, end: document.text.length } },
          ]);
          await tx.entities.ensure(facts.entities, '2024-01-01T00:00:00.000Z');
          await tx.statements.insertMany(facts.statements, '2024-01-01T00:00:00.000Z');
        });
      }
      await early.close();

      const s = await openStore(location);
      store = s;
      const filled = await s.stats.summary.snapshot();
      expect(filled).toEqual(await s.stats.summary.recount());
      expect(filled.counts[`documents\u0000`]).toBe(3);
      expect(filled.entities[CAS]?.[0]).toBeGreaterThan(0);
      expect(Object.keys(filled.entityEvents).length).toBeGreaterThan(0);
    });

    it('count the units of a batch that were stored, written once for all of them', async () => {
      const s = await engine.open();
      store = s;
      const now = '2024-01-01T00:00:00.000Z';
      const documents = ['', '第二份报告。', '第三份。'].map((text, i) =>
        buildDocument({ text: `${buildDocument().text}${text}`, sourcePath: `inbox/${i}.txt` }),
      );
      const results = await s.transactionOfEach(
        documents.map((document, i) => async (tx) => {
          const facts = statementsOfExtraction(buildExtraction({}, document.text), {
            documentId: document.id,
            text: document.text,
          });
          await tx.documents.insert(document);
          await tx.articles.replace(document.id, [
            { index: 0, span: { start: 0, end: document.text.length } },
          ]);
          await tx.entities.ensure(facts.entities, now);
          await tx.statements.insertMany(facts.statements, now);
          await tx.stats.summary.documentStored(document.id, facts.statements);
          // Its summaries were gathered before it failed: they must not be written.
          if (i === 1) throw new Error('the second document fails after its summaries');
        }),
      );
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      const snapshot = await s.stats.summary.snapshot();
      expect(snapshot).toEqual(await s.stats.summary.recount());
      expect(snapshot.counts[`documents\u0000`]).toBe(2);
      // The two stored documents name the same bodies: one row each, counting both documents.
      expect(snapshot.values[`${CAS}\u0000name\u0000"中国科学院"`]).toBeGreaterThanOrEqual(2);
    });

    it('serve the dashboard and an entity page by pages', async () => {
      const s = await engine.open();
      store = s;
      await ingestPaths(s, [SAMPLES], { pool });
      const board = await dashboard(s);
      expect(board.topPartners[0]?.events).toBeGreaterThan(1);
      expect(board.investmentByDistrict.every((d) => d.yuan > 0)).toBe(true);
      expect(board.latestDocuments.length).toBeGreaterThan(0);

      const page = await entityPage(s, CAS, 2);
      expect(page.entity).toMatchObject({ name: '中国科学院', type: 'organization' });
      expect(page.entity.aliases).toContain('中科院');
      expect(page.statements.items).toHaveLength(2);
      expect(page.statements.total).toBe(page.entity.mentions);
      expect(page.events.items).toHaveLength(2);
      expect(page.events.total).toBeGreaterThan(2);
      expect(page.relations.length).toBeGreaterThan(0);

      const statements = [];
      for (let offset = 0; offset < page.statements.total; offset += 7) {
        statements.push(...(await entityStatements(s, CAS, 7, offset)).items);
      }
      const about = await s.statements.about([CAS]);
      expect(statements.map((st) => st.id).sort()).toEqual(about.map((st) => st.id).sort());
      const created = statements.map((st) => st.created);
      expect(created).toEqual([...created].sort().reverse());

      const events = [];
      for (let offset = 0; offset < page.events.total; offset += 3) {
        events.push(...(await entityEvents(s, CAS, 3, offset)).items);
      }
      expect(events).toHaveLength(page.events.total);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      const dated = events.filter((e) => e.date).map((e) => e.date ?? '');
      expect(dated).toEqual([...dated].sort().reverse());
      expect(events.every((e) => e.documentId && e.evidence)).toBe(true);
    });
  });
}
