/**
 * The statement model of the knowledge base, after FollowTheMoney: an entity is an id and a
 * type; everything known about it is a statement (subject, property, value, source). Statements
 * are never changed: a correction, a review decision or a new extraction adds statements.
 */
import { hash } from 'node:crypto';
import { RECORD_KINDS, type RecordKind } from './registry.js';
import type { EntityType, Span } from './types.js';

/** What a statement can be about: the bodies, people and places of extraction, and events. */
export type KnowledgeEntityType = EntityType | 'event';

export const KNOWLEDGE_ENTITY_TYPES: readonly KnowledgeEntityType[] = [
  'organization',
  'person',
  'place',
  'event',
];

/**
 * Every type of entity the store holds: the knowledge extracted from documents, the registry's
 * records, and the enterprises' technology needs matched against them.
 */
export type StoredEntityType = KnowledgeEntityType | RecordKind | 'need';

export const STORED_ENTITY_TYPES: readonly StoredEntityType[] = [
  ...KNOWLEDGE_ENTITY_TYPES,
  ...RECORD_KINDS,
  'need',
];

/** `extracted` by the engine from a document span, `manual` by a named person, `import` from a file row. */
export type StatementOrigin = 'extracted' | 'manual' | 'import';

export const STATEMENT_ORIGINS: readonly StatementOrigin[] = ['extracted', 'manual', 'import'];

/** A machine's statement is `proposed` until a person's decision accepts or rejects it. */
export type StatementStatus = 'proposed' | 'accepted' | 'rejected';

export const STATEMENT_STATUSES: readonly StatementStatus[] = ['proposed', 'accepted', 'rejected'];

/** Values are JSON: strings, numbers, booleans, or small objects (an amount, a count). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Where a statement comes from: every fact traces to a document span or a named person. */
export type StatementSource =
  | { origin: 'extracted'; documentId: string; span: Span; extractorVersion: string }
  /** A person's statement; `evidence` is the document sentence it was confirmed from, if any. */
  | { origin: 'manual'; author: string; evidence?: { documentId: string; span: Span } }
  | { origin: 'import'; file: string; row: number };

/**
 * The document span a statement was read from (an extraction) or confirmed from (a person's
 * statement with its evidence), if it has one.
 */
export function citedSpan(source: StatementSource): { documentId: string; span: Span } | undefined {
  if (source.origin === 'extracted') return { documentId: source.documentId, span: source.span };
  return source.origin === 'manual' ? source.evidence : undefined;
}

/** A statement before the store gives it its time. */
export interface NewStatement {
  id: string;
  entityId: string;
  property: string;
  value: JsonValue;
  source: StatementSource;
  status: StatementStatus;
}

export interface Statement extends NewStatement {
  /** ISO 8601 time the statement was recorded. */
  created: string;
}

/**
 * An entity as the store registers it: its id and type, and the canonical name the id was made
 * from. Its names, aliases and other properties are statements.
 */
export interface EntityRecord {
  id: string;
  type: StoredEntityType;
  /** The identity key: the canonical name for bodies, people and places; a digest for events. */
  key: string;
}

/**
 * Property names. Bodies, people and places: `name`, `alias`, `kind`, `title`, `level`, `code`.
 * Events: `eventType`, `trigger`, `date`, `participant` and `place` (entity ids), `object`,
 * `planned`, `amount` and `count` (the money and counts stated in the event's sentence).
 */
export const PROPERTIES = [
  'name',
  'alias',
  'kind',
  'title',
  'level',
  'code',
  'eventType',
  'trigger',
  'date',
  'participant',
  'place',
  'object',
  'planned',
  'amount',
  'count',
] as const;

export type Property = (typeof PROPERTIES)[number];

/** Properties whose value is the id of another entity. */
export const REFERENCE_PROPERTIES: readonly Property[] = ['participant', 'place'];

/** sha256 in one call: a Hash object per digest costs twice the hashing, ~100 times a document. */
function digest(parts: readonly unknown[], length: number): string {
  return hash('sha256', JSON.stringify(parts), 'hex').slice(0, length);
}

/**
 * The name as it identifies a body across documents: Unicode NFKC (full-width brackets and
 * digits read as half-width) without spaces, so 西部（重庆）科学城 and 西部(重庆)科学城 are one.
 */
export function identityName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The stable id of a body, person or place: its type and a digest of its canonical name, so
 * every document that names it, and every re-ingest, gives the same id.
 *
 * @example entityId('organization', '中国科学院') // 'organization:…' (20 hex digits)
 */
export function entityId(type: EntityType | RecordKind | 'need', canonicalName: string): string {
  return `${type}:${digest([type, identityName(canonicalName)], 20)}`;
}

/** The stable id of an event: the document, its sentence, its type and date, and its place among equals. */
export function eventId(documentId: string, key: string): string {
  return `event:${digest([documentId, key], 20)}`;
}

/**
 * The id of an extracted or imported statement: a digest of everything it says and where it
 * comes from. The same extraction of the same document (or the same row of the same file) gives
 * the same ids, so storing it twice stores it once. A person's statements are events in time and
 * get a random id where they are made.
 */
export function statementId(statement: {
  entityId: string;
  property: string;
  value: JsonValue;
  source: Exclude<StatementSource, { origin: 'manual' }>;
}): string {
  const { source } = statement;
  const where =
    source.origin === 'extracted'
      ? [source.documentId, source.span.start, source.span.end, source.extractorVersion]
      : [source.file, source.row];
  return digest([statement.entityId, statement.property, statement.value, source.origin, ...where], 32);
}
