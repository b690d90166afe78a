/**
 * The knowledge base as the web app reads and corrects it: the dashboard's figures, a document
 * with its facts, an entity's page, and the review queue where a person's decision on an
 * extracted statement is recorded as a statement of their own.
 */

import { InvalidArgumentError, NotFoundError } from '../core/errors.js';
import type { ProjectRecord } from '../core/registry.js';
import { sentenceAround } from '../core/sentence-around.js';
import type { JsonValue, Statement } from '../core/statements.js';
import { UNKNOWN } from '../registry/totals.js';
import type { ReviewFilters } from '../store/browse.repository.js';
import type { Store } from '../store/open-store.js';
import { entityNames, eventViews } from './entity.service.js';
import { resolveIdentity } from './entity-identity.service.js';
import { listProjectStatuses } from './registry.service.js';
import { search } from './search.service.js';
import { readStats } from './stats.service.js';

export type FactKind = 'organization' | 'person' | 'place' | 'time' | 'money' | 'event';

export interface OriginView {
  kind: 'extracted' | 'manual' | 'import';
  documentId?: string;
  documentTitle?: string;
  span?: { start: number; end: number };
  sentence?: string;
  extractorVersion?: string;
  user?: string;
  file?: string;
  row?: number;
}

export interface StatementItem {
  id: string;
  entityId: string;
  entityName?: string;
  property: string;
  value: unknown;
  status: Statement['status'];
  origin: OriginView;
  created: string;
}

export type Decision =
  | { decision: 'accept' }
  | { decision: 'reject' }
  | { decision: 'correct'; value: unknown };

const PREVIEW = 10;

/**
 * Documents, entities, events by year and type, investment by district, frequent partners: all
 * from the summaries the writes keep, so the dashboard costs the same on any size of store; and
 * the registry's projects by category and status, read from the records as the registry reads them.
 */
export async function dashboard(store: Store) {
  const stats = await readStats(store);
  const eventsByYear = Object.entries(stats.events).flatMap(([type, years]) =>
    Object.entries(years).map(([year, count]) => ({ year, type, count })),
  );
  const partners = await store.stats.summary.topParticipants(PREVIEW);
  const places = await store.stats.summary.placeAmounts();
  const entities = new Map(
    (
      await store.entities.findMany([...partners.map((p) => p.entityId), ...places.map((p) => p.placeId)])
    ).map((e) => [e.id, e]),
  );
  const latest = await store.browse.latestDocuments(PREVIEW);
  return {
    documents: stats.documents,
    entitiesByType: stats.entities as Record<string, number>,
    eventsByYear,
    projectsByCategory: projectsByCategory(await listProjectStatuses(store.reading)),
    investmentByDistrict: places.map((p) => ({
      district: entities.get(p.placeId)?.key ?? p.placeId,
      yuan: p.yuan,
    })),
    topPartners: partners.map((p) => ({
      id: p.entityId,
      type: entities.get(p.entityId)?.type ?? 'organization',
      name: entities.get(p.entityId)?.key ?? p.entityId,
      events: p.events,
    })),
    latestDocuments: latest.map(documentSummary),
  };
}

/** The registry's projects by category and status: the same records, and sums, as the registry page. */
function projectsByCategory(projects: readonly ProjectRecord[]) {
  const counts = new Map<string, { category: string; status: string; count: number }>();
  for (const project of projects) {
    const category = project.category ?? UNKNOWN;
    const key = `${category}\u0000${project.status}`;
    const row = counts.get(key) ?? { category, status: project.status, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'zh'));
}

export function documentSummary(d: {
  id: string;
  title?: string;
  sourcePath: string;
  format: string;
  published?: string;
  ingestedAt: string;
  byteLength: number;
}) {
  return {
    id: d.id,
    title: d.title ?? d.sourcePath.split('/').at(-1) ?? d.id,
    format: d.format,
    ...(d.published ? { published: d.published } : {}),
    ingested: d.ingestedAt,
    bytes: d.byteLength,
  };
}

/** The key of each entity: its canonical name as the documents first gave it. */
async function entityKeys(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const entity of await store.entities.findMany(ids)) names.set(entity.id, entity.key);
  return names;
}

/** A document's text as read, with every fact found in it and where. */
export async function documentView(store: Store, id: string) {
  const document = await store.documents.find(id);
  if (!document) throw new NotFoundError(`没有这份文档：${id} (no such document)`);
  const text = (await store.documents.texts([id])).get(id) ?? '';
  const statements = await store.statements.fromDocument(id);
  const entities = new Map(
    (await store.entities.findMany([...new Set(statements.map((s) => s.entityId))])).map((e) => [e.id, e]),
  );
  const decided = await decisions(store, statements);
  const facts = [];
  for (const s of statements) {
    if (s.source.origin !== 'extracted') continue;
    const entity = entities.get(s.entityId);
    const kind = factKind(s, entity?.type);
    if (!kind) continue;
    facts.push({
      statementId: s.id,
      kind,
      span: s.source.span,
      label: factLabel(s, entity?.key),
      status: decided.get(s.id) ?? s.status,
    });
  }
  facts.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return { document: documentSummary(document), text, facts };
}

