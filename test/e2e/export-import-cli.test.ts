/**
 * `export` and `import` as people run them, each a process of its own: a store exported,
 * imported into an empty one and exported again gives the same bytes and the same stats, on
 * SQLite (`--db FILE`) and PostgreSQL (`DATABASE_URL`); a bad file is reported and exits 1.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../src/store/open-store.js';
import { storeEngines } from '../store/dialects.js';
import { run } from './cli-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'samples');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coopatlas-exchange-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipped)(`export and import commands on ${engine.title}`, () => {
    it('round-trips the samples to the same bytes and stats, and reports a bad file', async () => {
      const a = await engine.location();
      const b = await engine.location();
      const ingest = await run(a, ['ingest', SAMPLES]);
      expect(ingest.code).toBe(0);

      const first = join(dir, `${engine.dialect}-a.jsonl`);
      const exported = await run(a, ['export', '--format', 'jsonl', '--out', first]);
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/已导出 \(exported\): 文档 \d+ documents/);

      const imported = await run(b, ['import', first, '--json']);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ failed: 0, present: { statements: 0 } });

      const second = join(dir, `${engine.dialect}-b.jsonl`);
      expect((await run(b, ['export', '--out', second])).code).toBe(0);
      expect((await readFile(second)).equals(await readFile(first))).toBe(true);
      const stats = (location: StoreLocation) => run(location, ['stats', '--json']).then((r) => r.stdout);
      expect(await stats(b)).toBe(await stats(a));

      const again = await run(b, ['import', first]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/新增 0，已有 \d+，失败 0/);

      const lines = (await readFile(first, 'utf8')).split('\n');
      const bad = join(dir, `${engine.dialect}-bad.jsonl`);
      await writeFile(bad, [...lines.slice(0, 3), '{"record":"entity","id":', ...lines.slice(3)].join('\n'));
      const reported = await run(b, ['import', bad]);
      expect(reported.code).toBe(1);
      expect(reported.stderr).toContain(`${bad}:4: 不是有效的 JSON (not valid JSON)`);
      expect(reported.stderr).toContain('1 条记录未导入 (records not imported)');
      expect(await stats(b)).toBe(await stats(a));

      const folder = join(dir, `${engine.dialect}-csv`);
      expect((await run(a, ['export', '--format', 'csv', '--out', folder])).code).toBe(0);
      const c = await engine.location();
      expect((await run(c, ['import', folder])).code).toBe(0);
      expect(await stats(c)).toBe(await stats(a));

      const wrong = await run(a, ['export', '--format', 'xml', '--out', join(dir, 'x')]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('--format must be jsonl or csv');
      const taken = await run(a, ['export', '--format', 'csv', '--out', folder]);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toContain('the CSV folder must be new or empty');
    }, 240_000);
  });
}
