import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './open-store.js';
import { inReferenceIndex, REFERENCE_PROPERTIES } from './reference-index.js';

describe('the reference index on SQLite', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coopatlas-reference-index-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'kb.db') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = async (query: ReturnType<typeof sql>) =>
    (await sql<{ detail: string }>`explain query plan ${query}`.execute(store.db)).rows
      .map((r) => r.detail)
      .join(' | ');

  it('is defined on the properties the look-ups name', async () => {
    const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
      where name = 'statements_reference_idx'`.execute(store.db);
    const definition = rows[0]?.sql.replace(/\s+/g, ' ') ?? '';
    expect(definition).toContain(`in (${REFERENCE_PROPERTIES.map((p) => `'${p}'`).join(', ')})`);
  });

  it('is used to find entities by name', async () => {
    expect(
      await plan(sql`select distinct entity_id from statements
        where ${inReferenceIndex()} and property in ('name', 'alias') and value = ${'"中国科学院"'}`),
    ).toContain('statements_reference_idx');
  });

  it('is used to find the events an entity takes part in, under a table alias too', async () => {
    expect(
      await plan(sql`select s.entity_id from statements as s
        where ${inReferenceIndex('s.property')} and s.property = 'participant' and s.value in (${'"a"'}, ${'"b"'})`),
    ).toContain('statements_reference_idx');
  });
});
