/**
 * The candidates of technology matching, read from the knowledge base: institutes, universities
 * and academies; labs, centres, platforms, parks and alliances (with the registry's platform
 * records); experts (people with a scientist's or engineer's title, and the body they are named
 * with); achievements (the registry's records, and the transfers and milestones documents
 * report). Each comes with the sentences that speak of it, its partners and the places of its
 * events. Read all at once, or only those a change touched.
 */
import { readFileSync } from 'node:fs';
import { groupBy } from '../core/group-by.js';
import type { AchievementRecord, PlatformRecord } from '../core/registry.js';
import { sentenceAround } from '../core/sentence-around.js';
import { citedSpan, entityId, type Statement } from '../core/statements.js';
import type { Span } from '../core/types.js';
import { LEXICON_DIR } from '../extract/lexicon/lexicon.js';
import { fieldsIn, synonymGroupsIn } from '../matching/analyze.js';
import type { CandidateInput, CandidateKind, Passage } from '../matching/candidate.js';
import { MATCHING_CONFIG } from '../matching/matching.config.js';
import { placeDivision } from '../matching/proximity.js';
import type { MentionRow } from '../store/matching.repository.js';
import type { Repositories } from '../store/open-store.js';
import { listAchievements, listPlatforms } from './registry.service.js';

const KINDS: Readonly<Record<string, CandidateKind>> = {
  institute: 'institute',
  university: 'institute',
  academy: 'institute',
  lab: 'platform',
  center: 'platform',
  platform: 'platform',
  park: 'platform',
  alliance: 'platform',
};

/** Events whose sentence tells of an achievement: a technology transferred, a milestone reached. */
const ACHIEVEMENT_EVENTS = ['transfer', 'milestone'];

/** The registry's kinds of record that are candidates, and whose writes the index follows. */
export const CANDIDATE_RECORD_TYPES = ['platform', 'achievement'] as const;

let expertTitles: string[] | undefined;

