/**
 * Why a candidate ranks where it does, told from the features its score was made of: the
 * words and synonyms matched (and where the candidate writes them), the fields shared, how
 * near it is, its past cooperation, the sentences that show it, and what puts it above the
 * next one. Nothing is said that the score did not use.
 */
import type { Span } from '../core/types.js';
import { MATCHING_CONFIG } from './matching.config.js';
import type { IndexedCandidate } from './matching-index.js';
import { regionOf } from './proximity.js';
import { contribution, FEATURES, type FeatureName, type Match } from './rank.js';

/** How each feature reads, for the reasons and for the page. */
export const FEATURE_LABELS: Readonly<Record<FeatureName, { zh: string; en: string }>> = {
  lexical: { zh: '词语相关', en: 'matching words' },
  synonym: { zh: '同义词', en: 'synonyms' },
  field: { zh: '领域相同', en: 'same field' },
  fieldParent: { zh: '领域相近', en: 'related field' },
  district: { zh: '同区县', en: 'same district' },
  city: { zh: '同城市', en: 'same city' },
  province: { zh: '同省份', en: 'same province' },
  region: { zh: '同区域', en: 'same region' },
  cooperationCompany: { zh: '与该企业有过合作', en: 'has worked with the company' },
  cooperationPlace: { zh: '在当地有过合作', en: 'has worked in the place' },
};

export interface Reason {
  feature: FeatureName;
  /** Its share of the score. */
  contribution: number;
  zh: string;
  en: string;
}

export interface EvidenceSentence {
  text: string;
  documentId?: string;
  span?: Span;
  /** The need's words and synonym forms the sentence writes. */
  matched: string[];
}

export interface Explanation {
  reasons: Reason[];
  /** The need's words the candidate writes, best first. */
  matchedTerms: string[];
  matchedFields: Array<{ id: string; zh: string; en: string; shared: 'field' | 'parent' }>;
  evidence: EvidenceSentence[];
  /** What its score has over the next candidate's, feature by feature. */
  aheadOfNext?: {
    margin: number;
    features: Array<{ feature: FeatureName; difference: number }>;
    zh: string;
    en: string;
  };
}

const list = (items: readonly string[], separator: string) => items.join(separator);
const quoted = (items: readonly string[]) => items.map((i) => `“${i}”`).join('、');

function reasonsOf(match: Match): Reason[] {
  const reasons: Reason[] = [];
  const push = (feature: FeatureName, zh: string, en: string) => {
    const share = contribution(match, feature);
    if (share > 0) reasons.push({ feature, contribution: share, zh, en });
  };
  if (match.words.length > 0) {
    const words = match.words.map((w) => w.word);
    const inName = match.words.filter((w) => w.inName).map((w) => w.word);
    push(
      'lexical',
      `写有需求中的词：${quoted(words)}${inName.length ? `（名称中有 ${quoted(inName)}）` : ''}`,
      `writes the need's words ${list(words, ', ')}${inName.length ? ` (in its name: ${list(inName, ', ')})` : ''}`,
    );
  }
  if (match.synonyms.length > 0) {
    const same = match.synonyms.flatMap((s) => s.candidateForms.filter((f) => s.needForms.includes(f)));
    const pairs = match.synonyms.flatMap((s) => {
      const other = s.candidateForms.filter((f) => !s.needForms.includes(f));
      return other.length ? [{ need: s.needForms, candidate: other }] : [];
    });
    const zh = [
      ...(same.length ? [`写有同一术语 ${quoted(same)}`] : []),
      ...(pairs.length
        ? [`同义：${pairs.map((p) => `需求的 ${quoted(p.need)} ≈ 候选的 ${quoted(p.candidate)}`).join('；')}`]
        : []),
    ];
    const en = [
      ...(same.length ? [`writes the same terms ${same.join(', ')}`] : []),
      ...(pairs.length
        ? [`synonyms: ${pairs.map((p) => `${p.need.join('/')} ≈ ${p.candidate.join('/')}`).join('; ')}`]
        : []),
    ];
    push('synonym', `领域词表：${zh.join('；')}`, `domain lexicon: ${en.join('; ')}`);
  }
  // One reason per feature: the field feature counts once however many fields are shared.
  for (const shared of ['field', 'parent'] as const) {
    const fields = match.fields.filter((f) => f.shared === shared);
    if (fields.length === 0) continue;
    push(
      shared === 'field' ? 'field' : 'fieldParent',
      `${shared === 'field' ? '同属' : '同属大类'}${fields
        .map(
          (f) => `“${f.field.zh}”（需求：${quoted(f.needKeywords)}；候选：${quoted(f.candidateKeywords)}）`,
        )
        .join('、')}`,
      `${shared === 'field' ? 'both in' : 'both under'} ${fields
        .map(
          (f) =>
            `${f.field.en} (need: ${f.needKeywords.join(', ')}; candidate: ${f.candidateKeywords.join(', ')})`,
        )
        .join(', ')}`,
    );
  }
  if (match.proximity) {
    const { level, need, location } = match.proximity;
    const via = { name: '其名称', record: '其登记信息', text: '其资料' }[location.via];
    const viaEn = { name: 'its name', record: 'its record', text: 'its sentences' }[location.via];
    const region = regionOf(need.province);
    const shared = {
      district: { zh: '一个区县', en: 'district' },
      city: { zh: '一个城市', en: 'city' },
      province: { zh: '一个省份', en: 'province' },
      region: { zh: `${region?.zh ?? ''}地区`, en: `region (${region?.en ?? ''})` },
    }[level];
    push(
      level,
      `需求地点“${need.name}”与${via}写明的“${location.written}”同在${shared.zh}`,
      `the need's ${need.name} and ${location.written}, named by ${viaEn}, are in the same ${shared.en}`,
    );
  }
  const { company, place } = match.cooperation;
  if (company) {
    push(
      'cooperationCompany',
      `曾与“${company.name}”共同参与 ${company.events} 次合作活动`,
      `took part in ${company.events} cooperation events with ${company.name}`,
    );
  }
  if (place) {
    push(
      'cooperationPlace',
      `曾在“${place.name}”参与 ${place.events} 次合作活动`,
      `took part in ${place.events} cooperation events in ${place.name}`,
    );
  }
  return reasons.sort((a, b) => b.contribution - a.contribution);
}

