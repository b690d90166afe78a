/**
 * One document's extraction as statements: the bodies, people and places it names with their
 * names, aliases, kinds, levels and codes; its events with type, trigger, participants, date,
 * place, objects, and the money and counts stated in the event's sentence. Every statement
 * carries the span of the document it was read from.
 */
import {
  type EntityRecord,
  entityId,
  eventId,
  type JsonValue,
  type NewStatement,
  type Property,
  statementId,
} from './statements.js';
import type { CooperationEvent, Entity, EntityType, Extraction, Span } from './types.js';

export interface DocumentFacts {
  entities: EntityRecord[];
  statements: NewStatement[];
}

export interface FactsContext {
  documentId: string;
  /** The document's text as read from the file: every span of the extraction points into it. */
  text: string;
}

const inside = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

class FactCollector {
  readonly entities = new Map<string, EntityRecord>();
  readonly statements = new Map<string, NewStatement>();

  constructor(
    private readonly documentId: string,
    private readonly extractorVersion: string,
  ) {}

  entity(record: EntityRecord): void {
    if (!this.entities.has(record.id)) this.entities.set(record.id, record);
  }

  add(entityId: string, property: Property, value: JsonValue, span: Span): void {
    const source = {
      origin: 'extracted' as const,
      documentId: this.documentId,
      span: { start: span.start, end: span.end },
      extractorVersion: this.extractorVersion,
    };
    const id = statementId({ entityId, property, value, source });
    if (!this.statements.has(id)) {
      this.statements.set(id, { id, entityId, property, value, source, status: 'proposed' });
    }
  }
}

/**
 * The statements of one document's extraction. Bodies, people and places get the id of their
 * type and canonical name, so the same body named in two documents is one entity; events get an
 * id from the document, their sentence, type and date.
 *
 * @example
 * const facts = statementsOfExtraction(extractText(text), { documentId, text });
 * // facts.statements: { entityId: 'organization:…', property: 'name', value: '中国科学院', source: { origin: 'extracted', span } } …
 */
export function statementsOfExtraction(extraction: Extraction, context: FactsContext): DocumentFacts {
  const { text } = context;
  const facts = new FactCollector(context.documentId, extraction.extractor.version);
  const byName = new Map<string, { id: string; entity: Entity }>();

  for (const entity of extraction.entities) {
    const spanOf = (written: string): Span | undefined =>
      entity.mentions.find((m) => text.slice(m.start, m.end) === written) ??
      entity.mentions[0] ??
      findSpan(text, written);
    const nameSpan = spanOf(entity.name);
    // A name with no place in the text cannot be sourced, so it is not a fact of this document.
    if (!nameSpan) continue;
    const key = canonicalKey(entity);
    const id = entityId(entity.type, key);
    facts.entity({ id, type: entity.type, key });
    if (!byName.has(entity.name) || entity.type === 'organization') byName.set(entity.name, { id, entity });
    facts.add(id, 'name', entity.name, nameSpan);
    for (const alias of entity.aliases) facts.add(id, 'alias', alias, spanOf(alias) ?? nameSpan);
    if (entity.kind) facts.add(id, 'kind', entity.kind, nameSpan);
    if (entity.title) facts.add(id, 'title', entity.title, nameSpan);
    if (entity.level) facts.add(id, 'level', entity.level, nameSpan);
    if (entity.code) facts.add(id, 'code', entity.code, nameSpan);
  }

  /** The entity an event names, made here when the document's entities do not have it. */
  const party = (name: string, type: EntityType, within: Span): { id: string; span: Span } => {
    const known = byName.get(name);
    if (known) {
      const mention = known.entity.mentions.find((m) => inside(m, within));
      return { id: known.id, span: mention ?? within };
    }
    const id = entityId(type, name);
    const span = findSpan(text, name, within) ?? within;
    facts.entity({ id, type, key: name });
    facts.add(id, 'name', name, span);
    return { id, span };
  };

  const seen = new Map<string, number>();
  for (const event of extraction.events) {
    const key = eventKey(event);
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    const id = eventId(context.documentId, `${key}#${ordinal}`);
    const span = event.span;
    facts.entity({ id, type: 'event', key: `${key}#${ordinal}` });
    facts.add(id, 'eventType', event.type, span);
    facts.add(id, 'trigger', event.trigger, span);
    if (event.date) {
      const time = extraction.times.find((t) => t.value === event.date && inside(t.span, span));
      facts.add(id, 'date', event.date, time?.span ?? span);
    }
    for (const name of event.participants) {
      const participant = party(name, 'organization', span);
      facts.add(id, 'participant', participant.id, participant.span);
    }
    if (event.place) {
      const place = party(event.place, 'place', span);
      facts.add(id, 'place', place.id, place.span);
    }
    for (const object of event.objects) facts.add(id, 'object', object, findSpan(text, object, span) ?? span);
    facts.add(id, 'planned', event.planned, span);
    for (const money of extraction.money) {
      if (!inside(money.span, span)) continue;
      const { value, currency, qualifier } = money;
      facts.add(id, 'amount', { value, currency, qualifier, text: money.text }, money.span);
    }
    for (const count of extraction.counts) {
      if (!inside(count.span, span)) continue;
      const { value, unit, qualifier } = count;
      facts.add(id, 'count', { value, unit, qualifier, text: count.text }, count.span);
    }
  }

  return { entities: [...facts.entities.values()], statements: [...facts.statements.values()] };
}

function eventKey(event: CooperationEvent): string {
  return [event.type, event.span.start, event.span.end, event.date ?? ''].join('|');
}

function findSpan(text: string, written: string, within?: Span): Span | undefined {
  if (!written) return undefined;
  const from = within?.start ?? 0;
  const at = text.indexOf(written, from);
  if (at < 0) return undefined;
  const span = { start: at, end: at + written.length };
  return within && !inside(span, within) ? undefined : span;
}

/** The canonical name an entity's id is made of (`organization:重庆高新技术产业开发区`), which its shown name may abbreviate. */
function canonicalKey(entity: Entity): string {
  const prefix = `${entity.type}:`;
  return entity.id.startsWith(prefix) ? entity.id.slice(prefix.length) : entity.name;
}