/** The titles of `lexicon/matching-expert-titles.txt`. */
function titlesOfExperts(): string[] {
  expertTitles ??= readFileSync(`${LEXICON_DIR}matching-expert-titles.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .flatMap((line) => line.trim().split(/\s+/));
  return expertTitles;
}

const parse = (value: string): unknown => JSON.parse(value);

/**
 * The sentences of some spans, each span widened to its sentence; with `everyMention`, also the
 * sentence after the span's in its paragraph, and the sentences further on in the document that
 * write the span's text again (a body named once in full and then by the short name the
 * extraction gave it: 中心, 研究院); the span's own first.
 */
async function sentencesOf(
  db: Repositories,
  spans: ReadonlyArray<{ documentId: string; span: Span }>,
  options: { everyMention?: boolean } = {},
): Promise<Map<string, Passage[]>> {
  const out = new Map<string, Passage[]>();
  const byDocument = groupBy(spans, (s) => s.documentId);
  const documents = [...byDocument.keys()];
  const limit = MATCHING_CONFIG.limits.passagesPerCandidate;
  for (let i = 0; i < documents.length; i += 200) {
    const slice = documents.slice(i, i + 200);
    const texts = await db.documents.texts(slice);
    for (const { documentId, span } of slice.flatMap((id) => byDocument.get(id) ?? [])) {
      const text = texts.get(documentId);
      if (text === undefined) continue;
      const passages: Passage[] = [];
      const add = (at: Span) => {
        const sentence = sentenceAround(text, at);
        const known = passages.at(-1);
        if (sentence.text && known?.span?.start !== sentence.start) {
          passages.push({
            text: sentence.text,
            documentId,
            span: { start: sentence.start, end: sentence.end },
          });
        }
      };
      add(span);
      // The sentence after it in the same paragraph goes on about what it named (研究院副院长…介绍).
      const own = passages[0]?.span;
      if (options.everyMention && own) {
        let next = own.end;
        while (next < text.length && (text[next] === ' ' || text[next] === '\u3000')) next++;
        if (next < text.length && text[next] !== '\n') add({ start: next, end: next });
      }
      const written = text.slice(span.start, span.end);
      if (options.everyMention && written.length >= 2) {
        for (let at = text.indexOf(written, span.end); at >= 0 && passages.length < limit; ) {
          add({ start: at, end: at + written.length });
          at = text.indexOf(written, at + written.length);
        }
      }
      if (passages.length > 0) out.set(spanKey(documentId, span), passages);
    }
  }
  return out;
}

const spanKey = (documentId: string, span: Span) => `${documentId}:${span.start}:${span.end}`;

/** Up to the configured number of distinct sentences, in the order given. */
function distinctPassages(passages: ReadonlyArray<Passage | undefined>): Passage[] {
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const passage of passages) {
    if (!passage || seen.has(passage.text)) continue;
    seen.add(passage.text);
    out.push(passage);
    if (out.length >= MATCHING_CONFIG.limits.passagesPerCandidate) break;
  }
  return out;
}

function mostFrequent(values: ReadonlyMap<string, number>): string | undefined {
  return [...values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

interface Draft {
  input: CandidateInput & { facts: string[]; places: string[]; passages: Passage[] };
}

/** Bodies and experts, from what documents say of them. */
async function entityCandidates(db: Repositories, onlyIds?: readonly string[]): Promise<Map<string, Draft>> {
  const rows = await db.matching.candidateValues(Object.keys(KINDS), titlesOfExperts(), onlyIds);
  const byEntity = new Map<string, { type: string; values: Map<string, Map<string, number>> }>();
  for (const row of rows) {
    const entry = byEntity.get(row.entityId) ?? { type: row.type, values: new Map() };
    const values = entry.values.get(row.property) ?? new Map<string, number>();
    const value = parse(row.value);
    if (typeof value === 'string') values.set(value, (values.get(value) ?? 0) + 1);
    entry.values.set(row.property, values);
    byEntity.set(row.entityId, entry);
  }
  const ids = [...byEntity.keys()];
  const perEntity = MATCHING_CONFIG.limits.passagesPerCandidate * 2;
  const mentions = await db.matching.mentions(ids, perEntity);
  const sentences = await sentencesOf(
    db,
    mentions.map((m) => ({ documentId: m.documentId, span: m })),
    { everyMention: true },
  );
  const mentionsOf = groupBy(mentions, (m) => m.entityId);
  const partnersOf = groupBy(await db.matching.partners(ids), (p) => p.entityId);
  const placesOf = groupBy(await db.matching.eventPlaces(ids), (p) => p.entityId);
  const experts = ids.filter((id) => byEntity.get(id)?.type === 'person');
  const affiliations = await affiliationsOf(db, experts, mentionsOf, sentences);

  const drafts = new Map<string, Draft>();
  for (const [id, { type, values }] of byEntity) {
    const names = values.get('name') ?? new Map<string, number>();
    const name = mostFrequent(names);
    if (!name) continue;
    let kind: CandidateKind | undefined;
    const facts: string[] = [];
    if (type === 'person') {
      const titles = [...(values.get('title')?.keys() ?? [])].filter((t) => titlesOfExperts().includes(t));
      if (titles.length === 0) continue;
      kind = 'expert';
      facts.push(`职称：${titles.join('、')}`);
    } else {
      const bodyKind = mostFrequent(values.get('kind') ?? new Map());
      kind = bodyKind ? KINDS[bodyKind] : undefined;
    }
    if (!kind) continue;
    const affiliation = affiliations.get(id);
    if (affiliation) facts.push(`所属单位：${affiliation.name}`);
    drafts.set(id, {
      input: {
        id,
        kind,
        name,
        aliases: [...names.keys(), ...(values.get('alias')?.keys() ?? [])].filter((n) => n !== name),
        facts,
        passages: distinctPassages(
          (mentionsOf.get(id) ?? []).flatMap((m) => sentences.get(spanKey(m.documentId, m)) ?? []),
        ),
        places: affiliation ? [affiliation.name] : [],
        ...(affiliation ? { affiliation } : {}),
        partners: (partnersOf.get(id) ?? []).map((p) => ({
          id: p.otherId,
          name: p.otherName,
          events: p.events,
        })),
        eventPlaces: (placesOf.get(id) ?? []).flatMap((p) => {
          const division = placeDivision(p.placeName);
          return division ? [{ division, name: p.placeName, events: p.events }] : [];
        }),
      },
    });
  }
  return drafts;
}

/**
 * The body each expert is named with: in the sentences that name the expert, the body named
 * nearest before the name (研究院张三研究员), else nearest after it, the most often so.
 */
async function affiliationsOf(
  db: Repositories,
  experts: readonly string[],
  mentionsOf: ReadonlyMap<string, MentionRow[]>,
  sentences: ReadonlyMap<string, Passage[]>,
): Promise<Map<string, { id: string; name: string }>> {
  const documents = [
    ...new Set(experts.flatMap((id) => (mentionsOf.get(id) ?? []).map((m) => m.documentId))),
  ];
  const bodies = groupBy(await db.matching.organizationNames(documents), (row) => row.documentId);
  const out = new Map<string, { id: string; name: string }>();
  for (const expert of experts) {
    const votes = new Map<string, { id: string; name: string; count: number }>();
    for (const mention of mentionsOf.get(expert) ?? []) {
      const sentence = sentences.get(spanKey(mention.documentId, mention))?.[0];
      if (!sentence?.span) continue;
      const at = mention.start - sentence.span.start;
      let best: { id: string; name: string; distance: number } | undefined;
      for (const body of bodies.get(mention.documentId) ?? []) {
        const where = sentence.text.lastIndexOf(body.written, Math.max(0, at));
        const found = where >= 0 && where < at ? where : sentence.text.indexOf(body.written, at);
        if (found < 0) continue;
        // Before the name counts nearer than after it; a longer name, when two end as near.
        const distance =
          (found < at ? at - (found + body.written.length) : 1000 + found - at) - body.written.length / 100;
        if (!best || distance < best.distance) best = { id: body.entityId, name: body.name, distance };
      }
      if (best) {
        const vote = votes.get(best.id) ?? { id: best.id, name: best.name, count: 0 };
        vote.count++;
        votes.set(best.id, vote);
      }
    }
    const top = [...votes.values()].sort((a, b) => b.count - a.count)[0];
    if (top) out.set(expert, { id: top.id, name: top.name });
  }
  return out;
}

/** A dateline or byline, which says nothing of the achievement. */
const BYLINE = /本报讯|记者|通讯员|^[（(].*[)）]\d+月\d+日$/;

/**
 * The clause of a sentence that names the achievement: of the clauses long enough to say
 * something (not a dateline), the one that writes the most of the domain's terms, else the first.
 */
function headlineOf(sentence: string): string {
  const text = sentence.replace(/\s+/g, '');
  const clauses = text.split(/[，；。：]/).filter((part) => part.length >= 10 && !BYLINE.test(part));
  const terms = (clause: string) => fieldsIn(clause).size + synonymGroupsIn(clause).size;
  const clause =
    clauses.reduce<string | undefined>(
      (best, c) => (best === undefined || terms(c) > terms(best) ? c : best),
      undefined,
    ) ?? text;
  return clause.length > 40 ? `${clause.slice(0, 40)}…` : clause;
}

/** Transfers and milestones documents report: each an achievement, its sentence its text. */
async function eventAchievements(db: Repositories, onlyIds?: readonly string[]): Promise<Map<string, Draft>> {
  const rows = await db.matching.eventsOfTypes(ACHIEVEMENT_EVENTS, onlyIds);
  const byEvent = groupBy(rows, (row) => row.eventId);
  const referenced = [
    ...new Set(
      rows
        .filter((r) => r.property === 'participant' || r.property === 'place')
        .map((r) => parse(r.value) as string),
    ),
  ];
  const names = new Map((await db.entities.findMany(referenced)).map((e) => [e.id, e.key]));
  const typeSpans = rows.flatMap((r) =>
    r.property === 'eventType' && r.documentId !== null && r.start !== null && r.end !== null
      ? [{ documentId: r.documentId, span: { start: r.start, end: r.end } }]
      : [],
  );
  const sentences = await sentencesOf(db, typeSpans);
  const drafts = new Map<string, Draft>();
  // Two events of one sentence (a transfer and a milestone, or one report read from two files) tell of one achievement.
  const told = new Set<string>();
  for (const [eventId, statements] of byEvent) {
    const type = statements.find((s) => s.property === 'eventType');
    if (!type?.documentId || type.start === null || type.end === null) continue;
    const passage = sentences.get(spanKey(type.documentId, { start: type.start, end: type.end }))?.[0];
    if (!passage || told.has(passage.text)) continue;
    told.add(passage.text);
    const parties = statements
      .filter((s) => s.property === 'participant')
      .flatMap((s) => {
        const id = parse(s.value) as string;
        const name = names.get(id);
        return name ? [{ id, name, events: 1 }] : [];
      });
    const placeId = statements.find((s) => s.property === 'place');
    const placeName = placeId ? names.get(parse(placeId.value) as string) : undefined;
    const division = placeName ? placeDivision(placeName) : undefined;
    const date = statements.find((s) => s.property === 'date');
    const first = parties[0];
    drafts.set(eventId, {
      input: {
        id: eventId,
        kind: 'achievement',
        name: headlineOf(passage.text),
        aliases: [],
        facts: [
          ...(first ? [`完成单位：${parties.map((p) => p.name).join('、')}`] : []),
          ...(date ? [`时间：${String(parse(date.value))}`] : []),
        ],
        passages: [passage],
        places: placeName ? [placeName] : [],
        ...(first ? { affiliation: { id: first.id, name: first.name } } : {}),
        partners: parties,
        eventPlaces: division && placeName ? [{ division, name: placeName, events: 1 }] : [],
      },
    });
  }
  return drafts;
}

const LEVEL_NAMES = { national: '国家级', provincial: '省部级', district: '区县级' } as const;
const TRANSFER_NAMES = {
  licence: '许可',
  sale: '转让',
  joint_development: '合作开发',
  export: '出口',
  equity: '作价入股',
} as const;

/** The facts, places and partners of a registry record, and the sentences its fields cite. */
function recordFacts(record: PlatformRecord | AchievementRecord): {
  facts: string[];
  places: string[];
  partners: string[];
} {
  if ('coBuilders' in record) {
    return {
      facts: [
        ...(record.kind ? [`类型：${record.kind}`] : []),
        ...(record.level ? [`级别：${LEVEL_NAMES[record.level]}`] : []),
        ...(record.host ? [`所在地或依托单位：${record.host}`] : []),
        ...(record.coBuilders.length ? [`共建单位：${record.coBuilders.join('、')}`] : []),
        ...record.activities.map((a) => `活动：${a.what}`),
        ...(record.companies.length ? [`服务企业：${record.companies.map((c) => c.name).join('、')}`] : []),
      ],
      places: record.host ? [record.host] : [],
      partners: [...record.coBuilders, ...record.companies.map((c) => c.name)],
    };
  }
  return {
    facts: [
      ...(record.field ? [`领域：${record.field}`] : []),
      ...(record.owner ? [`持有单位：${record.owner}`] : []),
      ...record.transfers.map((t) => `${TRANSFER_NAMES[t.how]}：${t.to}`),
    ],
    places: record.owner ? [record.owner] : [],
    partners: [...(record.owner ? [record.owner] : []), ...record.transfers.map((t) => t.to)],
  };
}

/** The registry's platforms and achievements, with the sentences their fields were confirmed from. */
async function recordCandidates(db: Repositories): Promise<Map<string, Draft>> {
  const records: Array<{ kind: CandidateKind; record: PlatformRecord | AchievementRecord }> = [
    ...(await listPlatforms(db)).map((record) => ({ kind: 'platform' as const, record })),
    ...(await listAchievements(db)).map((record) => ({ kind: 'achievement' as const, record })),
  ];
  const statements = await db.statements.about(records.map((r) => r.record.id));
  const cited = (s: Statement) => citedSpan(s.source);
  const spans = statements.flatMap((s) => {
    const at = cited(s);
    return at ? [{ ...at, entityId: s.entityId }] : [];
  });
  const spansOf = groupBy(spans, (s) => s.entityId);
  const sentences = await sentencesOf(db, spans);
  const drafts = new Map<string, Draft>();
  for (const { kind, record } of records) {
    const { facts, places, partners } = recordFacts(record);
    const owner = 'coBuilders' in record ? record.host : record.owner;
    drafts.set(record.id, {
      input: {
        id: record.id,
        kind,
        name: record.name,
        aliases: [],
        facts,
        passages: distinctPassages(
          (spansOf.get(record.id) ?? []).flatMap((s) => sentences.get(spanKey(s.documentId, s.span)) ?? []),
        ),
        places,
        ...(owner ? { affiliation: { id: entityId('organization', owner), name: owner } } : {}),
        partners: partners.map((name) => ({ id: entityId('organization', name), name, events: 1 })),
        eventPlaces: [],
      },
    });
  }
  return drafts;
}

/** Folds a registry record into the body of the same name, so one candidate shows both. */
function mergeInto(target: Draft, record: Draft): void {
  const input = target.input;
  input.facts.push(...record.input.facts.filter((f) => !input.facts.includes(f)));
  input.places.push(...record.input.places.filter((p) => !input.places.includes(p)));
  input.passages = distinctPassages([...input.passages, ...record.input.passages]);
  const known = new Set(input.partners.map((p) => p.id));
  input.partners = [...input.partners, ...record.input.partners.filter((p) => !known.has(p.id))];
}

/** The ids linked by name to each of `ids`: a body's registry records, a record's body. */
export function linkedIds(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const out = new Set(ids);
  for (const id of ids) {
    const name = names.get(id);
    if (!name) continue;
    out.add(entityId('organization', name));
    for (const type of CANDIDATE_RECORD_TYPES) out.add(entityId(type, name));
  }
  return [...out];
}

/**
 * The candidates of the knowledge base; only those of `onlyIds` when given (the others are
 * left out, not read). A registry record with a body of the same name is folded into the body.
 */
export async function loadCandidates(
  db: Repositories,
  onlyIds?: readonly string[],
): Promise<CandidateInput[]> {
  const scope = onlyIds ? new Set(onlyIds) : undefined;
  const entities = await entityCandidates(db, onlyIds);
  const events = await eventAchievements(db, onlyIds);
  const records = await recordCandidates(db);
  const out = new Map<string, Draft>([...entities, ...events]);
  for (const [id, record] of records) {
    const body = entityId('organization', record.input.name);
    const target = out.get(body);
    if (target) mergeInto(target, record);
    else if (!scope || scope.has(id)) out.set(id, record);
  }
  // A body whose record lies outside the scope still takes it in.
  if (scope) for (const id of [...out.keys()]) if (!scope.has(id)) out.delete(id);
  return [...out.values()].map((d) => d.input).sort((a, b) => (a.id < b.id ? -1 : 1));
}
