import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { CANDIDATE_KINDS } from '../matching/candidate.js';
import { FEATURE_LABELS } from '../matching/explain.js';
import { MATCHING_CONFIG } from '../matching/matching.config.js';
import { matchNeed } from '../services/matching.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface MatchFlags extends StoreFlags {
  district?: string;
  company?: string;
  field?: string;
  kind?: string[];
  limit: string;
  baseline?: boolean;
  json?: boolean;
}

const KIND_LABELS = { achievement: '成果', platform: '平台', institute: '院所', expert: '专家' } as const;

/** `coopatlas match "需求描述" [--district 北碚区] [--company …] [--field …] [--kind expert] [--json]` */
export function registerMatch(program: Command): void {
  storeOption(
    program
      .command('match')
      .description(
        '精准对接：为企业技术需求匹配成果、平台、院所与专家，并说明理由 (match a technology need to achievements, platforms, institutes and experts, with the reasons)',
      )
      .argument('<need>', '需求描述，中文 (what is needed, in Chinese)')
      .option('--district <name>', '企业所在区县或城市，如 北碚区 (where the company is)')
      .option('--company <name>', '提出需求的企业 (the company with the need)')
      .option('--field <field>', '领域，如 增材制造 或 additive (the field of the taxonomy)')
      .option(
        '--kind <kind...>',
        `只看这些类型：${CANDIDATE_KINDS.join(' | ')} (only these kinds of candidate)`,
      )
      .option('--limit <n>', '候选数量 (number of candidates)', String(MATCHING_CONFIG.limits.results))
      .option('--baseline', '只按 BM25 词语相关度排序，用于对照 (rank by BM25 alone, for comparison)')
      .option('--json', '输出 JSON (print JSON)'),
  ).action(async (description: string, flags: MatchFlags) => {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit)) {
      throw new InvalidArgumentError(
        `--limit 应为整数，而不是“${flags.limit}” (--limit must be a whole number)`,
      );
    }
    const result = await withStore(flags, (store) =>
      matchNeed(
        store,
        {
          description,
          ...(flags.district ? { district: flags.district } : {}),
          ...(flags.company ? { company: flags.company } : {}),
          ...(flags.field ? { field: flags.field } : {}),
          ...(flags.kind ? { kinds: flags.kind } : {}),
        },
        { limit, mode: flags.baseline ? 'bm25' : 'full' },
      ),
    );
    if (flags.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const { need } = result;
    console.log(
      `需求 (need)：${need.description}${need.district ? `　地点：${need.district}` : ''}${need.company ? `　企业：${need.company}` : ''}`,
    );
    console.log(
      `检索词 (words)：${need.words.join('、') || '（无）'}　领域 (fields)：${need.fields.map((f) => f.zh).join('、') || '（无）'}`,
    );
    if (result.candidates.length === 0) {
      console.log(
        `\n知识库 ${result.indexed} 个候选中没有与需求相关的 (none of the ${result.indexed} candidates matches)`,
      );
      return;
    }
    for (const c of result.candidates) {
      const where = [c.affiliation, c.location].filter(Boolean).join('，');
      console.log(
        `\n${c.rank}. [${KIND_LABELS[c.kind]}] ${c.name}${where ? `（${where}）` : ''}  得分 ${c.score}`,
      );
      for (const reason of c.reasons) {
        console.log(`   · ${FEATURE_LABELS[reason.feature].zh} +${reason.contribution}：${reason.zh}`);
      }
      for (const e of c.evidence) {
        console.log(`   “${e.text}”`);
        if (e.documentId)
          console.log(
            `     —— ${e.documentTitle ?? e.documentId} [${e.documentId.slice(0, 12)}@${e.span?.start ?? 0}]`,
          );
      }
      if (c.aheadOfNext) console.log(`   ↓ ${c.aheadOfNext.zh}`);
    }
  });
}
