import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Statement, statementId } from '../core/statements.js';
import { type ExchangeRecord, fromCsvRow, fromJsonLine, RecordError, toJsonLine } from './exchange-format.js';

const source = {
  origin: 'extracted' as const,
  documentId: 'a'.repeat(64),
  span: { start: 3, end: 8 },
  extractorVersion: '0.1.0',
};
const statement: Statement = {
  id: statementId({ entityId: 'organization:1', property: 'name', value: '中国科学院', source }),
  entityId: 'organization:1',
  property: 'name',
  value: '中国科学院',
  source,
  status: 'proposed',
  created: '2024-01-01T00:00:00.000Z',
};
const bytes = new TextEncoder().encode('重庆，“科学城”\r\n');
const document: ExchangeRecord = {
  record: 'document',
  document: {
    id: createHash('sha256').update(bytes).digest('hex'),
    format: 'txt',
    encoding: 'utf-8',
    byteLength: bytes.byteLength,
    title: '',
    sourcePath: 'inbox/a.txt',
    ingestedAt: '2024-01-01T00:00:00.000Z',
    extractorVersion: '0.1.0',
    articles: [{ index: 0, span: { start: 0, end: 8 } }],
    text: '重庆，“科学城”\r\n',
    bytes,
  },
};

describe('the exchange format', () => {
  it('reads back every record it writes as a JSON line, to the same line', () => {
    const records: ExchangeRecord[] = [
      document,
      { record: 'entity', entity: { id: 'event:1', type: 'event', key: 'k#0', created: statement.created } },
      { record: 'statement', statement },
      {
        record: 'retired_statement',
        statement: { ...statement, retired: { at: '2024-02-01T00:00:00.000Z', by: '0.2.0' } },
      },
    ];
    for (const record of records) {
      const line = toJsonLine(record);
      expect(toJsonLine(fromJsonLine(line))).toBe(line);
    }
  });

  it('refuses a statement whose id is not the digest of what it says', () => {
    const line = toJsonLine({ record: 'statement', statement: { ...statement, value: '中科院' } });
    expect(() => fromJsonLine(line)).toThrow(/^陈述编号与其内容不符，应为 [0-9a-f]{32} \(the statement id/);
  });

  it('refuses a document whose bytes are not its sha256', () => {
    const line = toJsonLine(document).replace(/"bytes":"[^"]*"/, '"bytes":"AAAA"');
    expect(() => fromJsonLine(line)).toThrow(RecordError);
  });

  it('reads an unknown origin in a CSV row as an error naming the origins it knows', () => {
    const row = { id: 'x', entity_id: 'organization:1', property: 'name', value: '"a"', origin: 'scraped' };
    expect(() => fromCsvRow('statement', row)).toThrow(
      '未知的来源 "scraped"，应为 extracted, manual, import (unknown origin)',
    );
  });
});
