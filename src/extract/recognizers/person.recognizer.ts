import type { EntityMention } from '../../core/types.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { type Token, tagOf } from '../segmentation/segmenter.js';

const HAN = /^\p{Script=Han}$/u;
/** Surnames that are also prepositions and conjunctions. */
const FUNCTION_SURNAMES = new Set(['由', '于', '向', '从', '自', '以', '为', '经', '将', '和', '与']);
/** Of those, the conjunctions. */
const CONJUNCTION_SURNAMES = new Set(['和', '与']);
const SPACES = /^[ \t\u3000]+$/;
/** Titles written after a name (习近平总书记, 陈敏尔书记); most titles only come before. */
const TITLES_AFTER = new Set([
  '总书记',
  '书记',
  '同志',
  '院士',
  '教授',
  '研究员',
  '主席',
  '总理',
  '市长',
  '省长',
  '院长',
]);
/** The last character of a body's short name: 所, 院, 局 … */
const BODY_ENDS = /[所院局厅委部司站校室馆会]/;
const TOWN = /^[\p{Script=Han}]{1,3}?(镇|乡|村|街道)/u;

export interface PersonMention extends EntityMention {
  type: 'person';
}

/**
 * People named next to their title, and every later mention of the same names.
 * A title before the name (市长唐良智, 中国科学院副院长张涛) or after it (陈敏尔书记).
 * Place names that merely contain a title are left alone: 江阴市长泾镇 is a town.
 *
 * @example recognizePersons('市委副书记、市长唐良智与侯建国座谈') // 唐良智 (title 市长)
 */
export function recognizePersons(text: string, tokens: readonly Token[], lex: Lexicon): PersonMention[] {
  const found = new Map<string, string | undefined>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const across = titleAcross(token, tokens[i + 1], lex);
    const acrossName = across ? nameAt(text, token.end + 1, lex) : undefined;
    if (across && acrossName) {
      if (!found.has(acrossName)) found.set(acrossName, across);
      continue;
    }
    const title = titleOf(token, lex);
    if (!title) continue;
    if (isInsidePlace(text, token, lex)) continue;
    let start = token.end;
    if (tokens[i + 1] && SPACES.test((tokens[i + 1] as Token).text)) start = (tokens[i + 1] as Token).end;
    // 理事长单位, 会长单位: the body that holds the chair, not a person.
    const after = text.startsWith('单位', start)
      ? undefined
      : (transliteratedAt(text, start, lex) ?? nameAt(text, start, lex));
    if (after && !found.has(after)) found.set(after, title);
    if (TITLES_AFTER.has(token.text)) {
      const before = nameBefore(text, tokens, i, lex);
      if (before && !found.has(before)) found.set(before, title);
    }
  }
  const mentions: PersonMention[] = [];
  for (const [name, title] of found) {
    // 邹平 the professor is not the 邹平 of 邹平市 the city.
    const place = lex.places.get(name)?.canonical;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (place?.startsWith(name) && text.startsWith(place, at)) continue;
      const mention: PersonMention = {
        type: 'person',
        text: name,
        span: { start: at, end: at + name.length },
      };
      if (title) mention.title = title;
      mentions.push(mention);
    }
  }
  return mentions.sort((a, b) => a.span.start - b.span.start);
}

/** The title a word is or ends with: the segmenter keeps 学院院长 as one word. */
function titleOf(token: Token, lex: Lexicon): string | undefined {
  const word = token.text;
  if (token.entry?.title) return word;
  if (lex.titleEnds[word.charCodeAt(word.length - 1)] !== 1) return undefined;
  for (let length = Math.min(3, word.length - 2); length >= 2; length--) {
    const tail = word.slice(word.length - length);
    if (lex.titles.has(tail) && !lex.places.has(word.slice(0, word.length - length))) return tail;
  }
  return undefined;
}

/**
 * A title the segmenter cut before its last character, which it joined to the name after it
 * (董事|长阳|立新: 长阳 is a county): the word and that character make a longer title of the
 * lexicon than the word alone.
 */
function titleAcross(token: Token, next: Token | undefined, lex: Lexicon): string | undefined {
  if (!next || next.text.length < 2 || next.start !== token.end) return undefined;
  // Most words cannot be a title's last character; they are passed over without a lookup.
  if (lex.titleEnds[next.text.charCodeAt(0)] !== 1) return undefined;
  const word = token.text + next.text.charAt(0);
  return lex.titles.has(word) ? word : undefined;
}

function surnameLength(text: string, at: number, lex: Lexicon): number {
  if (lex.compoundSurnames.has(text.slice(at, at + 2))) return 2;
  return lex.surnames.has(text.charAt(at)) ? 1 : 0;
}

function startsWithStop(text: string, at: number, lex: Lexicon): boolean {
  const one = text.charAt(at);
  if (!HAN.test(one)) return true;
  // Most characters begin no stop and no title, and are passed over without a look-up.
  if (lex.stopStarts[text.charCodeAt(at)] !== 1) return false;
  for (let length = 1; length <= 3; length++) {
    const word = text.slice(at, at + length);
    if (lex.personStops.has(word) || lex.titles.has(word)) return true;
  }
  return false;
}

