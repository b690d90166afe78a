import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { listDocumentFiles } from '../ingest/list-files.js';
import { extractFiles } from '../services/extract-files.service.js';

/** `coopatlas demo [FOLDER]`: extracts the bundled samples and prints what was found. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('抽取示例文档并打印摘要 (extract the bundled sample documents and print a summary)')
    .argument('[folder]', '示例文件夹 (sample folder)', 'samples')
    .action(async (folder: string) => {
      const published = await readPublishedDates(folder);
      const files = await listDocumentFiles([folder]);
      const rows: string[][] = [];
      const started = performance.now();
      let failed = 0;
      for (const file of files) {
        const date = published[basename(file)];
        for await (const result of extractFiles([file], date ? { published: date } : {})) {
          if (!result.ok) {
            failed++;
            rows.push([basename(file), '失败 failed', result.error.message]);
            continue;
          }
          const x = result.extraction;
          const count = (type: string) => String(x.entities.filter((e) => e.type === type).length);
          rows.push([
            basename(file),
            x.format,
            count('organization'),
            count('person'),
            count('place'),
            String(x.times.length),
            String(x.money.length),
            String(x.events.length),
          ]);
        }
      }
      const header = [
        '文件 file',
        '格式 format',
        '机构 org',
        '人物 person',
        '地点 place',
        '时间 time',
        '金额 money',
        '事件 event',
      ];
      printTable([header, ...rows]);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      console.log(
        `\n共 ${files.length} 个文件，失败 ${failed} 个，用时 ${seconds} 秒 (${files.length} files, ${failed} failed, ${seconds} s)`,
      );
      console.log('查看单个文件的全部结果 (full result of one file): bin/coopatlas extract --pretty FILE');
    });
}

async function readPublishedDates(folder: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(join(folder, 'published.json'), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

function printTable(rows: string[][]): void {
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? '')))) ?? [];
  for (const row of rows) {
    console.log(row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join('  '));
  }
}
