import { firstIndex } from '../core/sorted-search.js';
import type { Article, CooperationEvent, Entity, Extraction, Span } from '../core/types.js';
import { splitArticles } from '../ingest/articles/split-articles.js';
import { type Block, repairLayout } from '../ingest/layout/repair-layout.js';
import { extractEvents, type Party } from './events/event.extractor.js';
import { withRelativeDays } from './events/relative-days.js';
import { splitSentences } from './events/sentences.js';
import { isTimeInName } from './events/time-in-name.js';
import { lexicon } from './lexicon/lexicon.js';
import { recognizeCounts } from './recognizers/count.recognizer.js';
import { recognizeMoney } from './recognizers/money.recognizer.js';
import { recognizeOrganizations } from './recognizers/organization.recognizer.js';
import { recognizePercentages } from './recognizers/percent.recognizer.js';
import { recognizePersons } from './recognizers/person.recognizer.js';
import { recognizePlaces } from './recognizers/place.recognizer.js';
import { recognizeTimes } from './recognizers/time.recognizer.js';
import { resolveEntities } from './resolution/resolve-entities.js';
import { searchModeTerms } from './search/search-terms.js';
import { type Token, tokenize } from './segmentation/segmenter.js';
import { toSimplified } from './text/simplified.js';
import { EXTRACTOR_VERSION } from './version.js';

export interface ExtractOptions {
  /** Publication date `YYYY-MM-DD`: year-less and relative dates are resolved against it. */
  published?: string;
}

/**
 * Extracts entities, times, money, counts and events from the text of one document.
 * Layout is repaired first (lines broken mid-sentence joined); every span in the result points
 * into `text` as given.
 *
 * @example extractText('12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。', { published: '2020-12-16' })
 */
export function extractText(text: string, options: ExtractOptions = {}): Extraction {
  return analyse(text, options).extraction;
}

/**
 * The words a full-text index holds for a document and, when a page holds several articles, for
 * each of them in order (one article is the document itself, and has no row of its own).
 */
export interface IndexTerms {
  text: string;
  articles: string[];
}

/**
 * `extractText`, with the index words of the document and of its articles made from the words
 * extraction cut the text into (jieba's search mode over them), so that storing a document cuts
 * its text once.
 */
export function extractTextForIndex(
  text: string,
  options: ExtractOptions = {},
): { extraction: Extraction; indexTerms: IndexTerms } {
  const { extraction, tokens, articleSpans } = analyse(text, options);
  const wordsWithin = (span: Span) => {
    const first = firstIndex(tokens.length, (i) => (tokens[i] as Token).start >= span.start);
    const last = firstIndex(tokens.length, (i) => (tokens[i] as Token).end > span.end);
    return tokens.slice(first, last).map((t) => t.text);
  };
  return {
    extraction,
    indexTerms: {
      text: searchModeTerms(tokens.map((t) => t.text)),
      articles: articleSpans.length > 1 ? articleSpans.map((span) => searchModeTerms(wordsWithin(span))) : [],
    },
  };
}

