import type { EntityMention, OrganizationKind } from '../../core/types.js';
import { domainEntry, endingSuffix, type Lexicon, leadingPlaceLength } from '../lexicon/lexicon.js';
import { type Token, tagOf } from '../segmentation/segmenter.js';
import { shortFormIntroducedAt } from '../text/short-forms.js';

/** Kinds of body whose name may be a place and a suffix alone (重庆市人民政府, 四川大学). */
const PLACE_NAMED_KINDS = new Set<OrganizationKind>([
  'government',
  'zone',
  'university',
  'academy',
  'institute',
  'hospital',
  'association',
  'media',
  'park',
]);

/** A national body's first word; 国家级 is a rank (国家级科技企业孵化器), not the state. */
const NATIONAL_PREFIX = /^(国家(?!级)|中国|中央|全国|中华)/;
const DASHES = new Set(['—', '-', '－', '–', '——', '·']);
const CONJUNCTIONS = new Set(['与', '和', '及']);
/** The characters of a number written in Chinese, and of a vague one (几, 多, 数). */
const NUMERALS = '[一二三四五六七八九十百千万两〇零几多数]';
const NUMBER = new RegExp(`^[0-9０-９.．%％]+$|^${NUMERALS}+[大个家项批类所座条]$`);
const CHINESE_NUMERAL = new RegExp(`^${NUMERALS}+$`);
/** The characters a number, a count or an ordinal begins with: a word that begins otherwise is none. */
const NUMBER_START = characterTable(
  '0123456789０１２３４５６７８９.．%％一二三四五六七八九十百千万两〇零几多数第',
);
/** A number, or an ordinal, with its measure word, as one word: 一间, 第二家, 二百余名. They count bodies. */
const COUNTED = new RegExp(`^第?(?:[0-9]+|${NUMERALS}+)[余多]?[个家项批所座条间名位支只]$`);
/** A demonstrative and a measure word the segmenter keeps as one word (这批, 该家, 每所). */
const DEMONSTRATIVE_MEASURE = /^[这那该此每各某][个家批类所项座条位名种些]$/;
/** A word that names a category (化工类, 科技型): it qualifies a kind of body, it names none. */
const CATEGORY = /^\p{Script=Han}{1,3}[类型]$/u;
const WORDLIKE = /^[\p{Script=Han}A-Za-z0-9０-９]+$/u;
const MAX_TOKENS = 16;
const LATIN = /^[A-Za-z][A-Za-z0-9&.'-]*$/;
/** A company's legal form: a name that ends with one is registered, whatever its other words. */
const LEGAL_FORM = /有限(?:责任)?公司$/;
/** Tags of the words 与 joins inside one name: nouns, activities, qualifiers. */
const FIELD_TAGS = new Set(['n', 'vn', 'nz', 'an', 'nt', 'v', 'l']);
/** Words that end a name's left side except after a place: 在国际… but 文昌国际航天城管理局. */
const AFTER_PLACE_IN_NAME = new Set(['国际']);

/** A name found in the text, before resolution. `nested` names lie inside a longer name. */
export interface OrganizationMention extends EntityMention {
  type: 'organization';
  kind: OrganizationKind;
  /** The name is only a suffix (科学城, 该研究院): it can only stand for a body named in full. */
  bare?: boolean;
}

interface Candidate {
  first: number;
  last: number;
  kind: OrganizationKind;
  bare: boolean;
  known: boolean;
}

/**
 * Organisations by the suffix grammar of Chinese names (…有限公司, …研究院, …实验室, …人民政府 …)
 * and the alias table: each name ends in a suffix and extends left over the words that can be
 * part of a name, through places, nested names (中国科学院大学重庆学院), bracketed places
 * (喀斯玛汇智（重庆）科技有限公司) and hyphenated partners (特斯联-奇安信城市智能安全联合实验室).
 *
 * @example recognizeOrganizations('与三峰环境集团建设联合实验室') // 三峰环境集团 (联合实验室 is a kind, not a name)
 */
export function recognizeOrganizations(
  text: string,
  tokens: readonly Token[],
  lex: Lexicon,
): OrganizationMention[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const word = token.text;
    const known = token.entry?.organization;
    if (known) {
      // 桂林电子科技大学 is not 电子科技大学: a university named after no place takes the one before it.
      const first = known.kind === 'university' && placeNamesUniversity(tokens, i, lex) ? i - 1 : i;
      candidates.push(
        withCampus(tokens, { first, last: i, kind: known.kind, bare: false, known: first === i }),
      );
      continue;
    }
    const suffix = suffixOf(word, lex);
    if (!suffix) continue;
    const candidate = extend(tokens, i, suffix.kind, lex, text);
    if (candidate.first === i && word === suffix.suffix) {
      candidates.push({ ...candidate, bare: true });
      continue;
    }
    for (const part of splitAtZone(tokens, candidate, lex)) {
      if (isName(tokens, part, lex)) candidates.push(withCampus(tokens, part));
    }
  }
  const names = longestFirst(candidates);
  const parents: Candidate[] = [];
  for (const name of names) {
    const parent = branchParent(tokens, name, lex);
    if (parent) parents.push(parent);
  }
  // The names are in text order already; a branch's parent goes after the branch that starts with it.
  const ordered = parents.length === 0 ? names : [...names, ...parents].sort((a, b) => a.first - b.first);
  return ordered.map((c) => toMention(text, tokens, c));
}

