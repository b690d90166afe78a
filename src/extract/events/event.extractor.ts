import { firstIndex } from '../../core/sorted-search.js';
import type {
  CooperationEvent,
  CountMention,
  EntityType,
  EventType,
  OrganizationKind,
  Span,
  TimeMention,
} from '../../core/types.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { nameStart } from '../recognizers/organization.recognizer.js';
import { type Token, tagOf } from '../segmentation/segmenter.js';
import { withBatchItems } from './batch-items.js';
import { withOccasionParties } from './occasion-parties.js';
import { articleAt, referredParties, type TellingSoFar } from './referred-parties.js';
import type { Sentence } from './sentences.js';
import { isTimeInName } from './time-in-name.js';

/** A named party in the text: a resolved organisation or place mention. */
export interface Party {
  span: Span;
  name: string;
  type: EntityType;
  kind?: OrganizationKind;
}

export interface EventContext {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  parties: readonly Party[];
  times: readonly TimeMention[];
  counts: readonly CountMention[];
  /** Spans of news articles with the date of their lead sentence, inherited by their events. */
  leads: ReadonlyArray<{ span: Span; date: string }>;
  /** The articles of a page, where 双方 looks for the agreement it refers to. */
  articles?: readonly Span[];
  lex: Lexicon;
}

/** Words after a trigger that make it a noun (转化工作, 达产后, 试点区域, 揭牌当天), not a predicate. */
const NOMINAL_NEXT = new Set([
  '工作',
  '体系',
  '后',
  '当天',
  '当日',
  '区域',
  '城市',
  '单位',
  '平台',
  '中心',
  '率',
  '能力',
  '机制',
  '基地',
  '仪式',
  '现场',
  '大会',
  '服务',
  '示范',
  '面积',
  '成本',
  '模式',
  '主体',
  '经费',
  '考核',
]);
/**
 * Words before a trigger that make it a noun or a quality: 首批签约, 出席签约活动 (the occasion
 * is attended), 可转化成果 (results that can be transferred, not transferred).
 */
const NOMINAL_BEFORE = new Set(['的', '之', '见证', '首批', '为', '出席', '参加', '可']);
const PLANNED = /(将|计划|拟|预计|力争|争取|即将|有望|准备)/;
const AGREEMENT_OBJECT =
  /^[了的]?([《“][^》”]{2,60}[》”]|[\p{Script=Han}A-Za-z0-9]{0,20}?(协议|合同|备忘录|协定|意向书|框架))/u;
const GATHERING_SUFFIX =
  /(研讨会|论坛|博览会|大会|峰会|交流会|推介会|洽谈会|对接会|年会|座谈会|发布会|展览会|展会|交易会|高交会|军博会|博会|赛)$/;
const PROJECT_WORDS = /项目|企业|机构/;
/** What a signing goes on to invest in: 签约，投资约三亿美元建设细胞培养基生产项目. */
const INVESTED_IN =
  /^[，,]\s*(?:计划|拟|将)?(?:总)?投资[^，。；;]{1,20}?建设([^，。；;、]{2,30}?)(?=[，。；;]|$)/;
/** Words that point back to what was just told (此次, 上述 …). */
const BACK_REFERENCE = '(此次|本次|这次|上述|该批)';
const ANAPHORIC = new RegExp(`${BACK_REFERENCE}$`);
/** The same, up to two characters before the word it qualifies (此次集中签约). */
const ANAPHORIC_BEFORE = new RegExp(`${BACK_REFERENCE}\\p{Script=Han}{0,2}$`, 'u');
const AMONG = /^(中|里|之中|当中)$/;
/** What is incubated: companies, teams, projects, not scenarios or ideas. */
const INCUBATED = /企业|公司|团队|项目|初创|创业/;
const CONJOINED = /[与和同跟及]$/;
/** What a reporter does with a source: 从…获悉, 从…了解到. */
const INFORMED = /^(?:获悉|了解到|得知|获知)/;
/** What 将 hands over before a predicate of transfer: a technology, a result, a patent, a name in quotes. */
const HANDED_OVER =
  /[将以](?:([“「《][^”」》]{2,40}[”」》])[^，。；“「《]{0,12}|([^，。；“「《]{2,30}?(?:技术|工艺|成果|专利权?|方法|配方|品种)))$/;
const COMMA = /[，,]/;
/** Heads signing for the parties: 代表双方签约, 分别代表三方签字. */
const ON_BEHALF = /代表(?:双|三|四|各)方(?!面)/;
/** An area's government, by the area's name: 宜宾市人民政府. */
const GOVERNMENT_OF = /^(.{2,12}?)(?:人民)?政府$/;
/** How a sentence that details a batch of projects begins: 其中, 签约项目中. */
const DETAILS = /^\s*(?:其中|(?:在)?(?:签约|这些|上述)(?:的)?(?:项目|企业)中)/;
/** Words between a body and the predicate of its own founding: 于, 正式, 已. */
const SELF_FOUNDED_GAP = /^(?:于|在|已经|已|正式|先后|宣布)*$/;
/** What follows a body set up by the bodies after it (X由A、B共同组建). */
const FOUNDED_BY = /^\s*由/;
/** Words between a place and its predicate when the place is the one acting (潍坊市已签约). */
const SUBJECT_GAP = /^(?:已经|已|将|共|累计|先后|还|也|又|新|正式|成功|再次|首次|今年|当天|日前|近日)*$/;

interface Trigger {
  token: number;
  type: EventType;
  clause: Span;
}

