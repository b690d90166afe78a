import type { Command } from 'commander';
import { InvalidArgumentError } from '../core/errors.js';
import { AccountService, ROLES, type Role } from '../services/accounts.service.js';
import { type StoreFlags, storeOption, withStore } from './store-option.js';

interface UserFlags extends StoreFlags {
  role: string;
  password?: string;
}

/** Reads a password from standard input when it is not given (so it stays out of the shell's history). */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
}

/** `coopatlas user add NAME --role admin [--password P]` */
export function registerUser(program: Command): void {
  const user = program.command('user').description('用户管理 (users of the web app)');
  storeOption(
    user
      .command('add')
      .description(
        '新增用户；密码从 --password 或标准输入读取 (add a user; the password from --password or stdin)',
      )
      .argument('<name>', '用户名 (user name)')
      .option('--role <role>', '角色：viewer | editor | admin (role)', 'viewer')
      .option('--password <password>', '密码，至少 8 个字符 (password, at least 8 characters)'),
  ).action(async (name: string, flags: UserFlags) => {
    if (!ROLES.includes(flags.role as Role))
      throw new InvalidArgumentError(
        `角色应为 ${ROLES.join('、')} 之一，而不是“${flags.role}” (unknown role)`,
      );
    const password = flags.password ?? (await readPassword());
    await withStore(flags, async (store) => {
      await new AccountService(store.accounts).addUser(name, password, flags.role as Role);
    });
    console.log(`已添加用户 ${name}（${flags.role}）(user added)`);
  });
  storeOption(user.command('list').description('列出用户 (list users)')).action(async (flags: StoreFlags) => {
    const users = await withStore(flags, (store) => store.accounts.listUsers());
    for (const u of users) console.log(`${u.name}\t${u.role}\t${u.created}`);
  });
}
