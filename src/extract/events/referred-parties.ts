/**
 * The parties a sentence names only by their number (双方, 三方) or as a whole (各方, 多方): those
 * of an event told before it, chosen by that number.
 */
import type { CooperationEvent, Span } from '../../core/types.js';

/** 双方, 三方 …, not 三方面 (three respects). */
const NUMBERED = /(双|三|四|五)方(?!面)/;
const SEVERAL = /[各多]方(?!面)/;
const PARTY_COUNT: Readonly<Record<string, number>> = { 双: 2, 三: 3, 四: 4, 五: 5 };

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
 *
 * @example 由A、B和C三方共同组建…。三方于今年4月签署共建协议 // [A, B, C]
 */
export function referredParties(
  before: string,
  sentenceStart: number,
  telling: TellingSoFar,
): string[] | undefined {
  const numbered = NUMBERED.exec(before);
  if (!numbered && !SEVERAL.test(before)) return undefined;
  const { told } = telling;
  const last = told.at(-1);
  if (!numbered) return last?.participants;
  const count = PARTY_COUNT[numbered[1] as string] ?? 0;
  const withCount = told.filter((e) => e.participants.length === count);
  if (count === 2) {
    const agreements = withCount.filter((e) => e.type === 'agreement');
    const lastAgreement = agreements.at(-1);
    if (lastAgreement && sameParagraph(telling.text, lastAgreement.span.end, sentenceStart))
      return lastAgreement.participants;
    const article = telling.articles.find((a) => a.start <= sentenceStart && sentenceStart < a.end);
    const inArticle = (e: CooperationEvent) =>
      !article || (article.start <= e.span.start && e.span.start < article.end);
    const first = agreements.find(inArticle);
    if (first) return first.participants;
  }
  return (withCount.at(-1) ?? last)?.participants;
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return from >= to || !text.slice(from, to).includes('\n');
}
