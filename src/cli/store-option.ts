import type { Command } from 'commander';
import { openStore, type Store, storeLocation } from '../store/open-store.js';

export interface StoreFlags {
  db?: string;
}

/** Adds `--db`: an SQLite file or a postgres:// URL; DATABASE_URL or data/coopatlas.db otherwise. */
export function storeOption(command: Command): Command {
  return command.option(
    '--db <file-or-url>',
    '数据库：SQLite 文件或 postgres:// 地址；默认 DATABASE_URL 或 data/coopatlas.db (the store: an SQLite file or a postgres:// URL)',
  );
}

/** Opens the store the flags name, runs `work`, and closes it whatever happens. */
export async function withStore<T>(flags: StoreFlags, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeLocation(flags.db ? { db: flags.db } : {}));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
