import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { EXPORT_KINDS, type ExchangeFormat, type ExportKind } from '../services/exchange-format.js';
import { exportStore } from '../services/export.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface ExportFlags extends StoreFlags {
  format?: string;
  out: string;
  kind?: string;
  json?: boolean;
}

function formatOf(flags: ExportFlags): ExchangeFormat {
  const format = flags.format ?? (/\.(jsonl|ndjson)$/i.test(flags.out) ? 'jsonl' : undefined);
  if (format === 'jsonl' || format === 'csv') return format;
  throw new InvalidArgumentError(
    `请用 --format 指定 jsonl 或 csv${flags.format ? `，而不是 ${flags.format}` : ''} (--format must be jsonl or csv)`,
  );
}

function kindsOf(flags: ExportFlags): ExportKind[] {
  if (flags.kind === undefined) return [...EXPORT_KINDS];
  const kinds = flags.kind.split(',').map((k) => k.trim());
  for (const kind of kinds) {
    if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidArgumentError(
        `未知的 --kind：${kind}，应为 ${EXPORT_KINDS.join(',')} 中的若干 (--kind takes ${EXPORT_KINDS.join(', ')})`,
      );
    }
  }
  return kinds as ExportKind[];
}

/** `coopatlas export --format jsonl|csv --out PATH [--kind entities,statements,documents] [--db FILE]` */
export function registerExport(program: Command): void {
  storeOption(
    program
      .command('export')
      .description(
        '导出知识库：实体、事件、陈述（含历史）与文档，JSON Lines 或 CSV (export entities, events, statements and documents)',
      )
      .option('--format <format>', 'jsonl（一个文件）或 csv（一个文件夹）(jsonl: one file; csv: a folder)')
      .requiredOption('--out <path>', '输出文件或文件夹 (the file or folder to write)')
      .option(
        '--kind <kinds>',
        `导出哪些，逗号分隔 (what to export, comma-separated): ${EXPORT_KINDS.join(',')}`,
      )
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (flags: ExportFlags) => {
    const format = formatOf(flags);
    const kinds = kindsOf(flags);
    await withStore(flags, async (store) => {
      const summary = await exportStore(store, { format, out: flags.out, kinds });
      if (flags.json) {
        console.log(JSON.stringify(summary));
        return;
      }
      console.log(
        `已导出 (exported): 文档 ${summary.documents} documents, 实体 ${summary.entities} entities, ` +
          `陈述 ${summary.statements} statements, 已取代的陈述 ${summary.retiredStatements} retired statements`,
      );
      console.log(`${format === 'jsonl' ? '文件 (file)' : '文件夹 (folder)'}: ${summary.out}`);
    });
  });
}
