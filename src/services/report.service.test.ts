import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEngines } from '../../test/store/dialects.js';
import { renderMarkdown } from '../report/render-markdown.js';
import type { Store } from '../store/open-store.js';
import { ingestPaths } from './ingest-files.service.js';
import { saveProject } from './registry.service.js';
import { writeReport } from './report.service.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
/** Seed 002 alone: the academy's status report of its cooperation with Chongqing. */
const ONE_SEED = fileURLToPath(new URL('../../../shared/seeds/002_717669ecf8a4545b.txt', import.meta.url));
const [sqlite] = storeEngines();
const openSqlite = () => (sqlite as NonNullable<typeof sqlite>).open();
const textOf = (report: Awaited<ReturnType<typeof writeReport>>, title: string) =>
  report.sections.find((s) => s.title === title)?.sentences.map((s) => s.text) ?? [];

describe('the cooperation status report', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openSqlite();
    await ingestPaths(store, [SEEDS]);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('tells 重庆 in 2016–2020 from the seeds: the agreements by date, the five platforms, the four parks, the alliance', async () => {
    const report = await writeReport(store, { region: '重庆', from: 2016, to: 2020 });
    const text = renderMarkdown(report);
    for (const date of ['2018年4月', '2020年6月12日', '2020年12月15日']) expect(text).toContain(`${date}，`);
    const platforms = report.sections.find((s) => s.title === '共建省部级创新平台');
    expect(platforms?.sentences[0]?.text).toMatch(/等5个创新平台。$/);
    for (const name of [
      '大数据与智能计算重庆市重点实验室',
      '重庆市人脸识别协同创新中心',
      '重庆市3D打印应用工程技术研究中心',
    ]) {
      expect(platforms?.sentences[0]?.text).toContain(name);
    }
    const parks = report.sections.find((s) => s.title === '共建产业园区');
    expect(parks?.sentences[0]?.text).toMatch(
      /重庆市江北科技孵化园、长寿中科未来城创新产业园、重庆高新区石墨烯产业园、两江新区机器人产业园等4个产业园区/,
    );
    expect(text).toContain('2020年9月25日，');
    expect(text).toContain('竹溪智谷科企联盟');
    // Every sentence of the sections drawn from documents cites one.
    for (const section of report.sections.filter((s) => s.title !== '签约项目及进展')) {
      for (const sentence of section.sentences)
        expect(sentence.citations.length, sentence.text).toBeGreaterThan(0);
    }
    const notes = text.split('\n').filter((line) => /^\[\^\d+\]: /.test(line));
    expect(notes.length).toBeGreaterThan(5);
    expect(text).toMatch(/## 资料来源\n\n1\. 中国科学院服务重庆市科技合作现状/);
  });

  it('leaves out what falls outside the period, the region or the party', async () => {
    const sentences = (report: Awaited<ReturnType<typeof writeReport>>) =>
      report.sections.flatMap((s) => s.sentences.map((x) => x.text)).join('\n');
    const early = sentences(await writeReport(store, { region: '重庆', from: 2016, to: 2017 }));
    expect(early).toContain('2017年11月，');
    expect(early).not.toContain('2020年12月15日');
    const party = renderMarkdown(
      await writeReport(store, { region: '重庆', from: 2016, to: 2020, party: '中国科学院广州化学有限公司' }),
    );
    expect(party).toContain('2017年11月，');
    expect(party).not.toContain('竹溪智谷科企联盟');
  });

  it('says so when nothing is in scope', async () => {
    const text = renderMarkdown(await writeReport(store, { region: '拉萨', from: 2016, to: 2020 }));
    expect(text).toContain('所选范围（拉萨，2016—2020年）内知识库中没有可用的合作信息，无可报告的内容。');
    expect(text).not.toContain('## 资料来源');
  });
});

