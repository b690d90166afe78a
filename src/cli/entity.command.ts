import type { Command } from 'commander';
import type { JsonValue } from '../core/statements.js';
import { describeEntity, type EntityReport, type SourceView } from '../services/entity.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface EntityFlags extends StoreFlags {
  json?: boolean;
}

function showValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function showSource(origin: SourceView): string {
  switch (origin.kind) {
    case 'manual':
      return `人工 (manual): ${origin.user ?? ''}`;
    case 'import':
      return `导入 (import): ${origin.file ?? ''} 第 ${origin.row ?? ''} 行 (row)`;
    case 'extracted':
      return `${origin.documentTitle ?? ''} ${origin.documentPath ?? origin.documentId ?? ''} [${origin.span?.start}–${origin.span?.end}]`.trim();
  }
}

function printReport(report: EntityReport): void {
  const { entity } = report;
  console.log(`${entity.name}  (${entity.type}${entity.kind ? `, ${entity.kind}` : ''})  ${entity.id}`);
  if (entity.aliases.length > 0) console.log(`  别名 (aliases): ${entity.aliases.join('、')}`);
  console.log(`  陈述 ${report.statements.length} 条 (statements):`);
  for (const s of report.statements) {
    console.log(`    ${s.property} = ${showValue(s.value)}  [${s.status}]  ${showSource(s.origin)}`);
  }
  console.log(`  事件 ${report.events.length} 个 (events):`);
  for (const e of report.events) {
    console.log(
      `    ${e.date ?? '无日期 undated'}  ${e.type}  ${e.participants.join('、')}${e.planned ? '（计划 planned）' : ''}`,
    );
    console.log(`      「${e.origin.sentence ?? ''}」`);
    console.log(`      ${showSource(e.origin)}`);
  }
}

/** `coopatlas entity NAME [--db FILE] [--json]` */
export function registerEntity(program: Command): void {
  storeOption(
    program
      .command('entity')
      .description('一个实体的全部陈述及其来源句子 (all statements about an entity, with their sources)')
      .argument('<name>', '名称、别名或实体 ID (a name, an alias or an entity id)')
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (name: string, flags: EntityFlags) => {
    await withStore(flags, async (store) => {
      const reports = await describeEntity(store, name);
      if (flags.json) {
        console.log(JSON.stringify({ query: name, entities: reports }, null, 2));
        return;
      }
      for (const report of reports) printReport(report);
    });
  });
}
