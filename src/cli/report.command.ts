import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { renderDocx } from '../report/render-docx.js';
import { renderHtml } from '../report/render-html.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { writeReport } from '../services/report.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`年份应为四位数字：“${value}” (a year: YYYY)`);
  return Number(value);
}

type ReportFormat = 'md' | 'html' | 'docx';

function formatOption(value: string): ReportFormat {
  if (value !== 'md' && value !== 'html' && value !== 'docx') {
    throw new InvalidArgumentError(
      `--format 只能是 md、html 或 docx：“${value}” (the format is md, html or docx)`,
    );
  }
  return value;
}

interface ReportFlags extends StoreFlags {
  region?: string;
  from?: number;
  to?: number;
  party?: string;
  format: ReportFormat;
  out?: string;
  baseUrl: string;
}

/** `coopatlas report --region 重庆 --from 2016 --to 2020 [--party 中国科学院] [--format md|html|docx] [--out FILE]` */
export function registerReport(program: Command): void {
  storeOption(
    program
      .command('report')
      .description(
        '由知识库写出科技合作情况报告，每句注明出处 (write the cooperation status report, every sentence cited)',
      )
      .option('--region <name>', '地区，如 重庆 (the region)')
      .option('--from <year>', '起始年份 (first year)', yearOption)
      .option('--to <year>', '截止年份 (last year)', yearOption)
      .option('--party <name>', '只写这一方参与的合作，如 中国科学院 (only this party’s cooperation)')
      .option('--format <format>', '格式：md、html 或 docx (format)', formatOption, 'md' as ReportFormat)
      .option(
        '--base-url <url>',
        'HTML 中出处链接指向的应用地址，如 http://localhost:8080 (where the app runs, for the links of HTML)',
        '',
      )
      .option('--out <file>', '写入文件；默认标准输出 (write to a file)'),
  ).action(async (flags: ReportFlags) => {
    if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to) {
      throw new InvalidArgumentError(`起始年份 ${flags.from} 晚于截止年份 ${flags.to} (from is after to)`);
    }
    await withStore(flags, async (store) => {
      const report = await writeReport(store, {
        ...(flags.region ? { region: flags.region } : {}),
        ...(flags.from !== undefined ? { from: flags.from } : {}),
        ...(flags.to !== undefined ? { to: flags.to } : {}),
        ...(flags.party ? { party: flags.party } : {}),
      });
      const output =
        flags.format === 'docx'
          ? await renderDocx(report)
          : flags.format === 'html'
            ? renderHtml(report, flags.baseUrl.replace(/\/$/, ''))
            : renderMarkdown(report);
      if (flags.out) await writeFile(flags.out, output);
      else process.stdout.write(output);
    });
  });
}
