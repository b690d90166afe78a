/**
 * Migration 0004: the registry's records (projects, signing batches, agreements, platforms,
 * achievements) are entities too, so the entity type check admits them.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from './database.js';
import { setEntityTypes } from './entity-type-check.js';

// biome-ignore lint/suspicious/noExplicitAny: a migration's database has no fixed type
type AnyDb = Kysely<any>;

/** The types admitted once the registry's records are entities. */
export const REGISTRY_ENTITY_TYPES = [
  'organization',
  'person',
  'place',
  'event',
  'project',
  'batch',
  'agreement',
  'platform',
  'achievement',
] as const;

export function registryTypes(dialect: StoreDialect): Migration {
  return {
    async up(db: AnyDb) {
      await setEntityTypes(db, dialect, REGISTRY_ENTITY_TYPES);
    },
  };
}
