import type { Command } from 'commander';
import { readStats, type StoreStats } from '../services/stats.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface StatsFlags extends StoreFlags {
  json?: boolean;
}

const ENTITY_TYPES: Record<string, string> = {
  organization: '机构 organizations',
  person: '人物 people',
  place: '地点 places',
  event: '事件 events',
};

function printStats(stats: StoreStats): void {
  console.log(`文档 (documents): ${stats.documents}    文章 (articles): ${stats.articles}`);
  console.log('实体 (entities):');
  for (const [type, count] of Object.entries(stats.entities))
    console.log(`  ${ENTITY_TYPES[type] ?? type}: ${count}`);
  console.log('事件，按类型与年份 (events by type and year):');
  for (const [type, years] of Object.entries(stats.events)) {
    const total = Object.values(years).reduce((a, b) => a + b, 0);
    const byYear = Object.entries(years)
      .map(([year, n]) => `${year === 'undated' ? '无日期 undated' : year}: ${n}`)
      .join(', ');
    console.log(`  ${type}: ${total}  (${byYear})`);
  }
  console.log('陈述，按来源与状态 (statements by origin and status):');
  for (const [origin, statuses] of Object.entries(stats.statements)) {
    const parts = Object.entries(statuses)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    console.log(`  ${origin}: ${parts}`);
  }
  console.log(`已被新版本取代的陈述 (retired statements): ${stats.retiredStatements}`);
}

/** `coopatlas stats [--db FILE] [--json]` */
export function registerStats(program: Command): void {
  storeOption(
    program
      .command('stats')
      .description(
        '知识库统计：文档、实体、事件与陈述 (counts of documents, entities, events and statements)',
      )
      .option('--json', 'JSON 输出 (JSON output)'),
  ).action(async (flags: StatsFlags) => {
    await withStore(flags, async (store) => {
      const stats = await readStats(store);
      if (flags.json) console.log(JSON.stringify(stats, null, 2));
      else printStats(stats);
    });
  });
}