/**
 * A university and the city of one of its campuses in brackets after it are one body:
 * 山东大学（威海）, 哈尔滨工业大学（深圳）, 中国石油大学（华东）.
 */
function withCampus(tokens: readonly Token[], candidate: Candidate): Candidate {
  if (candidate.kind !== 'university') return candidate;
  const open = tokens[candidate.last + 1]?.text;
  if (open !== '（' && open !== '(') return candidate;
  for (let k = candidate.last + 2; k <= candidate.last + 3; k++) {
    const token = tokens[k];
    if (!token) return candidate;
    if (token.text === '）' || token.text === ')') {
      return k > candidate.last + 2 ? { ...candidate, last: k } : candidate;
    }
    const place = token.entry?.place;
    if (!place || (place.level !== 'city' && place.level !== 'region' && place.level !== 'district'))
      return candidate;
  }
  return candidate;
}

/** Words that name a branch of the body written before them: …实验室江北分中心. */
const BRANCH = /^分(中心|公司|基地|平台|实验室)$/;

/**
 * The body a branch belongs to, a name of its own inside the branch's: 网络通信与安全紫金山实验室
 * of 网络通信与安全紫金山实验室江北分中心. The branch may name its place between them.
 */
function branchParent(tokens: readonly Token[], branch: Candidate, lex: Lexicon): Candidate | undefined {
  if (!BRANCH.test((tokens[branch.last] as Token).text)) return undefined;
  let k = branch.last - 1;
  while (k > branch.first && (tokens[k] as Token).entry?.place) k--;
  const end = tokens[k] as Token;
  const suffix = suffixOf(end.text, lex);
  const kind = end.entry?.organization?.kind ?? suffix?.kind;
  if (k === branch.last - 1 || !kind) return undefined;
  // One word is a parent only when it is a name, not a bare suffix (研究所分中心).
  const named = end.entry?.organization || (suffix && end.text.length > suffix.suffix.length);
  if (k === branch.first && !named) return undefined;
  return { first: branch.first, last: k, kind, bare: false, known: false };
}

function placeNamesUniversity(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  const before = tokens[at - 1];
  if (!before?.entry?.place || before.entry.organization) return false;
  return leadingPlaceLength((tokens[at] as Token).text, lex) === 0;
}

function suffixOf(word: string, lex: Lexicon): { suffix: string; kind: OrganizationKind } | undefined {
  const found = endingSuffix(word, lex);
  // A one-character suffix (局, 部, 委) must stand alone: 格局 and 全部 are not bodies …
  if (found && found.suffix.length === 1 && word.length > 1 && !isBureau(word, lex)) return undefined;
  return found;
}

/**
 * … except a bureau or a department written as one word: one the dictionary tags as a body
 * (商务厅, 民政局), a standard abbreviation (经信局), or a bureau named by a word of its own
 * (旅游局, 统计局); 新格局 is named by none. A party committee (重庆市委) is left to the title it stands in (市委书记).
 */
function isBureau(word: string, lex: Lexicon): boolean {
  if (word.length < 3 || !/[局厅]$/.test(word)) return false;
  if (lex.wordTags.get(word)?.tag === 'nt' || lex.abbreviated.has(word)) return true;
  return word.endsWith('局') && lex.wordTags.has(word.slice(0, -1));
}

