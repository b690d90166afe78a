/**
 * The status report's text from the events in its scope: sections like the office's own report
 * (agreements, co-built bodies by kind, transfer, incubation, exchange, milestones, signed
 * projects), each sentence grouping facts of one source and citing it.
 */
import {
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectRecord,
  type ProjectStatus,
} from '../core/registry.js';
import { UNKNOWN } from '../registry/totals.js';
import type { EventView } from '../services/entity.service.js';
import { type ReportFigure, reportFigures } from './report-figures.js';
import {
  agreementTitle,
  BODY_SECTIONS,
  bodySection,
  chineseDate,
  chineseYuan,
  scopeWords,
} from './report-prose.js';

/** Where a sentence of the report comes from: a document's sentence. */
export interface Citation {
  documentId: string;
  title: string;
  sentence: string;
  start: number;
}

export interface ReportSentence {
  text: string;
  citations: Citation[];
}

export interface ReportSection {
  title: string;
  sentences: ReportSentence[];
}

export interface Report {
  title: string;
  scope: { region?: string; from?: number; to?: number; party?: string };
  sections: ReportSection[];
  /** The charts of the scope, those with something to show; HTML and DOCX draw them. */
  figures: ReportFigure[];
  /** The documents cited, in the order first cited. */
  sources: Array<{ documentId: string; title: string }>;
  /** How many statements of each status the report used. */
  used: { accepted: number; proposed: number };
}

const join = (names: readonly string[]) =>
  names.length <= 2 ? names.join('与') : `${names.slice(0, -1).join('、')}与${names.at(-1)}`;

function cite(event: EventView): Citation[] {
  const { documentId, span, sentence, documentTitle, documentPath } = event.origin;
  if (!documentId || !span) return [];
  const title = documentTitle ?? documentPath?.split('/').at(-1) ?? documentId;
  return [{ documentId, title, sentence: sentence ?? '', start: span.start }];
}

const when = (event: EventView) => (event.date ? `${chineseDate(event.date)}，` : '');

/** Names in the order the event's sentence gives them. */
function inTold(event: EventView, names: readonly string[]): string[] {
  const sentence = event.origin.sentence ?? '';
  const at = (name: string) => {
    const i = sentence.indexOf(name);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...names].sort((a, b) => at(a) - at(b));
}

function agreementSentences(events: readonly EventView[]): ReportSentence[] {
  return events.map((event) => {
    const object = event.objects[0];
    const place = event.place && !event.participants.includes(event.place) ? `在${event.place}` : '';
    const what = object ? `签署${agreementTitle(object)}` : '签署合作协议';
    return {
      text: `${when(event)}${join(event.participants)}${place}${what}。`,
      citations: cite(event),
    };
  });
}

function bodySentences(events: readonly EventView[]): Map<string, ReportSentence[]> {
  const bySection = new Map<string, ReportSentence[]>();
  for (const event of events) {
    const groups = new Map<string, string[]>();
    for (const object of inTold(event, event.objects)) {
      const key = bodySection(object);
      groups.set(key, [...(groups.get(key) ?? []), object]);
    }
    for (const [key, names] of groups) {
      const section = BODY_SECTIONS.find((s) => s.key === key) ?? BODY_SECTIONS[BODY_SECTIONS.length - 1];
      const builders = event.participants.length ? join(inTold(event, event.participants)) : '各方';
      const listed =
        names.length > 1 ? `${names.join('、')}等${names.length}个${section?.noun ?? '机构'}` : names[0];
      const text = `${when(event)}${builders}共建${listed}。`;
      bySection.set(key, [...(bySection.get(key) ?? []), { text, citations: cite(event) }]);
    }
  }
  return bySection;
}

function plainSentences(events: readonly EventView[]): ReportSentence[] {
  return events.map((event) => {
    const verb = event.trigger ?? '';
    const objects = event.objects.length ? event.objects.join('、') : '';
    const who = event.participants.length ? join(event.participants) : '';
    return { text: `${when(event)}${who}${verb}${objects}。`, citations: cite(event) };
  });
}