function factKind(s: Statement, type: string | undefined): FactKind | undefined {
  if (s.property === 'name' || s.property === 'alias') {
    return type === 'organization' || type === 'person' || type === 'place' ? type : undefined;
  }
  if (s.property === 'eventType') return 'event';
  if (s.property === 'date') return 'time';
  if (s.property === 'amount') return 'money';
  return undefined;
}

function factLabel(s: Statement, key: string | undefined): string {
  if (s.property === 'amount' && typeof s.value === 'object' && s.value !== null && 'text' in s.value) {
    return String((s.value as { text: unknown }).text);
  }
  if (s.property === 'eventType' || s.property === 'date') return String(s.value);
  return key ?? String(s.value);
}

/** The status a person gave to each extracted statement, from their decisions (latest wins). */
async function decisions(
  store: Store,
  statements: readonly Statement[],
): Promise<Map<string, Statement['status']>> {
  const manual = await store.statements.manualAbout([...new Set(statements.map((s) => s.entityId))]);
  const latest = new Map<string, Statement>();
  for (const m of manual) {
    const key = `${m.entityId}\u0000${m.property}\u0000${JSON.stringify(m.value)}`;
    const seen = latest.get(key);
    if (!seen || seen.created <= m.created) latest.set(key, m);
  }
  const out = new Map<string, Statement['status']>();
  for (const s of statements) {
    const m = latest.get(`${s.entityId}\u0000${s.property}\u0000${JSON.stringify(s.value)}`);
    if (m) out.set(s.id, m.status);
  }
  return out;
}

/** Items of an entity's page shown at once; the rest come page by page. */
export const ENTITY_PAGE_ITEMS = 20;
const RELATIONS = 30;

/**
 * An entity's page: its names and kind from the counts of their statements, the first page of
 * its statements and of its events, and the parties it meets most often in them. Every part is
 * a bounded read, however many statements and events the entity has.
 */
export async function entityPage(store: Store, asked: string, limit = ENTITY_PAGE_ITEMS) {
  if (!(await store.entities.find(asked))) throw new NotFoundError(`没有这个实体：${asked} (no such entity)`);
  // An entity merged into another is shown as the body it belongs to, with its members' facts.
  const { id, members, splitOff } = await resolveIdentity(store, asked);
  const entity = await store.entities.find(id);
  const summary = entity ? await store.stats.summary.entity(members) : undefined;
  if (!entity || !summary?.statements) throw new NotFoundError(`没有这个实体：${asked} (no such entity)`);
  const names = entityNames(entity.key, await store.stats.summary.entityValues(members));
  const related = await store.stats.summary.relations(members, RELATIONS);
  const parties = new Map(
    (await store.entities.findMany(related.map((r) => r.entityId))).map((e) => [e.id, e]),
  );
  return {
    entity: {
      id,
      type: entity.type,
      name: names.name,
      // Names split off to another body are that body's.
      aliases: names.aliases.filter((alias) => !splitOff.has(alias)),
      ...(names.kind ? { kind: names.kind } : {}),
      mentions: summary.statements,
    },
    statements: await entityStatements(store, id, limit, 0, { name: names.name, total: summary.statements }),
    events: await entityEvents(store, id, limit, 0, summary.events),
    relations: related.map(({ entityId, events }) => {
      const party = parties.get(entityId);
      return {
        entity: { id: entityId, type: party?.type ?? 'organization', name: party?.key ?? entityId },
        events,
      };
    }),
  };
}

/** A page of an entity's statements, latest first, each with its source. */
export async function entityStatements(
  store: Store,
  id: string,
  limit: number,
  offset: number,
  known?: { name: string; total: number },
) {
  const { id: canonical, members } = await resolveIdentity(store, id);
  const total = known?.total ?? (await store.stats.summary.entity(members)).statements;
  const name =
    known?.name ??
    entityNames(
      (await store.entities.find(canonical))?.key ?? canonical,
      await store.stats.summary.entityValues(members),
    ).name;
  const items = await statementItems(store, await store.browse.entityStatements(members, limit, offset));
  return { items: items.map((item) => ({ ...item, entityName: name })), total, offset };
}

