import { createHash } from 'node:crypto';
import type { Entity, Extraction } from '../../src/core/types.js';
import type { NewDocument } from '../../src/store/document.repository.js';

/** A short agreement report: the text every factory below points its spans into. */
export const AGREEMENT_TEXT =
  '2020年12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。中科院将投入超100亿元，共建41个项目。';

function spanOf(text: string, written: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(written, from);
  if (start < 0) throw new Error(`"${written}" is not in the text`);
  return { start, end: start + written.length };
}

/** A document to store, with the sha256 of its bytes as id. */
export function buildDocument(overrides: Partial<NewDocument> = {}): NewDocument {
  const text = overrides.text ?? AGREEMENT_TEXT;
  const bytes = overrides.bytes ?? new TextEncoder().encode(text);
  return {
    id: createHash('sha256').update(bytes).digest('hex'),
    format: 'txt',
    encoding: 'utf-8',
    bytes,
    text,
    sourcePath: 'inbox/agreement.txt',
    extractorVersion: '0.1.0',
    ingestedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function entity(text: string, type: Entity['type'], name: string, extra: Partial<Entity> = {}): Entity {
  const mentions = [spanOf(text, name)];
  for (const alias of extra.aliases ?? []) mentions.push(spanOf(text, alias));
  return { id: `${type}:${name}`, type, name, aliases: [], mentions, ...extra };
}

/** What the engine gives for {@link AGREEMENT_TEXT}, written out by hand. */
export function buildExtraction(overrides: Partial<Extraction> = {}, text = AGREEMENT_TEXT): Extraction {
  const sentence = spanOf(text, '2020年12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。');
  return {
    extractor: { name: 'coopatlas', version: '0.1.0' },
    articles: [{ index: 0, span: { start: 0, end: text.length } }],
    entities: [
      entity(text, 'organization', '中国科学院', { aliases: ['中科院'], kind: 'academy' }),
      entity(text, 'organization', '重庆市人民政府', { kind: 'government' }),
      entity(text, 'place', '北京', { level: 'city', code: '110000' }),
    ],
    times: [{ text: '2020年12月15日', value: '2020-12-15', span: spanOf(text, '2020年12月15日') }],
    money: [
      { text: '超100亿元', value: 1e10, currency: 'CNY', qualifier: 'over', span: spanOf(text, '超100亿元') },
    ],
    counts: [
      { text: '41个项目', value: 41, unit: '个项目', qualifier: 'exact', span: spanOf(text, '41个项目') },
    ],
    percentages: [],
    events: [
      {
        type: 'agreement',
        trigger: '签署',
        date: '2020-12-15',
        participants: ['重庆市人民政府', '中国科学院'],
        objects: ['战略合作协议'],
        place: '北京',
        evidence: text.slice(sentence.start, sentence.end),
        span: sentence,
        planned: false,
      },
    ],
    ...overrides,
  };
}
