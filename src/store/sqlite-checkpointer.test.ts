import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';

describe('SqliteCheckpointer', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function logged(): Promise<{ file: string; db: Database.Database }> {
    const dir = await mkdtemp(join(tmpdir(), 'coopatlas-checkpoint-'));
    const file = join(dir, 'kb.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    cleanup.push(async () => {
      if (db.open) db.close();
      await rm(dir, { recursive: true, force: true });
    });
    db.exec('create table t (x text)');
    const insert = db.prepare('insert into t (x) values (?)');
    for (let i = 0; i < 2000; i++) insert.run(`第${i}行`.repeat(20));
    return { file, db };
  }

  /** The database file's own size: what is folded in from the log, which holds the rest. */
  const folded = (file: string) => statSync(file).size;

  it('folds the log into the file from its own thread while the writer goes on', async () => {
    const { file, db } = await logged();
    const before = folded(file);
    const checkpointer = new SqliteCheckpointer(file, 50);
    cleanup.push(() => checkpointer.stop());
    // The writer keeps writing while the thread folds.
    db.prepare('insert into t (x) values (?)').run('又一行');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(before).toBeLessThan(64 * 1024);
    expect(folded(file)).toBeGreaterThan(before + 256 * 1024);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 2001 });
  });

  it('stops with a last fold, and the store reads the same after', async () => {
    const { file, db } = await logged();
    const before = folded(file);
    const checkpointer = new SqliteCheckpointer(file, 60_000);
    await checkpointer.stop();
    expect(folded(file)).toBeGreaterThan(before + 256 * 1024);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 2000 });
  });
});
