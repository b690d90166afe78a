import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectSheet } from '../../test/factories/project-sheet.js';
import { storeEngines } from '../../test/store/dialects.js';
import { readSheet, writeSheet } from '../registry/sheet-files.js';
import type { Store } from '../store/open-store.js';
import { ingestPaths } from './ingest-files.service.js';
import {
  addRecordItem,
  agreementDraftFromEvent,
  attentionList,
  batchFromEvent,
  exportProjects,
  exportRecords,
  importProjects,
  importRecords,
  listAchievements,
  listAgreements,
  listPlatforms,
  listProjects,
  moveProject,
  platformDraftFromEvent,
  saveProject,
  saveRecord,
} from './registry.service.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const NOW = '2021-06-20T08:00:00.000Z';

/** The events of a type in the store, by the statements that give their type. */
function eventsOfType(store: Store, type: string) {
  return store.db
    .selectFrom('statements')
    .select(['entity_id', 'document_id'])
    .where('property', '=', 'eventType')
    .where('value', '=', JSON.stringify(type))
    .execute();
}

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`the registry on ${engine.title}`, () => {
    it('imports 950 good projects of 1,000 rows and reports each of the 50 bad ones with its line and reason', async () => {
      const store = await engine.open();
      try {
        const sheet = projectSheet(950, 50);
        const bytes = await writeSheet(sheet.rows, 'xlsx', '项目');
        const report = await importProjects(store, bytes, '/uploads/projects.xlsx', NOW);
        expect(report).toMatchObject({ added: 950, updated: 0, unchanged: 0, failed: 50 });
        const failed = new Map(
          report.lines.filter((l) => l.outcome === 'failed').map((l) => [l.line, l.reason]),
        );
        expect([...failed.keys()].sort((a, b) => a - b)).toEqual([...sheet.bad.keys()].sort((a, b) => a - b));
        const reasons: Record<string, RegExp> = {
          'no name': /缺少项目名称/,
          'text in a number column': /应为数字.*约三千万/,
          'unknown status': /未知的状态“洽谈中”/,
          duplicate: /与第 \d+ 行是同一个项目/,
        };
        for (const [line, kind] of sheet.bad)
          expect(failed.get(line), `line ${line}`).toMatch(reasons[kind] as RegExp);
        expect(await listProjects(store)).toHaveLength(950);

        // The same file again changes nothing; the export read into another store exports the same.
        expect(await importProjects(store, bytes, '/uploads/projects.xlsx', NOW)).toMatchObject({
          unchanged: 950,
          failed: 50,
        });
        const csv = await exportProjects(store, 'csv');
        const xlsx = await exportProjects(store, 'xlsx');
        const other = await engine.open();
        try {
          expect(await importProjects(other, csv, 'projects.csv', NOW)).toMatchObject({
            added: 950,
            failed: 0,
          });
          expect((await exportProjects(other, 'csv')).equals(csv)).toBe(true);
          expect(await readSheet(await exportProjects(other, 'xlsx'), 'x.xlsx')).toEqual(
            await readSheet(xlsx, 'x.xlsx'),
          );
          expect(await importProjects(other, xlsx, 'projects.xlsx', NOW)).toMatchObject({ unchanged: 950 });
        } finally {
          await other.close();
        }
      } finally {
        await store.close();
      }
    }, 120_000);
  });
}

