/**
 * The cooperation registry on the knowledge base: records listed from their statements, and
 * written as statements — a person's (a form, a status move, a batch confirmed from an event)
 * or a spreadsheet row's. A field is written only when it says something new, so importing a
 * sheet twice, or an export of the registry, adds nothing.
 */
import { basename } from 'node:path';
import { CoopAtlasError, InvalidArgumentError, NotFoundError } from '../core/errors.js';
import { groupBy } from '../core/group-by.js';
import type {
  AchievementKind,
  AchievementRecord,
  Activity,
  AgreementRecord,
  BatchRecord,
  Commitment,
  Evidence,
  IncubatedCompany,
  PlatformLevel,
  PlatformRecord,
  ProjectRecord,
  ProjectStatus,
  RecordKind,
  StatusChange,
  Transfer,
} from '../core/registry.js';
import {
  entityId,
  identityName,
  type JsonValue,
  type NewStatement,
  type Statement,
  type StatementSource,
  statementId,
} from '../core/statements.js';
import {
  type AttentionItem,
  type AttentionSettings,
  attention,
  DEFAULT_ATTENTION,
} from '../registry/attention.js';
import { achievementOf, agreementOf, batchOf, platformOf, projectOf } from '../registry/fold-records.js';
import { statusChange } from '../registry/lifecycle.js';
import {
  type Cell,
  type ProjectRow,
  projectCells,
  projectHeader,
  readProjectRows,
} from '../registry/project-sheet.js';
import {
  achievementCells,
  agreementCells,
  platformCells,
  readRecordRows,
  recordHeader,
} from '../registry/record-sheets.js';
import { readSheet, type SheetFormat, writeSheet } from '../registry/sheet-files.js';
import { batchBreakdown } from '../registry/signing-batch.js';
import type { Repositories, Settled, Store } from '../store/open-store.js';

/** Who writes: a person by name, or a spreadsheet file's row. */
export type Writer = { author: string } | { file: string; row: number };

/** One field to write, and the sentence it was read from when a person confirms it from a document. */
export interface Fact {
  property: string;
  value: JsonValue;
  evidence?: Evidence;
}

const today = (now: string) => now.slice(0, 10);

