/**
 * The HTTP API's shapes, taken from the contract the routes validate with. Types only: the
 * app never bundles zod or any server code.
 */
export type {
  Dashboard,
  DocumentSummary,
  DocumentView,
  EntityPage,
  EntitySummary,
  ErrorBody,
  EventPage,
  EventSummary,
  IdentityView,
  IngestReport,
  ReviewDecision,
  Role,
  SearchQuery,
  SearchResult,
  SessionInfo,
  Statement,
  StatementPage,
  StatementStatus,
  UserInfo,
} from '../../../src/api/contract';

import type { DocumentView, SearchResult } from '../../../src/api/contract';

export type Fact = DocumentView['facts'][number];
export type FactKind = Fact['kind'];
export type SearchHit = SearchResult['hits'][number];
export type SearchKind = SearchHit['kind'];