describe('the registry', () => {
  let store: Store;
  const [sqlite] = storeEngines();

  beforeAll(async () => {
    store = await (sqlite as typeof storeEngines extends () => (infer E)[] ? E : never).open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('moves a project along its lifecycle, and out of order only with the reason recorded', async () => {
    const { project } = await saveProject(
      store,
      { name: '塔科玛创新实验室', parties: [], signed: '2020-12-15' },
      '王敏',
      NOW,
    );
    expect(project.status).toBe('signed');
    expect(project.history).toEqual([{ status: 'signed', on: '2020-12-15' }]);
    await expect(
      moveProject(store, { id: project.id, to: 'in_production', on: '2021-05-01' }, '王敏', NOW),
    ).rejects.toThrow(/不能从“已签约”直接变为“已投产”/);
    const landed = await moveProject(store, { id: project.id, to: 'landed', on: '2021-03-01' }, '王敏', NOW);
    expect(landed.status).toBe('landed');
    const producing = await moveProject(
      store,
      { id: project.id, to: 'in_production', on: '2021-05-01', reason: '利用既有厂房，未单独建设' },
      '王敏',
      NOW,
    );
    expect(producing.history.at(-1)).toEqual({
      status: 'in_production',
      on: '2021-05-01',
      override: '利用既有厂房，未单独建设',
    });
  });

  it('flags on a fixed day a project signed six months ago that has not landed, with its last source', async () => {
    const { project } = await saveProject(
      store,
      { name: '数据中心项目', parties: [], signed: '2020-12-01' },
      '李强',
      NOW,
    );
    const items = await attentionList(store, '2021-06-20');
    const item = items.find((i) => i.recordId === project.id);
    expect(item?.reason).toMatch(/签约已超过 6 个月，仍未落地/);
    expect(item?.lastSource?.source).toEqual({ origin: 'manual', author: '李强' });
    expect((await attentionList(store, '2021-05-31')).some((i) => i.recordId === project.id)).toBe(false);
  });

  it('makes from the signing event of seed 000 the batch of 41 projects by category, each figure citing its sentence', async () => {
    await ingestPaths(store, [SEEDS]);
    const events = await eventsOfType(store, 'project_signing');
    const documents = await store.documents.findMany(events.map((e) => e.document_id as string));
    const seed = documents.find((d) => d.sourcePath.includes('000_'));
    const event = events.find((e) => e.document_id === seed?.id);
    expect(event).toBeDefined();
    const batch = await batchFromEvent(store, event?.entity_id as string, '王敏', NOW);
    expect(batch.projects?.count).toBe(41);
    expect(batch.categories.map((c) => [c.category, c.count])).toEqual([
      ['研发基地', 13],
      ['联合实验室', 4],
      ['区域总部', 12],
      ['数据中心', 10],
      ['战略合作', 2],
    ]);
    expect(batch.investment).toMatchObject({ yuan: 10_000_000_000, qualifier: 'over', text: '超100亿元' });
    const text = (await store.documents.content(seed?.id as string))?.text ?? '';
    const cited = (e: { span: { start: number; end: number } } | undefined) =>
      e ? text.slice(e.span.start, e.span.end).replace(/\s/g, '') : '';
    expect(cited(batch.projects?.evidence)).toBe('41个项目');
    expect(cited(batch.categories[0]?.evidence)).toBe('研发基地项目13个');
    expect(cited(batch.investment?.evidence)).toBe('超100亿元');
    expect(batch.parties).toContain('重庆高新区');
    // Confirmed again, the same batch: nothing is written twice.
    const again = await batchFromEvent(store, event?.entity_id as string, '王敏', NOW);
    expect(again).toEqual(batch);
  }, 60_000);

  it('keeps an agreement’s commitments, flags one past due until it is marked done', async () => {
    const { record } = await saveRecord(
      store,
      'agreement',
      {
        name: '重庆市人民政府 中国科学院 全面战略合作协议',
        parties: ['重庆市人民政府', '中国科学院'],
        signed: '2020-06-12',
        fields: ['大数据智能化', '新材料'],
      },
      '王敏',
      NOW,
    );
    const commitment = {
      what: '共建重庆科技成果转化中心',
      owner: '两江新区',
      due: '2021-03-31',
      done: false,
    };
    await addRecordItem(
      store,
      record.id,
      { kind: 'agreement', property: 'commitment', value: commitment },
      '王敏',
      NOW,
    );
    const overdue = (await attentionList(store, '2021-04-01')).filter((i) => i.rule === 'commitment_overdue');
    expect(overdue.map((i) => i.recordId)).toEqual([record.id]);
    const done = await addRecordItem(
      store,
      record.id,
      { kind: 'agreement', property: 'commitment', value: { ...commitment, done: true } },
      '王敏',
      '2021-06-21T00:00:00.000Z',
    );
    expect(done).toMatchObject({ commitments: [{ what: commitment.what, done: true }] });
    expect((await attentionList(store, '2021-04-03')).some((i) => i.rule === 'commitment_overdue')).toBe(
      false,
    );
    const [listed] = await listAgreements(store);
    expect(listed).toMatchObject({
      fields: ['大数据智能化', '新材料'],
      parties: ['重庆市人民政府', '中国科学院'],
    });
    // The same form again says nothing new.
    expect(
      (await saveRecord(store, 'agreement', { name: listed?.name ?? '', signed: '2020-06-12' }, '王敏', NOW))
        .outcome,
    ).toBe('unchanged');
  });

  it('counts a platform quiet a year after its last activity, and keeps the companies it incubated', async () => {
    const { record } = await saveRecord(
      store,
      'platform',
      {
        name: '中国科学院重庆科技成果转化中心',
        kind: '协同创新中心',
        level: 'provincial',
        host: '两江新区',
        founded: '2019-05-01',
      },
      '王敏',
      NOW,
    );
    await addRecordItem(
      store,
      record.id,
      { kind: 'platform', property: 'activity', value: { on: '2020-09-01', what: '举办成果对接会' } },
      '王敏',
      NOW,
    );
    await addRecordItem(
      store,
      record.id,
      { kind: 'platform', property: 'company', value: { name: '重庆中科芯创科技有限公司', since: '2020' } },
      '王敏',
      NOW,
    );
    const [platform] = await listPlatforms(store);
    expect(platform).toMatchObject({
      lastActivity: '2020-09-01',
      companies: [{ name: '重庆中科芯创科技有限公司', since: '2020' }],
    });
    expect((await attentionList(store, '2021-08-31')).some((i) => i.recordId === record.id)).toBe(false);
    expect((await attentionList(store, '2021-09-01')).find((i) => i.recordId === record.id)?.reason).toMatch(
      /12 个月以来没有活动记录/,
    );
  });

  it('records an achievement and where it was transferred, and how', async () => {
    const { record } = await saveRecord(
      store,
      'achievement',
      {
        name: '高性能石墨烯薄膜制备技术',
        kind: 'technology',
        owner: '中国科学院重庆绿色智能技术研究院',
        field: '新材料',
      },
      '王敏',
      NOW,
    );
    await addRecordItem(
      store,
      record.id,
      {
        kind: 'achievement',
        property: 'transfer',
        value: { to: '重庆墨希科技有限公司', on: '2019-11', how: 'licence' },
      },
      '王敏',
      NOW,
    );
    expect(await listAchievements(store)).toEqual([
      { ...record, transfers: [{ to: '重庆墨希科技有限公司', on: '2019-11', how: 'licence' }] },
    ]);
    await expect(
      addRecordItem(
        store,
        record.id,
        { kind: 'platform', property: 'activity', value: { on: '2020-01-01', what: 'x' } },
        '王敏',
        NOW,
      ),
    ).rejects.toThrow(/没有这条登记/);
  });

  it('drafts an agreement from an agreement event of seed 002 with its parties and day', async () => {
    const events = await eventsOfType(store, 'agreement');
    expect(events.length).toBeGreaterThan(0);
    const drafts = await Promise.all(events.map((e) => agreementDraftFromEvent(store, e.entity_id)));
    const signed = drafts.find((d) => d.signed === '2020-12-15');
    expect(signed?.parties?.length).toBeGreaterThanOrEqual(2);
    expect(signed?.evidence.documentId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exports agreements, platforms and achievements with their items, and reads the export back the same', async () => {
    const other = await (sqlite as typeof storeEngines extends () => (infer E)[] ? E : never).open();
    try {
      for (const kind of ['agreement', 'platform', 'achievement'] as const) {
        const csv = await exportRecords(store, kind, 'csv');
        const report = await importRecords(other, kind, csv, `${kind}s.csv`, NOW);
        expect(report.failed, kind).toBe(0);
        expect(report.added, kind).toBeGreaterThan(0);
        expect((await exportRecords(other, kind, 'csv')).equals(csv), kind).toBe(true);
        expect((await importRecords(other, kind, csv, `${kind}s.csv`, NOW)).updated, kind).toBe(0);
      }
      const [platform] = await listPlatforms(other);
      expect(platform?.companies).toEqual([{ name: '重庆中科芯创科技有限公司', since: '2020' }]);
    } finally {
      await other.close();
    }
  });

  it('reports the bad rows of a record sheet with their line and reason', async () => {
    const rows = [
      ['协议名称', '签署日期', '承诺事项'],
      ['协议甲', '2020-13', ''],
      ['协议乙', '2020-06', '共建研究院｜两江新区｜2021-12-31｜进行中'],
      ['', '2020', ''],
      ['协议丙', '2019', '共建研究院｜两江新区｜2021-12-31｜已完成\n设立基金｜｜｜未完成'],
      ['协议丙', '2019', ''],
    ];
    const csv = Buffer.from(
      rows.map((r) => r.map((c) => `"${c.replace(/\\n/g, '\n')}"`).join(',')).join('\n'),
    );
    const report = await importRecords(store, 'agreement', csv, 'agreements.csv', NOW);
    expect(report.lines.map((l) => [l.line, l.outcome === 'failed' ? l.reason : l.outcome])).toEqual([
      [2, expect.stringMatching(/签署日期”应为日期/)],
      [3, expect.stringMatching(/完成情况应为“已完成”或“未完成”，而不是“进行中”/)],
      [4, expect.stringMatching(/缺少协议名称/)],
      [5, 'added'],
      [6, expect.stringMatching(/与第 5 行是同一个协议/)],
    ]);
    const added = (await listAgreements(store)).find((a) => a.name === '协议丙');
    expect(added?.commitments).toEqual([
      { what: '共建研究院', owner: '两江新区', due: '2021-12-31', done: true },
      { what: '设立基金', done: false },
    ]);
    const platforms = Buffer.from('平台名称,级别\n某平台,市级\n');
    expect((await importRecords(store, 'platform', platforms, 'p.csv', NOW)).lines[0]?.reason).toMatch(
      /“级别”应为国家级、省部级、区县级之一/,
    );
  });

  it('drafts a platform from a founding event of seed 002: the alliance, its founders and its day', async () => {
    const events = await eventsOfType(store, 'founding');
    const drafts = await Promise.all(
      events.map((e) => platformDraftFromEvent(store, e.entity_id).catch(() => undefined)),
    );
    const alliance = drafts.find((d) => d?.name === '竹溪智谷科企联盟');
    expect(alliance).toMatchObject({ kind: '联盟', founded: '2020-09-25' });
    expect(alliance?.coBuilders).toContain('中国科学院重庆绿色智能技术研究院');
  });
});
