import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '../core/registry.js';
import type { AttentionSettings } from '../registry/attention.js';
import type { SheetFormat } from '../registry/sheet-files.js';
import {
  type AttentionEntry,
  attentionList,
  batchFromEvent,
  exportProjects,
  exportRecords,
  importProjects,
  importRecords,
  listProjects,
  moveProject,
  projectTemplate,
  recordTemplate,
} from '../services/registry.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface JsonFlag {
  json?: boolean;
}

function sheetFormatOption(value: string): SheetFormat {
  if (value !== 'csv' && value !== 'xlsx') {
    throw new InvalidArgumentError(`--format 只能是 csv 或 xlsx：“${value}” (the format is csv or xlsx)`);
  }
  return value;
}

type SheetKindFlag = 'project' | 'agreement' | 'platform' | 'achievement';
const SHEET_KINDS: readonly SheetKindFlag[] = ['project', 'agreement', 'platform', 'achievement'];

function kindOption(value: string): SheetKindFlag {
  const kind = SHEET_KINDS.find((k) => k === value);
  if (!kind) {
    throw new InvalidArgumentError(
      `--kind 只能是 ${SHEET_KINDS.join('、')}：“${value}” (the kind of record)`,
    );
  }
  return kind;
}

const KIND_OPTION = [
  '--kind <kind>',
  '登记类型：project、agreement、platform、achievement；默认 project (the kind of record)',
] as const;

function statusOption(value: string): ProjectStatus {
  const status = PROJECT_STATUSES.find((s) => s === value || PROJECT_STATUS_LABELS[s].zh === value);
  if (!status) {
    const known = PROJECT_STATUSES.map((s) => `${s}（${PROJECT_STATUS_LABELS[s].zh}）`).join('、');
    throw new InvalidArgumentError(`未知的状态“${value}”，应为 ${known} (unknown status)`);
  }
  return status;
}

function monthsOption(value: string): number {
  const months = Number(value);
  if (!Number.isInteger(months) || months < 1) {
    throw new InvalidArgumentError(`月数应为正整数：“${value}” (months must be a positive whole number)`);
  }
  return months;
}

async function writeOut(bytes: Buffer, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, bytes);
  else process.stdout.write(bytes);
}

function sourceText(entry: AttentionEntry): string {
  const last = entry.lastSource;
  if (!last) return '';
  const { source } = last;
  const who =
    source.origin === 'manual'
      ? `${source.author}${source.evidence ? `，据文档 ${source.evidence.documentId.slice(0, 12)}` : ''}`
      : source.origin === 'import'
        ? `${source.file} 第 ${source.row} 行`
        : `文档 ${source.documentId.slice(0, 12)}`;
  return `  最近来源 (last source): ${who}，${last.recorded.slice(0, 10)}`;
}

/**
 * `coopatlas registry import FILE…`, `registry export`, `registry template`, `registry list`,
 * `registry move ID --to STATUS`, `registry batch EVENT`, and `coopatlas attention`: the
 * cooperation registry from the command line.
 */
