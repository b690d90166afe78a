/**
 * Migration 0005: an enterprise's technology need is an entity of the knowledge base, its
 * fields and the feedback on its matches statements about it, so the entity type check
 * admits `need`.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from './database.js';
import { setEntityTypes } from './entity-type-check.js';
import { REGISTRY_ENTITY_TYPES } from './registry-types.migration.js';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

export function matchingNeeds(dialect: StoreDialect): Migration {
  return {
    async up(db: AnyDb) {
      await setEntityTypes(db, dialect, [...REGISTRY_ENTITY_TYPES, 'need']);
    },
  };
}