/** A government written by its level only: 市政府, 省人民政府. */
export const LEVEL_GOVERNMENT = /^(省|自治区|市|区|县)(人民)?政府$/;
/** The level of an area, written alone before one of its departments (省 科技厅). */
const AREA_LEVEL = /^(省|自治区|市|区|县)$/;

/** Ranks of a body or a zone: 国家级, 省级, 省部级. */
const RANK = /^(国家|省部|省|市|区|县)级$/;

function isBareSuffix(token: Token, lex: Lexicon): boolean {
  return suffixOf(token.text, lex)?.suffix === token.text;
}

/** A word the dictionary lists as the name of a body, ending as a body's name does: 中国矿业大学. */
function isWholeName(token: Token, lex: Lexicon): boolean {
  const suffix = suffixOf(token.text, lex)?.suffix;
  return suffix !== undefined && suffix !== token.text && tagOf(token, lex) === 'nt';
}

function isPark(word: string, lex: Lexicon): boolean {
  return suffixOf(word, lex)?.kind === 'park';
}

/** A zone's name or its suffix alone: 科学城, 两江新区, 上饶高铁经济试验区. */
function isZone(word: string, lex: Lexicon): boolean {
  return suffixOf(word, lex)?.kind === 'zone';
}

function isPlaceOrKnown(token: Token): boolean {
  return (
    token.entry !== undefined && (token.entry.place !== undefined || token.entry.organization !== undefined)
  );
}

function isBoundary(token: Token, lex: Lexicon): boolean {
  const entry = token.entry;
  if (entry?.orgBoundary || entry?.title || (startsNumber(token.text) && NUMBER.test(token.text)))
    return true;
  if (token.text.length === 2 && DEMONSTRATIVE_MEASURE.test(token.text)) return true;
  const tag = tagOf(token, lex);
  return tag !== undefined && /^(p|c|u|r|y|e|o|q)/.test(tag) && !entry?.field;
}

/**
 * The first token of the name that ends with the token at `last`: walks left over the words
 * that can belong to a name. Also used for the names of events (…研讨会, …博览会).
 */
export function nameStart(tokens: readonly Token[], last: number, lex: Lexicon): number {
  return extend(tokens, last, 'other', lex).first;
}

