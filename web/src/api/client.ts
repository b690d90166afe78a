/**
 * The HTTP API, as functions. Same-origin cookies carry the session; every change sends the
 * session's CSRF token; an error answer becomes an `ApiError` with the server's words.
 */
import type { z } from 'zod';
import type { LoginBody, UserBody } from '../../../src/api/contract';
import type {
  AchievementBody,
  AchievementView,
  AgreementBody,
  AgreementDraft,
  AgreementView,
  AttentionItem,
  BatchView,
  CommitmentBody,
  Dashboard,
  DocumentSummary,
  DocumentView,
  EntityPage,
  EntitySummary,
  EventPage,
  FeedbackBody,
  FieldList,
  IdentityView,
  IngestReport,
  MatchBody,
  MatchView,
  NeedView,
  PlatformBody,
  PlatformDraft,
  PlatformView,
  ProjectDraft,
  ProjectInput,
  ProjectList,
  ProjectMove,
  ProjectView,
  ReportView,
  ReviewDecision,
  SearchResult,
  SessionInfo,
  SheetImportReport,
  Statement,
  StatementPage,
  UserInfo,
} from './types';

export type LoginRequest = z.infer<typeof LoginBody>;
export type NewUser = z.infer<typeof UserBody>;

/** An answer the server gave with an error status, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** In Simplified Chinese, as the server wrote it. */
    message: string,
    readonly messageEn?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Filters of the search page, as they appear in its URL. */
export interface SearchParams {
  q?: string;
  kind?: string;
  entityType?: string;
  eventType?: string;
  from?: string;
  to?: string;
  place?: string;
  participant?: string;
  limit?: number;
  offset?: number;
}

type Query = Record<string, string | number | undefined>;

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

/** The token of the current session, sent with every change. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can ask to log in again. */
export function handleUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

function url(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(
  body: unknown,
): body is { error: { code: string; message: string; messageEn?: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** The `ApiError` for an answer with an error status. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.messageEn);
  }
  return new ApiError(status, 'UNEXPECTED', '');
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/login') onUnauthenticated?.();
    throw errorFromBody(response.status, body);
  }
  return body as T;
}

/** Upload progress: bytes sent so far out of the total. */
export type UploadProgress = (loaded: number, total: number) => void;

export interface UploadHandle {
  /** Settles with the ingest report once the server has read every file. */
  done: Promise<IngestReport>;
  abort(): void;
}

