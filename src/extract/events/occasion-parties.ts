/**
 * What a page tells of an occasion (a forum, a fair, a conference) in sentences after the one
 * that holds it: who hosts it (论坛由A与B共同主办), and how many projects were signed at it
 * (本届论坛共促成签约项目17个).
 */
import type { CooperationEvent, Span } from '../../core/types.js';

/** The words an occasion's name ends with, as a sentence refers back to it (本届交易会, 论坛). */
const OCCASION =
  '(?:论坛|博览会|交易会|大会|峰会|研讨会|交流会|推介会|洽谈会|对接会|年会|座谈会|发布会|展览会|展会|会议|活动|高交会|博会)';

/** A sentence that names the hosts of an occasion told before: 本届交易会由A、B共同主办. */
const HOSTED = new RegExp(`^\\s*(?:本届|本次|此次|这次|该)?[^，。；：由]{0,12}?(${OCCASION})由`, 'u');

/** A sentence that counts what was signed at an occasion: 本届论坛共促成签约项目17个. */
const SIGNED_AT = new RegExp(`^\\s*(?:本届|本次|此次|这次)[^，。；：]{0,12}?(${OCCASION})`, 'u');

/** Events that sign something, whose parties a count of the occasion's signings gathers. */
const SIGNINGS: ReadonlySet<CooperationEvent['type']> = new Set(['agreement', 'project_signing', 'transfer']);

/**
 * Joins the hosts of an occasion to the gathering that holds it, and gives a count of the
 * occasion's signings the parties of the signings told at it, in the same article.
 * - 论坛8日在西宁举行。论坛由A与B共同主办 is one gathering, of A and B.
 * - 本届论坛共促成签约项目17个 takes the parties of the signings told since the forum was held.
 */
export function withOccasionParties(
  events: readonly CooperationEvent[],
  articles: readonly Span[],
): CooperationEvent[] {
  const articleOf = (event: CooperationEvent) =>
    articles.findIndex((a) => a.start <= event.span.start && event.span.start < a.end);
  const dropped = new Set<CooperationEvent>();
  for (const [index, event] of events.entries()) {
    if (event.type === 'gathering') {
      const held = hostedOccasion(events, index, articleOf);
      if (held) {
        held.participants = [...event.participants];
        dropped.add(event);
      }
    } else if (event.type === 'project_signing' && event.participants.length === 0) {
      event.participants = partiesSignedAt(events, index, articleOf);
    }
  }
  return events.filter((e) => !dropped.has(e));
}

/** The gathering without parties that a hosting sentence (本届交易会由A、B共同主办) refers back to. */
function hostedOccasion(
  events: readonly CooperationEvent[],
  index: number,
  articleOf: (event: CooperationEvent) => number,
): CooperationEvent | undefined {
  const hosts = events[index] as CooperationEvent;
  if (hosts.objects.length > 0 || hosts.participants.length === 0) return undefined;
  const word = HOSTED.exec(hosts.evidence)?.[1];
  if (!word) return undefined;
  const article = articleOf(hosts);
  for (let i = index - 1; i >= 0; i--) {
    const held = events[i] as CooperationEvent;
    if (articleOf(held) !== article) return undefined;
    if (held.type !== 'gathering' || !held.objects.some((o) => o.endsWith(word))) continue;
    const dated = hosts.date === undefined || held.date === undefined || hosts.date === held.date;
    return held.participants.length === 0 && dated ? held : undefined;
  }
  return undefined;
}

/**
 * The parties of the signings told at the occasion a count refers to (本届论坛共促成签约项目N个):
 * those after the gathering that holds it and before the count, in its article.
 */
function partiesSignedAt(
  events: readonly CooperationEvent[],
  index: number,
  articleOf: (event: CooperationEvent) => number,
): string[] {
  const count = events[index] as CooperationEvent;
  const word = SIGNED_AT.exec(count.evidence)?.[1];
  if (!word) return [];
  const article = articleOf(count);
  const parties: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const told = events[i] as CooperationEvent;
    if (articleOf(told) !== article) break;
    if (told.type === 'gathering' && told.objects.some((o) => o.endsWith(word))) {
      return told.date === count.date ? [...new Set(parties)] : [];
    }
    if (SIGNINGS.has(told.type) && !told.planned && told.date === count.date)
      parties.unshift(...told.participants);
  }
  return [];
}