function extend(
  tokens: readonly Token[],
  last: number,
  kind: OrganizationKind,
  lex: Lexicon,
  text?: string,
): Candidate {
  let first = last;
  // Once the name reaches a place or a known body, a word the dictionary does not know is more
  // likely a verb phrase (建好) than part of the name.
  let anchored = isPlaceOrKnown(tokens[last] as Token);
  let latin = false;
  let j = last - 1;
  while (j >= 0 && last - j < MAX_TOKENS) {
    const token = tokens[j] as Token;
    const word = token.text;
    if (word === '）' || word === ')') {
      const open = bracketStart(tokens, j, lex);
      if (open === undefined) break;
      first = open;
      j = open - 1;
      continue;
    }
    if (DASHES.has(word)) {
      const before = tokens[j - 1];
      // A dash joins two names (特斯联-奇安信…); it never begins one.
      if (!before || !WORDLIKE.test(before.text) || isBoundary(before, lex)) break;
      // The partner's name is a name of its own (城大—福田…中心): it needs no anchor.
      anchored = false;
      first = j;
      j--;
      continue;
    }
    // A Latin name keeps its spaces (PT Energi Hijau Nusantara公司).
    if (word === ' ' && LATIN.test(tokens[j - 1]?.text ?? '')) {
      if (!LATIN.test(tokens[j + 1]?.text ?? '') && j + 1 !== last) break;
      latin = true;
      first = j;
      j--;
      continue;
    }
    // 印尼PT Energi…: the Latin name ends at the script's change.
    if (latin && !LATIN.test(word)) break;
    if (CONJUNCTIONS.has(word)) {
      if (!joinsFieldsOfOneName(tokens, j, first, lex) && !isInBrandName(tokens, j, first, lex)) break;
      first = j;
      j--;
      continue;
    }
    if (!WORDLIKE.test(word)) break;
    // 国家级新区两江新区: a rank and a kind of body before a name describe it; they are not part of it.
    if (RANK.test(word) && j + 2 <= last && isBareSuffix(tokens[j + 1] as Token, lex)) {
      first = j + 2;
      break;
    }
    if (startsNumber(word)) {
      const numeral = CHINESE_NUMERAL.test(word);
      // 五个, 十家 count; 三一重工 is a name.
      if (numeral && /^q/.test(nextTag(tokens, j, lex))) break;
      // 盐湖区一孵化器: a numeral before a bare suffix counts that kind of body; it names none.
      if (numeral && j === last - 1 && isBareSuffix(tokens[last] as Token, lex)) break;
      if (COUNTED.test(word)) break;
    }
    // 检测与认证平台: a verb joined to the next word of the name by 与 is a field of it.
    const joined = first === j + 1 && CONJUNCTIONS.has((tokens[first] as Token).text);
    if (token.entry?.nameVerb && !joined && !startsKindOfBody(tokens, first, last)) break;
    if (isPlaceOrKnown(token)) {
      // A government is never named after another body: 重庆市人民政府中国科学院 is two parties.
      if (kind === 'government' && token.entry?.place === undefined && !isZone(word, lex)) break;
      anchored = true;
      first = j;
      j--;
      continue;
    }
    if (
      isBoundary(token, lex) &&
      !isMeasureWordOfName(tokens, j, lex) &&
      !followsPlace(tokens, j) &&
      !followsFounder(tokens, j, kind)
    )
      break;
    // … but a park's management committee is named after the park (钛合金产业园管委会).
    if (kind === 'government' && suffixOf(word, lex) && !isZone(word, lex) && !isPark(word, lex)) break;
    // The short form the text gives the name shows where it begins: 华岳 of 甘肃华岳秦州电工… (“华岳电工”).
    if (anchored && !isKnownWord(token, lex) && !introducedAfter(text, tokens, last)?.startsWith(word)) break;
    first = j;
    j--;
  }
  // A dash joins two names; it never begins one.
  while (first < last && DASHES.has((tokens[first] as Token).text)) first++;
  return { first, last, kind, bare: false, known: false };
}

/** The short form `text` introduces right after the name ending at token `last`: （以下简称“华岳电工”）. */
function introducedAfter(
  text: string | undefined,
  tokens: readonly Token[],
  last: number,
): string | undefined {
  return text === undefined ? undefined : shortFormIntroducedAt(text, (tokens[last] as Token).end);
}

function characterTable(characters: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

function startsNumber(word: string): boolean {
  return NUMBER_START[word.charCodeAt(0)] === 1;
}

/** Whether the words from `first` to `last` are only kinds and fields: 联合 then begins the name. */
function startsKindOfBody(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const entry = (tokens[k] as Token).entry;
    if (!entry?.generic && !entry?.field && !entry?.nameVerb) return false;
  }
  return true;
}

/**
 * A character the dictionary reads as a measure word (盾, 元, 家) is part of a name between two of
 * its words (安徽科大国盾量子技术股份有限公司), not after a numeral or a one-character word (两家,
 * 这批, 各类), where it counts.
 */
function isMeasureWordOfName(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  const token = tokens[at] as Token;
  if (token.text.length !== 1 || token.entry?.orgBoundary || token.entry?.title) return false;
  if (!/^q/.test(tagOf(token, lex) ?? '')) return false;
  const before = tokens[at - 1];
  if (!before || before.text.length < 2 || !WORDLIKE.test(before.text)) return false;
  if (NUMBER.test(before.text) || CHINESE_NUMERAL.test(before.text) || /\d/.test(before.text)) return false;
  return !isBoundary(before, lex) && !/^m/.test(tagOf(before, lex) ?? '');
}

/** Whether the word at `at` is one a name holds after its place (文昌国际…). */
function followsPlace(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  return AFTER_PLACE_IN_NAME.has((tokens[at] as Token).text) && before?.entry?.place !== undefined;
}

/** Who founded a school or a hospital, written first in its name: 国立成功大学, 私立辅仁大学. */
const FOUNDER = /^(国立|私立|公立|省立|市立|县立|州立)$/;
const FOUNDED_KINDS: ReadonlySet<OrganizationKind> = new Set(['university', 'hospital', 'institute']);

