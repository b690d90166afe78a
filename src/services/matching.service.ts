/**
 * Technology matching (精准对接) as a use case: an enterprise's need matched to the
 * achievements, platforms, institutes and experts of the knowledge base, ranked with the
 * reasons shown; needs kept as entities, and a person's judgement of a match kept as a
 * statement of theirs, from which the ranking's quality is measured.
 *
 * The candidates' index lives with the open store: built on first use, then brought up to
 * date before each query with only the candidates whose statements changed.
 */
import { basename } from 'node:path';
import { CoopAtlasError, errorMessage, InvalidArgumentError, NotFoundError } from '../core/errors.js';
import { entityId, type JsonValue, type Statement } from '../core/statements.js';
import type { Span } from '../core/types.js';
import type { CandidateKind } from '../matching/candidate.js';
import { type RankingQuality, rankingQuality } from '../matching/evaluate.js';
import { type Explanation, explainRanking } from '../matching/explain.js';
import { MATCHING_CONFIG } from '../matching/matching.config.js';
import { type AnalyzedNeed, analyzeNeed, MatchingIndex } from '../matching/matching-index.js';
import { matchingLexicon } from '../matching/matching-lexicon.js';
import { type Need, type NeedInput, parseNeed } from '../matching/need.js';
import { readNeedRows } from '../matching/need-sheet.js';
import {
  contribution,
  FEATURES,
  type FeatureName,
  type RankingMode,
  rankCandidates,
} from '../matching/rank.js';
import { readSheet } from '../registry/sheet-files.js';
import type { Repositories, Store } from '../store/open-store.js';
import { CANDIDATE_RECORD_TYPES, linkedIds, loadCandidates } from './matching-candidates.js';
import {
  type SaveOutcome,
  type SheetImport,
  settleLines,
  type Writer,
  writeFacts,
} from './registry.service.js';

interface IndexState {
  index: MatchingIndex;
  stamp: Stamp;
  /** Each entity's count of live statements when the candidates were read. */
  counts: Map<string, number>;
}

interface Stamp {
  statements: string;
  records: string;
}

async function stampOf(store: Store): Promise<Stamp> {
  const [statements, records] = await store.reading.matching.stamp(CANDIDATE_RECORD_TYPES);
  return { statements, records };
}

const states = new WeakMap<Store, Promise<IndexState>>();

/** Candidates indexed between two turns of the event loop while an index is built. */
const INDEX_SLICE = 1000;

