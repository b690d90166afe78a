import type { Generated } from 'kysely';

/**
 * The tables of the store as Kysely sees them. One schema for SQLite and PostgreSQL: times are
 * ISO 8601 text (sortable, the same in both), values are JSON text, bytes are BLOB / BYTEA.
 */

export interface DocumentTable {
  /** sha256 of the document's bytes, hex: the same content is the same document. */
  id: string;
  format: string;
  encoding: string;
  byte_length: number;
  title: string | null;
  /** `YYYY-MM-DD`, from the document's metadata or given at ingest. */
  published: string | null;
  /** The path the document was first ingested from. */
  source_path: string;
  ingested_at: string;
  /** The extractor version whose statements of this document are current. */
  extractor_version: string;
}

export interface DocumentContentTable {
  document_id: string;
  /** The original bytes, exactly as read. */
  bytes: Uint8Array;
  /** The text as read from the bytes; every span points into it. */
  text: string;
}

export interface ArticleTable {
  document_id: string;
  ordinal: number;
  headline: string | null;
  headline_start: number | null;
  headline_end: number | null;
  span_start: number;
  span_end: number;
  byline: string | null;
}

export interface EntityTable {
  id: string;
  type: string;
  key: string;
  created_at: string;
}

export interface StatementTable {
  id: string;
  entity_id: string;
  property: string;
  /** JSON text. */
  value: string;
  origin: string;
  document_id: string | null;
  span_start: number | null;
  span_end: number | null;
  extractor_version: string | null;
  author: string | null;
  import_file: string | null;
  import_row: number | null;
  status: string;
  created_at: string;
}

/** Statements an extraction of a newer extractor version replaced, kept as they were. */
export interface RetiredStatementTable extends StatementTable {
  retired_at: string;
  /** The extractor version whose statements replaced this one. */
  retired_by: string;
}

export interface UserTable {
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_name: string;
  csrf_token: string;
  expires_at: string;
}

export interface SearchRowTable {
  id: Generated<number>;
  kind: string;
  ref: string;
  document_id: string | null;
  title: string;
  body: string;
}

/**
 * The summaries of migration 0003, kept in the transaction of every write that changes
 * statements. Counts are `bigint` (text from PostgreSQL, read with `Number`).
 */
type Count = number | string | bigint;

/** Small counters: `documents`, `articles`, `retired`; `statements` by `origin/status`; `entities` by type. */
export interface SummaryCountTable {
  metric: string;
  key: string;
  count: Count;
}

/** Events by the JSON text of their type and the year of their dates (`''`: no date). */
export interface EventYearTable {
  event_type: string;
  year: string;
  events: Count;
}

/** Yuan of the CNY amounts of events, by the place of the event. */
export interface PlaceAmountTable {
  place_id: string;
  yuan: Count;
}

/** Per entity: live statements, events it takes part in or that happen there, events it is a party to. */
export interface EntitySummaryTable {
  entity_id: string;
  statements: Count;
  events: Count;
  participant_events: Count;
}

/** Per entity, the values of its names and single-valued properties not rejected, with how many statements give them. */
export interface EntityValueTable {
  entity_id: string;
  property: string;
  /** JSON text. */
  value: string;
  statements: Count;
}

/** The events an entity takes part in or that happen there, with the event's earliest date (`''`: none). */
export interface EntityEventTable {
  entity_id: string;
  event_id: string;
  date: string;
}

/** Parties an entity meets in its events, with how many events. */
export interface EntityRelationTable {
  entity_id: string;
  other_id: string;
  events: Count;
}

/** The event types (JSON text) of a document's extracted events, for search facets and filters. */
export interface DocumentEventTypeTable {
  document_id: string;
  event_type: string;
}

export interface Database {
  documents: DocumentTable;
  document_contents: DocumentContentTable;
  articles: ArticleTable;
  entities: EntityTable;
  statements: StatementTable;
  retired_statements: RetiredStatementTable;
  users: UserTable;
  sessions: SessionTable;
  search_rows: SearchRowTable;
  summary_counts: SummaryCountTable;
  event_years: EventYearTable;
  place_amounts: PlaceAmountTable;
  entity_summary: EntitySummaryTable;
  entity_values: EntityValueTable;
  entity_events: EntityEventTable;
  entity_relations: EntityRelationTable;
  document_event_types: DocumentEventTypeTable;
}

export type StoreDialect = 'sqlite' | 'postgres';
