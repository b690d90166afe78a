import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_FOLDERS, evaluate } from '../../test/matching/evaluation.js';
import { storeEngines } from '../../test/store/dialects.js';
import type { Store } from '../store/open-store.js';
import { ExtractionPool } from './extraction-pool.js';
import { ingestPaths } from './ingest-files.service.js';
import {
  feedbackQuality,
  findNeed,
  listNeeds,
  matchingIndex,
  matchNeed,
  recordFeedback,
  saveNeed,
} from './matching.service.js';
import { saveRecord } from './registry.service.js';

const NOW = '2024-03-01T08:00:00.000Z';

const LATER_DOCUMENT = `海洋牧场智能监测联合实验室在舟山揭牌

本报讯（记者 林海）5月8日，浙江海洋大学与舟山市定海区人民政府共建的海洋牧场智能监测联合实验室揭牌成立，实验室将研发网箱养殖水下巡检机器人和鱼群声呐监测系统。`;

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`technology matching on ${engine.title}`, () => {
    let store: Store;
    let pool: ExtractionPool;
    let dir: string;

    beforeAll(async () => {
      store = await engine.open();
      pool = new ExtractionPool(2);
      dir = await mkdtemp(join(tmpdir(), 'coopatlas-matching-'));
      await ingestPaths(store, EVALUATION_FOLDERS, { pool });
    }, 240_000);
    afterAll(async () => {
      await pool?.close();
      await store?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('ranks the evaluation set better than plain BM25, and finds every candidate the set expects', async () => {
      const { modes, missing } = await evaluate(store);
      expect(missing).toEqual([]);
      expect(modes.full.needs).toBeGreaterThanOrEqual(60);
      expect(modes.full.ndcg10).toBeGreaterThan(modes.bm25.ndcg10);
      expect(modes.full.mrr).toBeGreaterThanOrEqual(modes.bm25.mrr);
    }, 120_000);

    it('answers a need with ranked candidates, their reasons and the sentences they were read from', async () => {
      const result = await matchNeed(store, {
        description: '机场安检需要人像识别核验系统，戴口罩也能识别',
        district: '重庆市渝北区',
      });
      const top = result.candidates[0];
      expect(top?.name).toContain('人脸识别');
      expect(top?.reasons.map((r) => r.zh).join()).toContain('需求的 “人像识别” ≈ 候选的 “人脸识别”');
      const evidence = top?.evidence[0];
      expect(evidence?.documentTitle).toBe('重庆研究院人脸识别技术走进民航安检 年处理旅客超千万人次');
      const text = (await store.documents.texts([evidence?.documentId ?? ''])).get(
        evidence?.documentId ?? '',
      );
      expect(text?.slice(evidence?.span?.start, evidence?.span?.end).replace(/\s*\n\s*/g, '')).toBe(
        evidence?.text,
      );
      expect(result.candidates.map((c) => c.rank)).toEqual(result.candidates.map((_, i) => i + 1));
    });

    it('brings its index up to date with a document ingested after it was built, without building it again', async () => {
      const index = await matchingIndex(store);
      const before = index.size;
      const need = { description: '网箱养殖需要水下巡检机器人' };
      expect((await matchNeed(store, need)).candidates.map((c) => c.name)).not.toContain(
        '海洋牧场智能监测联合实验室',
      );
      await writeFile(join(dir, 'later.txt'), LATER_DOCUMENT);
      await ingestPaths(store, [join(dir, 'later.txt')], { pool });
      const after = await matchNeed(store, need);
      expect(after.candidates.slice(0, 3).map((c) => c.name)).toContain('海洋牧场智能监测联合实验室');
      expect(await matchingIndex(store)).toBe(index);
      expect(index.size).toBeGreaterThan(before);
    });

    it('matches the registry’s achievements by their fields and owners, and folds a platform record into its body', async () => {
      await saveRecord(
        store,
        'achievement',
        { name: '钙钛矿叠层太阳能电池', field: '光伏', owner: '中国科学院宁波材料技术与工程研究所' },
        'editor',
        NOW,
      );
      await saveRecord(
        store,
        'platform',
        { name: '江南石墨烯研究院', level: 'provincial', host: '常州市武进区' },
        'editor',
        NOW,
      );
      const solar = await matchNeed(store, {
        description: '需要太阳能电池的转化合作',
        district: '宁波市镇海区',
      });
      const record = solar.candidates.find((c) => c.name === '钙钛矿叠层太阳能电池');
      expect(record?.kind).toBe('achievement');
      expect(record?.affiliation).toBe('中国科学院宁波材料技术与工程研究所');
      expect(record?.reasons.map((r) => r.feature)).toContain('field');
      const graphene = await matchNeed(store, { description: '石墨烯防腐涂料', district: '常州市武进区' });
      const named = graphene.candidates.filter((c) => c.name === '江南石墨烯研究院');
      expect(named).toHaveLength(1);
      expect(named[0]?.id).toMatch(/^organization:/);
    });

    it('keeps a need and a person’s judgement of a match as their statements, the judgement citing its sentence', async () => {
      const input = {
        description: '需要石墨烯导热膜的量产工艺',
        company: '重庆电子散热材料有限公司',
        district: '两江新区',
      };
      const need = await saveNeed(store, input, 'editor', NOW);
      expect((await store.entities.find(need.id))?.type).toBe('need');
      expect(need).toMatchObject({
        description: input.description,
        company: input.company,
        district: '两江新区',
        author: 'editor',
      });
      const again = await saveNeed(store, input, 'editor', '2024-03-02T08:00:00.000Z');
      expect((await store.statements.about([need.id])).length).toBe(3);
      expect(again.id).toBe(need.id);

      const top = (await matchNeed(store, input)).candidates[0];
      const evidence = top?.evidence[0];
      if (!top || !evidence?.documentId || !evidence.span) throw new Error('no evidence to judge from');
      await recordFeedback(
        store,
        need.id,
        {
          candidate: top.id,
          useful: true,
          evidence: { documentId: evidence.documentId, span: evidence.span },
        },
        'reviewer',
        NOW,
      );
      const statement = (await store.statements.about([need.id])).find((s) => s.property === 'feedback');
      expect(statement?.value).toEqual({ candidate: top.id, useful: true });
      expect(statement?.source).toEqual({
        origin: 'manual',
        author: 'reviewer',
        evidence: { documentId: evidence.documentId, span: evidence.span },
      });
      expect((await findNeed(store, need.id)).feedback).toEqual([
        { candidate: top.id, useful: true, author: 'reviewer', at: NOW },
      ]);
      expect((await listNeeds(store)).map((n) => n.id)).toContain(need.id);
      const quality = await feedbackQuality(store);
      expect(quality.judged).toBe(1);
      expect(quality.full.mrr).toBe(1);
    });

    it('refuses a judgement of a need it does not have', async () => {
      await expect(
        recordFeedback(store, 'need:none', { candidate: 'x', useful: false }, 'reviewer'),
      ).rejects.toThrow(/没有这条需求/);
    });
  });
}