async function buildIndex(store: Store): Promise<IndexState> {
  const stamp = await stampOf(store);
  const counts = await store.reading.matching.statementCounts();
  const index = new MatchingIndex();
  const candidates = await loadCandidates(store.reading);
  for (const [i, candidate] of candidates.entries()) {
    index.upsert(candidate);
    // A large store has a hundred thousand candidates: requests are answered between slices.
    if (i % INDEX_SLICE === INDEX_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return { index, stamp, counts };
}

/** The entities whose count of statements differs between two readings. */
function changedEntities(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): string[] {
  const changed: string[] = [];
  for (const [id, count] of after) if (before.get(id) !== count) changed.push(id);
  for (const id of before.keys()) if (!after.has(id)) changed.push(id);
  return changed;
}

/** Re-reads the candidates that the statements written since the last read touch. */
async function refresh(store: Store, state: IndexState): Promise<IndexState> {
  const stamp = await stampOf(store);
  if (stamp.statements === state.stamp.statements && stamp.records === state.stamp.records) return state;
  const counts =
    stamp.statements === state.stamp.statements
      ? state.counts
      : await store.reading.matching.statementCounts();
  const changed = changedEntities(state.counts, counts);
  // The registry's records are written by people and sheets, which the summaries do not count.
  if (stamp.records !== state.stamp.records) {
    changed.push(...(await store.reading.matching.idsOfTypes(CANDIDATE_RECORD_TYPES)));
  }
  // An event's change touches the bodies taking part in it.
  const events = changed.filter((id) => id.startsWith('event:'));
  const parties = (await store.reading.statements.about(events))
    .filter((s) => s.property === 'participant' && typeof s.value === 'string')
    .map((s) => s.value as string);
  const names = new Map<string, string>();
  for (const id of [...changed, ...parties]) {
    const known = state.index.get(id)?.input.name;
    if (known) names.set(id, known);
  }
  for (const entity of await store.reading.entities.findMany(changed)) names.set(entity.id, entity.key);
  const scope = linkedIds([...new Set([...changed, ...parties])], names);
  const fresh = await loadCandidates(store.reading, scope);
  const found = new Set(fresh.map((c) => c.id));
  for (const id of scope) if (!found.has(id)) state.index.remove(id);
  for (const candidate of fresh) state.index.upsert(candidate);
  return { index: state.index, stamp, counts };
}

/**
 * The candidates' index of a store, up to date with its statements. Calls queue behind one
 * another, so two requests never read the same change twice.
 */
export function matchingIndex(store: Store): Promise<MatchingIndex> {
  const previous = states.get(store);
  const next = previous ? previous.then((state) => refresh(store, state)) : buildIndex(store);
  // A failed refresh leaves the index as it was, for the next call to try again.
  states.set(
    store,
    next.catch(() => previous ?? buildIndex(store)),
  );
  return next.then((state) => state.index);
}

export interface EvidenceView {
  text: string;
  documentId?: string;
  documentTitle?: string;
  span?: Span;
  matched: string[];
}

export interface CandidateView {
  rank: number;
  id: string;
  kind: CandidateKind;
  name: string;
  score: number;
  affiliation?: string;
  location?: string;
  features: Array<{ feature: FeatureName; value: number; contribution: number }>;
  reasons: Explanation['reasons'];
  matchedTerms: string[];
  matchedFields: Explanation['matchedFields'];
  evidence: EvidenceView[];
  aheadOfNext?: Explanation['aheadOfNext'];
}

export interface MatchResult {
  need: {
    description: string;
    company?: string;
    district?: string;
    field?: { id: string; zh: string; en: string };
    /** The words matching read in the need, and the fields it places it in. */
    words: string[];
    fields: Array<{ id: string; zh: string; en: string }>;
  };
  mode: RankingMode;
  candidates: CandidateView[];
  /** Candidates in the index. */
  indexed: number;
}

export interface MatchOptions {
  limit?: number;
  mode?: RankingMode;
}

const rounded = (n: number) => Math.round(n * 1000) / 1000;

function analyzed(need: Need): AnalyzedNeed {
  return analyzeNeed({
    description: need.description,
    ...(need.field ? { field: need.field.id } : {}),
    ...(need.company ? { company: need.company } : {}),
    ...(need.division ? { division: need.division } : {}),
    ...(need.kinds ? { kinds: need.kinds } : {}),
  });
}

function limitOf(options: MatchOptions): number {
  const limit = options.limit ?? MATCHING_CONFIG.limits.results;
  const most = MATCHING_CONFIG.limits.maxResults;
  if (!Number.isInteger(limit) || limit < 1 || limit > most) {
    throw new InvalidArgumentError(
      `候选数量应为 1 到 ${most} 的整数 (the number of candidates is 1 to ${most})`,
    );
  }
  return limit;
}

/** The ids of the candidates of a need, best first: what the benchmark and the feedback measure. */
export async function rankedIds(
  store: Store,
  input: NeedInput,
  options: MatchOptions = {},
): Promise<string[]> {
  const need = parseNeed(input);
  const index = await matchingIndex(store);
  return rankCandidates(index, analyzed(need), { mode: options.mode ?? 'full', limit: limitOf(options) }).map(
    (m) => m.candidate.input.id,
  );
}

/**
 * The candidates for a need, best first, each with its score, the features it was made of,
 * the reasons, the evidence sentences with their documents, and what puts it above the next.
 *
 * @example await matchNeed(store, { description: '需要金属3D打印技术', district: '北碚区' })
 * @throws InvalidArgumentError for a need that cannot be matched (see `parseNeed`).
 */
export async function matchNeed(
  store: Store,
  input: NeedInput,
  options: MatchOptions = {},
): Promise<MatchResult> {
  const need = parseNeed(input);
  const limit = limitOf(options);
  const mode = options.mode ?? 'full';
  const index = await matchingIndex(store);
  const analysis = analyzed(need);
  const matches = rankCandidates(index, analysis, { mode, limit });
  const explanations = explainRanking(matches);
  const documentIds = [
    ...new Set(explanations.flatMap((e) => e.evidence.flatMap((s) => (s.documentId ? [s.documentId] : [])))),
  ];
  const titles = new Map(
    (await store.reading.documents.findMany(documentIds)).map((d) => [
      d.id,
      d.title ?? d.sourcePath.split('/').at(-1) ?? d.id,
    ]),
  );
  const { fields } = matchingLexicon();
  const fieldView = (id: string) => {
    const field = fields.get(id);
    return field ? [{ id, zh: field.zh, en: field.en }] : [];
  };
  return {
    need: {
      description: need.description,
      ...(need.company ? { company: need.company } : {}),
      ...(need.district ? { district: need.district } : {}),
      ...(need.field ? { field: { id: need.field.id, zh: need.field.zh, en: need.field.en } } : {}),
      words: analysis.words,
      fields: [...analysis.fields.keys()].flatMap(fieldView),
    },
    mode,
    indexed: index.size,
    candidates: matches.map((match, i) => {
      const explanation = explanations[i] as Explanation;
      const { input: candidate, locations } = match.candidate;
      const location = locations[0];
      return {
        rank: i + 1,
        id: candidate.id,
        kind: candidate.kind,
        name: candidate.name,
        score: rounded(match.score),
        ...(candidate.affiliation ? { affiliation: candidate.affiliation.name } : {}),
        ...(location ? { location: location.division.name } : {}),
        features: FEATURES.filter((f) => match.values[f] > 0).map((feature) => ({
          feature,
          value: rounded(match.values[feature]),
          contribution: rounded(contribution(match, feature)),
        })),
        reasons: explanation.reasons.map((r) => ({ ...r, contribution: rounded(r.contribution) })),
        matchedTerms: explanation.matchedTerms,
        matchedFields: explanation.matchedFields,
        evidence: explanation.evidence.map((e) => ({
          ...e,
          ...(e.documentId && titles.has(e.documentId) ? { documentTitle: titles.get(e.documentId) } : {}),
        })),
        ...(explanation.aheadOfNext ? { aheadOfNext: explanation.aheadOfNext } : {}),
      };
    }),
  };
}

// ---- Needs and the feedback on their matches, as statements.

export interface NeedRecord extends Omit<NeedInput, 'kinds'> {
  id: string;
  created: string;
  author?: string;
  /** The latest judgement of each candidate judged. */
  feedback: Array<{ candidate: string; useful: boolean; author: string; at: string }>;
}

const NEED_FIELDS = ['description', 'company', 'district', 'field', 'budget', 'deadline'] as const;

function needOf(id: string, statements: readonly Statement[]): NeedRecord {
  const live = statements
    .filter((s) => s.status !== 'rejected')
    .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  const record: NeedRecord = { id, description: '', created: live[0]?.created ?? '', feedback: [] };
  const first = live[0]?.source;
  if (first?.origin === 'manual') record.author = first.author;
  const judged = new Map<string, NeedRecord['feedback'][number]>();
  for (const s of live) {
    if (s.property === 'feedback') {
      const value = s.value as { candidate?: unknown; useful?: unknown };
      if (typeof value.candidate === 'string' && typeof value.useful === 'boolean') {
        const author = s.source.origin === 'manual' ? s.source.author : '';
        judged.set(value.candidate, {
          candidate: value.candidate,
          useful: value.useful,
          author,
          at: s.created,
        });
      }
    } else if (s.property === 'budget' && typeof s.value === 'number') record.budget = s.value;
    else if ((NEED_FIELDS as readonly string[]).includes(s.property) && typeof s.value === 'string') {
      (record as unknown as Record<string, string>)[s.property] = s.value;
    }
  }
  record.feedback = [...judged.values()];
  return record;
}

/**
 * Keeps a need as an entity of its own, its fields the statements of the person who entered it.
 * The same company with the same description is the same need: entering it again changes only
 * the fields that differ.
 */
export async function saveNeed(
  store: Store,
  input: NeedInput,
  author: string,
  now = new Date().toISOString(),
): Promise<NeedRecord> {
  return store.transaction(async (tx) => {
    const [id, statements] = await saveNeedIn(tx, input, { author }, now);
    return needOf(id, statements);
  });
}

/** A need's fields that differ from the need as kept, written by a person or a sheet's row. */
async function saveNeedIn(
  tx: Repositories,
  input: NeedInput,
  writer: Writer,
  now: string,
): Promise<[id: string, statements: Statement[], outcome: SaveOutcome]> {
  const need = parseNeed(input);
  const id = entityId('need', `${need.company ?? ''}\u0000${need.description}`);
  const known = await tx.entities.find(id);
  const current = needOf(id, await tx.statements.about([id]));
  if (!known) await tx.entities.ensure([{ id, type: 'need', key: need.description.slice(0, 200) }], now);
  const values: Record<string, JsonValue | undefined> = {
    description: need.description,
    company: need.company,
    district: need.district,
    field: need.field?.id,
    budget: need.budget,
    deadline: need.deadline,
  };
  const facts = NEED_FIELDS.flatMap((property) => {
    const value = values[property];
    return value === undefined || (current as unknown as Record<string, unknown>)[property] === value
      ? []
      : [{ property, value }];
  });
  await writeFacts(tx, id, facts, writer, now);
  return [id, await tx.statements.about([id]), !known ? 'added' : facts.length ? 'updated' : 'unchanged'];
}

/**
 * Imports a spreadsheet of needs (`.xlsx` or `.csv`, the columns of `need-sheet.ts`): each good
 * row kept in its own savepoint as the statements of that row, each bad one reported with its
 * line and reason. Importing the same sheet again adds nothing.
 */
export async function importNeeds(
  store: Store,
  bytes: Uint8Array,
  path: string,
  now = new Date().toISOString(),
): Promise<SheetImport> {
  let results: ReturnType<typeof readNeedRows>;
  try {
    results = readNeedRows(await readSheet(bytes, path));
  } catch (error) {
    if (error instanceof CoopAtlasError) throw error;
    throw new CoopAtlasError('SHEET_INVALID', `${path}: ${errorMessage(error)}`);
  }
  const file = basename(path);
  const saved = await store.transactionOfEach(
    results.flatMap((result) =>
      result.ok
        ? [
            async (tx: Repositories) => {
              const [id, , outcome] = await saveNeedIn(tx, result.row, { file, row: result.line }, now);
              return { id, outcome };
            },
          ]
        : [],
    ),
  );
  return settleLines(results, saved, path);
}

export async function findNeed(store: Store, id: string): Promise<NeedRecord> {
  const entity = await store.entities.find(id);
  if (entity?.type !== 'need') throw new NotFoundError(`没有这条需求：${id} (no such need)`);
  return needOf(id, await store.statements.about([id]));
}

/** Every need kept, the latest first. */
export async function listNeeds(store: Store): Promise<NeedRecord[]> {
  const byNeed = new Map<string, Statement[]>();
  for (const s of await store.statements.aboutType('need'))
    byNeed.set(s.entityId, [...(byNeed.get(s.entityId) ?? []), s]);
  return [...byNeed]
    .map(([id, statements]) => needOf(id, statements))
    .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.id < b.id ? -1 : 1));
}

