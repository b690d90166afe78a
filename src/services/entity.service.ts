/**
 * One entity as people read it: its names and properties from all its statements, each with its
 * source (the document and the sentence the span lies in, or the person, or the file's row), and
 * the events it takes part in, each with its sentence.
 */
import { NotFoundError } from '../core/errors.js';
import { sentenceAround } from '../core/sentence-around.js';
import type { JsonValue, KnowledgeEntityType, Statement, StatementOrigin } from '../core/statements.js';
import type { Span } from '../core/types.js';
import type { DocumentRecord } from '../store/document.repository.js';
import type { Store } from '../store/open-store.js';

export interface SourceView {
  kind: StatementOrigin;
  documentId?: string;
  documentTitle?: string;
  documentPath?: string;
  published?: string;
  span?: Span;
  /** The text of the span itself. */
  quote?: string;
  /** The sentence the span lies in. */
  sentence?: string;
  extractorVersion?: string;
  user?: string;
  file?: string;
  row?: number;
}

export interface StatementView {
  id: string;
  property: string;
  value: JsonValue;
  status: Statement['status'];
  created: string;
  origin: SourceView;
}

export interface EventView {
  id: string;
  type: string;
  date?: string;
  trigger?: string;
  /** Canonical names of the parties, with their ids in `participantIds`. */
  participants: string[];
  participantIds: string[];
  objects: string[];
  place?: string;
  planned: boolean;
  amounts: JsonValue[];
  counts: JsonValue[];
  /** Where the event is told: its document and sentence. */
  origin: SourceView;
}

export interface EntityReport {
  entity: {
    id: string;
    type: KnowledgeEntityType;
    name: string;
    aliases: string[];
    kind?: string;
    title?: string;
    level?: string;
    code?: string;
  };
  statements: StatementView[];
  events: EventView[];
}

/** Looks up documents and their texts once for many statements. */
class Sources {
  private readonly documents = new Map<string, DocumentRecord>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async load(statements: readonly Statement[]): Promise<void> {
    const ids = [
      ...new Set(statements.flatMap((s) => (s.source.origin === 'extracted' ? [s.source.documentId] : []))),
    ].filter((id) => !this.documents.has(id));
    for (const document of await this.store.documents.findMany(ids))
      this.documents.set(document.id, document);
    for (const [id, text] of await this.store.documents.texts(ids)) this.texts.set(id, text);
  }

  view(statement: Statement): SourceView {
    const { source } = statement;
    switch (source.origin) {
      case 'manual':
        return { kind: 'manual', user: source.author };
      case 'import':
        return { kind: 'import', file: source.file, row: source.row };
      case 'extracted': {
        const document = this.documents.get(source.documentId);
        const text = this.texts.get(source.documentId) ?? '';
        const view: SourceView = {
          kind: 'extracted',
          documentId: source.documentId,
          span: source.span,
          quote: text.slice(source.span.start, source.span.end),
          sentence: sentenceAround(text, source.span).text,
          extractorVersion: source.extractorVersion,
        };
        if (document?.title) view.documentTitle = document.title;
        if (document) view.documentPath = document.sourcePath;
        if (document?.published) view.published = document.published;
        return view;
      }
    }
  }
}