/** A page of an entity's events, latest date first, undated last, each with its sentence. */
export async function entityEvents(store: Store, id: string, limit: number, offset: number, known?: number) {
  const { members } = await resolveIdentity(store, id);
  const total = known ?? (await store.stats.summary.entity(members)).events;
  const views = await eventViews(store, await store.stats.summary.entityEvents(members, limit, offset));
  return {
    items: views.map((e) => ({
      id: e.id,
      statementId: e.statementId,
      type: e.type,
      ...(e.date ? { date: e.date } : {}),
      participants: e.participants,
      objects: e.objects,
      evidence: e.origin.sentence ?? '',
      ...(e.origin.documentId ? { documentId: e.origin.documentId } : {}),
      ...(e.origin.span ? { span: e.origin.span } : {}),
      planned: e.planned,
    })),
    total,
    offset,
  };
}

/** Statements as the API shows them, with their entity's name and the sentence of their span. */
async function statementItems(store: Store, statements: readonly Statement[]): Promise<StatementItem[]> {
  const documentIds = [
    ...new Set(statements.flatMap((s) => (s.source.origin === 'extracted' ? [s.source.documentId] : []))),
  ];
  const texts = await store.documents.texts(documentIds);
  const documents = new Map((await store.documents.findMany(documentIds)).map((d) => [d.id, d]));
  const names = await entityKeys(store, [...new Set(statements.map((s) => s.entityId))]);
  return statements.map((s) => {
    const origin: OriginView = { kind: s.source.origin };
    if (s.source.origin === 'extracted') {
      const text = texts.get(s.source.documentId) ?? '';
      origin.documentId = s.source.documentId;
      const title = documents.get(s.source.documentId)?.title;
      if (title) origin.documentTitle = title;
      origin.span = s.source.span;
      origin.sentence = sentenceAround(text, s.source.span).text;
      origin.extractorVersion = s.source.extractorVersion;
    } else if (s.source.origin === 'manual') origin.user = s.source.author;
    else {
      origin.file = s.source.file;
      origin.row = s.source.row;
    }
    const item: StatementItem = {
      id: s.id,
      entityId: s.entityId,
      property: s.property,
      value: s.value,
      status: s.status,
      origin,
      created: s.created,
    };
    const name = names.get(s.entityId);
    if (name) item.entityName = name;
    return item;
  });
}

export async function reviewQueue(store: Store, filters: ReviewFilters, limit: number, offset: number) {
  const page = await store.browse.reviewQueue(filters, limit, offset);
  return { items: await statementItems(store, page.items), total: page.total };
}

/**
 * Records a person's decision on a statement: accepting or rejecting it is a statement of the
 * same entity, property and value with the person's name; a correction rejects the value and
 * states the right one. The extracted statement itself is never changed.
 */
export async function decide(store: Store, statementId: string, decision: Decision, author: string) {
  const statement = await store.browse.statement(statementId);
  if (!statement) throw new NotFoundError(`没有这条陈述：${statementId} (no such statement)`);
  const now = new Date().toISOString();
  const saved = await store.transaction(async (tx) => {
    const base = { entityId: statement.entityId, property: statement.property, author };
    const added: Statement[] = [];
    switch (decision.decision) {
      case 'accept':
        added.push(
          await tx.statements.addManual({ ...base, value: statement.value, status: 'accepted' }, now),
        );
        break;
      case 'reject':
        added.push(
          await tx.statements.addManual({ ...base, value: statement.value, status: 'rejected' }, now),
        );
        break;
      case 'correct': {
        if (decision.value === undefined || decision.value === null || decision.value === '') {
          throw new InvalidArgumentError('更正需要新的值 (a correction needs the right value)');
        }
        added.push(
          await tx.statements.addManual({ ...base, value: statement.value, status: 'rejected' }, now),
        );
        added.push(
          await tx.statements.addManual(
            { ...base, value: decision.value as JsonValue, status: 'accepted' },
            now,
          ),
        );
        break;
      }
    }
    await tx.stats.summary.statementsAdded(added);
    return added.at(-1) as Statement;
  });
  const [item] = await statementItems(store, [saved]);
  return item as StatementItem;
}

/** Entities by a name, a word of a name, or pinyin. */
export async function findEntities(store: Store, q: string, type: string | undefined, limit: number) {
  const result = await search(store, {
    q,
    kind: 'entity',
    ...(type ? { entityType: type } : {}),
    limit,
    offset: 0,
  });
  const entities = new Map(
    (await store.entities.findMany(result.hits.map((h) => h.id))).map((e) => [e.id, e]),
  );
  return {
    items: result.hits.map((h) => ({
      id: h.id,
      type: entities.get(h.id)?.type ?? 'organization',
      name: h.title,
    })),
  };
}
