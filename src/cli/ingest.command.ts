import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { type FileIngest, type IngestSummary, ingestPaths } from '../services/ingest-files.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface IngestFlags extends StoreFlags {
  published?: string;
  json?: boolean;
}

/** The start of `line` that fits `columns` terminal columns, Chinese characters taking two. */
function fitWidth(line: string, columns: number): string {
  let used = 0;
  let fitted = '';
  for (const char of line) {
    used += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
    if (used > columns) break;
    fitted += char;
  }
  return fitted;
}

/** A progress line on a terminal, rewritten in place. */
function progress(result: FileIngest, done: number, total: number, counts: Record<string, number>): void {
  counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
  const line =
    `[${done}/${total}] 新增 ${counts.new ?? 0}，未变 ${counts.unchanged ?? 0}，失败 ${counts.failed ?? 0} ` +
    `(new, unchanged, failed)  ${result.path}`;
  process.stderr.write(`\r\x1b[K${fitWidth(line, (process.stderr.columns || 100) - 1)}`);
  if (done === total) process.stderr.write('\r\x1b[K');
}

function printSummary(summary: IngestSummary, store: string): void {
  console.log(
    `读取文件 ${summary.read} 个：新增 ${summary.new}，未变 ${summary.unchanged}，失败 ${summary.failed} ` +
      `(${summary.read} files read: ${summary.new} new, ${summary.unchanged} unchanged, ${summary.failed} failed)`,
  );
  const failures = summary.files.filter((f) => f.outcome === 'failed');
  if (failures.length > 0) {
    console.log('失败的文件 (failed files):');
    for (const f of failures) console.log(`  [${f.error?.code ?? 'INTERNAL'}] ${f.error?.message ?? f.path}`);
  }
  console.log(`数据库 (store): ${store}`);
}

/** `coopatlas ingest PATH... [--db FILE] [--published YYYY-MM-DD] [--json]` */
export function registerIngest(program: Command): void {
  storeOption(
    program
      .command('ingest')
      .description('把文档读入知识库：抽取并保存溯源陈述 (ingest documents into the knowledge base)')
      .argument('<paths...>', '文件或文件夹，递归读取 (files or folders, read recursively)')
      .option('--published <date>', '所有文件的发布日期 (publication date of every file, YYYY-MM-DD)')
      .option('--json', '以 JSON 输出每个文件的结果 (print the per-file results as JSON)'),
  ).action(async (paths: string[], flags: IngestFlags) => {
    if (flags.published && !ISO_DATE.test(flags.published)) {
      throw new InvalidArgumentError(
        `发布日期格式应为 YYYY-MM-DD：${flags.published} (--published must be YYYY-MM-DD)`,
      );
    }
    await withStore(flags, async (store) => {
      const counts: Record<string, number> = {};
      const summary = await ingestPaths(store, paths, {
        ...(flags.published ? { published: flags.published } : {}),
        ...(process.stderr.isTTY ? { onFile: (r, done, total) => progress(r, done, total, counts) } : {}),
      });
      if (flags.json) console.log(JSON.stringify(summary));
      else printSummary(summary, store.description);
      if (summary.read === 0) {
        process.stderr.write('没有找到可读取的文档 (no documents found)\n');
        process.exitCode = 1;
      } else if (summary.failed > 0) {
        process.exitCode = 1;
      }
    });
  });
}