/** Sends several files in one multipart request (field `files`), reporting progress as it goes. */
export function uploadDocuments(
  files: File[],
  onProgress: UploadProgress,
  onSent?: () => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<IngestReport>((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.upload.addEventListener('load', () => onSent?.());
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as IngestReport);
      else {
        if (xhr.status === 401) onUnauthenticated?.();
        reject(errorFromBody(xhr.status, body));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', '')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'ABORTED', '')));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

export const api = {
  session: () => request<SessionInfo>('GET', '/api/session'),
  login: (body: LoginRequest) => request<SessionInfo>('POST', '/api/login', { body }),
  logout: () => request<void>('POST', '/api/logout'),

  dashboard: () => request<Dashboard>('GET', '/api/dashboard'),
  match: (body: MatchBody) => request<MatchView>('POST', '/api/matching', { body }),
  matchingFields: () => request<FieldList>('GET', '/api/matching/fields'),
  saveNeed: (body: Omit<MatchBody, 'limit' | 'mode'>) => request<NeedView>('POST', '/api/needs', { body }),
  needFeedback: (id: string, body: FeedbackBody) =>
    request<NeedView>('POST', `/api/needs/${encodeURIComponent(id)}/feedback`, { body }),
  search: (params: SearchParams) => request<SearchResult>('GET', '/api/search', { query: { ...params } }),

  documents: (limit: number, offset: number) =>
    request<{ items: DocumentSummary[]; total: number }>('GET', '/api/documents', {
      query: { limit, offset },
    }),
  document: (id: string) => request<DocumentView>('GET', `/api/documents/${encodeURIComponent(id)}`),

  entities: (query: { q?: string; type?: string; limit?: number }) =>
    request<{ items: EntitySummary[] }>('GET', '/api/entities', { query }),
  entity: (id: string) => request<EntityPage>('GET', `/api/entities/${encodeURIComponent(id)}`),
  entityStatements: (id: string, offset: number, limit = 20) =>
    request<StatementPage>('GET', `/api/entities/${encodeURIComponent(id)}/statements`, {
      query: { offset, limit },
    }),
  entityEvents: (id: string, offset: number, limit = 20) =>
    request<EventPage>('GET', `/api/entities/${encodeURIComponent(id)}/events`, { query: { offset, limit } }),
  /** Merges `otherId` into `id`: one body, shown as `id`. */
  mergeEntity: (id: string, otherId: string) =>
    request<IdentityView>('POST', `/api/entities/${encodeURIComponent(otherId)}/merge`, {
      body: { into: id },
    }),
  /** Splits names off `id`; the answer is the new body. */
  splitEntity: (id: string, names: string[]) =>
    request<IdentityView>('POST', `/api/entities/${encodeURIComponent(id)}/split`, { body: { names } }),

  review: (query: { documentId?: string; property?: string; limit?: number }) =>
    request<{ items: Statement[]; total: number }>('GET', '/api/review', { query }),
  decide: (statementId: string, decision: ReviewDecision) =>
    request<Statement>('POST', `/api/statements/${encodeURIComponent(statementId)}/review`, {
      body: decision,
    }),

  users: () => request<UserInfo[]>('GET', '/api/users'),
  addUser: (body: NewUser) => request<UserInfo>('POST', '/api/users', { body }),

  projects: (query: { q?: string; status?: string; zone?: string; category?: string; sort?: string }) =>
    request<ProjectList>('GET', '/api/registry/projects', { query }),
  saveProject: (body: ProjectInput) =>
    request<{ project: ProjectView; outcome: string }>('POST', '/api/registry/projects', { body }),
  moveProject: (id: string, body: ProjectMove) =>
    request<ProjectView>('POST', `/api/registry/projects/${encodeURIComponent(id)}/move`, { body }),
  projectDraft: (eventId: string) =>
    request<ProjectDraft>('GET', '/api/registry/drafts', { query: { event: eventId } }),
  importProjects: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendForm<SheetImportReport>('/api/registry/projects/import', form);
  },
  importRecords: (kind: RecordSheet, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendForm<SheetImportReport>(`/api/registry/${kind}/import`, form);
  },
  batches: () => request<{ items: BatchView[] }>('GET', '/api/registry/batches'),
  makeBatch: (eventId: string) =>
    request<BatchView>('POST', '/api/registry/batches', { body: { event: eventId } }),
  agreements: () => request<{ items: AgreementView[] }>('GET', '/api/registry/agreements'),
  saveAgreement: (body: AgreementBody) =>
    request<{ record: AgreementView }>('POST', '/api/registry/agreements', { body }),
  agreementDraft: (eventId: string) =>
    request<AgreementDraft>('GET', '/api/registry/agreement-drafts', { query: { event: eventId } }),
  addCommitment: (id: string, body: CommitmentBody) =>
    request<AgreementView>('POST', `/api/registry/agreements/${encodeURIComponent(id)}/commitments`, {
      body,
    }),
  platforms: () => request<{ items: PlatformView[] }>('GET', '/api/registry/platforms'),
  savePlatform: (body: PlatformBody) =>
    request<{ record: PlatformView }>('POST', '/api/registry/platforms', { body }),
  platformDraft: (eventId: string) =>
    request<PlatformDraft>('GET', '/api/registry/platform-drafts', { query: { event: eventId } }),
  addActivity: (id: string, body: { on: string; what: string }) =>
    request<PlatformView>('POST', `/api/registry/platforms/${encodeURIComponent(id)}/activities`, { body }),
  addCompany: (id: string, body: { name: string; since?: string }) =>
    request<PlatformView>('POST', `/api/registry/platforms/${encodeURIComponent(id)}/companies`, { body }),
  achievements: () => request<{ items: AchievementView[] }>('GET', '/api/registry/achievements'),
  saveAchievement: (body: AchievementBody) =>
    request<{ record: AchievementView }>('POST', '/api/registry/achievements', { body }),
  addTransfer: (id: string, body: AchievementView['transfers'][number]) =>
    request<AchievementView>('POST', `/api/registry/achievements/${encodeURIComponent(id)}/transfers`, {
      body,
    }),
  report: (query: ReportQuery) => request<ReportView>('GET', '/api/report', { query: { ...query } }),
  attention: (query: { today?: string; months?: number; quietMonths?: number }) =>
    request<{ items: AttentionItem[] }>('GET', '/api/attention', { query }),
};

/** The scope of a report, as its page and its address give it. */
export interface ReportQuery {
  region?: string;
  from?: number;
  to?: number;
  party?: string;
}

/** Where a report of a scope is downloaded as a file. */
export const reportFile = (query: ReportQuery, format: 'md' | 'html' | 'docx') =>
  url('/api/report/file', { ...query, format });

/** Where the registry's spreadsheets are downloaded. */
export type RecordSheet = 'agreements' | 'platforms' | 'achievements';

export const registryFiles = {
  export: (format: 'csv' | 'xlsx') => url('/api/registry/projects/export', { format }),
  template: (format: 'csv' | 'xlsx') => url('/api/registry/template', { format }),
  records: (kind: RecordSheet, format: 'csv' | 'xlsx') => url(`/api/registry/${kind}/export`, { format }),
};

/** Sends a form with files in one request, with the session's CSRF token. */
async function sendForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401) onUnauthenticated?.();
    throw errorFromBody(response.status, body);
  }
  return body as T;
}