/** The need's fields as matching takes them. */
export const needInput = (need: NeedRecord): NeedInput => ({
  description: need.description,
  ...(need.company ? { company: need.company } : {}),
  ...(need.district ? { district: need.district } : {}),
  ...(need.field ? { field: need.field } : {}),
});

/**
 * Records a person's judgement of a candidate for a need, as their statement about the need:
 * `{ candidate, useful }`, citing the sentence they judged it from when given. A later
 * judgement of the same candidate supersedes the earlier; both are kept.
 */
export async function recordFeedback(
  store: Store,
  needId: string,
  feedback: { candidate: string; useful: boolean; evidence?: { documentId: string; span: Span } },
  author: string,
  now = new Date().toISOString(),
): Promise<NeedRecord> {
  await findNeed(store, needId);
  if (!feedback.candidate.trim())
    throw new InvalidArgumentError('请指明评价的候选 (which candidate is judged?)');
  if (feedback.evidence && !(await store.documents.exists(feedback.evidence.documentId))) {
    throw new NotFoundError(`没有这份文档：${feedback.evidence.documentId} (no such document)`);
  }
  await store.statements.addManual(
    {
      entityId: needId,
      property: 'feedback',
      value: { candidate: feedback.candidate, useful: feedback.useful },
      author,
      status: 'accepted',
      ...(feedback.evidence ? { evidence: feedback.evidence } : {}),
    },
    now,
  );
  return findNeed(store, needId);
}

/**
 * The ranking's quality on the needs people judged: nDCG@10 and MRR of the full ranking and
 * of BM25 alone, a candidate marked useful counting as relevant.
 */
export async function feedbackQuality(
  store: Store,
): Promise<{ full: RankingQuality; bm25: RankingQuality; judged: number }> {
  const judged = (await listNeeds(store)).filter((n) => n.feedback.length > 0);
  const runs: Record<RankingMode, Array<{ ranking: string[]; judgments: Map<string, number> }>> = {
    full: [],
    bm25: [],
  };
  for (const need of judged) {
    const judgments = new Map(need.feedback.map((f) => [f.candidate, f.useful ? 1 : 0]));
    for (const mode of ['full', 'bm25'] as const) {
      runs[mode].push({ ranking: await rankedIds(store, needInput(need), { mode, limit: 10 }), judgments });
    }
  }
  return { full: rankingQuality(runs.full), bm25: rankingQuality(runs.bm25), judged: judged.length };
}
