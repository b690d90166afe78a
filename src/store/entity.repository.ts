import { type Kysely, sql } from 'kysely';
import {
  type EntityRecord,
  KNOWLEDGE_ENTITY_TYPES,
  type KnowledgeEntityType,
  type StoredEntityType,
} from '../core/statements.js';
import { batches } from './batches.js';
import { CompiledInsert } from './compiled-insert.js';
import type { Database } from './database.js';
import { inReferenceIndex } from './reference-index.js';

export interface StoredEntity extends EntityRecord {
  created: string;
}

function toStored(row: { id: string; type: string; key: string; created_at: string }): StoredEntity {
  return { id: row.id, type: row.type as StoredEntityType, key: row.key, created: row.created_at };
}

const insertEntities = new CompiledInsert<{ id: string; type: string; key: string; created_at: string }>(
  ['id', 'type', 'key', 'created_at'],
  (db, rows) =>
    db
      .insertInto('entities')
      .values(rows)
      .onConflict((oc) => oc.column('id').doNothing())
      .compile(),
);

/**
 * The register of entities: an id, a type and the key the id was made from. What is known of
 * an entity is in its statements; an entity without live statements is shown nowhere.
 */
export class EntityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Registers entities not yet known; known ones are left as they are. Inserted in id order,
   * so concurrent writers on PostgreSQL take their locks in one order and never deadlock.
   */
  async ensure(entities: readonly EntityRecord[], now: string): Promise<void> {
    const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await insertEntities.run(
      this.db,
      sorted.map((e) => ({ id: e.id, type: e.type, key: e.key, created_at: now })),
    );
  }

  async find(id: string): Promise<StoredEntity | undefined> {
    const row = await this.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
    return row
      ? { id: row.id, type: row.type as StoredEntityType, key: row.key, created: row.created_at }
      : undefined;
  }

  async findMany(ids: readonly string[]): Promise<StoredEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('entities').selectAll().where('id', 'in', ids).execute();
    return rows.map(toStored);
  }

  /** Every entity of one type, in id order: the registry's records of a kind. */
  async ofType(type: StoredEntityType): Promise<StoredEntity[]> {
    const rows = await this.db
      .selectFrom('entities')
      .selectAll()
      .where('type', '=', type)
      .orderBy('id')
      .execute();
    return rows.map(toStored);
  }

  /**
   * Ids of the entities of `types` whose key contains one of `parts`, in id order: the bodies
   * and places a region's name is part of (重庆 → 重庆市人民政府, 西部（重庆）科学城).
   */
  async idsWithKeyContaining(
    parts: readonly string[],
    types: readonly StoredEntityType[],
  ): Promise<string[]> {
    if (parts.length === 0 || types.length === 0) return [];
    // The parts are people's words: LIKE's wildcards in them are escaped, not obeyed.
    const like = (part: string) => `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.db
      .selectFrom('entities')
      .select('id')
      .where('type', 'in', types)
      .where((eb) =>
        eb.or(parts.map((part) => sql<boolean>`${eb.ref('key')} like ${like(part)} escape '\\'`)),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ids of the entities a live statement names or aliases `name`, in id order. */
  async idsNamed(name: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('statements')
      .select('entity_id')
      .distinct()
      .where(inReferenceIndex())
      .where('property', 'in', ['name', 'alias'])
      .where('value', '=', JSON.stringify(name))
      .orderBy('entity_id')
      .execute();
    return rows.map((r) => r.entity_id);
  }

  /** Entities with at least one live statement, by type. */
  async countByType(): Promise<Record<KnowledgeEntityType, number>> {
    const rows = await this.db
      .selectFrom('entities')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('statements')
            .select('statements.id')
            .whereRef('statements.entity_id', '=', 'entities.id'),
        ),
      )
      .where('type', 'in', KNOWLEDGE_ENTITY_TYPES)
      .groupBy('type')
      .execute();
    const counts: Record<KnowledgeEntityType, number> = { organization: 0, person: 0, place: 0, event: 0 };
    for (const row of rows) counts[row.type as KnowledgeEntityType] = Number(row.n);
    return counts;
  }

  /** Up to `limit` entities after `afterId`, in id order: paging through all reads each once. */
  async page(afterId: string | undefined, limit: number): Promise<StoredEntity[]> {
    let query = this.db.selectFrom('entities').selectAll();
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map(toStored);
  }

  /**
   * Registers entities recorded elsewhere, each with its own time (an import of another store's
   * export); known ones are left as they are. Returns the ids that were new.
   */
  async insertRecorded(entities: readonly StoredEntity[]): Promise<string[]> {
    const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const inserted: string[] = [];
    for (const batch of batches(sorted)) {
      const rows = await this.db
        .insertInto('entities')
        .values(batch.map((e) => ({ id: e.id, type: e.type, key: e.key, created_at: e.created })))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      inserted.push(...rows.map((r) => r.id));
    }
    return inserted;
  }
}
