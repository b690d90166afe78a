import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildApp } from '../api/app.js';
import { errorMessage, InvalidArgumentError } from '../core/errors.js';
import { AccountService } from '../services/accounts.service.js';
import { ExtractionPool, writingPoolSize } from '../services/extraction-pool.js';
import { ingestPaths } from '../services/ingest-files.service.js';
import { matchingIndex } from '../services/matching.service.js';
import { importProjects } from '../services/registry.service.js';
import { openStore, type Store, storeLocation } from '../store/open-store.js';
import { type StoreFlags, storeOption } from './store-option.js';

interface ServeFlags extends StoreFlags {
  port?: string;
  host: string;
  login?: boolean;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = `${ROOT}web/dist`;
const SAMPLES = `${ROOT}samples`;
/** The sample project ledger of the registry, imported with the documents. */
const SAMPLE_REGISTRY = `${ROOT}samples/registry`;

function port(flags: ServeFlags): number {
  const raw = flags.port ?? process.env.PORT ?? '8080';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new InvalidArgumentError(`端口应为 0 到 65535 的整数，而不是“${raw}” (bad port)`);
  return value;
}

/** Serves the web app and its API on the store until the process is stopped. */
async function serve(store: Store, flags: ServeFlags, pool: { current?: ExtractionPool }): Promise<void> {
  const accounts = new AccountService(store.accounts);
  const singleUser = !flags.login && (await store.accounts.countUsers()) === 0;
  const app = await buildApp({
    accounts,
    singleUser,
    webRoot: WEB_ROOT,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    knowledge: {
      store,
      pool: () => {
        pool.current ??= new ExtractionPool(writingPoolSize());
        return pool.current;
      },
      uploadDir: `${ROOT}data/uploads`,
    },
  });
  const close = async () => {
    await app.close();
    await pool.current?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  const address = await app.listen({ port: port(flags), host: flags.host });
  const shown = address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  console.log(`CoopAtlas 科技合作图谱已启动：${shown}  (serving at ${shown})`);
  console.log(`数据库 (store): ${store.description}`);
  // The matching index takes a minute or more on a large store: built now, between requests,
  // not when the first need asks for it (which then waits for this same build).
  matchingIndex(store).catch((error: unknown) =>
    console.error(`精准对接索引未能建立：${errorMessage(error)} (matching index not built)`),
  );
  if (singleUser) {
    console.log(
      '单用户模式：无需登录，本机用户即管理员。添加用户后需登录：bin/coopatlas user add NAME --role admin (single-user mode)',
    );
  }
}

function serveOptions(command: Command): Command {
  return storeOption(
    command
      .option('--port <n>', '端口；默认 PORT 环境变量或 8080 (port)')
      .option('--host <host>', '监听地址；对外服务用 0.0.0.0 (address to listen on)', '127.0.0.1')
      .option('--login', '即使没有用户也要求登录 (require login even with no users)'),
  );
}

/** `coopatlas serve [--db FILE] [--port N]` and `coopatlas start` (ingest the samples, then serve). */
export function registerServe(program: Command): void {
  serveOptions(
    program.command('serve').description('在已有数据库上启动网页应用 (serve the web app on a store)'),
  ).action(async (flags: ServeFlags) => {
    const store = await openStore(storeLocation(flags.db ? { db: flags.db } : {}));
    await serve(store, flags, {});
  });
  serveOptions(
    program
      .command('start')
      .description('导入内置样例文档并启动网页应用 (ingest the bundled samples and serve the web app)'),
  ).action(async (flags: ServeFlags) => {
    const store = await openStore(storeLocation(flags.db ? { db: flags.db } : {}));
    const pool = { current: new ExtractionPool(writingPoolSize()) };
    const summary = await ingestPaths(store, [SAMPLES], { pool: pool.current });
    console.log(
      `样例文档 (samples): 读取 ${summary.read}，新增 ${summary.new}，未变 ${summary.unchanged}，失败 ${summary.failed}`,
    );
    for (const name of (await readdir(SAMPLE_REGISTRY).catch(() => [])).filter((n) =>
      /\.(csv|xlsx)$/.test(n),
    )) {
      const sheet = await importProjects(store, await readFile(join(SAMPLE_REGISTRY, name)), name);
      console.log(
        `样例项目台账 (sample projects) ${name}: 新增 ${sheet.added}，未变 ${sheet.unchanged}，失败 ${sheet.failed}`,
      );
    }
    await serve(store, flags, pool);
  });
}