/**
 * Whether the word at `at` is the first word of a school's own name after its founder, even one
 * that is elsewhere a boundary (成功 of 国立成功大学).
 */
function followsFounder(tokens: readonly Token[], at: number, kind: OrganizationKind): boolean {
  const word = (tokens[at] as Token).text;
  return (
    FOUNDED_KINDS.has(kind) &&
    word.length >= 2 &&
    WORDLIKE.test(word) &&
    FOUNDER.test(tokens[at - 1]?.text ?? '')
  );
}

function isKnownWord(token: Token, lex: Lexicon): boolean {
  const entry = token.entry;
  if (entry?.field || entry?.generic || tagOf(token, lex) !== undefined) return true;
  return /^[A-Za-z0-9]+$/.test(token.text);
}

/** The dictionary's tag of the word after token `j`, or '' (五个, 十家: a numeral before a measure). */
function nextTag(tokens: readonly Token[], j: number, lex: Lexicon): string {
  const next = tokens[j + 1];
  return (next && tagOf(next, lex)) ?? '';
}

/** The token index of the `（` that opens a short bracketed place or name ending at `close`. */
function bracketStart(tokens: readonly Token[], close: number, lex: Lexicon): number | undefined {
  let inside = '';
  for (let k = close - 1; k >= 0 && close - k <= 5; k--) {
    const word = (tokens[k] as Token).text;
    if (word === '（' || word === '(') {
      if (inside === '' || inside.length > 8) return undefined;
      const before = tokens[k - 1];
      // 西部（重庆）科学城, 喀斯玛汇智（重庆）: a bracket inside a name follows a word of it.
      if (!before || !WORDLIKE.test(before.text) || isBoundary(before, lex)) return undefined;
      return k;
    }
    if (!WORDLIKE.test(word)) return undefined;
    inside = word + inside;
  }
  return undefined;
}

/**
 * Whether 与/和/及 at `at` joins two fields inside one name (大数据与智能计算重庆市重点实验室)
 * rather than two parties (中国科学院与重庆市人民政府).
 */
function joinsFieldsOfOneName(tokens: readonly Token[], at: number, first: number, lex: Lexicon): boolean {
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (!before?.text || !after?.text || at + 1 !== first) return false;
  // 光伏企业与研究院: a bare suffix after 与 is a second party, not the end of one name, and so is
  // a whole name (彭城液压与中国矿业大学).
  if (isBareSuffix(after, lex) || isWholeName(after, lex)) return false;
  if (
    !WORDLIKE.test(before.text) ||
    isBoundary(before, lex) ||
    isPlaceOrKnown(before) ||
    suffixOf(before.text, lex)
  ) {
    return false;
  }
  if (isPlaceOrKnown(after) || before.entry?.title) return false;
  // A material and its kinds: 钛及钛合金, 铜及铜合金.
  if (before.text.length === 1 && after.text.length > 1 && after.text.startsWith(before.text))
    return isFieldLike(after, lex);
  return isFieldLike(before, lex) && isFieldLike(after, lex);
}

/**
 * Whether the conjunction at `at` is the second character of a brand the segmenter cut in two
 * after its place (香港|嘉|和|生物医药集团): one character alone between a place and 和 joins
 * nothing.
 */
function isInBrandName(tokens: readonly Token[], at: number, first: number, lex: Lexicon): boolean {
  const before = tokens[at - 1];
  if (at + 1 !== first || (tokens[at] as Token).text !== '和' || !before) return false;
  if (before.text.length !== 1 || !WORDLIKE.test(before.text) || isBoundary(before, lex)) return false;
  if (before.entry?.place || before.entry?.title || suffixOf(before.text, lex)) return false;
  return tokens[at - 2]?.entry?.place !== undefined;
}

/**
 * A field, a qualifier, a common noun or an activity of the dictionary (基础医学, 网络通信, 肿瘤,
 * 感知, 控制): the words a name joins with 与.
 */
function isFieldLike(token: Token, lex: Lexicon): boolean {
  const entry = token.entry;
  if (entry?.field || entry?.generic) return true;
  if (token.text.length < 2 || entry?.trigger || entry?.nameVerb) return false;
  return FIELD_TAGS.has(tagOf(token, lex) ?? '');
}

/**
 * A zone followed by a name of its own is two bodies: 科学城光大人工智能产业基地 is the base
 * 光大人工智能产业基地 in the science city. A zone followed only by a field (重庆高新区石墨烯产业园)
 * is one name, since the field alone does not name the park.
 */
