import type { Command } from 'commander';
import { reextractDocuments } from '../services/reextract.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface ReextractFlags extends StoreFlags {
  json?: boolean;
}

/** `coopatlas reextract [--db FILE] [--json]` */
export function registerReextract(program: Command): void {
  storeOption(
    program
      .command('reextract')
      .description(
        '用当前抽取器重新抽取旧版本的文档；人工陈述与审核决定不变 (re-derive extracted statements with the current extractor)',
      )
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (flags: ReextractFlags) => {
    await withStore(flags, async (store) => {
      const summary = await reextractDocuments(store, {
        ...(process.stderr.isTTY
          ? {
              onDocument: (result, done, total) => {
                process.stderr.write(`\r\x1b[K[${done}/${total}] ${result.path}`);
                if (done === total) process.stderr.write('\r\x1b[K');
              },
            }
          : {}),
      });
      if (flags.json) {
        console.log(JSON.stringify(summary));
      } else if (summary.documents.length === 0) {
        console.log(
          `所有文档都已是抽取器版本 ${summary.version} 的结果 (every document is at extractor version ${summary.version})`,
        );
      } else {
        console.log(
          `重新抽取 ${summary.documents.length} 份文档（抽取器版本 ${summary.version}）：完成 ${summary.reextracted}，失败 ${summary.failed} ` +
            `(${summary.reextracted} re-extracted, ${summary.failed} failed)`,
        );
        for (const d of summary.documents.filter((x) => x.outcome === 'failed')) {
          console.log(`  [${d.error?.code ?? 'INTERNAL'}] ${d.error?.message ?? d.documentId}`);
        }
      }
      if (summary.failed > 0) process.exitCode = 1;
    });
  });
}
