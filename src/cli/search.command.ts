import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { MARK_END, MARK_START } from '../core/snippet.js';
import { search } from '../services/search.service.js';
import type { SearchKind } from '../store/search.repository.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface SearchFlags extends StoreFlags {
  kind?: string;
  entityType?: string;
  eventType?: string;
  from?: string;
  to?: string;
  place?: string;
  participant?: string;
  limit: string;
  json?: boolean;
}

const KINDS = ['document', 'article', 'entity'];
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `coopatlas search QUERY [filters] [--json]` */
export function registerSearch(program: Command): void {
  storeOption(
    program
      .command('search')
      .description(
        '中文全文检索：文档、文章与实体名称 (Chinese full-text search of documents, articles and names)',
      )
      .argument('<query>', '检索词 (what to look for)')
      .option('--kind <kind>', '只看 document | article | entity (only this kind of hit)')
      .option('--entity-type <type>', '实体类型：organization | person | place (entity type)')
      .option('--event-type <type>', '含有此类事件的文档，如 agreement (documents with this kind of event)')
      .option('--from <date>', '发布日期起，YYYY[-MM[-DD]] (published on or after)')
      .option('--to <date>', '发布日期止，YYYY[-MM[-DD]] (published on or before)')
      .option('--place <name>', '提及此地点的文档 (documents that name this place)')
      .option('--participant <name>', '此机构参与事件的文档 (documents with events this party takes part in)')
      .option('--limit <n>', '结果条数 (number of hits)', '20')
      .option('--json', '输出 JSON (print JSON)'),
  ).action(async (query: string, flags: SearchFlags) => {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new InvalidArgumentError(
        `--limit 应为 1 到 1000 的整数，而不是“${flags.limit}” (--limit must be 1 to 1000)`,
      );
    if (flags.kind && !KINDS.includes(flags.kind))
      throw new InvalidArgumentError(`--kind 应为 ${KINDS.join('、')} 之一 (unknown kind ${flags.kind})`);
    for (const [name, value] of [
      ['--from', flags.from],
      ['--to', flags.to],
    ] as const) {
      if (value !== undefined && !DATE.test(value))
        throw new InvalidArgumentError(
          `${name} 应为 YYYY、YYYY-MM 或 YYYY-MM-DD，而不是“${value}” (bad date)`,
        );
    }
    const result = await withStore(flags, (store) =>
      search(store, {
        q: query,
        limit,
        offset: 0,
        ...(flags.kind ? { kind: flags.kind as SearchKind } : {}),
        ...(flags.entityType ? { entityType: flags.entityType } : {}),
        ...(flags.eventType ? { eventType: flags.eventType } : {}),
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.to ? { to: flags.to } : {}),
        ...(flags.place ? { place: flags.place } : {}),
        ...(flags.participant ? { participant: flags.participant } : {}),
      }),
    );
    if (flags.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const more = result.totalIsLowerBound;
    console.log(
      `${more ? '超过' : '共'} ${result.total} 条结果 (${more ? 'more than ' : ''}${result.total} hits)`,
    );
    if (result.ranked < result.total) {
      console.log(
        `结果较多，只对最近收录的 ${result.ranked} 条排序 (many hits: the ${result.ranked} most recently added are ranked)`,
      );
    }
    const marked = (text: string) => text.replaceAll(MARK_START, '【').replaceAll(MARK_END, '】');
    for (const hit of result.hits) {
      console.log(`\n[${hit.kind}] ${hit.title}  (${hit.score.toFixed(2)})`);
      console.log(`  ${marked(hit.snippet)}`);
      console.log(`  ${hit.documentId ?? hit.id}`);
    }
  });
}
