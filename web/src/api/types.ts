/**
 * The HTTP API's shapes, taken from the contract the routes validate with. Types only: the
 * app never bundles zod or any server code.
 */
export type {
  AchievementBody,
  AchievementView,
  AgreementBody,
  AgreementDraft,
  AgreementView,
  BatchView,
  CommitmentBody,
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
  PlatformBody,
  PlatformDraft,
  PlatformView,
  ProjectDraft,
  ProjectList,
  ProjectView,
  ReportView,
  ReviewDecision,
  Role,
  SearchQuery,
  SearchResult,
  SessionInfo,
  SheetImportReport,
  Statement,
  StatementPage,
  StatementStatus,
  UserInfo,
} from '../../../src/api/contract';

import type { AttentionView, MoveBody, ProjectBody } from '../../../src/api/contract';

export type ProjectInput = ProjectBody;
export type ProjectMove = MoveBody;
export type AttentionItem = AttentionView['items'][number];
export type ProjectStatus = ProjectMove['to'];

import type { DocumentView, SearchResult } from '../../../src/api/contract';

export type Fact = DocumentView['facts'][number];
export type FactKind = Fact['kind'];
export type SearchHit = SearchResult['hits'][number];
export type SearchKind = SearchHit['kind'];

export type {
  CandidateView,
  FeedbackBody,
  FieldList,
  MatchBody,
  MatchingQuality,
  MatchView,
  NeedView,
} from '../../../src/api/routes/matching.schema';