/** Counts by key as `研发基地项目3个、联合实验室项目1个`: largest first, or in the keys' `order`. */
function countsOf(keys: readonly string[], word: (key: string) => string, order?: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => (order ? order.indexOf(a[0]) - order.indexOf(b[0]) : b[1] - a[1]))
    .map(([key, n]) => `${word(key)}${n}个`)
    .join('、');
}

/** The registry's projects in scope: how many of each category and status, investment and output. */
function projectSentences(projects: readonly ProjectRecord[]): ReportSentence[] {
  if (projects.length === 0) return [];
  const sum = (field: 'investment' | 'expectedOutput' | 'actualOutput') =>
    projects.reduce((total, p) => total + (p[field] ?? 0), 0);
  const categories = countsOf(
    projects.map((p) => p.category ?? UNKNOWN),
    (c) => (c === UNKNOWN ? '未填类别的项目' : `${c}项目`),
  );
  const invested = sum('investment');
  const statuses = countsOf(
    projects.map((p) => p.status),
    (status) => PROJECT_STATUS_LABELS[status as ProjectStatus].zh,
    PROJECT_STATUSES,
  );
  const landed = projects.filter((p) => p.status !== 'signed' && p.status !== 'withdrawn').length;
  const expected = sum('expectedOutput');
  const actual = sum('actualOutput');
  const outputs = [
    expected > 0 ? `预计年产值合计${chineseYuan(expected)}` : '',
    actual > 0 ? `已报实际年产值合计${chineseYuan(actual)}` : '',
  ].filter(Boolean);
  return [
    {
      text: `据合作登记簿，登记签约项目${projects.length}个，包括${categories}${invested > 0 ? `，总投资${chineseYuan(invested)}` : ''}。`,
      citations: [],
    },
    { text: `按进展分，${statuses}；已落地的项目共${landed}个。`, citations: [] },
    ...(outputs.length ? [{ text: `${outputs.join('，')}。`, citations: [] }] : []),
  ];
}

const SECTIONS_BY_TYPE: ReadonlyArray<readonly [string, string]> = [
  ['transfer', '技术转移与成果转化'],
  ['incubation', '孵化与企业服务'],
  ['gathering', '展会与交流'],
  ['milestone', '重大项目与技术突破'],
];

/** The report's sections from the events in scope (by date), and the registry's projects. */
export function composeReport(
  scope: Report['scope'],
  events: readonly EventView[],
  projects: readonly ProjectRecord[],
  used: Report['used'],
): Report {
  const ofType = (type: string) => events.filter((e) => e.type === type);
  const bodies = bodySentences(ofType('founding'));
  const sections: ReportSection[] = [
    { title: '合作基本情况', sentences: agreementSentences(ofType('agreement')) },
    ...BODY_SECTIONS.map((section) => ({ title: section.title, sentences: bodies.get(section.key) ?? [] })),
    ...SECTIONS_BY_TYPE.map(([type, title]) => ({ title, sentences: plainSentences(ofType(type)) })),
    { title: '签约项目及进展', sentences: projectSentences(projects) },
  ].filter((section) => section.sentences.length > 0);
  const sources = new Map<string, string>();
  for (const section of sections) {
    for (const sentence of section.sentences)
      for (const c of sentence.citations) sources.set(c.documentId, c.title);
  }
  const period = scope.from && scope.to ? `（${scope.from}—${scope.to}年）` : '';
  const title = `${scope.party ?? ''}${scope.party && scope.region ? '与' : ''}${scope.region ?? ''}科技合作情况${period}`;
  return {
    title,
    scope,
    sections,
    figures: reportFigures(scopeWords(scope), scope.from, events, projects),
    sources: [...sources].map(([documentId, t]) => ({ documentId, title: t })),
    used,
  };
}
