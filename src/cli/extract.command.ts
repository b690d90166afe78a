import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { listDocumentFiles } from '../ingest/list-files.js';
import { extractFiles } from '../services/extract-files.service.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ExtractFlags {
  published?: string;
  json?: boolean;
  pretty?: boolean;
}

/** `coopatlas extract FILE... [--published YYYY-MM-DD] [--json | --pretty]` */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      '抽取文档中的机构、人物、地点、时间、金额与事件，输出 JSON (extract facts from documents as JSON)',
    )
    .argument('<paths...>', '文件或文件夹 (files or folders)')
    .option('--published <date>', '发布日期，用于补全无年份的日期 (publication date, YYYY-MM-DD)')
    .option('--json', '紧凑 JSON 输出（默认）(compact JSON, the default)')
    .option('--pretty', '缩进 JSON 输出 (indented JSON)')
    .action(async (paths: string[], flags: ExtractFlags) => {
      if (flags.published && !ISO_DATE.test(flags.published)) {
        throw new InvalidArgumentError(
          `发布日期格式应为 YYYY-MM-DD：${flags.published} (--published must be YYYY-MM-DD)`,
        );
      }
      const files = await listDocumentFiles(paths);
      const several = files.length > 1;
      let failed = 0;
      for await (const result of extractFiles(files, flags.published ? { published: flags.published } : {})) {
        if (!result.ok) {
          failed++;
          process.stderr.write(`错误 (error) [${result.error.code}] ${result.error.message}\n`);
          continue;
        }
        const { extraction } = result;
        const json =
          flags.pretty && !several ? JSON.stringify(extraction, null, 2) : JSON.stringify(extraction);
        process.stdout.write(`${json}\n`);
      }
      if (files.length === 0) {
        process.stderr.write('没有找到可读取的文档 (no documents found)\n');
        process.exitCode = 1;
      } else if (failed > 0) {
        process.exitCode = 1;
      }
    });
}
