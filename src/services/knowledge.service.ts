/**
 * The knowledge base as the web app reads and corrects it: the dashboard's figures, a document
 * with its facts, an entity's page, and the review queue where a person's decision on an
 * extracted statement is recorded as a statement of their own.
 */
import { InvalidArgumentError, NotFoundError } from '../core/errors.js';
import { sentenceAround } from '../core/sentence-around.js';
import type { JsonValue, Statement } from '../core/statements.js';
import type { ReviewFilters } from '../store/browse.repository.js';
import type { Store } from '../store/open-store.js';
import { describeEntity, type SourceView } from './entity.service.js';
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

/** Documents, entities, events by year and type, investment by district, frequent partners. */
export async function dashboard(store: Store) {
  const stats = await readStats(store);
  const eventsByYear = Object.entries(stats.events).flatMap(([type, years]) =>
    Object.entries(years).map(([year, count]) => ({ year, type, count })),
  );
  const partners = await store.browse.topParticipants(PREVIEW);
  const names = await entityNames(
    store,
    partners.map((p) => p.entityId),
  );
  const partnerEntities = new Map(
    (await store.entities.findMany(partners.map((p) => p.entityId))).map((e) => [e.id, e]),
  );
  const byPlace = new Map<string, number>();
  for (const { placeId, amount } of await store.browse.amountsByPlace()) {
    if (amount.currency !== 'CNY' || !(amount.value > 0)) continue;
    byPlace.set(placeId, (byPlace.get(placeId) ?? 0) + amount.value);
  }
  const placeNames = await entityNames(store, [...byPlace.keys()]);
  const latest = await store.browse.documents(PREVIEW, 0);
  return {
    documents: stats.documents,
    entitiesByType: stats.entities as Record<string, number>,
    eventsByYear,
    projectsByCategory: [] as Array<{ category: string; status: string; count: number }>,
    investmentByDistrict: [...byPlace]
      .map(([id, yuan]) => ({ district: placeNames.get(id) ?? id, yuan }))
      .sort((a, b) => b.yuan - a.yuan),
    topPartners: partners.map((p) => ({
      id: p.entityId,
      type: partnerEntities.get(p.entityId)?.type ?? 'organization',
      name: names.get(p.entityId) ?? p.entityId,
      events: p.events,
    })),
    latestDocuments: latest.items.map(documentSummary),
  };
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

/** The canonical name of each entity: its most frequent `name` statement, else its key. */
async function entityNames(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
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
  const manual = (await store.statements.about([...new Set(statements.map((s) => s.entityId))])).filter(
    (s) => s.source.origin === 'manual',
  );
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

/** An entity's page: names, statements with sources, its events and the parties it meets in them. */
export async function entityPage(store: Store, id: string) {
  if (!(await store.entities.find(id))) throw new NotFoundError(`没有这个实体：${id} (no such entity)`);
  const [report] = await describeEntity(store, id);
  if (!report) throw new NotFoundError(`没有这个实体：${id} (no such entity)`);
  const together = new Map<string, number>();
  for (const event of report.events) {
    for (const party of event.participantIds) {
      if (party !== id) together.set(party, (together.get(party) ?? 0) + 1);
    }
  }
  const partyEntities = new Map((await store.entities.findMany([...together.keys()])).map((e) => [e.id, e]));
  return {
    entity: {
      id: report.entity.id,
      type: report.entity.type,
      name: report.entity.name,
      aliases: report.entity.aliases,
      ...(report.entity.kind ? { kind: report.entity.kind } : {}),
    },
    statements: report.statements.map((s) => ({
      id: s.id,
      entityId: report.entity.id,
      entityName: report.entity.name,
      property: s.property,
      value: s.value,
      status: s.status,
      origin: originView(s.origin),
      created: s.created,
    })),
    events: report.events.flatMap((e) =>
      e.origin.documentId && e.origin.span
        ? [
            {
              statementId: e.id,
              type: e.type,
              ...(e.date ? { date: e.date } : {}),
              participants: e.participants,
              objects: e.objects,
              evidence: e.origin.sentence ?? '',
              documentId: e.origin.documentId,
              span: e.origin.span,
              planned: e.planned,
            },
          ]
        : [],
    ),
    relations: [...together]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([party, events]) => {
        const entity = partyEntities.get(party);
        return {
          entity: { id: party, type: entity?.type ?? 'organization', name: entity?.key ?? party },
          events,
        };
      }),
  };
}

function originView(source: SourceView): OriginView {
  const view: OriginView = { kind: source.kind };
  if (source.documentId) view.documentId = source.documentId;
  if (source.documentTitle) view.documentTitle = source.documentTitle;
  if (source.span) view.span = source.span;
  if (source.sentence) view.sentence = source.sentence;
  if (source.extractorVersion) view.extractorVersion = source.extractorVersion;
  if (source.user) view.user = source.user;
  if (source.file) view.file = source.file;
  if (source.row !== undefined) view.row = source.row;
  return view;
}

/** Statements as the API shows them, with their entity's name and the sentence of their span. */
async function statementItems(store: Store, statements: readonly Statement[]): Promise<StatementItem[]> {
  const documentIds = [
    ...new Set(statements.flatMap((s) => (s.source.origin === 'extracted' ? [s.source.documentId] : []))),
  ];
  const texts = await store.documents.texts(documentIds);
  const documents = new Map((await store.documents.findMany(documentIds)).map((d) => [d.id, d]));
  const names = await entityNames(store, [...new Set(statements.map((s) => s.entityId))]);
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
    switch (decision.decision) {
      case 'accept':
        return tx.statements.addManual({ ...base, value: statement.value, status: 'accepted' }, now);
      case 'reject':
        return tx.statements.addManual({ ...base, value: statement.value, status: 'rejected' }, now);
      case 'correct': {
        if (decision.value === undefined || decision.value === null || decision.value === '') {
          throw new InvalidArgumentError('更正需要新的值 (a correction needs the right value)');
        }
        await tx.statements.addManual({ ...base, value: statement.value, status: 'rejected' }, now);
        return tx.statements.addManual(
          { ...base, value: decision.value as JsonValue, status: 'accepted' },
          now,
        );
      }
    }
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
