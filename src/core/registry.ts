/**
 * The cooperation registry's records: what was signed, and what became of it. Each record is
 * an entity of the knowledge base whose fields are statements, so every field keeps its source
 * (a person, a spreadsheet row, or a document's sentence) and its history.
 */
import type { Span } from './types.js';

/** The kinds of record the registry keeps. */
export type RecordKind = 'project' | 'batch' | 'agreement' | 'platform' | 'achievement';

export const RECORD_KINDS: readonly RecordKind[] = [
  'project',
  'batch',
  'agreement',
  'platform',
  'achievement',
];

/** A project's lifecycle, in the order it is expected to go; `withdrawn` may follow any of them. */
export const PROJECT_STATUSES = [
  'signed',
  'landed',
  'under_construction',
  'in_production',
  'withdrawn',
] as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** How each status reads in Chinese, as offices write it in their spreadsheets. */
export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, { zh: string; en: string }>> = {
  signed: { zh: '已签约', en: 'signed' },
  landed: { zh: '已落地', en: 'landed' },
  under_construction: { zh: '在建', en: 'under construction' },
  in_production: { zh: '已投产', en: 'in production' },
  withdrawn: { zh: '已退出', en: 'withdrawn' },
};

/** A move from one status to another, dated; an override of the lifecycle order says why. */
export interface StatusChange {
  status: ProjectStatus;
  /** The day it happened: `YYYY-MM-DD`. */
  on: string;
  /** Why the usual order was not followed; only given when it was not. */
  override?: string;
}

/** Where a figure of a record was read, when it was read from a document. */
export interface Evidence {
  documentId: string;
  span: Span;
}

/** A project signed into a zone, followed until it produces. */
export interface ProjectRecord {
  id: string;
  name: string;
  category?: string;
  parties: string[];
  /** The host zone, park or district. */
  zone?: string;
  /** Yuan. */
  investment?: number;
  /** Yuan a year, expected once in production. */
  expectedOutput?: number;
  /** Yuan a year, as last reported. */
  actualOutput?: number;
  /** The current status and the day of each change, oldest first. */
  status: ProjectStatus;
  history: StatusChange[];
  /** Day signed: `YYYY-MM-DD`. */
  signed?: string;
  /** The signing batch it came from (a batch record's id). */
  batch?: string;
}

/** A count of the projects of one category in a signing batch. */
export interface BatchCategory {
  category: string;
  count: number;
  evidence?: Evidence;
}

/** Projects signed together at one ceremony, as a document reports them. */
export interface BatchRecord {
  id: string;
  name: string;
  signed?: string;
  place?: string;
  parties: string[];
  projects?: { count: number; evidence?: Evidence };
  categories: BatchCategory[];
  investment?: { yuan: number; qualifier: string; text: string; evidence?: Evidence };
  /** The event the batch was made from. */
  event?: string;
}

/** Something a party promised in an agreement, with its owner and due date. */
export interface Commitment {
  what: string;
  owner?: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  done: boolean;
}

export interface AgreementRecord {
  id: string;
  name: string;
  parties: string[];
  signed?: string;
  place?: string;
  fields: string[];
  commitments: Commitment[];
}

export const PLATFORM_LEVELS = ['national', 'provincial', 'district'] as const;

export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

export const PLATFORM_LEVEL_LABELS: Readonly<Record<PlatformLevel, { zh: string; en: string }>> = {
  national: { zh: '国家级', en: 'national' },
  provincial: { zh: '省部级', en: 'provincial or municipal' },
  district: { zh: '区县级', en: 'district' },
};

/** A laboratory, centre, institute, park, alliance or incubator the parties built. */
export interface PlatformRecord {
  id: string;
  name: string;
  kind?: string;
  level?: PlatformLevel;
  host?: string;
  coBuilders: string[];
  founded?: string;
  /** The day of the last activity reported for it: `YYYY-MM-DD`. */
  lastActivity?: string;
  /** Reported activities, oldest first. */
  activities: Activity[];
  /** Companies it incubated or served. */
  companies: IncubatedCompany[];
}

export interface Activity {
  /** `YYYY-MM-DD`. */
  on: string;
  what: string;
}

export interface IncubatedCompany {
  name: string;
  /** `YYYY-MM-DD` or `YYYY`. */
  since?: string;
}

export const ACHIEVEMENT_KINDS = ['technology', 'product', 'result'] as const;

export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];

export const TRANSFER_MODES = ['licence', 'sale', 'joint_development', 'export', 'equity'] as const;

export type TransferMode = (typeof TRANSFER_MODES)[number];

/** An achievement passed on: to whom, when and how. */
export interface Transfer {
  to: string;
  /** `YYYY-MM-DD` or `YYYY-MM` or `YYYY`. */
  on?: string;
  how: TransferMode;
}

/** A technology, product or result, with its owner and field, and where it went. */
export interface AchievementRecord {
  id: string;
  name: string;
  kind?: AchievementKind;
  owner?: string;
  field?: string;
  transfers: Transfer[];
}
