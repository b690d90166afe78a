import type { Command } from 'commander';
import {
  entityMeant,
  type Identity,
  mergeEntities,
  splitEntity,
  unmergeEntity,
} from '../services/entity-identity.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface DecisionFlags extends StoreFlags {
  user: string;
  json?: boolean;
}

function printIdentity(identity: Identity, flags: DecisionFlags): void {
  if (flags.json) {
    console.log(
      JSON.stringify({
        id: identity.id,
        members: identity.members,
        splitOff: Object.fromEntries(identity.splitOff),
        ...(identity.splitFrom ? { splitFrom: identity.splitFrom } : {}),
      }),
    );
    return;
  }
  console.log(`${identity.id}  成员 (members): ${identity.members.join(', ')}`);
  if (identity.splitFrom) {
    console.log(`  拆分自 (split from) ${identity.splitFrom.from}: ${identity.splitFrom.names.join('、')}`);
  }
}

const decisionOptions = (command: Command) =>
  storeOption(
    command
      .requiredOption('--user <name>', '做出决定的人 (the person who decides)')
      .option('--json', 'JSON 输出 (JSON output)'),
  );

/**
 * `coopatlas merge FROM INTO --user NAME`, `unmerge FROM --user NAME`,
 * `split ENTITY --name NAME… --user NAME`: a person's decisions on which entities are one body.
 */
export function registerIdentity(program: Command): void {
  decisionOptions(
    program
      .command('merge')
      .description('把一个实体合并到另一个：同一机构 (merge an entity into another: one body)')
      .argument('<from>', '被合并的实体：名称或 ID (the entity merged away: a name or an id)')
      .argument('<into>', '保留的实体：名称或 ID (the entity kept)'),
  ).action(async (from: string, into: string, flags: DecisionFlags) => {
    await withStore(flags, async (store) => {
      const ids = { from: await entityMeant(store, from), into: await entityMeant(store, into) };
      printIdentity(await mergeEntities(store, { ...ids, author: flags.user }), flags);
    });
  });
  decisionOptions(
    program
      .command('unmerge')
      .description('撤销合并 (take a merge back)')
      .argument('<from>', '被合并的实体：名称或 ID (the entity that was merged)'),
  ).action(async (from: string, flags: DecisionFlags) => {
    await withStore(flags, async (store) => {
      printIdentity(
        await unmergeEntity(store, { from: await entityMeant(store, from), author: flags.user }),
        flags,
      );
    });
  });
  decisionOptions(
    program
      .command('split')
      .description('把名称拆分为另一个实体 (split names off an entity: another body)')
      .argument('<entity>', '实体：名称或 ID (the entity: a name or an id)')
      .requiredOption('--name <name...>', '拆出的名称 (the names that belong to another body)'),
  ).action(async (entity: string, flags: DecisionFlags & { name: string[] }) => {
    await withStore(flags, async (store) => {
      const from = await entityMeant(store, entity);
      printIdentity(await splitEntity(store, { from, names: flags.name, author: flags.user }), flags);
    });
  });
}