function analyse(
  text: string,
  options: ExtractOptions,
): { extraction: Extraction; tokens: Token[]; articleSpans: Span[] } {
  const lex = lexicon();
  const repaired = repairLayout(text);
  // Traditional characters are read as simplified ones, one for one, so spans stay exact.
  const body = toSimplified(repaired.text);
  const articles = splitArticles(repaired);
  const tokens = tokenize(body);
  const timeContext = options.published ? { published: options.published } : {};
  const times = recognizeTimes(body, timeContext);
  const money = recognizeMoney(body);
  const counts = recognizeCounts(body);
  const percentages = recognizePercentages(body);
  const organizations = recognizeOrganizations(body, tokens, lex);
  const persons = recognizePersons(body, tokens, lex);
  const places = recognizePlaces(tokens);
  const entities = resolveEntities(body, organizations, persons, places, lex);
  const sentences = splitSentences(body);
  // 昨天 and 次日 date events by the day they name, though they are no times of their own.
  const eventTimes = withRelativeDays(body, times, options.published);
  const allEvents = extractEvents({
    text: body,
    tokens,
    sentences,
    parties: partiesOf(entities),
    times: eventTimes,
    counts,
    leads: leadDates(articles, sentences, eventTimes, body),
    articles: articles.map((a) => a.span),
    lex,
  });
  const events = withoutHeadlineRepeats(allEvents, repaired.blocks);

  const toOriginal = (span: Span) => repaired.spanToOriginal(span);
  const extraction: Extraction = {
    published: options.published,
    extractor: { name: 'coopatlas', version: EXTRACTOR_VERSION },
    articles: articles.map((a) => mapArticle(a, toOriginal)),
    entities: entities.map((e) => ({ ...e, mentions: e.mentions.map(toOriginal) })),
    times: times.map((t) => ({ ...t, span: toOriginal(t.span) })),
    money: money.map((m) => ({ ...m, span: toOriginal(m.span) })),
    counts: counts.map((c) => ({ ...c, span: toOriginal(c.span) })),
    percentages: percentages.map((p) => ({ ...p, span: toOriginal(p.span) })),
    events: events.map((e) => ({ ...e, span: toOriginal(e.span) })),
  };
  return { extraction, tokens, articleSpans: articles.map((a) => a.span) };
}

/**
 * A headline announces what its article tells (重庆市与中国科学院签署战略合作协议): its event is
 * the body's, told again without a date, and is dropped when the body has an event of its type.
 */
function withoutHeadlineRepeats(events: CooperationEvent[], blocks: readonly Block[]): CooperationEvent[] {
  const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.span);
  const inHeading = (event: CooperationEvent) =>
    headings.some((h) => h.start <= event.span.start && event.span.start < h.end);
  const told = new Set(events.filter((e) => !inHeading(e)).map((e) => e.type));
  return events.filter((e) => !inHeading(e) || !told.has(e.type));
}

function partiesOf(entities: Entity[]): Party[] {
  const parties: Party[] = [];
  for (const entity of entities) {
    if (entity.type === 'person') continue;
    for (const span of entity.mentions) {
      const party: Party = { span, name: entity.name, type: entity.type };
      if (entity.kind) party.kind = entity.kind;
      parties.push(party);
    }
  }
  parties.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // A body named inside another's name (the lab of its 江北分中心) is not a party of its own there.
  // The same words read as a body and as a place (西咸新区) are both.
  let outer: Span = { start: -1, end: -1 };
  return parties.filter(({ span }) => {
    const same = span.start === outer.start && span.end === outer.end;
    if (span.end <= outer.end && !same) return false;
    if (span.end > outer.end) outer = span;
    return true;
  });
}

/** Articles whose lead sentence is dated (12月15日，…) date the events that follow it. */
function leadDates(
  articles: Article[],
  sentences: ReturnType<typeof splitSentences>,
  times: ReturnType<typeof recognizeTimes>,
  text: string,
): Array<{ span: Span; date: string }> {
  const leads: Array<{ span: Span; date: string }> = [];
  for (const article of articles) {
    const opening = sentences
      .filter((s) => s.start >= article.span.start && s.end <= article.span.end)
      .slice(0, 3);
    for (const lead of opening) {
      const date = times.find(
        // A period the lead sums up (今年1至9月，…) dates none of what the article goes on to tell.
        (t) =>
          t.span.start >= lead.start &&
          t.span.end <= lead.end &&
          !isTimeInName(text, t) &&
          !t.value.includes('/'),
      );
      if (date) {
        leads.push({ span: article.span, date: date.value });
        break;
      }
    }
  }
  return leads;
}

function mapArticle(article: Article, toOriginal: (span: Span) => Span): Article {
  const mapped: Article = { ...article, span: toOriginal(article.span) };
  if (article.headlineSpan) mapped.headlineSpan = toOriginal(article.headlineSpan);
  return mapped;
}