export function registerRegistry(program: Command): void {
  const registry = program
    .command('registry')
    .description('合作登记：项目、签约批次 (the cooperation registry: projects, signing batches)');

  storeOption(
    registry
      .command('import')
      .description(
        '从 .xlsx 或 .csv 表格导入项目，逐行报告错误 (import projects from spreadsheets, reporting each bad row)',
      )
      .argument('<files...>', '表格文件 (spreadsheet files)')
      .option(...KIND_OPTION, kindOption, 'project' as SheetKindFlag)
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (files: string[], flags: StoreFlags & JsonFlag & { kind: SheetKindFlag }) => {
    await withStore(flags, async (store) => {
      let failedFiles = 0;
      let failedRows = 0;
      for (const file of files) {
        let report: Awaited<ReturnType<typeof importProjects>>;
        try {
          const bytes = await readFile(file);
          report =
            flags.kind === 'project'
              ? await importProjects(store, bytes, file)
              : await importRecords(store, flags.kind, bytes, file);
        } catch (error) {
          failedFiles++;
          const code = (error as { code?: string }).code;
          const reason =
            code === 'ENOENT' ? `${file}: 文件不存在 (file not found)` : (error as Error).message;
          console.error(`错误 (error): ${reason}`);
          continue;
        }
        failedRows += report.failed;
        if (flags.json) {
          console.log(JSON.stringify(report));
          continue;
        }
        for (const line of report.lines) {
          if (line.outcome === 'failed') console.log(`${file}:${line.line}: ${line.reason}`);
        }
        console.log(
          `${file}: 新增 ${report.added}，更新 ${report.updated}，未变 ${report.unchanged}，失败 ${report.failed} (added, updated, unchanged, failed)`,
        );
      }
      if (failedFiles > 0 || failedRows > 0) process.exitCode = 1;
    });
  });

  storeOption(
    registry
      .command('export')
      .description('把项目导出为表格，列与导入相同 (export the projects in the import columns)')
      .option('--format <format>', 'csv 或 xlsx (csv or xlsx)', sheetFormatOption, 'csv' as SheetFormat)
      .option(...KIND_OPTION, kindOption, 'project' as SheetKindFlag)
      .option('--out <file>', '写入文件；默认标准输出 (write to a file; standard output otherwise)'),
  ).action(async (flags: StoreFlags & { format: SheetFormat; kind: SheetKindFlag; out?: string }) => {
    await withStore(flags, async (store) =>
      writeOut(
        flags.kind === 'project'
          ? await exportProjects(store, flags.format)
          : await exportRecords(store, flags.kind, flags.format),
        flags.out,
      ),
    );
  });

  registry
    .command('template')
    .description('下载项目导入模板 (the project spreadsheet template)')
    .option('--format <format>', 'csv 或 xlsx (csv or xlsx)', sheetFormatOption, 'xlsx' as SheetFormat)
    .option(...KIND_OPTION, kindOption, 'project' as SheetKindFlag)
    .option('--out <file>', '写入文件；默认标准输出 (write to a file)')
    .action(async (flags: { format: SheetFormat; kind: SheetKindFlag; out?: string }) => {
      const template =
        flags.kind === 'project' ? projectTemplate(flags.format) : recordTemplate(flags.kind, flags.format);
      await writeOut(await template, flags.out);
    });

  storeOption(
    registry
      .command('list')
      .description('列出项目 (list the projects)')
      .option('--status <status>', '只列出此状态 (only this status)', statusOption)
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (flags: StoreFlags & JsonFlag & { status?: ProjectStatus }) => {
    await withStore(flags, async (store) => {
      const projects = (await listProjects(store)).filter((p) => !flags.status || p.status === flags.status);
      if (flags.json) {
        console.log(JSON.stringify(projects));
        return;
      }
      for (const p of projects) {
        const wan = p.investment === undefined ? '' : `  ${p.investment / 10_000} 万元`;
        console.log(
          `${p.id}  ${p.name}  ${PROJECT_STATUS_LABELS[p.status].zh}${p.zone ? `  ${p.zone}` : ''}${wan}`,
        );
      }
      console.log(`共 ${projects.length} 个项目 (${projects.length} projects)`);
    });
  });

  storeOption(
    registry
      .command('move')
      .description('变更项目状态：签约 → 落地 → 在建 → 投产，或退出 (move a project along its lifecycle)')
      .argument('<id>', '项目编号 (the project id)')
      .requiredOption('--to <status>', '新状态 (the new status)', statusOption)
      .requiredOption('--user <name>', '操作人 (who makes the change)')
      .option('--on <date>', '变更日期 YYYY-MM-DD；默认今天 (the day; today otherwise)')
      .option('--reason <text>', '不按顺序变更时的理由 (why, when the move is out of order)')
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(
    async (
      id: string,
      flags: StoreFlags & JsonFlag & { to: ProjectStatus; user: string; on?: string; reason?: string },
    ) => {
      await withStore(flags, async (store) => {
        const project = await moveProject(
          store,
          {
            id,
            to: flags.to,
            ...(flags.on ? { on: flags.on } : {}),
            ...(flags.reason ? { reason: flags.reason } : {}),
          },
          flags.user,
        );
        if (flags.json) console.log(JSON.stringify(project));
        else
          console.log(
            `${project.name}: ${PROJECT_STATUS_LABELS[project.status].zh} (${project.history.at(-1)?.on})`,
          );
      });
    },
  );

  storeOption(
    registry
      .command('batch')
      .description(
        '由签约事件建立签约批次：项目数、类别、投资额，各附原文句子 (make the signing batch of a signing event)',
      )
      .argument('<event>', '事件编号 (the event id)')
      .requiredOption('--user <name>', '确认人 (who confirms it)')
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (event: string, flags: StoreFlags & JsonFlag & { user: string }) => {
    await withStore(flags, async (store) => {
      const batch = await batchFromEvent(store, event, flags.user);
      if (flags.json) {
        console.log(JSON.stringify(batch));
        return;
      }
      console.log(`${batch.id}  ${batch.name}`);
      if (batch.projects) console.log(`  项目 (projects): ${batch.projects.count}`);
      for (const c of batch.categories) console.log(`  ${c.category}: ${c.count}`);
      if (batch.investment) console.log(`  投资额 (investment): ${batch.investment.text}`);
    });
  });

  storeOption(
    program
      .command('attention')
      .description('需要跟进的事项：逾期未落地的项目、过期的承诺、长期无活动的平台 (what needs attention)')
      .option('--today <date>', '按此日期计算 YYYY-MM-DD；默认今天 (the day to count from)')
      .option(
        '--months <n>',
        '签约后几个月仍未落地即提示；默认 6 (months before a signed project is flagged)',
        monthsOption,
      )
      .option(
        '--quiet-months <n>',
        '平台几个月无活动即提示；默认 12 (months of no activity before a platform is flagged)',
        monthsOption,
      )
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(
    async (flags: StoreFlags & JsonFlag & { today?: string; months?: number; quietMonths?: number }) => {
      const day = flags.today ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
        throw new InvalidArgumentError(`--today 应为 YYYY-MM-DD：“${day}” (not a date)`);
      const settings: AttentionSettings = {
        landingMonths: flags.months ?? 6,
        quietMonths: flags.quietMonths ?? 12,
      };
      await withStore(flags, async (store) => {
        const items = await attentionList(store, day, settings);
        if (flags.json) {
          console.log(JSON.stringify(items));
          return;
        }
        for (const item of items) {
          console.log(`${item.name}  ${item.reason}`);
          const source = sourceText(item);
          if (source) console.log(source);
        }
        console.log(`共 ${items.length} 项需要跟进 (${items.length} items need attention)`);
      });
    },
  );
}
