import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache.js';

describe('withStatementCache', () => {
  const opened: Database.Database[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });
  const database = () => {
    const db = new Database(':memory:');
    opened.push(db);
    return db;
  };

  it('prepares a query once and reuses the statement for the same SQL', () => {
    const cached = withStatementCache(database());
    expect(cached.prepare('select 1 as one')).toBe(cached.prepare('select 1 as one'));
    expect(cached.prepare('select 2 as two')).not.toBe(cached.prepare('select 1 as one'));
  });

  it('forgets the least recently used statement when full', () => {
    const cached = withStatementCache(database(), 2);
    const first = cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1');
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(first);
    expect(cached.prepare('select 2')).not.toBe(first);
  });

  it('gives the same rows through a reused statement', () => {
    const cached = withStatementCache(database());
    cached.prepare('create table t (x integer)').run([]);
    for (const x of [1, 2, 3]) cached.prepare('insert into t (x) values (?)').run([x]);
    expect(cached.prepare('select sum(x) as s from t').all([])).toEqual([{ s: 6 }]);
  });

  it('closes the database', () => {
    const db = database();
    withStatementCache(db).close();
    expect(db.open).toBe(false);
  });
});
