/**
 * A record as it stands: its statements folded, the latest word on each field winning. A
 * rejected statement says nothing; a field told many times (a project's status, a batch's
 * categories, an agreement's commitments) keeps every change, in the order they were made.
 */
import {
  ACHIEVEMENT_KINDS,
  type AchievementKind,
  type AchievementRecord,
  type Activity,
  type AgreementRecord,
  type BatchCategory,
  type BatchRecord,
  type Commitment,
  type Evidence,
  type IncubatedCompany,
  PLATFORM_LEVELS,
  type PlatformLevel,
  type PlatformRecord,
  PROJECT_STATUSES,
  type ProjectRecord,
  type ProjectStatus,
  type StatusChange,
  TRANSFER_MODES,
  type Transfer,
  type TransferMode,
} from '../core/registry.js';
import { citedSpan, type JsonValue, type Statement } from '../core/statements.js';
import { present } from './sheet-rows.js';

/** A record's properties, each with its statements oldest first. */
class Fields {
  private readonly byProperty = new Map<string, Statement[]>();

  constructor(statements: readonly Statement[]) {
    const live = statements
      .filter((s) => s.status !== 'rejected')
      .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
    for (const statement of live) {
      const list = this.byProperty.get(statement.property);
      if (list) list.push(statement);
      else this.byProperty.set(statement.property, [statement]);
    }
  }

  all(property: string): Statement[] {
    return this.byProperty.get(property) ?? [];
  }

  latest(property: string): Statement | undefined {
    return this.all(property).at(-1);
  }

