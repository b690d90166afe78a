/**
 * The parties a sentence names only by their number (双方, 三方) or as a whole (各方, 多方): those
 * of an event told before it, chosen by that number.
 */
import type { CooperationEvent, Span } from '../../core/types.js';

/** 双方, 三方 …, not 三方面 (three respects). */
const NUMBERED = /(双|三|四|五)方(?!面)/;
const SEVERAL = /[各多]方(?!面)/;
/** A result or a technology told of before: 该成果, 该技术, 这项成果, 此项技术. */
const RESULT_REFERRED = /(?:该项?|这一|这项|此项)(?:成果|技术)/;
const PARTY_COUNT: Readonly<Record<string, number>> = { 双: 2, 三: 3, 四: 4, 五: 5 };

/**
 * What the characters before 双方 say of each party (院市双方, 校企双方, 省院双方): an academy,
 * a city, a university, a company …, told by how its name ends.
 */
const PARTY_ROLES: Readonly<Record<string, RegExp>> = {
  院: /院$/,
  所: /所$/,
  校: /(大学|学院|学校)$/,
  企: /(公司|集团|企业|厂)$/,
  省: /省(人民政府|政府)?$/,
  市: /市(人民政府|政府)?$/,
  区: /区(人民政府|政府|管委会|管理委员会)?$/,
  县: /县(人民政府|政府)?$/,
  地: /[省市区县州](人民政府|政府|管委会|管理委员会)?$/,
  部: /部$/,
};
const ROLE = `([${Object.keys(PARTY_ROLES).join('')}])`;
const ROLE_PAIR = new RegExp(`${ROLE}${ROLE}双方(?!面)`);

export interface TellingSoFar {
  text: string;
  /** Events with parties told before the sentence, in the order of the text. */
  told: readonly CooperationEvent[];
  /** The articles of the page; the whole text is one when there are none. */
  articles: readonly Span[];
}

/**
 * The parties `before` (the words of a sentence before its predicate) refers to, if it names them
 * by number or as a whole.
 * - 双方 are the two parties of the agreement told last in the same paragraph (A与B签署协议，
 *   双方将…); in a later paragraph, those of the article's first agreement of two parties, the
 *   one the article is about.
 * - 三方, 四方 are the parties of the last event with that many.
 * - 各方, 多方, and a number no event has, are the parties of the last event with parties.
 * - 该成果, 该技术 are those of the last event of the article with parties: the bodies whose
 *   result it is (…获一等奖。该成果已在…推广应用).
 *
 * @example 由A、B和C三方共同组建…。三方于今年4月签署共建协议 // [A, B, C]
 */
export function referredParties(
  before: string,
  sentenceStart: number,
  telling: TellingSoFar,
): string[] | undefined {
  const numbered = NUMBERED.exec(before);
  const { told } = telling;
  if (!numbered && !SEVERAL.test(before)) {
    // 该成果已在…推广应用: the result of the bodies told last in the article.
    if (!RESULT_REFERRED.test(before)) return undefined;
    const article = articleAt(telling, sentenceStart);
    const last = told.at(-1);
    return last && (!article || last.span.start >= article.start) ? last.participants : undefined;
  }
  const roles = ROLE_PAIR.exec(before);
  if (roles) {
    const cast = partiesInRoles(told, roles[1] as string, roles[2] as string);
    if (cast) return cast;
  }
  const last = told.at(-1);
  if (!numbered) return last?.participants;
  const count = PARTY_COUNT[numbered[1] as string] ?? 0;
  const withCount = told.filter((e) => e.participants.length === count);
  if (count === 2) {
    const agreements = withCount.filter((e) => e.type === 'agreement');
    const lastAgreement = agreements.at(-1);
    if (lastAgreement && sameParagraph(telling.text, lastAgreement.span.end, sentenceStart))
      return lastAgreement.participants;
    const article = articleAt(telling, sentenceStart);
    const inArticle = (e: CooperationEvent) =>
      !article || (article.start <= e.span.start && e.span.start < article.end);
    const first = agreements.find(inArticle);
    if (first) return first.participants;
  }
  return (withCount.at(-1) ?? last)?.participants;
}

/**
 * The two parties of the latest event with one party in each role (院市双方: an academy and a
 * city), in the order of that event.
 */
function partiesInRoles(
  told: readonly CooperationEvent[],
  first: string,
  second: string,
): string[] | undefined {
  const [one, other] = [PARTY_ROLES[first] as RegExp, PARTY_ROLES[second] as RegExp];
  for (let i = told.length - 1; i >= 0; i--) {
    const { participants } = told[i] as CooperationEvent;
    const a = participants.find((p) => one.test(p));
    const b = participants.find((p) => p !== a && other.test(p));
    if (a && b) return participants.filter((p) => p === a || p === b);
  }
  return undefined;
}

/** The article of the page that holds `offset`, if the page has articles. */
export function articleAt(telling: TellingSoFar, offset: number): Span | undefined {
  return telling.articles.find((a) => a.start <= offset && offset < a.end);
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return from >= to || !text.slice(from, to).includes('\n');
}
