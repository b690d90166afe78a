import type { Command } from 'commander';
import { type ImportSummary, importStore } from '../services/import.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface ImportFlags extends StoreFlags {
  json?: boolean;
}

function printSummary(summary: ImportSummary, store: string): void {
  const { added, present } = summary;
  console.log(
    `读取记录 ${summary.records} 条：新增 ${added.documents + added.entities + added.statements + added.retiredStatements}，` +
      `已有 ${present.documents + present.entities + present.statements + present.retiredStatements}，失败 ${summary.failed} ` +
      `(${summary.records} records read)`,
  );
  for (const [label, key] of [
    ['文档 documents', 'documents'],
    ['实体 entities', 'entities'],
    ['陈述 statements', 'statements'],
    ['已取代的陈述 retired statements', 'retiredStatements'],
  ] as const) {
    console.log(`  ${label}: 新增 ${added[key]} added, 已有 ${present[key]} already there`);
  }
  console.log(`数据库 (store): ${store}`);
}

/** `coopatlas import PATH [--db FILE] [--json]` */
export function registerImport(program: Command): void {
  storeOption(
    program
      .command('import')
      .description(
        '导入 export 写出的 JSON Lines 文件或 CSV 文件夹：只补充缺少的，不改动已有的 (import an export; adds what is missing, changes nothing)',
      )
      .argument('<path>', 'JSON Lines 文件或 CSV 文件夹 (a JSON Lines file or a CSV folder)')
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (path: string, flags: ImportFlags) => {
    await withStore(flags, async (store) => {
      const summary = await importStore(store, path, {
        onFailure: (f) => process.stderr.write(`${f.file}:${f.line}: ${f.reason}\n`),
      });
      if (flags.json) console.log(JSON.stringify(summary));
      else printSummary(summary, store.description);
      if (summary.failed > 0) {
        process.stderr.write(`${summary.failed} 条记录未导入 (records not imported)\n`);
        process.exitCode = 1;
      }
    });
  });
}