const asText = (value: JsonValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The value most statements give (ties: the first given), for single-valued properties. */
function mostStated(statements: readonly Statement[], property: string): string | undefined {
  const counts = new Map<string, number>();
  for (const s of statements) {
    const value = s.property === property && s.status !== 'rejected' ? asText(s.value) : undefined;
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [value, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Oldest first; one time's statements by document, by place in it, by property. */
function inReadingOrder(a: StatementView, b: StatementView): number {
  const keys = (s: StatementView) =>
    [
      s.created,
      s.origin.documentPath ?? '',
      String(s.origin.span?.start ?? 0).padStart(12, '0'),
      s.property,
      s.id,
    ] as const;
  const x = keys(a);
  const y = keys(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? '') < (y[i] ?? '') ? -1 : 1;
  return 0;
}

function byDate(a: EventView, b: EventView): number {
  const x = a.date ?? '9999';
  const y = b.date ?? '9999';
  if (x !== y) return x < y ? -1 : 1;
  return (a.origin.span?.start ?? 0) - (b.origin.span?.start ?? 0);
}

async function eventsOf(store: Store, sources: Sources, entityId: string): Promise<EventView[]> {
  const references = await store.statements.referring(entityId);
  const eventIds = [...new Set(references.map((s) => s.entityId))];
  const statements = await store.statements.about(eventIds);
  await sources.load(statements);
  const partyIds = [
    ...new Set(
      statements
        .filter((s) => s.property === 'participant' || s.property === 'place')
        .map((s) => String(s.value)),
    ),
  ];
  const names = new Map((await store.entities.findMany(partyIds)).map((e) => [e.id, e.key]));
  const events: EventView[] = [];
  for (const id of eventIds) {
    const own = statements.filter((s) => s.entityId === id);
    const values = (property: string) => own.filter((s) => s.property === property).map((s) => s.value);
    const typed = own.find((s) => s.property === 'eventType');
    if (!typed) continue;
    const participantIds = [...new Set(values('participant').map(String))];
    const place = asText(values('place')[0]);
    const date = asText(values('date')[0]);
    const trigger = asText(values('trigger')[0]);
    const event: EventView = {
      id,
      type: String(typed.value),
      ...(date ? { date } : {}),
      ...(trigger ? { trigger } : {}),
      participants: participantIds.map((p) => names.get(p) ?? p),
      participantIds,
      objects: [...new Set(values('object').map(String))],
      ...(place ? { place: names.get(place) ?? place } : {}),
      planned: values('planned').includes(true),
      amounts: values('amount'),
      counts: values('count'),
      origin: sources.view(typed),
    };
    events.push(event);
  }
  return events.sort(byDate);
}

/**
 * Every entity named or aliased `name` (or with that id), with all its statements and their
 * sources, and its events.
 *
 * @example
 * const [cas] = await describeEntity(store, '中科院');
 * cas.entity.name;    // '中国科学院'
 * cas.events[0].origin.sentence; // '2016年4月21日，中科院与重庆市签署了《…全面科技合作协议》；…'
 * @throws NotFoundError when no entity has that name.
 */
export async function describeEntity(store: Store, name: string): Promise<EntityReport[]> {
  const query = name.trim();
  const ids = new Set(await store.entities.idsNamed(query));
  const byId = await store.entities.find(query);
  if (byId) ids.add(byId.id);
  const entities = (await store.entities.findMany([...ids])).sort((a, b) => (a.id < b.id ? -1 : 1));
  const sources = new Sources(store);
  const reports: EntityReport[] = [];
  for (const entity of entities) {
    const statements = await store.statements.about([entity.id]);
    if (statements.length === 0) continue;
    await sources.load(statements);
    const canonical = mostStated(statements, 'name') ?? entity.key;
    const aliases = [
      ...new Set(
        statements
          .filter((s) => (s.property === 'alias' || s.property === 'name') && s.status !== 'rejected')
          .map((s) => asText(s.value))
          .filter((v): v is string => v !== undefined && v !== canonical),
      ),
    ].sort();
    const report: EntityReport = {
      entity: { id: entity.id, type: entity.type, name: canonical, aliases },
      statements: statements
        .map(
          (s): StatementView => ({
            id: s.id,
            property: s.property,
            value: s.value,
            status: s.status,
            created: s.created,
            origin: sources.view(s),
          }),
        )
        .sort(inReadingOrder),
      events: await eventsOf(store, sources, entity.id),
    };
    for (const property of ['kind', 'title', 'level', 'code'] as const) {
      const value = mostStated(statements, property);
      if (value !== undefined) report.entity[property] = value;
    }
    reports.push(report);
  }
  if (reports.length === 0) {
    throw new NotFoundError(`知识库中没有名为“${query}”的实体 (no entity named "${query}" in the store)`);
  }
  return reports;
}
