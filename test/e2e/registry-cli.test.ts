/**
 * The registry commands as people run them, each a process of its own on an SQLite store:
 * import spreadsheets (a good one with bad rows, a broken one, a GBK CSV as Excel saves it),
 * export and import elsewhere, move a project, list what needs attention on a fixed day.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../src/registry/sheet-files.js';
import type { StoreLocation } from '../../src/store/open-store.js';
import { projectSheet } from '../factories/project-sheet.js';
import { run } from './cli-process.js';

describe('the registry commands', () => {
  let dir: string;
  let store: StoreLocation;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coopatlas-registry-'));
    store = { dialect: 'sqlite', file: join(dir, 'registry.db') };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the good rows past the bad ones and a broken file, exports, and reads the export back the same', async () => {
    const sheet = projectSheet(38, 2);
    const good = join(dir, 'projects.xlsx');
    const xlsx = await writeSheet(sheet.rows, 'xlsx', '项目');
    await writeFile(good, xlsx);
    const broken = join(dir, 'broken.xlsx');
    await writeFile(broken, xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    const gbk = join(dir, 'excel-gbk.csv');
    await writeFile(
      gbk,
      iconv.encode('项目名称,状态,投资额（万元）\r\n永川区数据中心项目,已签约,3000\r\n', 'gbk'),
    );

    const imported = await run(store, ['registry', 'import', good, broken, gbk]);
    expect(imported.code).toBe(1);
    for (const line of sheet.bad.keys()) expect(imported.stdout).toContain(`${good}:${line}: `);
    expect(imported.stdout).toContain('新增 38，更新 0，未变 0，失败 2');
    expect(imported.stderr).toMatch(/broken\.xlsx: XLSX 文件损坏/);
    expect(imported.stdout).toContain('excel-gbk.csv: 新增 1，');

    const listed = JSON.parse((await run(store, ['registry', 'list', '--json'])).stdout);
    expect(listed).toHaveLength(39);
    expect(listed.find((p: { name: string }) => p.name === '永川区数据中心项目')).toMatchObject({
      investment: 30_000_000,
      status: 'signed',
    });

    const csv = join(dir, 'export.csv');
    expect((await run(store, ['registry', 'export', '--format', 'csv', '--out', csv])).code).toBe(0);
    const elsewhere: StoreLocation = { dialect: 'sqlite', file: join(dir, 'elsewhere.db') };
    expect((await run(elsewhere, ['registry', 'import', csv])).stdout).toContain(
      '新增 39，更新 0，未变 0，失败 0',
    );
    const again = join(dir, 'again.csv');
    await run(elsewhere, ['registry', 'export', '--format', 'csv', '--out', again]);
    expect((await readFile(again)).equals(await readFile(csv))).toBe(true);
  }, 120_000);

  it('moves a project only in order unless a reason is given, and lists what needs attention on a given day', async () => {
    const csv = join(dir, 'one.csv');
    await writeFile(csv, '项目名称,签约日期\n璧山区联合实验室项目,2021-01-10\n');
    await run(store, ['registry', 'import', csv]);
    const [project] = JSON.parse((await run(store, ['registry', 'list', '--json'])).stdout).filter(
      (p: { name: string }) => p.name === '璧山区联合实验室项目',
    );
    expect(project.status).toBe('signed');

    const attention = await run(store, ['attention', '--today', '2021-07-10']);
    expect(attention.stdout).toMatch(/璧山区联合实验室项目 {2}签约已超过 6 个月，仍未落地/);
    expect(attention.stdout).toMatch(/最近来源 \(last source\): one\.csv 第 2 行/);
    expect((await run(store, ['attention', '--today', '2021-07-09'])).stdout).not.toContain(
      '璧山区联合实验室项目',
    );

    const skipped = await run(store, ['registry', 'move', project.id, '--to', '已投产', '--user', '王敏']);
    expect(skipped.code).toBe(2);
    expect(skipped.stderr).toContain('不能从“已签约”直接变为“已投产”');
    const moved = await run(store, [
      'registry',
      'move',
      project.id,
      '--to',
      'in_production',
      '--on',
      '2021-08-01',
      '--reason',
      '租用现成厂房投产',
      '--user',
      '王敏',
    ]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('璧山区联合实验室项目: 已投产 (2021-08-01)');
    expect((await run(store, ['attention', '--today', '2021-08-02'])).stdout).not.toContain(
      '璧山区联合实验室项目',
    );
    expect((await run(store, ['registry', 'move', project.id, '--to', '筹备', '--user', '王敏'])).code).toBe(
      2,
    );
  }, 120_000);
});
