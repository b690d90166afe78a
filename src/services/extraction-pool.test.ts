import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionPool } from './extraction-pool.js';
import { sha256Hex } from './read-document-bytes.js';

const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));

let pool: ExtractionPool;
beforeAll(() => {
  pool = new ExtractionPool(1);
});
afterAll(async () => {
  await pool.close();
});

describe('ExtractionPool', () => {
  it('gives every task its own document when a worker holds several, slow PDFs among quick texts', async () => {
    const files = [
      '13_sichuan-cas-agreement.pdf',
      '09_guangzhou-cae-agreement.txt',
      '14_cas-jiangsu-report.docx',
    ];
    const tasks = [...files, ...files].map((name) => {
      const bytes = new Uint8Array(readFileSync(join(SAMPLES, name)));
      return { path: name, bytes };
    });
    const results = await Promise.all(tasks.map((task) => pool.run(task)));
    for (const [i, result] of results.entries()) {
      const task = tasks[i];
      if (!task || !result.ok) throw new Error(`${task?.path}: ${result.ok ? '' : result.error.message}`);
      expect(result.document.id).toBe(sha256Hex(task.bytes));
    }
  }, 60_000);

  it('fails a task whose file cannot be read and goes on with the next', async () => {
    const [bad, good] = await Promise.all([
      pool.run({ path: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.4 no end') }),
      pool.run({ path: 'note.txt', bytes: new TextEncoder().encode('2021年，重庆市与中国科学院签署协议。') }),
    ]);
    expect(bad?.ok).toBe(false);
    expect(good?.ok).toBe(true);
  }, 60_000);
});