/** The candidate's sentences that write the most of what matched, best first. */
function evidenceOf(match: Match, candidate: IndexedCandidate): EvidenceSentence[] {
  const weights = new Map<string, number>();
  for (const w of match.words) weights.set(w.word, w.score);
  for (const s of match.synonyms)
    for (const form of s.candidateForms) weights.set(form, Math.max(weights.get(form) ?? 0, 0.5));
  const scored = candidate.texts.passages.map((text, index) => {
    const matched = [...weights.keys()].filter((w) => text.includes(w));
    return { index, matched, weight: matched.reduce((sum, w) => sum + (weights.get(w) ?? 0), 0) };
  });
  const passages = candidate.input.passages;
  return scored
    .filter((s) => s.matched.length > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, MATCHING_CONFIG.limits.evidenceShown)
    .map(({ index, matched }) => {
      const passage = passages[index];
      return {
        text: passage?.text.replace(/\s*\n\s*/g, '') ?? '',
        ...(passage?.documentId ? { documentId: passage.documentId } : {}),
        ...(passage?.span ? { span: passage.span } : {}),
        matched,
      };
    });
}

const ROUND = 1000;
const rounded = (n: number) => Math.round(n * ROUND) / ROUND;

function aheadOf(match: Match, next: Match | undefined): Explanation['aheadOfNext'] {
  if (!next) return undefined;
  const features = FEATURES.map((feature) => ({
    feature,
    difference: rounded(contribution(match, feature) - contribution(next, feature)),
  }))
    .filter((f) => f.difference > 0)
    .sort((a, b) => b.difference - a.difference);
  const margin = rounded(match.score - next.score);
  const name = next.candidate.input.name;
  if (features.length === 0) {
    return { margin, features, zh: `与下一名“${name}”得分相同`, en: `scores the same as the next, ${name}` };
  }
  return {
    margin,
    features,
    zh: `比下一名“${name}”高 ${margin}：${features.map((f) => `${FEATURE_LABELS[f.feature].zh} +${f.difference}`).join('，')}`,
    en: `${margin} above the next, ${name}: ${features.map((f) => `${FEATURE_LABELS[f.feature].en} +${f.difference}`).join(', ')}`,
  };
}

/** The explanation of each match of a ranking, in its order. */
export function explainRanking(matches: readonly Match[]): Explanation[] {
  return matches.map((match, i) => {
    const ahead = aheadOf(match, matches[i + 1]);
    return {
      reasons: reasonsOf(match),
      matchedTerms: match.words.map((w) => w.word),
      matchedFields: match.fields.map((f) => ({
        id: f.field.id,
        zh: f.field.zh,
        en: f.field.en,
        shared: f.shared,
      })),
      evidence: evidenceOf(match, match.candidate),
      ...(ahead ? { aheadOfNext: ahead } : {}),
    };
  });
}