  text(property: string): string | undefined {
    const value = this.latest(property)?.value;
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  number(property: string): number | undefined {
    const value = this.latest(property)?.value;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  list(property: string): string[] {
    const value = this.latest(property)?.value;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }
}

function objectOf(value: JsonValue): Record<string, JsonValue> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

function evidenceOf(statement: Statement | undefined): Evidence | undefined {
  return statement ? citedSpan(statement.source) : undefined;
}

const isStatus = (value: unknown): value is ProjectStatus =>
  typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);

/** A project's status changes in the order of their days; changes of one day in the order they were made. */
function statusChanges(fields: Fields): StatusChange[] {
  const changes = fields.all('status').flatMap((s): StatusChange[] => {
    const value = objectOf(s.value);
    if (!value || !isStatus(value.status) || typeof value.on !== 'string') return [];
    return [
      {
        status: value.status,
        on: value.on,
        ...(typeof value.override === 'string' ? { override: value.override } : {}),
      },
    ];
  });
  // Stable: changes of one day keep the order they were made in.
  return changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

export function projectOf(id: string, statements: readonly Statement[]): ProjectRecord {
  const fields = new Fields(statements);
  const history = statusChanges(fields);
  return present({
    id,
    name: fields.text('name') ?? '',
    category: fields.text('category'),
    parties: fields.list('parties'),
    zone: fields.text('zone'),
    investment: fields.number('investment'),
    expectedOutput: fields.number('expectedOutput'),
    actualOutput: fields.number('actualOutput'),
    status: history.at(-1)?.status ?? 'signed',
    history,
    signed: fields.text('signed'),
    batch: fields.text('batch'),
  });
}

export function batchOf(id: string, statements: readonly Statement[]): BatchRecord {
  const fields = new Fields(statements);
  const categories = new Map<string, BatchCategory>();
  for (const statement of fields.all('category')) {
    const value = objectOf(statement.value);
    if (!value || typeof value.category !== 'string' || typeof value.count !== 'number') continue;
    const evidence = evidenceOf(statement);
    categories.set(value.category, {
      category: value.category,
      count: value.count,
      ...(evidence ? { evidence } : {}),
    });
  }
  const projects = fields.latest('projects');
  const investment = fields.latest('investment');
  const invested = investment ? objectOf(investment.value) : undefined;
  const count = projects?.value;
  return present({
    id,
    name: fields.text('name') ?? '',
    signed: fields.text('signed'),
    place: fields.text('place'),
    parties: fields.list('parties'),
    projects: typeof count === 'number' ? present({ count, evidence: evidenceOf(projects) }) : undefined,
    // In the order the document lists them.
    categories: [...categories.values()].sort(
      (a, b) => (a.evidence?.span.start ?? 0) - (b.evidence?.span.start ?? 0),
    ),
    investment:
      invested && typeof invested.yuan === 'number'
        ? present({
            yuan: invested.yuan,
            qualifier: typeof invested.qualifier === 'string' ? invested.qualifier : 'exact',
            text: typeof invested.text === 'string' ? invested.text : '',
            evidence: evidenceOf(investment),
          })
        : undefined,
    event: fields.text('event'),
  });
}

export function agreementOf(id: string, statements: readonly Statement[]): AgreementRecord {
  const fields = new Fields(statements);
  const commitments = keyed(
    fields,
    'commitment',
    (value): Commitment | undefined => {
      const what = textIn(value, 'what');
      return what
        ? present({
            what,
            owner: textIn(value, 'owner'),
            due: textIn(value, 'due'),
            done: value.done === true,
          })
        : undefined;
    },
    (c) => c.what,
  );
  return present({
    id,
    name: fields.text('name') ?? '',
    parties: fields.list('parties'),
    signed: fields.text('signed'),
    place: fields.text('place'),
    fields: fields.list('fields'),
    commitments: commitments.sort(
      byDayThenText(
        (c) => c.due,
        (c) => c.what,
      ),
    ),
  });
}

/**
 * Items in an order of their own, not of when or by whom they were told: by day (undated last),
 * then by text, so every store lists the same items alike.
 */
function byDayThenText<T>(dayOf: (item: T) => string | undefined, textOf: (item: T) => string) {
  return (a: T, b: T) => {
    const [x, y] = [dayOf(a) ?? '\uffff', dayOf(b) ?? '\uffff'];
    return x < y ? -1 : x > y ? 1 : textOf(a).localeCompare(textOf(b), 'zh');
  };
}

/** Items told one statement each and known by a key: the latest statement of each key wins, in order of first telling. */
function keyed<T>(
  fields: Fields,
  property: string,
  read: (value: Record<string, JsonValue>) => T | undefined,
  key: (item: T) => string,
): T[] {
  const items = new Map<string, T>();
  for (const statement of fields.all(property)) {
    const value = objectOf(statement.value);
    const item = value ? read(value) : undefined;
    if (item !== undefined) items.set(key(item), item);
  }
  return [...items.values()];
}

const textIn = (value: Record<string, JsonValue>, key: string) => {
  const v = value[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

export function platformOf(id: string, statements: readonly Statement[]): PlatformRecord {
  const fields = new Fields(statements);
  const level = fields.text('level');
  const activities = keyed(
    fields,
    'activity',
    (value): Activity | undefined => {
      const on = textIn(value, 'on');
      const what = textIn(value, 'what');
      return on && what ? { on, what } : undefined;
    },
    (a) => `${a.on} ${a.what}`,
  ).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const companies = keyed(
    fields,
    'company',
    (value): IncubatedCompany | undefined => {
      const name = textIn(value, 'name');
      return name ? present({ name, since: textIn(value, 'since') }) : undefined;
    },
    (c) => c.name,
  ).sort(
    byDayThenText(
      (c) => c.since,
      (c) => c.name,
    ),
  );
  return present({
    id,
    name: fields.text('name') ?? '',
    kind: fields.text('kind'),
    level:
      level && (PLATFORM_LEVELS as readonly string[]).includes(level) ? (level as PlatformLevel) : undefined,
    host: fields.text('host'),
    coBuilders: fields.list('coBuilders'),
    founded: fields.text('founded'),
    lastActivity: activities.at(-1)?.on,
    activities,
    companies,
  });
}

export function achievementOf(id: string, statements: readonly Statement[]): AchievementRecord {
  const fields = new Fields(statements);
  const kind = fields.text('kind');
  const transfers = keyed(
    fields,
    'transfer',
    (value): Transfer | undefined => {
      const to = textIn(value, 'to');
      const how = textIn(value, 'how');
      if (!to || !how || !(TRANSFER_MODES as readonly string[]).includes(how)) return undefined;
      return present({ to, on: textIn(value, 'on'), how: how as TransferMode });
    },
    (t) => `${t.to} ${t.on ?? ''} ${t.how}`,
  ).sort(
    byDayThenText(
      (t) => t.on,
      (t) => `${t.to} ${t.how}`,
    ),
  );
  return present({
    id,
    name: fields.text('name') ?? '',
    kind:
      kind && (ACHIEVEMENT_KINDS as readonly string[]).includes(kind) ? (kind as AchievementKind) : undefined,
    owner: fields.text('owner'),
    field: fields.text('field'),
    transfers,
  });
}
