import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEngines } from '../../test/store/dialects.js';
import { renderMarkdown } from '../report/render-markdown.js';
import type { Store } from '../store/open-store.js';
import { ingestPaths } from './ingest-files.service.js';
import { writeReport } from './report.service.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const [sqlite] = storeEngines();

describe('the cooperation status report', () => {
  let store: Store;

  beforeAll(async () => {
    store = await (sqlite as NonNullable<typeof sqlite>).open();
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
