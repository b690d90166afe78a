/**
 * The HTTP API's request and response shapes, as zod schemas: the routes validate with them,
 * OpenAPI is generated from them, and the web app imports their types (types only).
 */
import { z } from 'zod';

export const Role = z.enum(['viewer', 'editor', 'admin']);
export type Role = z.infer<typeof Role>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    /** For people, in Simplified Chinese. */
    message: z.string(),
    /** The same in English. */
    messageEn: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const SessionInfo = z.object({
  user: z.object({ name: z.string(), role: Role }).nullable(),
  /** The laptop default: no login, everyone is an administrator. Shown in the app's header. */
  singleUser: z.boolean(),
  /** Sent back in the `x-csrf-token` header of every change. */
  csrfToken: z.string().optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoginBody = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const UserBody = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(8).max(200),
  role: Role,
});

export const UserInfo = z.object({ name: z.string(), role: Role, created: z.string() });
export type UserInfo = z.infer<typeof UserInfo>;

export const Span = z.object({ start: z.number().int(), end: z.number().int() });

export const StatementStatus = z.enum(['proposed', 'accepted', 'rejected']);
export type StatementStatus = z.infer<typeof StatementStatus>;

/** Where a statement came from: a document span, a person, or a row of an imported file. */
export const Origin = z.object({
  kind: z.enum(['extracted', 'manual', 'import']),
  documentId: z.string().optional(),
  documentTitle: z.string().optional(),
  span: Span.optional(),
  /** The sentence the span lies in. */
  sentence: z.string().optional(),
  extractorVersion: z.string().optional(),
  user: z.string().optional(),
  file: z.string().optional(),
  row: z.number().int().optional(),
});

export const Statement = z.object({
  id: z.string(),
  entityId: z.string(),
  entityName: z.string().optional(),
  property: z.string(),
  value: z.unknown(),
  status: StatementStatus,
  origin: Origin,
  created: z.string(),
});
export type Statement = z.infer<typeof Statement>;

export const EntitySummary = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  kind: z.string().optional(),
  mentions: z.number().int().optional(),
});
export type EntitySummary = z.infer<typeof EntitySummary>;

export const EventSummary = z.object({
  /** The event entity's id. */
  id: z.string(),
  /** The statement that gives its type, and where it is told (a person's event has no span). */
  statementId: z.string(),
  type: z.string(),
  date: z.string().optional(),
  participants: z.array(z.string()),
  objects: z.array(z.string()),
  evidence: z.string(),
  documentId: z.string().optional(),
  span: Span.optional(),
  planned: z.boolean(),
});
export type EventSummary = z.infer<typeof EventSummary>;

/** One page of a longer list: its items, how many there are in all, and where the page starts. */
function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), offset: z.number().int() });
}

/** An entity's statements, latest first. */
export const StatementPage = pageOf(Statement);
export type StatementPage = z.infer<typeof StatementPage>;

/** An entity's events, latest date first, undated last. */
export const EventPage = pageOf(EventSummary);
export type EventPage = z.infer<typeof EventPage>;

/** `limit` and `offset` of a page of an entity's statements or events. */
export const EntityListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const EntityPage = z.object({
  /** `mentions`: how many live statements are about it. */
  entity: EntitySummary.extend({ aliases: z.array(z.string()) }),
  /** The first page; the next ones from `/api/entities/:id/statements`. */
  statements: StatementPage,
  /** The first page; the next ones from `/api/entities/:id/events`. */
  events: EventPage,
  /** Bodies this one appears with in events, most shared events first, for the relation graph. */
  relations: z.array(z.object({ entity: EntitySummary, events: z.number().int() })),
});
export type EntityPage = z.infer<typeof EntityPage>;

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  format: z.string(),
  published: z.string().optional(),
  ingested: z.string(),
  bytes: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const FactKind = z.enum(['organization', 'person', 'place', 'time', 'money', 'event']);