/** The name that starts at `at`: a surname and one or two given-name characters. */
function nameAt(text: string, at: number, lex: Lexicon): string | undefined {
  const surname = surnameLength(text, at, lex);
  if (surname === 0) return undefined;
  const first = at + surname;
  if (startsWithStop(text, first, lex)) return undefined;
  const length =
    startsWithStop(text, first + 1, lex) && !givenNameConjunction(text, first + 1, lex)
      ? surname + 1
      : surname + 2;
  const name = text.slice(at, at + length);
  if (lex.organizations.has(name) || isPlaceName(name, lex, text, at)) return undefined;
  // 由, 于, 向 … are surnames and words: before a place (由太原理工大学…) or the short name of a
  // body (由电工所研究员…) they are words; 和 and 与 also before any word of the dictionary
  // (专家和企业代表), where 于 is still a surname (于海燕).
  const surnameWord = text.charAt(at);
  const next = text.slice(first, first + 2);
  const word =
    FUNCTION_SURNAMES.has(surnameWord) &&
    (lex.places.has(next) ||
      (CONJUNCTION_SURNAMES.has(surnameWord) && lex.wordTags.has(next)) ||
      BODY_ENDS.test(text.charAt(at + length)));
  return word ? undefined : name;
}

/**
 * Whether the 和 or 与 at `at` is the last character of a given name (副校长陶景和出席, 副市长卢正和，):
 * a verb the person does or a punctuation mark follows it, where a second name would follow a
 * conjunction.
 */
function givenNameConjunction(text: string, at: number, lex: Lexicon): boolean {
  if (!CONJUNCTION_SURNAMES.has(text.charAt(at))) return false;
  if (!HAN.test(text.charAt(at + 1))) return true;
  const verb = text.slice(at + 1, at + 3);
  return lex.personStops.has(verb) && lex.wordTags.get(verb)?.tag === 'v';
}

/**
 * Whether a name written at `at` after a title is a place's. A district's or county's bare name
 * (邹平 of 邹平市, 江川 of 江川区) is a person's (教授邹平, 主任江川) unless the text goes on to
 * the place's full name (院长江北区调研); a province's or city's is a place's.
 */
function isPlaceName(name: string, lex: Lexicon, text: string, at: number): boolean {
  const place = lex.places.get(name);
  if (!place) return false;
  const places = [place, ...(place.alternatives ?? [])];
  const bareDistrict = places.every((p) => p.level === 'district' && p.canonical !== name);
  return !bareDistrict || places.some((p) => text.startsWith(p.canonical, at));
}

/** A name written with a middle dot (艾尔肯·吐尔逊, 阿卜杜拉·艾买提), Uyghur or transliterated. */
const TRANSLITERATED = /[\p{Script=Han}]{2,6}[·•・‧][\p{Script=Han}]{2,5}/uy;

/**
 * The dotted name at `at`: its last part as long as it can be with a word that cannot be in a
 * name right after it (吐尔逊|为首届, 买买提|出席), less such a word it ends with (韦伯|说).
 */
function transliteratedAt(text: string, at: number, lex: Lexicon): string | undefined {
  TRANSLITERATED.lastIndex = at;
  const found = TRANSLITERATED.exec(text)?.[0];
  if (!found) return undefined;
  const shortest = at + found.search(/[·•・‧]/) + 3;
  let end = at + found.length;
  while (end > shortest && !startsWithStop(text, end, lex)) end--;
  for (let length = 2; length >= 1; length--) {
    if (end - length >= shortest && lex.personStops.has(text.slice(end - length, end))) {
      end -= length;
      break;
    }
  }
  return text.slice(at, end);
}

/** The name that ends where the title at token `i` begins (陈敏尔书记), if a boundary precedes it. */
function nameBefore(text: string, tokens: readonly Token[], i: number, lex: Lexicon): string | undefined {
  const end = (tokens[i] as Token).start;
  for (const length of [3, 2]) {
    const start = end - length;
    if (start < 0) continue;
    const name = text.slice(start, end);
    if (![...name].every((c) => HAN.test(c)) || surnameLength(text, start, lex) === 0) continue;
    const previous = tokenEndingAt(tokens, i, start);
    if (start > 0 && !previous) continue;
    if (
      previous &&
      HAN.test(previous.text.charAt(0)) &&
      !previous.entry?.personStop &&
      !previous.entry?.orgBoundary &&
      !/^[cp]$/.test(tagOf(previous, lex) ?? '')
    ) {
      continue;
    }
    if (lex.places.has(name) || lex.organizations.has(name) || lex.titles.has(name)) continue;
    return name;
  }
  return undefined;
}

/** The token before token `i` that ends at `offset`, if a token ends there. */
function tokenEndingAt(tokens: readonly Token[], i: number, offset: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const token = tokens[k] as Token;
    if (token.end <= offset) return token.end === offset ? token : undefined;
  }
  return undefined;
}

/** 江阴市长泾镇: 市长 here ends a city's name and begins a town's. */
function isInsidePlace(text: string, token: Token, lex: Lexicon): boolean {
  if (!token.text.startsWith('市') && !token.text.startsWith('县') && !token.text.startsWith('区'))
    return false;
  for (let length = 2; length <= 4; length++) {
    const place = text.slice(token.start - length, token.start + 1);
    if (lex.places.has(place) && TOWN.test(text.slice(token.start + 1, token.start + 8))) return true;
  }
  return false;
}
