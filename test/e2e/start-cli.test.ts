/**
 * `coopatlas start` as a newcomer runs it: the sample documents ingested and the sample project
 * ledger imported into a new store, the app served on the port it prints.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli-process.js';

describe('the start command', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('ingests the samples, imports the sample project ledger, and serves them at the address it prints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coopatlas-start-'));
    dirs.push(dir);
    const started = cli({ dialect: 'sqlite', file: join(dir, 'demo.db') }, ['start', '--port', '0']);
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 90_000);
      started.child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving at (http:\/\/\S+)\)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      started.child.on('exit', () => reject(new Error(`exited: ${output}`)));
    });
    try {
      expect(output).toMatch(/样例文档 \(samples\): 读取 14，新增 14，未变 0，失败 0/);
      expect(output).toMatch(/样例项目台账 \(sample projects\) projects\.csv: 新增 10，未变 0，失败 0/);
      const projects = (await (await fetch(`${address}/api/registry/projects`)).json()) as {
        items: unknown[];
        totals: { byStatus: Array<{ key: string; projects: number }> };
      };
      expect(projects.items).toHaveLength(10);
      expect(projects.totals.byStatus.find((s) => s.key === 'in_production')?.projects).toBe(2);
      expect((await fetch(`${address}/api/dashboard`)).status).toBe(200);
    } finally {
      started.child.kill('SIGTERM');
      await started.done;
    }
  }, 120_000);
});