async function recordsOf<T extends { name: string }>(
  db: Repositories,
  kind: RecordKind,
  fold: (id: string, statements: readonly Statement[]) => T,
  properties?: readonly string[],
): Promise<T[]> {
  const byEntity = groupBy(await db.statements.aboutType(kind, properties), (s) => s.entityId);
  return [...byEntity]
    .map(([id, statements]) => fold(id, statements))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

export const listProjects = (db: Repositories): Promise<ProjectRecord[]> =>
  recordsOf(db, 'project', projectOf);
/**
 * The projects with only their name, category and status read: what the dashboard counts, without
 * folding every other field of every project on each request.
 */
export const listProjectStatuses = (db: Repositories): Promise<ProjectRecord[]> =>
  recordsOf(db, 'project', projectOf, ['name', 'category', 'status']);
export const listBatches = (db: Repositories): Promise<BatchRecord[]> => recordsOf(db, 'batch', batchOf);
export const listAgreements = (db: Repositories): Promise<AgreementRecord[]> =>
  recordsOf(db, 'agreement', agreementOf);
export const listPlatforms = (db: Repositories): Promise<PlatformRecord[]> =>
  recordsOf(db, 'platform', platformOf);

export async function findProject(db: Repositories, id: string): Promise<ProjectRecord> {
  const entity = await db.entities.find(id);
  if (entity?.type !== 'project') throw new NotFoundError(`没有这个项目：${id} (no such project)`);
  return projectOf(id, await db.statements.about([id]));
}

/** Writes the facts about a record as statements of the writer, in the transaction given. */
export async function writeFacts(
  tx: Repositories,
  recordId: string,
  facts: readonly Fact[],
  writer: Writer,
  now: string,
) {
  if ('author' in writer) {
    for (const fact of facts) {
      await tx.statements.addManual(
        {
          entityId: recordId,
          property: fact.property,
          value: fact.value,
          author: writer.author,
          status: 'accepted',
          ...(fact.evidence ? { evidence: fact.evidence } : {}),
        },
        now,
      );
    }
    return;
  }
  const source: StatementSource = { origin: 'import', file: writer.file, row: writer.row };
  const statements = facts.map(
    (fact): NewStatement => ({
      id: statementId({ entityId: recordId, property: fact.property, value: fact.value, source }),
      entityId: recordId,
      property: fact.property,
      value: fact.value,
      source,
      status: 'accepted',
    }),
  );
  await tx.statements.insertMany(statements, now);
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of a row that differ from the project as it stands (all of them for a new project). */
function changedFacts(row: ProjectRow, current: ProjectRecord | undefined, now: string): Fact[] {
  const facts: Fact[] = [];
  const fields: Array<[keyof ProjectRow & keyof ProjectRecord, JsonValue | undefined]> = [
    ['name', row.name],
    ['category', row.category],
    ['parties', row.parties.length ? row.parties : undefined],
    ['zone', row.zone],
    ['investment', row.investment],
    ['expectedOutput', row.expectedOutput],
    ['actualOutput', row.actualOutput],
    ['signed', row.signed],
    ['batch', row.batch],
  ];
  for (const [property, value] of fields) {
    if (value === undefined) continue;
    const had = current?.[property] as JsonValue | undefined;
    if (!same(had, value)) facts.push({ property, value });
  }
  const status = row.status ?? (current ? undefined : 'signed');
  if (status !== undefined) {
    const on = row.statusDate ?? (status === 'signed' ? row.signed : undefined) ?? today(now);
    let change: StatusChange | undefined;
    if (!current) change = { status, on, ...(row.reason ? { override: row.reason } : {}) };
    else if (current.status !== status) change = statusChange(current.status, status, on, row.reason);
    if (change) facts.push({ property: 'status', value: { ...change } });
  }
  return facts;
}

export type SaveOutcome = 'added' | 'updated' | 'unchanged';

/** Creates or updates a project from the fields of a row or a form; a move out of order needs its reason. */
async function saveProjectIn(
  tx: Repositories,
  row: ProjectRow,
  writer: Writer,
  now: string,
  evidence?: Evidence,
) {
  const id = row.id ?? entityId('project', row.name);
  const entity = await tx.entities.find(id);
  if (entity && entity.type !== 'project')
    throw new InvalidArgumentError(`编号 ${id} 不是项目 (not a project)`);
  const current = entity ? projectOf(id, await tx.statements.about([id])) : undefined;
  const facts = changedFacts(row, current, now).map((fact) => (evidence ? { ...fact, evidence } : fact));
  if (!entity) await tx.entities.ensure([{ id, type: 'project', key: identityName(row.name) }], now);
  await writeFacts(tx, id, facts, writer, now);
  const outcome: SaveOutcome = !current ? 'added' : facts.length ? 'updated' : 'unchanged';
  return { id, outcome };
}

/** Saves a project from a person's form; `evidence` is the sentence its fields were confirmed from. */
export async function saveProject(
  store: Store,
  row: ProjectRow,
  author: string,
  now = new Date().toISOString(),
  evidence?: Evidence,
): Promise<{ project: ProjectRecord; outcome: SaveOutcome }> {
  return store.transaction(async (tx) => {
    const { id, outcome } = await saveProjectIn(tx, row, { author }, now, evidence);
    return { project: await findProject(tx, id), outcome };
  });
}

/** Moves a project to a status; out of the lifecycle's order only with a reason, which is kept. */
export async function moveProject(
  store: Store,
  move: { id: string; to: ProjectStatus; on?: string; reason?: string },
  author: string,
  now = new Date().toISOString(),
): Promise<ProjectRecord> {
  return store.transaction(async (tx) => {
    const project = await findProject(tx, move.id);
    const change = statusChange(project.status, move.to, move.on ?? today(now), move.reason);
    await writeFacts(tx, move.id, [{ property: 'status', value: { ...change } }], { author }, now);
    return findProject(tx, move.id);
  });
}

export interface SheetLine {
  line: number;
  outcome: SaveOutcome | 'failed';
  id?: string;
  reason?: string;
}

export interface SheetImport {
  file: string;
  lines: SheetLine[];
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/**
 * Imports a project spreadsheet (`.xlsx` or `.csv`): each good row stored in its own savepoint,
 * each bad one reported with its line and reason; one never stops the others.
 * @throws CoopAtlasError `SHEET_INVALID` (or a decoding error) when the file is no spreadsheet at all.
 */
export async function importProjects(
  store: Store,
  bytes: Uint8Array,
  path: string,
  now = new Date().toISOString(),
): Promise<SheetImport> {
  const rows = await readSheet(bytes, path);
  let results: ReturnType<typeof readProjectRows>;
  try {
    results = readProjectRows(rows);
  } catch (error) {
    throw new CoopAtlasError('SHEET_INVALID', `${path}: ${(error as Error).message}`);
  }
  const file = basename(path);
  return settleLines(
    results,
    await store.transactionOfEach(
      results.flatMap((result) =>
        result.ok
          ? [(tx: Repositories) => saveProjectIn(tx, result.row, { file, row: result.line }, now)]
          : [],
      ),
    ),
    path,
  );
}

/** Each line's outcome: its row's check, then its savepoint's (given in the order of the good rows). */
export function settleLines(
  results: ReadonlyArray<{ line: number; ok: true } | { line: number; ok: false; reason: string }>,
  saved: ReadonlyArray<Settled<{ id: string; outcome: SaveOutcome }>>,
  path: string,
): SheetImport {
  let next = 0;
  const lines = results.map((result): SheetLine => {
    if (!result.ok) return { line: result.line, outcome: 'failed', reason: result.reason };
    const settled = saved[next++];
    if (settled?.ok) return { line: result.line, outcome: settled.value.outcome, id: settled.value.id };
    const error = settled?.error;
    return {
      line: result.line,
      outcome: 'failed',
      reason: error instanceof Error ? error.message : String(error),
    };
  });
  const count = (outcome: SheetLine['outcome']) => lines.filter((l) => l.outcome === outcome).length;
  return {
    file: path,
    lines,
    added: count('added'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    failed: count('failed'),
  };
}

/** The projects in the spreadsheet's columns, in name order: what {@link importProjects} reads back. */
export async function exportProjects(db: Repositories, format: SheetFormat): Promise<Buffer> {
  const rows: Cell[][] = [projectHeader(), ...(await listProjects(db)).map(projectCells)];
  return writeSheet(rows, format, '项目');
}

/** An empty spreadsheet with the columns and one example row, to fill in. */
export function projectTemplate(format: SheetFormat): Promise<Buffer> {
  const example: ProjectRecord = {
    id: '',
    name: '示例：某某联合实验室（导入前请删除本行）',
    category: '联合实验室',
    parties: ['某某研究院', '某某区人民政府'],
    zone: '某某高新区',
    investment: 50_000_000,
    expectedOutput: 200_000_000,
    status: 'signed',
    history: [{ status: 'signed', on: '2024-01-15' }],
    signed: '2024-01-15',
  };
  return writeSheet(
    [projectHeader(), projectCells(example).map((cell, i) => (i === 0 ? null : cell))],
    format,
    '项目',
  );
}

/** The name a body or place goes by: its latest name statement. */
async function namesOf(db: Repositories, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const s of await db.statements.about(ids)) {
    if (s.property === 'name' && typeof s.value === 'string') names.set(s.entityId, s.value);
  }
  return names;
}

/** An event's statements, its type statement (extracted from a document), and the names of those taking part. */
async function eventFacts(db: Repositories, eventId: string) {
  const statements = await db.statements.about([eventId]);
  const typeStatement = statements.find((s) => s.property === 'eventType');
  if (typeStatement?.source.origin !== 'extracted') {
    throw new NotFoundError(`没有这个事件：${eventId} (no such event)`);
  }
  const one = (property: string) => statements.find((s) => s.property === property);
  const participants = statements.filter((s) => s.property === 'participant').map((s) => String(s.value));
  const placeId = one('place')?.value;
  const names = await namesOf(db, [...participants, ...(typeof placeId === 'string' ? [placeId] : [])]);
  const date = one('date')?.value;
  return {
    statements,
    type: typeStatement.value,
    source: typeStatement.source,
    one,
    parties: [...new Set(participants.map((id) => names.get(id)).filter((n): n is string => !!n))],
    place: typeof placeId === 'string' ? names.get(placeId) : undefined,
    date: typeof date === 'string' ? date : undefined,
  };
}

/** The day of an event's date when it names one (`2020-12-15`), not a month or a span. */
const dayOf = (date: string | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined);

/**
 * A project as a signing event tells it, for a person to check and save: its object as the
 * name, those taking part, the place, the day and the amount of its sentence.
 */
export async function projectDraftFromEvent(
  db: Repositories,
  eventId: string,
): Promise<ProjectRow & { evidence: Evidence }> {
  const event = await eventFacts(db, eventId);
  const object = event.one('object')?.value;
  const amount = event.one('amount')?.value;
  const yuan =
    amount && typeof amount === 'object' && !Array.isArray(amount) && typeof amount.value === 'number'
      ? amount.value
      : undefined;
  const signed = dayOf(event.date);
  // A batch's amount is not one project's: the person fills the project's own.
  const count = event.one('count')?.value;
  const many =
    typeof count === 'object' && count !== null && !Array.isArray(count) && Number(count.value) > 1;
  return {
    name: typeof object === 'string' ? object : `${event.parties.join('、')}合作项目`,
    parties: event.parties,
    ...(event.place ? { zone: event.place } : {}),
    ...(yuan !== undefined && !many ? { investment: yuan } : {}),
    ...(signed ? { signed } : {}),
    status: 'signed',
    evidence: { documentId: event.source.documentId, span: event.source.span },
  };
}

/**
 * Makes the signing batch a signing event reports: its parties, place and date, its number of
 * projects by category and its investment, each figure citing the sentence it was read from.
 * A person confirms it; making it again from the same event gives the same batch.
 */
export async function batchFromEvent(
  store: Store,
  eventId: string,
  author: string,
  now = new Date().toISOString(),
): Promise<BatchRecord> {
  const event = await eventFacts(store, eventId);
  if (event.type !== 'project_signing' && event.type !== 'agreement_signing') {
    throw new InvalidArgumentError(`事件 ${eventId} 不是签约事件 (not a signing event)`);
  }
  const { one, parties, place } = event;
  const { documentId, span } = event.source;
  const content = await store.documents.content(documentId);
  if (!content)
    throw new NotFoundError(`事件的文档不在库中：${documentId} (the event's document is missing)`);
  const at = (s: Statement): Evidence | undefined =>
    s.source.origin === 'extracted' ? { documentId, span: s.source.span } : undefined;
  const count = one('count');
  const countValue =
    count && typeof count.value === 'object' && count.value !== null && !Array.isArray(count.value)
      ? count.value
      : undefined;
  const countEvidence = count ? at(count) : undefined;
  const breakdown = batchBreakdown(content.text, {
    span,
    ...(countValue && typeof countValue.value === 'number' && countEvidence
      ? { count: { value: countValue.value, span: countEvidence.span } }
      : {}),
  });
  const date = event.date;
  const amount = one('amount');
  const total = breakdown.projects?.count;
  const name = `${place ?? parties[0] ?? '签约'}${typeof date === 'string' ? ` ${date} ` : ''}签约批次${total ? `（${total}个项目）` : ''}`;

  const facts: Fact[] = [
    { property: 'name', value: name },
    { property: 'event', value: eventId },
    { property: 'parties', value: parties },
  ];
  if (place) facts.push({ property: 'place', value: place });
  if (typeof date === 'string') facts.push({ property: 'signed', value: date });
  if (breakdown.projects) {
    facts.push({
      property: 'projects',
      value: breakdown.projects.count,
      evidence: { documentId, span: breakdown.projects.span },
    });
  }
  for (const c of breakdown.categories) {
    facts.push({
      property: 'category',
      value: { category: c.category, count: c.count },
      evidence: { documentId, span: c.span },
    });
  }
  const money = amount?.value;
  if (
    amount &&
    money &&
    typeof money === 'object' &&
    !Array.isArray(money) &&
    typeof money.value === 'number'
  ) {
    const evidence = at(amount);
    facts.push({
      property: 'investment',
      value: {
        yuan: money.value,
        qualifier: String(money.qualifier ?? 'exact'),
        text: String(money.text ?? ''),
      },
      ...(evidence ? { evidence } : {}),
    });
  }
  const id = entityId('batch', eventId);
  return store.transaction(async (tx) => {
    const existing = await tx.entities.find(id);
    const told = existing ? await tx.statements.about([id]) : [];
    const had = new Set(told.map((s) => `${s.property} ${JSON.stringify(s.value)}`));
    const fresh = facts.filter((f) => !had.has(`${f.property} ${JSON.stringify(f.value)}`));
    if (!existing) await tx.entities.ensure([{ id, type: 'batch', key: eventId }], now);
    await writeFacts(tx, id, fresh, { author }, now);
    return batchOf(id, await tx.statements.about([id]));
  });
}

/** An item needing attention, with the last thing the registry was told about its record. */
export interface AttentionEntry extends AttentionItem {
  lastSource?: { source: StatementSource; recorded: string };
}

/** What needs attention on `day`, the longest-waiting first, each with its record's last source. */
export async function attentionList(
  db: Repositories,
  day: string,
  settings: AttentionSettings = DEFAULT_ATTENTION,
): Promise<AttentionEntry[]> {
  const projects = await listProjects(db);
  const agreements = await listAgreements(db);
  const platforms = await listPlatforms(db);
  const items = attention({ projects, agreements, platforms }, day, settings);
  const latest = new Map<string, Statement>();
  for (const s of await db.statements.about([...new Set(items.map((i) => i.recordId))]))
    latest.set(s.entityId, s);
  return items.map((item) => {
    const last = latest.get(item.recordId);
    return last ? { ...item, lastSource: { source: last.source, recorded: last.created } } : item;
  });
}

// ---- Agreements, platforms and achievements: a form's fields, and items added one at a time.

export interface AgreementInput {
  id?: string;
  name: string;
  parties?: string[];
  signed?: string;
  place?: string;
  fields?: string[];
}

export interface PlatformInput {
  id?: string;
  name: string;
  kind?: string;
  level?: PlatformLevel;
  host?: string;
  coBuilders?: string[];
  founded?: string;
}

export interface AchievementInput {
  id?: string;
  name: string;
  kind?: AchievementKind;
  owner?: string;
  field?: string;
}

interface RecordKinds {
  agreement: { input: AgreementInput; record: AgreementRecord };
  platform: { input: PlatformInput; record: PlatformRecord };
  achievement: { input: AchievementInput; record: AchievementRecord };
}

type FormKind = keyof RecordKinds;

const FOLDS: { [K in FormKind]: (id: string, statements: readonly Statement[]) => RecordKinds[K]['record'] } =
  {
    agreement: agreementOf,
    platform: platformOf,
    achievement: achievementOf,
  };

/** The items a record gathers one statement at a time. */
export type RecordItem =
  | { kind: 'agreement'; property: 'commitment'; value: Commitment }
  | { kind: 'platform'; property: 'activity'; value: Activity }
  | { kind: 'platform'; property: 'company'; value: IncubatedCompany }
  | { kind: 'achievement'; property: 'transfer'; value: Transfer };

export const listAchievements = (db: Repositories): Promise<AchievementRecord[]> =>
  recordsOf(db, 'achievement', achievementOf);

export async function findRecord<K extends FormKind>(
  db: Repositories,
  kind: K,
  id: string,
): Promise<RecordKinds[K]['record']> {
  const entity = await db.entities.find(id);
  if (entity?.type !== kind) throw new NotFoundError(`没有这条登记：${id} (no such ${kind})`);
  return FOLDS[kind](id, await db.statements.about([id]));
}

/**
 * Creates or updates an agreement, platform or achievement from a form: the fields given that
 * differ from the record as it stands become the person's statements, citing `evidence` when
 * the form was filled from a document.
 */
export async function saveRecord<K extends FormKind>(
  store: Store,
  kind: K,
  input: RecordKinds[K]['input'],
  author: string,
  now = new Date().toISOString(),
  evidence?: Evidence,
): Promise<{ record: RecordKinds[K]['record']; outcome: SaveOutcome }> {
  return store.transaction(async (tx) => {
    const { id, outcome } = await saveRecordIn(tx, kind, input, [], { author }, now, evidence);
    return { record: await findRecord(tx, kind, id), outcome };
  });
}

/** A record's fields and items written in the transaction given: only what differs from the record as it stands. */
async function saveRecordIn<K extends FormKind>(
  tx: Repositories,
  kind: K,
  input: RecordKinds[K]['input'],
  items: ReadonlyArray<{ property: string; value: JsonValue }>,
  writer: Writer,
  now: string,
  evidence?: Evidence,
): Promise<{ id: string; outcome: SaveOutcome }> {
  const { id: given, ...fields } = input;
  const id = given ?? entityId(kind, input.name);
  const entity = await tx.entities.find(id);
  if (entity && entity.type !== kind)
    throw new InvalidArgumentError(`编号 ${id} 不是${kind} (not a ${kind})`);
  const current = entity
    ? (FOLDS[kind](id, await tx.statements.about([id])) as unknown as Record<string, JsonValue>)
    : undefined;
  const had = new Set(
    Object.values(current ?? {})
      .filter(Array.isArray)
      .flat()
      .map((item) => JSON.stringify(item)),
  );
  const facts: Fact[] = [
    ...Object.entries(fields)
      .filter(([property, value]) => value !== undefined && !same(current?.[property], value as JsonValue))
      .map(([property, value]) => ({ property, value: value as JsonValue })),
    ...items.filter((item) => !had.has(JSON.stringify(item.value))),
  ].map((fact) => (evidence ? { ...fact, evidence } : fact));
  if (!entity) await tx.entities.ensure([{ id, type: kind, key: identityName(input.name) }], now);
  await writeFacts(tx, id, facts, writer, now);
  return { id, outcome: !current ? 'added' : facts.length ? 'updated' : 'unchanged' };
}

const ITEM_PROPERTIES: Readonly<Record<FormKind, Readonly<Record<string, string>>>> = {
  agreement: { commitments: 'commitment' },
  platform: { activities: 'activity', companies: 'company' },
  achievement: { transfers: 'transfer' },
};

/** The columns a record has that are folded from its other statements, not written as fields. */
const DERIVED = new Set(['lastActivity']);

/**
 * Imports a spreadsheet of agreements, platforms or achievements (`.xlsx` or `.csv`), each good
 * row in its own savepoint, each bad one reported with its line and reason.
 */
export async function importRecords(
  store: Store,
  kind: FormKind,
  bytes: Uint8Array,
  path: string,
  now = new Date().toISOString(),
): Promise<SheetImport> {
  const rows = await readSheet(bytes, path);
  let results: ReturnType<typeof readRecordRows>;
  try {
    results = readRecordRows(kind, rows);
  } catch (error) {
    throw new CoopAtlasError('SHEET_INVALID', `${path}: ${(error as Error).message}`);
  }
  const file = basename(path);
  const itemsOf = ITEM_PROPERTIES[kind];
  return settleLines(
    results,
    await store.transactionOfEach(
      results.flatMap((result) => {
        if (!result.ok) return [];
        const record = result.row.row as unknown as Record<string, JsonValue>;
        const fields: Record<string, JsonValue> = {};
        const items: Array<{ property: string; value: JsonValue }> = [];
        for (const [key, value] of Object.entries(record)) {
          const property = itemsOf[key];
          if (property && Array.isArray(value))
            for (const item of value) items.push({ property, value: item });
          else if (!DERIVED.has(key) && !(Array.isArray(value) && value.length === 0)) fields[key] = value;
        }
        const input = fields as unknown as RecordKinds[typeof kind]['input'];
        return [(tx: Repositories) => saveRecordIn(tx, kind, input, items, { file, row: result.line }, now)];
      }),
    ),
    path,
  );
}

/** The records of a kind in their spreadsheet's columns, in name order: what {@link importRecords} reads back. */
export async function exportRecords(db: Repositories, kind: FormKind, format: SheetFormat): Promise<Buffer> {
  const body: Cell[][] =
    kind === 'agreement'
      ? (await listAgreements(db)).map(agreementCells)
      : kind === 'platform'
        ? (await listPlatforms(db)).map(platformCells)
        : (await listAchievements(db)).map(achievementCells);
  return writeSheet([recordHeader(kind), ...body], format, SHEET_NAMES[kind]);
}

const SHEET_NAMES: Readonly<Record<FormKind, string>> = {
  agreement: '协议',
  platform: '平台',
  achievement: '成果',
};

/** An empty spreadsheet of a kind of record, with its columns, to fill in. */
export function recordTemplate(kind: FormKind, format: SheetFormat): Promise<Buffer> {
  return writeSheet([recordHeader(kind)], format, SHEET_NAMES[kind]);
}

/** Adds a commitment, an activity, an incubated company or a transfer to its record. */
export async function addRecordItem<I extends RecordItem>(
  store: Store,
  id: string,
  item: I,
  author: string,
  now = new Date().toISOString(),
): Promise<RecordKinds[I['kind']]['record']> {
  return store.transaction(async (tx) => {
    await findRecord(tx, item.kind, id);
    await writeFacts(
      tx,
      id,
      [{ property: item.property, value: { ...item.value } as JsonValue }],
      { author },
      now,
    );
    return findRecord(tx, item.kind as I['kind'], id);
  });
}

/** An agreement as a signing event tells it — its parties, place and day — for a person to check and save. */
export async function agreementDraftFromEvent(
  db: Repositories,
  eventId: string,
): Promise<AgreementInput & { evidence: Evidence }> {
  const event = await eventFacts(db, eventId);
  const object = event.one('object')?.value;
  // A day, a month or a year; a span of years is not one signing.
  const signed = event.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(event.date) ? event.date : undefined;
  return {
    name:
      typeof object === 'string' && /协议|合同|备忘录|意向书/.test(object)
        ? object
        : `${event.parties.join('、')}合作协议`,
    parties: event.parties,
    ...(event.place ? { place: event.place } : {}),
    ...(signed ? { signed } : {}),
    evidence: { documentId: event.source.documentId, span: event.source.span },
  };
}

/** Kinds of platform, by the end of their names: 大数据与智能计算重庆市重点实验室 is a 重点实验室. */
const PLATFORM_KINDS = [
  '重点实验室',
  '工程技术研究中心',
  '协同创新中心',
  '联合实验室',
  '实验室',
  '研究院',
  '研究所',
  '研究中心',
  '产业园',
  '园区',
  '联盟',
  '孵化器',
  '众创空间',
  '智库',
  '基地',
  '中心',
];

/**
 * A platform as a founding event tells it — its name, co-builders, day and place — for a person
 * to check and save.
 */
export async function platformDraftFromEvent(
  db: Repositories,
  eventId: string,
): Promise<PlatformInput & { evidence: Evidence }> {
  const event = await eventFacts(db, eventId);
  const objects = event.statements.filter((s) => s.property === 'object').map((s) => String(s.value));
  const name = objects.find((o) => PLATFORM_KINDS.some((k) => o.endsWith(k))) ?? objects[0];
  if (!name)
    throw new InvalidArgumentError(`事件 ${eventId} 没有说明成立的是什么 (the event names nothing founded)`);
  const founded = event.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(event.date) ? event.date : undefined;
  const kind = PLATFORM_KINDS.find((k) => name.endsWith(k));
  return {
    name,
    coBuilders: event.parties.filter((party) => party !== name),
    ...(kind ? { kind } : {}),
    ...(event.place ? { host: event.place } : {}),
    ...(founded ? { founded } : {}),
    evidence: { documentId: event.source.documentId, span: event.source.span },
  };
}