describe('the report of a store with one document', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openSqlite();
    await ingestPaths(store, [ONE_SEED]);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('cites that document alone, once in the sources, and its figures say they come from it', async () => {
    const report = await writeReport(store, { region: '重庆', from: 2016, to: 2020 });
    expect(report.sources.map((s) => s.title)).toEqual(['中国科学院服务重庆市科技合作现状']);
    const cited = new Set(
      report.sections.flatMap((s) => s.sentences.flatMap((x) => x.citations)).map((c) => c.documentId),
    );
    expect([...cited]).toEqual([report.sources[0]?.documentId]);
    expect(textOf(report, '共建产业园区')[0]).toContain('等4个产业园区');
    const [byYear] = report.figures;
    expect(byYear?.key).toBe('events-by-year');
    expect(byYear?.source).toMatch(/出自文档1篇。$/);
  });

  it('says there is nothing to report on a store with nothing in it', async () => {
    const empty = await openSqlite();
    try {
      const report = await writeReport(empty, {});
      expect(report).toMatchObject({
        sections: [],
        figures: [],
        sources: [],
        used: { accepted: 0, proposed: 0 },
      });
      expect(renderMarkdown(report)).toContain('所选范围内知识库中没有可用的合作信息，无可报告的内容。');
    } finally {
      await empty.close();
    }
  });
});

describe('the registry’s projects in the report', () => {
  let store: Store;
  const project = (row: Parameters<typeof saveProject>[1]) =>
    saveProject(store, row, '王敏', '2024-05-01T08:00:00.000Z');

  beforeAll(async () => {
    store = await openSqlite();
    // The knowledge base knows 中国科学院重庆绿色智能技术研究院 as 重庆研究院 from this document.
    await ingestPaths(store, [ONE_SEED]);
    await project({
      name: '两江新区智能制造研发中心',
      category: '研发基地',
      parties: ['中国科学院重庆绿色智能技术研究院', '两江新区'],
      zone: '两江新区',
      investment: 4.5e8,
      expectedOutput: 9e8,
      actualOutput: 5.2e8,
      status: 'in_production',
      statusDate: '2020-10-15',
      signed: '2019-06-12',
    });
    await project({
      name: '北碚区先进材料中试基地',
      category: '研发基地',
      parties: ['某某材料科技有限公司'],
      zone: '北碚区',
      investment: 2.2e8,
      status: 'under_construction',
      statusDate: '2019-02-20',
      signed: '2018-04-27',
    });
    await project({
      name: '成都高新区智能终端产业园',
      category: '产业园',
      parties: ['某某电子有限公司'],
      zone: '武侯区',
      investment: 3e8,
      signed: '2018-09-20',
    });
    await project({
      name: '长寿区氢能装备区域总部',
      category: '区域总部',
      parties: [],
      zone: '长寿区',
      signed: '2022-11-10',
    });
    await project({ name: '綦江区数据中心', category: '数据中心', parties: [], zone: '綦江区' });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('counts only the projects signed in the period and hosted in the region, by category, status, investment and output', async () => {
    const report = await writeReport(store, { region: '重庆', from: 2016, to: 2020 });
    expect(textOf(report, '签约项目及进展')).toEqual([
      '据合作登记簿，登记签约项目2个，包括研发基地项目2个，总投资6.7亿元。',
      '按进展分，在建1个、已投产1个；已落地的项目共2个。',
      '预计年产值合计9亿元，已报实际年产值合计5.2亿元。',
    ]);
    const zones = report.figures.find((f) => f.key === 'investment-by-zone');
    expect(zones?.categories).toEqual(['两江新区', '北碚区']);
    expect(report.figures.find((f) => f.key === 'projects-by-category')?.categories).toEqual(['研发基地']);
    const later = await writeReport(store, { region: '重庆', from: 2021, to: 2023 });
    expect(textOf(later, '签约项目及进展')[0]).toBe('据合作登记簿，登记签约项目1个，包括区域总部项目1个。');
    // Without a signing day, a project counts from the day of its first status: the day it was entered.
    const entered = await writeReport(store, { region: '重庆', from: 2024, to: 2024 });
    expect(textOf(entered, '签约项目及进展')[0]).toBe('据合作登记簿，登记签约项目1个，包括数据中心项目1个。');
    const chengdu = await writeReport(store, { region: '成都', from: 2016, to: 2020 });
    expect(textOf(chengdu, '签约项目及进展')[0]).toContain('登记签约项目1个，包括产业园项目1个');
  });

  it('takes a project of the party under any name the knowledge base knows it by', async () => {
    const report = await writeReport(store, { region: '重庆', party: '重庆研究院' });
    expect(textOf(report, '签约项目及进展')[0]).toBe(
      '据合作登记簿，登记签约项目1个，包括研发基地项目1个，总投资4.5亿元。',
    );
    const other = await writeReport(store, { region: '重庆', party: '中国科学院广州化学有限公司' });
    expect(textOf(other, '签约项目及进展')).toEqual([]);
  });
});