export const DocumentView = z.object({
  document: DocumentSummary,
  /** The text as it was read from the file; every span points into it. */
  text: z.string(),
  facts: z.array(
    z.object({
      statementId: z.string(),
      kind: FactKind,
      span: Span,
      label: z.string(),
      status: StatementStatus,
    }),
  ),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const SearchQuery = z.object({
  q: z.string().max(200).default(''),
  kind: z.enum(['document', 'article', 'entity']).optional(),
  entityType: z.string().max(40).optional(),
  eventType: z.string().max(40).optional(),
  from: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  place: z.string().max(100).optional(),
  participant: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z.object({
  /** Matches counted; past the count limit, where counting stopped (`totalIsLowerBound`). */
  total: z.number().int(),
  totalIsLowerBound: z.boolean(),
  /** Matches ranked for the hits and counted in the facets: all, or the newest when more match. */
  ranked: z.number().int(),
  hits: z.array(
    z.object({
      kind: z.enum(['document', 'article', 'entity']),
      id: z.string(),
      documentId: z.string().optional(),
      title: z.string(),
      /** Plain text with the matched words between `\u0002` and `\u0003`, for the client to mark. */
      snippet: z.string(),
      score: z.number(),
    }),
  ),
  facets: z.object({
    kind: z.record(z.string(), z.number().int()),
    entityType: z.record(z.string(), z.number().int()),
    eventType: z.record(z.string(), z.number().int()),
  }),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const Dashboard = z.object({
  documents: z.number().int(),
  entitiesByType: z.record(z.string(), z.number().int()),
  eventsByYear: z.array(z.object({ year: z.string(), type: z.string(), count: z.number().int() })),
  projectsByCategory: z.array(
    z.object({ category: z.string(), status: z.string(), count: z.number().int() }),
  ),
  investmentByDistrict: z.array(z.object({ district: z.string(), yuan: z.number() })),
  topPartners: z.array(EntitySummary.extend({ events: z.number().int() })),
  latestDocuments: z.array(DocumentSummary),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const ReviewDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({ decision: z.literal('reject') }),
  z.object({ decision: z.literal('correct'), value: z.unknown() }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const IngestReport = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      outcome: z.enum(['new', 'unchanged', 'failed']),
      documentId: z.string().optional(),
      reason: z.string().optional(),
      facts: z.number().int().optional(),
    }),
  ),
});
export type IngestReport = z.infer<typeof IngestReport>;

/** A body after people's decisions: the entity that stands for it, its members, names split off. */
export const IdentityView = z.object({
  id: z.string(),
  members: z.array(z.string()),
  splitOff: z.record(z.string(), z.string()),
  splitFrom: z.object({ from: z.string(), names: z.array(z.string()) }).optional(),
});
export type IdentityView = z.infer<typeof IdentityView>;

// ---- The cooperation registry.

export const ProjectStatusCode = z.enum([
  'signed',
  'landed',
  'under_construction',
  'in_production',
  'withdrawn',
]);

export const Evidence = z.object({ documentId: z.string(), span: Span });

export const ProjectView = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().optional(),
  parties: z.array(z.string()),
  zone: z.string().optional(),
  /** Yuan. */
  investment: z.number().optional(),
  expectedOutput: z.number().optional(),
  actualOutput: z.number().optional(),
  status: ProjectStatusCode,
  history: z.array(z.object({ status: ProjectStatusCode, on: z.string(), override: z.string().optional() })),
  signed: z.string().optional(),
  batch: z.string().optional(),
});
export type ProjectView = z.infer<typeof ProjectView>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A project as a form gives it: a name and any fields; the status of a new project. */
export const ProjectBody = z.object({
  id: z.string().max(200).optional(),
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(100).optional(),
  parties: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  zone: z.string().trim().min(1).max(200).optional(),
  investment: z.number().nonnegative().optional(),
  expectedOutput: z.number().nonnegative().optional(),
  actualOutput: z.number().nonnegative().optional(),
  status: ProjectStatusCode.optional(),
  statusDate: Day.optional(),
  signed: Day.optional(),
  batch: z.string().max(200).optional(),
  reason: z.string().trim().min(1).max(500).optional(),
  /** The document sentence a person confirmed the fields from (a project made from an event). */
  evidence: Evidence.optional(),
});

/** A project as an event tells it, for the form to show before a person saves it. */
export const ProjectDraft = ProjectBody.omit({ evidence: true }).extend({ evidence: Evidence });

export const MoveBody = z.object({
  to: ProjectStatusCode,
  on: Day.optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const RegistryTotal = z.object({
  key: z.string(),
  projects: z.number().int(),
  investment: z.number(),
  expectedOutput: z.number(),
  actualOutput: z.number(),
});

export const ProjectList = z.object({
  items: z.array(ProjectView),
  totals: z.object({
    all: RegistryTotal,
    byZone: z.array(RegistryTotal),
    byYear: z.array(RegistryTotal),
    byCategory: z.array(RegistryTotal),
    byStatus: z.array(RegistryTotal),
  }),
});

export const SheetImportReport = z.object({
  file: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  lines: z.array(
    z.object({
      line: z.number().int(),
      outcome: z.enum(['added', 'updated', 'unchanged', 'failed']),
      id: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

export const BatchView = z.object({
  id: z.string(),
  name: z.string(),
  signed: z.string().optional(),
  place: z.string().optional(),
  parties: z.array(z.string()),
  projects: z.object({ count: z.number().int(), evidence: Evidence.optional() }).optional(),
  categories: z.array(
    z.object({ category: z.string(), count: z.number().int(), evidence: Evidence.optional() }),
  ),
  investment: z
    .object({ yuan: z.number(), qualifier: z.string(), text: z.string(), evidence: Evidence.optional() })
    .optional(),
  event: z.string().optional(),
});
export type BatchView = z.infer<typeof BatchView>;

export const AttentionView = z.object({
  items: z.array(
    z.object({
      rule: z.enum(['not_landed', 'commitment_overdue', 'platform_quiet']),
      recordId: z.string(),
      name: z.string(),
      reason: z.string(),
      since: z.string(),
      days: z.number().int(),
      lastSource: z.object({ source: z.record(z.string(), z.unknown()), recorded: z.string() }).optional(),
    }),
  ),
});

export type ProjectBody = z.input<typeof ProjectBody>;
export type ProjectDraft = z.infer<typeof ProjectDraft>;
export type MoveBody = z.infer<typeof MoveBody>;
export type ProjectList = z.infer<typeof ProjectList>;
export type SheetImportReport = z.infer<typeof SheetImportReport>;
export type AttentionView = z.infer<typeof AttentionView>;

const Text = (max = 200) => z.string().trim().min(1).max(max);
const Names = z.array(Text()).max(50);
const DayOrMonth = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

export const Commitment = z.object({
  what: Text(300),
  owner: Text().optional(),
  due: Day.optional(),
  done: z.boolean().default(false),
});
export const AgreementBody = z.object({
  id: z.string().max(200).optional(),
  name: Text(300),
  parties: Names.optional(),
  signed: DayOrMonth.optional(),
  place: Text().optional(),
  fields: Names.optional(),
  evidence: Evidence.optional(),
});
export const AgreementView = z.object({
  id: z.string(),
  name: z.string(),
  parties: z.array(z.string()),
  signed: z.string().optional(),
  place: z.string().optional(),
  fields: z.array(z.string()),
  commitments: z.array(Commitment),
});
export const AgreementDraft = AgreementBody.omit({ evidence: true, id: true }).extend({ evidence: Evidence });

export const PlatformLevel = z.enum(['national', 'provincial', 'district']);
export const Activity = z.object({ on: Day, what: Text(300) });
export const IncubatedCompany = z.object({ name: Text(), since: DayOrMonth.optional() });
export const PlatformBody = z.object({
  id: z.string().max(200).optional(),
  name: Text(),
  kind: Text(100).optional(),
  level: PlatformLevel.optional(),
  host: Text().optional(),
  coBuilders: Names.optional(),
  founded: DayOrMonth.optional(),
  evidence: Evidence.optional(),
});
export const PlatformDraft = PlatformBody.omit({ evidence: true, id: true }).extend({ evidence: Evidence });
export const PlatformView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().optional(),
  level: PlatformLevel.optional(),
  host: z.string().optional(),
  coBuilders: z.array(z.string()),
  founded: z.string().optional(),
  lastActivity: z.string().optional(),
  activities: z.array(Activity),
  companies: z.array(IncubatedCompany),
});

export const Transfer = z.object({
  to: Text(),
  on: DayOrMonth.optional(),
  how: z.enum(['licence', 'sale', 'joint_development', 'export', 'equity']),
});
export const AchievementBody = z.object({
  id: z.string().max(200).optional(),
  name: Text(300),
  kind: z.enum(['technology', 'product', 'result']).optional(),
  owner: Text().optional(),
  field: Text(100).optional(),
});
export const AchievementView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['technology', 'product', 'result']).optional(),
  owner: z.string().optional(),
  field: z.string().optional(),
  transfers: z.array(Transfer),
});

export type AgreementView = z.infer<typeof AgreementView>;
export type AgreementDraft = z.infer<typeof AgreementDraft>;
export type PlatformView = z.infer<typeof PlatformView>;
export type PlatformDraft = z.infer<typeof PlatformDraft>;
export type AchievementView = z.infer<typeof AchievementView>;
export type AgreementBody = z.input<typeof AgreementBody>;
export type PlatformBody = z.input<typeof PlatformBody>;
export type AchievementBody = z.input<typeof AchievementBody>;
export type CommitmentBody = z.input<typeof Commitment>;

// ---- The cooperation status report.

export const ReportQuery = z.object({
  region: z.string().trim().min(1).max(50).optional(),
  from: z.coerce.number().int().min(1949).max(2100).optional(),
  to: z.coerce.number().int().min(1949).max(2100).optional(),
  party: z.string().trim().min(1).max(200).optional(),
});

export const ReportView = z.object({
  title: z.string(),
  sections: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      sentences: z.array(z.object({ text: z.string(), notes: z.array(z.number().int()) })),
    }),
  ),
  /** Note n is `notes[n - 1]`: the cited sentence and where it is. */
  notes: z.array(
    z.object({ documentId: z.string(), title: z.string(), sentence: z.string(), start: z.number().int() }),
  ),
  sources: z.array(z.object({ documentId: z.string(), title: z.string() })),
  used: z.object({ accepted: z.number().int(), proposed: z.number().int() }),
  /** The charts of the scope as the downloads draw them: an SVG whose text ECharts escaped. */
  figures: z.array(z.object({ caption: z.string(), source: z.string(), svg: z.string() })),
});
export type ReportView = z.infer<typeof ReportView>;
