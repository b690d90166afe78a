import { describe, expect, it } from 'vitest';
import { AGREEMENT_TEXT, buildExtraction } from '../../test/factories/knowledge.js';
import { statementsOfExtraction } from './extraction-statements.js';
import { entityId } from './statements.js';

const context = { documentId: 'doc-1', text: AGREEMENT_TEXT };
const CAS = entityId('organization', '中国科学院');

function valuesOf(facts: ReturnType<typeof statementsOfExtraction>, entity: string, property: string) {
  return facts.statements.filter((s) => s.entityId === entity && s.property === property).map((s) => s.value);
}

describe('statementsOfExtraction', () => {
  it('gives a body its name, aliases and kind, each with the span it was read from', () => {
    const facts = statementsOfExtraction(buildExtraction(), context);
    expect(valuesOf(facts, CAS, 'name')).toEqual(['中国科学院']);
    expect(valuesOf(facts, CAS, 'alias')).toEqual(['中科院']);
    expect(valuesOf(facts, CAS, 'kind')).toEqual(['academy']);
    const alias = facts.statements.find((s) => s.entityId === CAS && s.property === 'alias');
    expect(alias?.source.origin).toBe('extracted');
    if (alias?.source.origin !== 'extracted') return;
    expect(AGREEMENT_TEXT.slice(alias.source.span.start, alias.source.span.end)).toBe('中科院');
    expect(alias.source).toMatchObject({ documentId: 'doc-1', extractorVersion: '0.1.0' });
    expect(alias.status).toBe('proposed');
  });

  it('keeps a place with its level and GB/T 2260 code', () => {
    const facts = statementsOfExtraction(buildExtraction(), context);
    const beijing = entityId('place', '北京');
    expect(valuesOf(facts, beijing, 'level')).toEqual(['city']);
    expect(valuesOf(facts, beijing, 'code')).toEqual(['110000']);
  });

  it('makes an event with type, date, participants and place as references to their entities', () => {
    const facts = statementsOfExtraction(buildExtraction(), context);
    const event = facts.entities.find((e) => e.type === 'event');
    expect(event).toBeDefined();
    const id = event?.id ?? '';
    expect(valuesOf(facts, id, 'eventType')).toEqual(['agreement']);
    expect(valuesOf(facts, id, 'date')).toEqual(['2020-12-15']);
    expect(valuesOf(facts, id, 'participant').sort()).toEqual(
      [CAS, entityId('organization', '重庆市人民政府')].sort(),
    );
    expect(valuesOf(facts, id, 'place')).toEqual([entityId('place', '北京')]);
    expect(valuesOf(facts, id, 'object')).toEqual(['战略合作协议']);
    expect(valuesOf(facts, id, 'planned')).toEqual([false]);
    const type = facts.statements.find((s) => s.entityId === id && s.property === 'eventType');
    if (type?.source.origin !== 'extracted') throw new Error('an extracted statement');
    expect(AGREEMENT_TEXT.slice(type.source.span.start, type.source.span.end)).toBe(
      '2020年12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。',
    );
  });

  it('dates an event from the time mention inside its sentence', () => {
    const facts = statementsOfExtraction(buildExtraction(), context);
    const date = facts.statements.find((s) => s.property === 'date');
    if (date?.source.origin !== 'extracted') throw new Error('an extracted statement');
    expect(AGREEMENT_TEXT.slice(date.source.span.start, date.source.span.end)).toBe('2020年12月15日');
  });

  it('gives an event the money and counts stated in its sentence, and no others', () => {
    const facts = statementsOfExtraction(buildExtraction(), context);
    expect(facts.statements.filter((s) => s.property === 'amount')).toEqual([]);
    const wide = buildExtraction();
    const event = wide.events[0];
    if (!event) throw new Error('an event');
    event.span = { start: 0, end: AGREEMENT_TEXT.length };
    const all = statementsOfExtraction(wide, context);
    expect(all.statements.filter((s) => s.property === 'amount').map((s) => s.value)).toEqual([
      { value: 1e10, currency: 'CNY', qualifier: 'over', text: '超100亿元' },
    ]);
    expect(all.statements.filter((s) => s.property === 'count').map((s) => s.value)).toEqual([
      { value: 41, unit: '个项目', qualifier: 'exact', text: '41个项目' },
    ]);
  });

  it('gives the same ids to the same extraction of the same document', () => {
    const first = statementsOfExtraction(buildExtraction(), context);
    const again = statementsOfExtraction(buildExtraction(), context);
    expect(again.statements.map((s) => s.id)).toEqual(first.statements.map((s) => s.id));
    expect(again.entities.map((e) => e.id)).toEqual(first.entities.map((e) => e.id));
  });

  it('gives a body the same id in every document, and an event one per document', () => {
    const one = statementsOfExtraction(buildExtraction(), context);
    const two = statementsOfExtraction(buildExtraction(), { ...context, documentId: 'doc-2' });
    expect(two.entities.find((e) => e.key === '中国科学院')?.id).toBe(CAS);
    expect(two.entities.find((e) => e.type === 'event')?.id).not.toBe(
      one.entities.find((e) => e.type === 'event')?.id,
    );
    const firstIds = new Set(one.statements.map((s) => s.id));
    expect(two.statements.filter((s) => firstIds.has(s.id))).toEqual([]);
  });

  it('tells apart two events of one type in one sentence', () => {
    const extraction = buildExtraction();
    const [event] = extraction.events;
    if (!event) throw new Error('an event');
    extraction.events.push({ ...event, date: '2016-04-21' }, { ...event });
    const facts = statementsOfExtraction(extraction, context);
    expect(facts.entities.filter((e) => e.type === 'event')).toHaveLength(3);
  });

  it('makes an entity for a participant the document lists no entity for', () => {
    const extraction = buildExtraction();
    const [event] = extraction.events;
    if (!event) throw new Error('an event');
    event.participants = ['重庆市'];
    const facts = statementsOfExtraction(extraction, context);
    const id = entityId('organization', '重庆市');
    expect(facts.entities.map((e) => e.id)).toContain(id);
    expect(valuesOf(facts, id, 'name')).toEqual(['重庆市']);
  });
});