/**
 * Typed events of cooperation, one per predicate (a clause's repeated predicates of one type are
 * one event): who took part, what was signed, set up, transferred or held, when and where, and
 * the sentence that says so.
 *
 * @example 12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。
 *   // agreement 2020-12-15, [重庆市人民政府, 中国科学院], [战略合作协议], 北京
 */
export function extractEvents(context: EventContext): CooperationEvent[] {
  const events: CooperationEvent[] = [];
  let tokenIndex = 0;
  const told: CooperationEvent[] = [];
  const earlier: TellingSoFar = { text: context.text, told, articles: context.articles ?? [] };
  const governments = governmentsOfPlaces(context.parties);
  for (const [index, sentence] of context.sentences.entries()) {
    while (tokenIndex < context.tokens.length && (context.tokens[tokenIndex] as Token).end <= sentence.start)
      tokenIndex++;
    const triggers = findTriggers(context, sentence, tokenIndex);
    const usedObjects = new Set<string>();
    const seen = new Set<string>();
    for (const trigger of triggers) {
      const key = `${trigger.type}@${trigger.clause.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sameKind = triggers.filter(
        (t) => t.type === trigger.type && t.clause.start === trigger.clause.start,
      );
      const event = buildEvent(context, sentence, trigger, sameKind, usedObjects, earlier);
      if (!event) continue;
      if (event.type === 'project_signing') {
        event.participants = unique([
          ...event.participants,
          ...partiesDetailed(context, context.sentences[index + 1]),
        ]);
      }
      event.participants = unique(event.participants.map((name) => governments.get(name) ?? name));
      for (const object of event.objects) usedObjects.add(object);
      events.push(event);
      const transfer = event.type === 'agreement' ? transferContracted(event) : undefined;
      if (transfer) events.push(transfer);
      if (event.participants.length > 0) told.push(event);
    }
  }
  return withoutRetellings(withOccasionParties(withBatchItems(events, context.text), context.articles ?? []));
}

/** A contract that transfers or licenses a technology: 光伏组件抗风沙涂层技术转让合同. */
const TECHNOLOGY_CONTRACT =
  /^(.{2,40}?(?:技术|成果|专利))(?:的)?(?:转让|许可|实施许可|使用许可)(?:合同|协议)$/;

/**
 * Where the parties of a predicate are looked for: from the start of its sentence, or from the
 * last semicolon before it when bodies are named after that one (A与B签订…合同；C与D签署…协议):
 * a semicolon opens a clause with a subject of its own. So does a comma before a clause that
 * opens with a body acting in it, after its time at most (…成立于2021年，去年12月，企业在…投产):
 * `ownClause` says so.
 */
function subjectStart(
  context: EventContext,
  sentence: Sentence,
  trigger: Token,
): { from: number; ownClause: boolean } {
  const { text } = context;
  const semicolon = text.lastIndexOf('；', trigger.start);
  const from =
    semicolon >= sentence.start &&
    partiesIn(context, semicolon, trigger.start).some((p) => p.type === 'organization')
      ? semicolon
      : sentence.start;
  const comma = text.lastIndexOf('，', trigger.start);
  if (comma <= from) return { from, ownClause: false };
  const opening = partiesIn(context, comma + 1, trigger.start)[0];
  const ownClause =
    opening?.type === 'organization' &&
    textWithoutTimes(context, comma + 1, opening.span.start).trim() === '' &&
    (opening.span.end >= trigger.start || ACTS_NEXT.test(text.slice(opening.span.end, opening.span.end + 2)));
  return ownClause ? { from: comma, ownClause } : { from, ownClause: false };
}

/**
 * What follows a body that acts in its clause, when the predicate does not: an adverb, a
 * preposition or a partner (企业在…投产, 公司已…签约), not a noun it qualifies (学院教授…团队研发的技术).
 */
const ACTS_NEXT = /^(?:在|于|已|将|也|还|又|正式|先后|同时|随即|共同|累计|再|率先|首次|成功|与|和|同)/;

/** The signing of a contract that transfers a technology also transfers it, between its parties. */
function transferContracted(agreement: CooperationEvent): CooperationEvent | undefined {
  const technology = agreement.objects.map((o) => TECHNOLOGY_CONTRACT.exec(o)?.[1]).find(Boolean);
  if (!technology || agreement.participants.length === 0) return undefined;
  return { ...agreement, type: 'transfer', objects: [technology] };
}

/**
 * The parties of a sentence that details the one before (52个项目集中签约。其中，A与B签约…): a
 * signing of many projects has those of its details too.
 */
function partiesDetailed(context: EventContext, next: Sentence | undefined): string[] {
  if (!next || !DETAILS.test(context.text.slice(next.start, next.start + 10))) return [];
  return unique(bodiesTakingPart(context, next.start, next.end));
}

/** The organisations of a stretch that take part as parties, not as venues or agencies. */
function bodiesTakingPart(context: EventContext, start: number, end: number): string[] {
  return partiesIn(context, start, end)
    .filter((p) => p.type === 'organization' && isPartyRole(context, p))
    .map((p) => p.name);
}

/** The text of a stretch with the times recognised in it left out. */
function textWithoutTimes(context: EventContext, start: number, end: number): string {
  let out = '';
  let at = start;
  for (const time of context.times) {
    if (time.span.end <= at || time.span.start < start) continue;
    if (time.span.start >= end) break;
    out += context.text.slice(at, time.span.start);
    at = Math.min(end, time.span.end);
  }
  return out + context.text.slice(at, end);
}

/**
 * An event told again later (联盟在哈尔滨成立 … 为联盟揭牌 … 成立大会上) names what an earlier one
 * of its type named, no party it lacked and no other date: it is that event, not a new one.
 */
function withoutRetellings(events: CooperationEvent[]): CooperationEvent[] {
  const kept: CooperationEvent[] = [];
  const within = (some: readonly string[], all: readonly string[]) => some.every((x) => all.includes(x));
  for (const event of events) {
    // A predicate told again names what was done, or, for a signing, nothing (A、B代表双方签约
    // the same day), with the same parties or fewer, on the same day or none.
    const signedAgain =
      event.type === 'agreement' && event.date !== undefined && event.participants.length > 0;
    const told = kept.some(
      (first) =>
        first.type === event.type &&
        (event.objects.length > 0 ? within(event.objects, first.objects) : signedAgain) &&
        // A body that is the party of its own founding takes no part beyond being founded.
        within(
          event.participants.filter((p) => !event.objects.includes(p)),
          first.participants,
        ) &&
        (event.date === undefined || event.date === first.date),
    );
    if (!told) kept.push(event);
  }
  return kept;
}

/**
 * A city or province that takes part is its government when the document names that government
 * (宜宾与中国科学院签署…; 宜宾市人民政府与中国科学院…): one party, told once, by its body.
 */
function governmentsOfPlaces(parties: readonly Party[]): Map<string, string> {
  const places = new Set(parties.filter((p) => p.type === 'place').map((p) => p.name));
  const governments = new Map<string, string>();
  for (const party of parties) {
    if (party.type !== 'organization' || party.kind !== 'government') continue;
    const match = GOVERNMENT_OF.exec(party.name);
    const place = match?.[1];
    if (place && places.has(place) && !governments.has(place)) governments.set(place, party.name);
  }
  return governments;
}

function findTriggers(context: EventContext, sentence: Sentence, from: number): Trigger[] {
  const { tokens, lex, text } = context;
  const triggers: Trigger[] = [];
  // What an agreement signs (签署了共建…基地的合作协议) is agreed, not yet done.
  let agreedUntil = -1;
  for (let i = from; i < tokens.length && (tokens[i] as Token).start < sentence.end; i++) {
    const token = tokens[i] as Token;
    const type =
      token.entry?.trigger ??
      reviewOrPrize(text, sentence, token) ??
      builtBy(context, sentence, i) ??
      pricedShare(text, sentence, token);
    if (!type) continue;
    const before = tokens[i - 1]?.text ?? '';
    const after = tokens[i + 1]?.text ?? '';
    if (NOMINAL_NEXT.has(after) || inNominalList(tokens, i, sentence.end)) continue;
    if (NOMINAL_BEFORE.has(before) && !(type === 'milestone' && passedAt(text, sentence, token))) continue;
    // Before a kind of body the word names it (转化研究中心, 孵化基地): no predicate.
    if (lex.suffixKinds.has(after) && after.length >= 2) continue;
    if (insideQuotes(text, sentence.start, token.start)) continue;
    // A predicate inside a name is part of the name (秦创原总窗口运营公司).
    if (partiesIn(context, token.start, token.end, true).length > 0) continue;
    if (type !== 'agreement' && token.start < agreedUntil) continue;
    if (refersBack(context, sentence, i) || namesSignedProjects(context, sentence, i)) continue;
    const clause = subclauseAt(
      context,
      sentence.clauses.find((c) => c.start <= token.start && token.start < c.end) ?? sentence,
      token.start,
      type,
    );
    if (type === 'agreement') {
      const object = AGREEMENT_OBJECT.exec(text.slice(token.end, clause.end));
      if (object) agreedUntil = token.end + object[0].length;
    }
    triggers.push({ token: i, type, clause });
  }
  return triggers;
}

/**
 * Which of the parties before a founding's predicate was founded by those after it, or -1: the
 * one just before 由 (X由A、B和C共同组建), or the subject that opens the sentence when the first
 * party after it follows 由 (X位于…，规划面积…，由A与B共同建设).
 */
function foundedBody(before: readonly Party[], text: string, sentence: Sentence): number {
  const founded = before.findIndex((p) => FOUNDED_BY.test(text.slice(p.span.end, p.span.end + 3)));
  if (founded >= 0) return founded;
  const [subject, firstBuilder] = before;
  const opensSentence = subject !== undefined && text.slice(sentence.start, subject.span.start).trim() === '';
  return opensSentence && firstBuilder && text.charAt(firstBuilder.span.start - 1) === '由' ? 0 : -1;
}

/** The bodies a thing is built by, just before 建设: 由A与B共同规划建设. */
const BUILT_BY = /由[^，。；：]{2,60}?(?:共同|联合)(?:规划|投资|出资)?$/;

/**
 * 建设 is the founding of what the sentence is about when the bodies that build it are told
 * after 由 (X由A与B共同建设); elsewhere it is the work on a project (投资…建设…基地).
 */
function builtBy(context: EventContext, sentence: Sentence, at: number): EventType | undefined {
  const { tokens, text } = context;
  const token = tokens[at] as Token;
  if (token.text !== '建设') return undefined;
  if (!BUILT_BY.test(text.slice(Math.max(sentence.start, token.start - 70), token.start))) return undefined;
  // A sentence that tells the founding by its own predicate (…共同建设，…为实验室揭牌) tells it once.
  for (let i = at + 1; i < tokens.length && (tokens[i] as Token).start < sentence.end; i++)
    if ((tokens[i] as Token).entry?.trigger === 'founding') return undefined;
  return 'founding';
}

/**
 * 入股 is the transfer of a technology priced (作价) before it in the clause: 南华大学以“…技术”
 * 作价三千万元入股…公司. Money put into a company (以现金入股) is no transfer.
 */
function pricedShare(text: string, sentence: Sentence, token: Token): EventType | undefined {
  if (token.text !== '入股') return undefined;
  const clause = text.slice(Math.max(sentence.start, token.start - 40), token.start);
  return /作价[^，。；]*$/.test(clause) ? 'transfer' : undefined;
}

const LIST_MARKS = new Set(['、', '和', '及', '与', '以及']);
const LIST_ENDS = /^[，。；：！？,;:!?（）()]$/;

/**
 * Whether the trigger at token `at` is an item of a list of nouns that a noun of `NOMINAL_NEXT`
 * ends: 提供技术评估、专利运营和融资对接服务 offers services, it does not run a patent.
 */
function inNominalList(tokens: readonly Token[], at: number, end: number): boolean {
  if (!LIST_MARKS.has(tokens[at + 1]?.text ?? '')) return false;
  for (let i = at + 2; i < Math.min(tokens.length, at + 14); i++) {
    const token = tokens[i] as Token;
    if (token.start >= end || LIST_ENDS.test(token.text)) return false;
    if (NOMINAL_NEXT.has(token.text) && !LIST_MARKS.has(tokens[i + 1]?.text ?? '')) return true;
  }
  return false;
}

/** Reviews and prizes, which are nouns: 科技成果评价, 专家论证, 成果鉴定, 科技进步一等奖. */
const REVIEW = /(评价|鉴定|论证)$/;
/** A prize by its grade (一等奖) or by its name (科学技术合作奖, 突出贡献奖), not the verbs of giving one (颁奖). */
const PRIZE = /(?:[一二三特]等奖|[^颁获评发领授得嘉受]奖)$/;
/** The words between 获 (获得) and the prize won: 获甘肃省科技进步一等奖. */
const WON = /获得?([^，。；：获]{0,20})$/;

/**
 * A review a body passed or a prize it won, told by a noun and the verb before or after it:
 * 通过…组织的科技成果评价, 通过专家论证, 在…评价中获评优秀, 获…科技进步一等奖. Not what only
 * qualifies a body (通过绩效评价的联合体).
 */
function reviewOrPrize(text: string, sentence: Sentence, token: Token): EventType | undefined {
  const after = text.slice(token.end, sentence.end);
  if (after.startsWith('的')) return undefined;
  const before = text.slice(sentence.start, token.start);
  if (
    REVIEW.test(token.text) &&
    (/通过[^，。；：]{0,40}$/.test(before) || /^中(?:获评|被评为|评为)/.test(after))
  )
    return 'milestone';
  if (prizeWon(text, sentence, token)) return 'milestone';
  return undefined;
}

const isReviewOrPrize = (phrase: string) => REVIEW.test(phrase) || PRIZE.test(phrase);

/** The prize a body won, from after 获 or 获得: 获甘肃省科技进步一等奖 → 甘肃省科技进步一等奖. */
function prizeWon(text: string, sentence: Sentence, token: Token): string | undefined {
  if (!token.text.endsWith('奖')) return undefined;
  const won = WON.exec(text.slice(sentence.start, token.start));
  if (!won) return undefined;
  const prize = `${won[1]}${token.text}`;
  // A prize named by more than its grade (获科学技术合作奖), and one prize, not 获奖代表颁奖.
  if (PRIZE.test(token.text)) return prize;
  return (won[1] as string).length >= 2 && !(won[1] as string).includes('奖') && PRIZE.test(prize)
    ? prize
    : undefined;
}

/** 通过省科学技术厅组织的验收: the bodies between 通过 and 组织的 held the review. */
const REVIEWED_BY = /通过了?(?:由)?([^，。；：]{2,40}?)(?:组织|主持|开展)的[^，。；：]{0,16}$/;
/** What may stand between what passed a review and its 通过: 顺利, 已, 于2024年 …. */
const BEFORE_PASSING = /^(?:已经|已|于|在|日前|近日|顺利|正式|成功|一次性|均)*$/;

/**
 * Who took part in a review passed (X通过Y组织的验收) besides the parties before it: the body that
 * passed it, when it is named right before 通过, even as what the sentence says was built
 * (A与B共建的X通过…), and the bodies that held it. Undefined when no body held it.
 */
function examinedAndExaminers(
  context: EventContext,
  sentence: Sentence,
  trigger: Token,
): { examined: string[]; examiners: string[] } | undefined {
  const { text } = context;
  const reviewed = REVIEWED_BY.exec(text.slice(sentence.start, trigger.start));
  if (!reviewed) return undefined;
  const passedAt = sentence.start + reviewed.index;
  const heldFrom = passedAt + reviewed[0].indexOf(reviewed[1] as string);
  const examiners = partiesIn(context, heldFrom, heldFrom + (reviewed[1] as string).length)
    .filter((p) => p.type === 'organization')
    .map((p) => p.name);
  if (examiners.length === 0) return undefined;
  const examined = partiesIn(context, sentence.start, passedAt)
    .filter((p) => p.type === 'organization')
    .at(-1);
  const passed =
    examined && BEFORE_PASSING.test(textWithoutTimes(context, examined.span.end, passedAt).trim());
  return { examined: passed ? [examined.name] : [], examiners };
}

/** 通过…的验收: a review a body passed, though 的 makes its word a noun. */
const PASSED = /通过[^，。；]{0,20}的$/;

function passedAt(text: string, sentence: Sentence, token: Token): boolean {
  return PASSED.test(text.slice(Math.max(sentence.start, token.start - 24), token.start));
}

/**
 * The part of a clause a predicate is in, when dates set between commas open new parts: in
 * 签署两次合作协议，2016年4月21日，中科院与重庆市签署了《…》 the second 签署 is an agreement of
 * its own, on its own date, not the first told again. So is a predicate of the same type dated
 * after a comma: 去年9月开工，今年5月投产.
 */
function subclauseAt(context: EventContext, clause: Span, at: number, type: EventType): Span {
  const { text, times } = context;
  let start = clause.start;
  let end = clause.end;
  for (
    let i = firstIndex(times.length, (k) => (times[k] as TimeMention).span.start > clause.start);
    i < times.length;
    i++
  ) {
    const time = times[i] as TimeMention;
    if (time.span.end >= clause.end) break;
    const opens =
      COMMA.test(text.charAt(time.span.start - 1)) &&
      (COMMA.test(text.charAt(time.span.end)) || startsTrigger(context, time.span.end, type));
    if (!opens) continue;
    if (time.span.start <= at) start = time.span.start;
    else {
      end = time.span.start - 1;
      break;
    }
  }
  return start === clause.start && end === clause.end ? clause : { start, end };
}

/** 为研究院揭牌, 为该中心揭牌: the plaque of a body named by its kind of word alone. */
function unveilsToldBody(context: EventContext, at: number): boolean {
  const { tokens, lex } = context;
  let k = at - 1;
  const body = tokens[k];
  if (!body || !lex.suffixKinds.has(body.text)) return false;
  if (DEMONSTRATIVE.has(tokens[k - 1]?.text ?? '')) k--;
  return tokens[k - 1]?.text === '为';
}
const DEMONSTRATIVE = new Set(['该', '这一', '此']);

/** Whether a founding with parties was told earlier in the sentence's article. */
function foundingTold(earlier: TellingSoFar, sentence: Sentence): boolean {
  const article = articleAt(earlier, sentence.start);
  return earlier.told.some((e) => e.type === 'founding' && (!article || e.span.start >= article.start));
}

/** Whether a predicate of `type` begins at `offset`, as 投产 in 去年9月开工，今年5月投产. */
function startsTrigger(context: EventContext, offset: number, type: EventType): boolean {
  const { tokens } = context;
  const token = tokens[firstIndex(tokens.length, (i) => (tokens[i] as Token).start >= offset)];
  return token?.start === offset && token.entry?.trigger === type;
}

/** 此次签约落户的41个项目: predicates told before and referred to again, as a modifier. */
function refersBack(context: EventContext, sentence: Sentence, at: number): boolean {
  const { tokens, text } = context;
  let first = at;
  while (first > 0 && isTrigger(tokens[first - 1])) first--;
  let next = at + 1;
  while (isTrigger(tokens[next])) next++;
  if (tokens[next]?.text !== '的') return false;
  const start = (tokens[first] as Token).start;
  return ANAPHORIC.test(text.slice(Math.max(sentence.start, start - 4), start));
}

/**
 * 签约项目 names the projects signed, not a signing: among them (签约项目中，…), or those of the
 * signing just told (此次集中签约项目40个).
 */
function namesSignedProjects(context: EventContext, sentence: Sentence, at: number): boolean {
  const { tokens, text } = context;
  const token = tokens[at] as Token;
  if (token.entry?.trigger !== 'project_signing' || tokens[at + 1]?.text !== '项目') return false;
  if (AMONG.test(tokens[at + 2]?.text ?? '')) return true;
  return ANAPHORIC_BEFORE.test(text.slice(Math.max(sentence.start, token.start - 6), token.start));
}

function isTrigger(token: Token | undefined): boolean {
  return token?.entry?.trigger !== undefined;
}

/** A predicate inside quotation marks is named, not done: 探索“校地共建、团队运营”的机制. */
function insideQuotes(text: string, from: number, at: number): boolean {
  const before = text.slice(from, at);
  return before.lastIndexOf('“') > before.lastIndexOf('”');
}

/**
 * Parties lying within `start`–`end` or, with `around`, the parties whose name contains that
 * stretch. Parties are sorted by start, so both are found by a binary search.
 */
function partiesIn(context: EventContext, start: number, end: number, around = false): Party[] {
  const { parties } = context;
  const found: Party[] = [];
  if (around) {
    // A name holding the stretch starts at or before it; names are short, so look back a little.
    for (let i = firstStartingAt(parties, start + 1) - 1; i >= 0; i--) {
      const party = parties[i] as Party;
      if (start - party.span.start > 64) break;
      if (party.span.end >= end && (party.span.start < start || party.span.end > end)) found.push(party);
    }
    return found;
  }
  for (let i = firstStartingAt(parties, start); i < parties.length; i++) {
    const party = parties[i] as Party;
    if (party.span.start >= end) break;
    if (party.span.end <= end) found.push(party);
  }
  return found;
}

/** Index of the first party starting at or after `offset`. */
function firstStartingAt(parties: readonly Party[], offset: number): number {
  return firstIndex(parties.length, (i) => (parties[i] as Party).span.start >= offset);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Places take part only as a party named with 与/和 (与重庆市合作), not as a location. */
function isPartyRole(context: EventContext, party: Party): boolean {
  const before = context.text.slice(Math.max(0, party.span.start - 1), party.span.start);
  // The news agency of a dateline and the venue after 在 are not parties, nor the source a
  // reporter learns from (从市科技局获悉).
  if (party.kind === 'media' || before === '在' || before === '于') return false;
  if (before === '从' && INFORMED.test(context.text.slice(party.span.end, party.span.end + 4))) return false;
  if (party.type === 'organization') return true;
  const after = context.text.charAt(party.span.end);
  return CONJOINED.test(before) || /[与和同]/.test(after);
}

function buildEvent(
  context: EventContext,
  sentence: Sentence,
  trigger: Trigger,
  sameKind: Trigger[],
  usedObjects: Set<string>,
  earlier: TellingSoFar,
): CooperationEvent | undefined {
  const { text, tokens } = context;
  const triggerToken = tokens[trigger.token] as Token;
  const lastToken = tokens[(sameKind.at(-1) as Trigger).token] as Token;
  const { from, ownClause } = subjectStart(context, sentence, triggerToken);
  const subjects = partiesIn(context, from, triggerToken.start).filter((p) => isPartyRole(context, p));
  // What an earlier predicate of the sentence set up is no party of the next, unless a clause
  // of its own opens with it.
  const before = subjects.filter((p) => ownClause || !usedObjects.has(p.name));
  const after = partiesIn(context, lastToken.end, trigger.clause.end).filter(
    (p) => p.type === 'organization',
  );
  let participants = before.map((p) => p.name);
  let objects: string[] = [];
  let place = placeBefore(context, sentence, triggerToken.start);
  let selfFounded: Party | undefined;
  // Things told by their number after the predicate (转化科技成果二十三项, 建成技术转移机构二十九家).
  const counted = countedThings(context, triggerToken, trigger.clause);
  const clauseText = text.slice(trigger.clause.start, trigger.clause.end);
  const sentenceText = text.slice(sentence.start, sentence.end);

  switch (trigger.type) {
    case 'agreement': {
      const object = AGREEMENT_OBJECT.exec(text.slice(triggerToken.end, trigger.clause.end));
      if (object) objects = [(object[1] as string).replace(/^[《“]|[》”]$/g, '')];
      // Contracts told by their number (签订技术合同四十二项) are what was signed.
      if (counted && (objects.length === 0 || counted.startsWith(objects[0] as string))) objects = [counted];
      participants = participants.filter((p) => !objects.some((o) => o === p));
      break;
    }
    case 'project_signing': {
      const signing = sameKind.some((t) => /签约/.test((tokens[t.token] as Token).text));
      if (!signing && !PROJECT_WORDS.test(clauseText)) return undefined;
      // A与B签约，投资…建设C: the signing of the one project C.
      const invested = INVESTED_IN.exec(text.slice(lastToken.end, sentence.end));
      if (invested) {
        objects = [invested[1] as string];
        break;
      }
      // Parties that sign with no project named sign an agreement (省政府与中国科学院签约).
      if (!PROJECT_WORDS.test(sentenceText) && countsIn(context, sentence).length === 0) {
        return buildEvent(
          context,
          sentence,
          { ...trigger, type: 'agreement' },
          sameKind,
          usedObjects,
          earlier,
        );
      }
      objects = countsIn(context, sentence)
        .filter((c) => PROJECT_WORDS.test(c.unit) || c.unit.length <= 1)
        .map((c) => c.text);
      // The zone or park projects settle in takes part in their signing, and is where it is.
      const target = after[0];
      if (target && /落户|入驻/.test(text.slice(triggerToken.start, target.span.start))) {
        place = target.name;
        participants.push(target.name);
      }
      // A city or district that signs them itself (潍坊市已签约…项目93个) is a party.
      const subject = partiesIn(context, sentence.start, triggerToken.start).at(-1);
      if (
        subject?.type === 'place' &&
        !participants.includes(subject.name) &&
        !/[在于]/.test(text.charAt(subject.span.start - 1)) &&
        SUBJECT_GAP.test(text.slice(subject.span.end, triggerToken.start))
      )
        participants.unshift(subject.name);
      // A batch told with its parties after 其中 in the same sentence has them.
      const details = text.slice(lastToken.end, sentence.end).search(/其中/);
      if (details >= 0)
        participants.push(...bodiesTakingPart(context, lastToken.end + details, sentence.end));
      break;
    }
    case 'founding': {
      // Guests unveiling the plaque of the body the article has told of (…共同为实验室揭牌) tell
      // its founding again.
      if (unveilsToldBody(context, trigger.token) && foundingTold(earlier, sentence)) return undefined;
      // What was set up may stand between the predicates (共建的…中心揭牌).
      objects = partiesIn(context, triggerToken.end, trigger.clause.end)
        .filter((p) => p.type === 'organization')
        .map((p) => p.name);
      // X由A、B和C共同组建: X was set up, by the bodies after 由.
      const founded = foundedBody(before, text, sentence);
      if (objects.length === 0 && founded >= 0 && founded < before.length - 1) {
        const body = (before[founded] as Party).name;
        objects = [body];
        participants = unique(before.slice(founded + 1).map((p) => p.name)).filter((p) => p !== body);
      } else if (objects.length === 0 && counted) {
        objects = [counted];
      } else if (objects.length === 0) {
        // A predicate with a thing after it and no body (城大负责组建科研团队) sets up no body.
        const next = context.tokens[trigger.token + 1];
        if (next && next.start < trigger.clause.end && /^n/.test(tagOf(next, context.lex) ?? ''))
          return undefined;
        // The body just before the predicate is what was founded (X正式成立), unless it is a
        // party joined by 与 (A与B共建的…).
        const subject = before.at(-1);
        const conjoined =
          subject && CONJOINED.test(text.slice(Math.max(0, subject.span.start - 1), subject.span.start));
        if (subject && !conjoined && triggerToken.start - subject.span.end <= 6) {
          objects = [subject.name];
          participants = participants.filter((p) => p !== subject.name);
          // … and its party too when nothing but a time or an adverb stands between (X于2018年组建).
          if (SELF_FOUNDED_GAP.test(textWithoutTimes(context, subject.span.end, triggerToken.start)))
            selfFounded = subject;
        }
      }
      break;
    }
    case 'incubation': {
      // What was incubated is named after 孵化, and by the predicate itself in 服务企业.
      if (!INCUBATED.test(text.slice(triggerToken.start, trigger.clause.end))) return undefined;
      // The incubator before the predicate and the companies it incubated after it. The
      // incubator may be what an earlier predicate of the sentence set up (该平台于2020年建成，
      // 累计服务企业260余家).
      if (participants.length === 0) {
        const incubator = subjects.find((p) => p.type === 'organization');
        if (incubator) participants = [incubator.name];
      }
      participants = [...participants, ...after.map((p) => p.name)];
      objects = countsIn(context, sentence)
        .filter((c) => c.span.start >= triggerToken.start)
        .map((c) => c.text);
      break;
    }
    case 'gathering':
      objects = gatheringNames(context, sentence);
      break;
    case 'transfer': {
      const destination = partiesIn(context, triggerToken.end, trigger.clause.end).find(
        (p) => p.type === 'place',
      );
      if (destination) place = destination.name;
      objects = after.map((p) => p.name);
      if (objects.length === 0 && counted) objects = [counted];
      // What is handed over goes after 将 or 以, and the bodies after the predicate receive it:
      // 将“…技术”作价入股B, 以“…技术”作价三千万元入股B, 将…技术转让给B.
      const handed = HANDED_OVER.exec(text.slice(trigger.clause.start, triggerToken.start));
      const received = /入股$/.test(triggerToken.text) || /^[给予]/.test(text.slice(triggerToken.end));
      if (handed && received) {
        participants = [...participants, ...objects];
        objects = [(handed[1] ?? (handed[2] as string)).replace(/^[“「《]|[”」》]$/g, '')];
      }
      break;
    }
    case 'milestone': {
      objects = [prizeWon(text, sentence, triggerToken) ?? phraseEndingAt(context, trigger.token)];
      const review = examinedAndExaminers(context, sentence, triggerToken);
      if (review) participants = unique([...review.examined, ...participants, ...review.examiners]);
      break;
    }
    case 'operation':
      objects = [phraseEndingAt(context, trigger.token)];
      break;
    default: {
      const unreachable: never = trigger.type;
      return unreachable;
    }
  }

  // Parties named by their number (双方将…) or signed for by their heads (A、B代表双方签约): the
  // bodies the heads' titles name are among them, not all of them.
  const beforeTrigger = text.slice(sentence.start, triggerToken.start);
  if (participants.length === 0 || ON_BEHALF.test(beforeTrigger)) {
    const referred = referredParties(beforeTrigger, sentence.start, earlier);
    if (referred) participants = unique([...referred, ...participants]);
  }
  participants = unique(participants).filter((p) => !objects.includes(p));
  // A body set up with no other party named is the party of its own founding (X成立于2016年).
  // A company is a party of its own founding beside those who set it up (这家由…创办的企业成立于2021年).
  if (selfFounded && (participants.length === 0 || selfFounded.kind === 'company'))
    participants = [selfFounded.name, ...participants];
  const named = objects.filter((o) => o !== '' && (o !== triggerToken.text || isReviewOrPrize(o)));
  const planned = PLANNED.test(
    text.slice(Math.max(trigger.clause.start, triggerToken.start - 8), triggerToken.start),
  );
  // What is done to things told by their number only is told as done (累计转化科技成果23项);
  // numbers aimed at (力争转化科技成果50项以上) are targets, not events.
  const countedOnly = counted !== undefined && named.length === 1 && named[0] === counted && !planned;
  if (countedOnly && participants.length === 0) {
    // … by the body the sentence is about, though an earlier predicate set it up (中心于2018年组建，累计转化…).
    const doer = subjects.find((p) => p.type === 'organization');
    if (doer) participants = [doer.name];
  }
  if (participants.length === 0 && !countedOnly && !hasNamedObject(context, trigger.type, named))
    return undefined;

  const event: CooperationEvent = {
    type: trigger.type,
    trigger: triggerToken.text,
    participants,
    objects: unique(named),
    evidence: sentenceText.trim(),
    span: { start: sentence.start, end: sentence.end },
    planned,
  };
  // A predicate that qualifies what a later one of its kind is done to (共建的孵化器自2021年揭牌)
  // is dated by that later one.
  const qualifies = sameKind.length > 1 && tokens[trigger.token + 1]?.text === '的';
  const date = dateFor(context, sentence, trigger.clause, (qualifies ? lastToken : triggerToken).start);
  if (date) event.date = date;
  if (place) event.place = place;
  return event;
}

function hasNamedObject(context: EventContext, type: EventType, objects: string[]): boolean {
  if (objects.length === 0) return false;
  if (type === 'project_signing' || type === 'gathering' || type === 'incubation') return true;
  // A review passed or a prize won is told of a technology as often as of a body.
  if (type === 'milestone' && objects.some(isReviewOrPrize)) return true;
  return objects.some((o) => context.parties.some((p) => p.name === o));
}

/** Measure words of things counted one by one: 项 of results and contracts, 家 of bodies, 个 of consortia. */
const THING_MEASURES = new Set(['项', '家', '个', '所', '座', '支', '批']);
/** Words that open the counted noun without being part of it: 各类技术转移机构, 了. */
const COUNTED_OPENING = /^(?:了|各类|各级|一批)/;

/**
 * What a predicate is done to when the text gives it by its number only: the noun after the
 * predicate and the count that closes it, in the predicate's clause (转化科技成果二十三项,
 * 签订技术合同三百一十二项, 建成各类技术转移机构二十九家 → 技术转移机构二十九家).
 */
function countedThings(context: EventContext, trigger: Token, clause: Span): string | undefined {
  const count = context.counts.find((c) => c.span.start >= trigger.end && c.span.end <= clause.end);
  if (!count || !THING_MEASURES.has(count.unit)) return undefined;
  const noun = context.text.slice(trigger.end, count.span.start).replace(COUNTED_OPENING, '');
  if (noun.length < 2 || noun.length > 16 || !COUNTED_NOUN.test(noun)) return undefined;
  return noun + count.text;
}
/** A noun written without a break or a number inside it. */
const COUNTED_NOUN = /^[\p{Script=Han}A-Za-z]+$/u;

function countsIn(context: EventContext, sentence: Sentence): CountMention[] {
  return context.counts.filter((c) => c.span.start >= sentence.start && c.span.end <= sentence.end);
}

/** The place after 在 before the predicate: 在北京签署. */
function placeBefore(context: EventContext, sentence: Sentence, end: number): string | undefined {
  const candidates = partiesIn(context, sentence.start, end).filter(
    (p) =>
      context.text.charAt(p.span.start - 1) === '在' ||
      context.text.slice(p.span.start - 2, p.span.start) === '位于',
  );
  return candidates.at(-1)?.name;
}

/** Names of conferences, forums and expos in the sentence (重庆城市智能科技研讨会). */
function gatheringNames(context: EventContext, sentence: Sentence): string[] {
  const names: string[] = [];
  const { tokens, text, lex } = context;
  const from = firstIndex(tokens.length, (i) => (tokens[i] as Token).end > sentence.start);
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.start >= sentence.end) break;
    if (!GATHERING_SUFFIX.test(token.text)) continue;
    const first = nameStart(tokens, i, lex);
    const name = text.slice((tokens[first] as Token).start, token.end);
    if (name.length > token.text.length) names.push(name);
  }
  return names;
}

/**
 * The words that lead to a predicate, as its object: 失重飞行试验, 通过验收. A time is never part
 * of it (去年9月开工 has no object but the predicate).
 */
function phraseEndingAt(context: EventContext, index: number): string {
  const { tokens, text } = context;
  const end = (tokens[index] as Token).end;
  let start = (tokens[nameStart(tokens, index, context.lex)] as Token).start;
  for (const time of context.times) {
    if (time.span.end > start && time.span.end <= end) start = time.span.end;
  }
  return text.slice(start, end);
}

/** How a sentence says its predicate was on the day just told: 当天, 投产当天, 同日. */
const SAME_DAY = /^\s*[\p{Script=Han}]{0,6}?(?:当天|当日|同日|同一天)/u;
/** An occasion told before, as the setting of a sentence: 博览会上, 签约仪式后, 会议期间. */
const AT_OCCASION = /^\s*[\p{Script=Han}]{0,8}?(?:会|仪式|式|活动)(?:上|后|前|期间|现场|结束后)[，,]/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The event's date: the nearest time before the predicate in its clause, else in its sentence,
 * else the first after it in the clause, else the day told last before a sentence that says 当天,
 * else the date of the news article's lead sentence.
 */
function dateFor(context: EventContext, sentence: Sentence, clause: Span, at: number): string | undefined {
  const within = (span: Span) =>
    context.times.filter(
      (t) => t.span.start >= span.start && t.span.end <= span.end && !isTimeInName(context.text, t),
    );
  const beforeIn = (span: Span) =>
    within(span)
      .filter((t) => t.span.end <= at)
      .at(-1);
  const found = beforeIn(clause) ?? beforeIn(sentence) ?? within(clause).find((t) => t.span.start >= at);
  if (found) return found.value;
  // 投产当天, 同日: the day told last before the sentence, in its article.
  const opening = context.text.slice(sentence.start, at);
  if (SAME_DAY.test(opening) || AT_OCCASION.test(opening)) {
    const article = context.articles?.find((a) => a.start <= sentence.start && sentence.start < a.end);
    const day = context.times
      .filter((t) => t.span.end <= sentence.start && (!article || t.span.start >= article.start))
      .filter((t) => DAY.test(t.value) && !isTimeInName(context.text, t))
      .at(-1);
    if (day) return day.value;
  }
  return context.leads.find((lead) => lead.span.start <= sentence.start && sentence.end <= lead.span.end)
    ?.date;
}
