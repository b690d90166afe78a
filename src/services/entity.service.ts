/**
 * One entity as people read it: its names and properties from all its statements, each with its
 * source (the document and the sentence the span lies in, or the person, or the file's row), and
 * the events it takes part in, each with its sentence.
 */
import { NotFoundError } from '../core/errors.js';
import { sentenceAround } from '../core/sentence-around.js';
import type {
  JsonValue,
  Statement,
  StatementOrigin,
  StatementStatus,
  StoredEntityType,
} from '../core/statements.js';
import type { Span } from '../core/types.js';
import type { DocumentRecord } from '../store/document.repository.js';
import type { Store } from '../store/open-store.js';
import {
  type Identity,
  referencesToIdentity,
  resolveIdentity,
  statementsOfIdentity,
} from './entity-identity.service.js';

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
  /** The statement that gives its type: an extracted one when there is one. */
  statementId: string;
  /** That statement's review status. */
  status: StatementStatus;
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
    type: StoredEntityType;
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

/** The value given by most statements; ties go to the value first in code-point order, so any ingest order gives the same. */
function preferred(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) best = value;
  }
  return best;
}

export interface EntityNames {
  name: string;
  aliases: string[];
  kind?: string;
  title?: string;
  level?: string;
  code?: string;
}

/**
 * An entity's canonical name (the name most statements give, else its key), its other names
 * and aliases, and its single-valued properties, from the values its statements not rejected
 * give, with how many statements give each.
 *
 * @example entityNames('中国科学院', [{ property: 'alias', value: '"中科院"', statements: 3 }]) // { name: '中国科学院', aliases: ['中科院'] }
 */
export function entityNames(
  key: string,
  values: ReadonlyArray<{ property: string; value: string; statements: number }>,
): EntityNames {
  const by = (property: string) => {
    const counts = new Map<string, number>();
    for (const v of values) {
      const text =
        v.property === property && v.statements > 0 ? asText(JSON.parse(v.value) as JsonValue) : undefined;
      if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + v.statements);
    }
    return counts;
  };
  const names = by('name');
  const name = preferred(names) ?? key;
  const aliases = [...new Set([...names.keys(), ...by('alias').keys()])].filter((v) => v !== name).sort();
  const out: EntityNames = { name, aliases };
  for (const property of ['kind', 'title', 'level', 'code'] as const) {
    const value = preferred(by(property));
    if (value !== undefined) out[property] = value;
  }
  return out;
}

/** The values of non-rejected statements of the name properties, counted as the summaries count them. */
function valueCounts(statements: readonly Statement[]) {
  const counts = new Map<string, { property: string; value: string; statements: number }>();
  for (const s of statements) {
    if (s.status === 'rejected') continue;
    const value = JSON.stringify(s.value);
    const k = `${s.property}\u0000${value}`;
    const entry = counts.get(k) ?? { property: s.property, value, statements: 0 };
    entry.statements++;
    counts.set(k, entry);
  }
  return [...counts.values()];
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

/**
 * The events of these ids, in the order given, each with its parties' names and the sentence it
 * is told in; ids that are not typed events are left out. Its date is the earliest it is given.
 */
export async function eventViews(
  store: Store,
  eventIds: readonly string[],
  sources = new Sources(store),
): Promise<EventView[]> {
  const statements = await store.statements.about(eventIds);
  const byEvent = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = byEvent.get(s.entityId) ?? [];
    list.push(s);
    byEvent.set(s.entityId, list);
  }
  const typedOf = (own: readonly Statement[]) => {
    const typed = own.filter((s) => s.property === 'eventType');
    return typed.find((s) => s.source.origin === 'extracted') ?? typed[0];
  };
  await sources.load(eventIds.flatMap((id) => typedOf(byEvent.get(id) ?? []) ?? []));
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
    const own = byEvent.get(id) ?? [];
    const values = (property: string) => own.filter((s) => s.property === property).map((s) => s.value);
    const typed = typedOf(own);
    if (!typed) continue;
    const participantIds = [...new Set(values('participant').map(String))];
    const place = asText(values('place')[0]);
    const date = values('date')
      .map(asText)
      .filter((d): d is string => d !== undefined)
      .sort()[0];
    const trigger = asText(values('trigger')[0]);
    events.push({
      id,
      statementId: typed.id,
      status: typed.status,
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
    });
  }
  return events;
}

/**
 * Every entity named or aliased `name` (or with that id), with all its statements and their
 * sources, and all its events by date. Reads everything said about the entity: for the command
 * line and reports; the web app pages through an entity instead.
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
  // An entity merged into another is shown as the body it belongs to, with the statements of both.
  const identities = new Map<string, Identity>();
  for (const id of ids) {
    const identity = await resolveIdentity(store, id);
    identities.set(identity.id, identity);
  }
  const entities = (await store.entities.findMany([...identities.keys()])).sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  const sources = new Sources(store);
  const reports: EntityReport[] = [];
  for (const entity of entities) {
    const identity = identities.get(entity.id) ?? {
      id: entity.id,
      members: [entity.id],
      splitOff: new Map(),
    };
    const statements = await statementsOfIdentity(store, identity);
    if (statements.length === 0) continue;
    await sources.load(statements);
    const { name: canonical, aliases, ...properties } = entityNames(entity.key, valueCounts(statements));
    const eventIds = [...new Set((await referencesToIdentity(store, identity)).map((s) => s.entityId))];
    reports.push({
      entity: { id: entity.id, type: entity.type, name: canonical, aliases, ...properties },
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
      events: (await eventViews(store, eventIds, sources)).sort(byDate),
    });
  }
  if (reports.length === 0) {
    throw new NotFoundError(`知识库中没有名为“${query}”的实体 (no entity named "${query}" in the store)`);
  }
  return reports;
}