function splitAtZone(tokens: readonly Token[], candidate: Candidate, lex: Lexicon): Candidate[] {
  for (let k = candidate.last - 1; k >= candidate.first; k--) {
    const token = tokens[k] as Token;
    if (!isZone(token.text, lex)) continue;
    const following = tokens[k + 1];
    const next = following?.text ?? '';
    const ownName = WORDLIKE.test(next) && !following?.entry?.field && !following?.entry?.generic;
    if (!ownName || suffixOf(next, lex)) return [candidate];
    const zone: Candidate = { first: candidate.first, last: k, kind: 'zone', bare: false, known: false };
    const rest: Candidate = { ...candidate, first: k + 1 };
    return k > candidate.first || token.entry?.organization !== undefined
      ? [zone, rest]
      : [{ ...zone, bare: true }, rest];
  }
  return [candidate];
}

/**
 * Whether the words before the suffix make a name rather than a kind of body: a proper name,
 * two fields, or a place for the kinds of body named after their place.
 */
function isName(tokens: readonly Token[], candidate: Candidate, lex: Lexicon): boolean {
  if (candidate.bare) return true;
  // 市政府, 省科技厅, 省科学技术厅: the government, or a department of it, of the place the document is about.
  const head = tokens[candidate.first] as Token;
  if (candidate.first === candidate.last && LEVEL_GOVERNMENT.test(head.text)) return true;
  if (candidate.first < candidate.last && AREA_LEVEL.test(head.text) && candidate.kind === 'government')
    return true;
  const suffix = suffixOf((tokens[candidate.last] as Token).text, lex)?.suffix ?? '';
  let places = 0;
  let fields = 0;
  let generic = 0;
  let proper = 0;
  let national = false;
  for (let k = candidate.first; k <= candidate.last; k++) {
    const token = tokens[k] as Token;
    let word = token.text;
    let entry = token.entry;
    // The last word counts without its suffix: 重庆研究院 is the place 重庆 and the suffix.
    if (k === candidate.last && suffix !== '') {
      word = word.slice(0, word.length - suffix.length);
      entry = domainEntry(lex, word);
    }
    if (word === '' || !WORDLIKE.test(word)) continue;
    if (k === candidate.first && NATIONAL_PREFIX.test(word)) national = true;
    if (entry?.place) places++;
    else if (entry?.organization || (k < candidate.last && suffixOf(word, lex))) proper++;
    else if (entry?.field) fields++;
    else if (entry?.generic || entry?.nameVerb || CATEGORY.test(word)) generic++;
    else if (word.length >= 2 || /[A-Za-z0-9]/.test(word)) proper++;
  }
  // 青岛海洋科技成果孵化中心, 中关村大数据产业联盟: a place, a field and a word of purpose make a name.
  if (places > 0 && fields > 0 && fields + generic >= 2) return true;
  if (suffix.length === 1) return places > 0 || national;
  // 南通海工装备有限公司: a place before a legal form names a company.
  if (places > 0 && LEGAL_FORM.test(suffix)) return true;
  return proper > 0 || fields >= 2 || ((places > 0 || national) && PLACE_NAMED_KINDS.has(candidate.kind));
}

/** Keeps the longest of overlapping names: nested names are part of the name around them. */
function longestFirst(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const taken: Candidate[] = [];
  let tokenCount = 0;
  for (const c of candidates) tokenCount = Math.max(tokenCount, c.last + 1);
  const covered = new Uint8Array(tokenCount);
  for (const c of sorted) {
    let free = true;
    for (let k = c.first; k <= c.last && free; k++) free = covered[k] === 0;
    if (!free) continue;
    covered.fill(1, c.first, c.last + 1);
    taken.push(c);
  }
  return taken.sort((a, b) => a.first - b.first);
}

function toMention(text: string, tokens: readonly Token[], c: Candidate): OrganizationMention {
  const start = (tokens[c.first] as Token).start;
  const end = (tokens[c.last] as Token).end;
  const mention: OrganizationMention = {
    type: 'organization',
    text: text.slice(start, end),
    span: { start, end },
    kind: c.kind,
  };
  if (c.bare) mention.bare = true;
  return mention;
}
