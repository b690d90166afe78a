import type { EntityMention } from '../../core/types.js';
import type { KnownPlace } from '../lexicon/lexicon.js';
import type { Token } from '../segmentation/segmenter.js';

/**
 * Places named in the text, with their level and GB/T 2260 code: provinces, cities, districts
 * and counties (full names and short forms), regions, countries.
 *
 * @example recognizePlaces(tokens('在綦江区和北京')) // 綦江区 (district 500110), 北京 (province 110000)
 */
export function recognizePlaces(tokens: readonly Token[]): EntityMention[] {
  const found: Array<{ token: Token; place: KnownPlace }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const place = token.entry?.place;
    if (place && !beginsName(token, place, tokens[i + 1])) found.push({ token, place });
  }
  // The province is read from the places written in full where there are any, else from all.
  const unambiguous = found.filter((f) => !f.place.alternatives && f.place.provinceCode);
  const written = unambiguous.filter((f) => !isBareDistrict(f.token, f.place));
  const province = mostFrequentProvince((written.length > 0 ? written : unambiguous).map((f) => f.place));
  const mentions: EntityMention[] = [];
  for (const { token, place: named } of found) {
    // A name several places share is the one in the province the document speaks of most.
    const place = [named, ...(named.alternatives ?? [])].find((p) => p.provinceCode === province) ?? named;
    // A district called by its short name alone (渝北, 北碚) is one of that province; elsewhere
    // the word is something else (盐湖化工, 新建).
    if (isBareDistrict(token, place) && place.provinceCode !== province) continue;
    const mention: EntityMention = {
      type: 'place',
      text: token.text,
      span: { start: token.start, end: token.end },
      level: place.level,
      canonical: place.canonical,
    };
    if (place.code) mention.code = place.code;
    mentions.push(mention);
  }
  return mentions;
}

/** Words that may follow a country named as a place: 与中国合作, 中国的, 中国在…. */
const AFTER_COUNTRY = /^[的与和及同在是将等、，。；：！？”）)\s]/u;

/**
 * Whether a country begins a name rather than being a place: before a bracketed city
 * (中国（长沙）科技成果转化交易会), and 中国 before a word of a national body's or event's name
 * (中国石油和化学工业联合会, 中国声谷). Other countries before a word stay places (出口德国市场).
 */
function beginsName(token: Token, place: KnownPlace, next: Token | undefined): boolean {
  if (place.level !== 'country' || next === undefined) return false;
  if (next.text === '（' || next.text === '(') return true;
  return token.text === '中国' && !AFTER_COUNTRY.test(next.text);
}

/** A district named without its 区 or 县: 渝北 for 渝北区. */
const isBareDistrict = (token: Token, place: KnownPlace) =>
  place.level === 'district' && token.text !== place.canonical;

function mostFrequentProvince(places: KnownPlace[]): string | undefined {
  const counts = new Map<string, number>();
  for (const place of places) {
    if (place.provinceCode) counts.set(place.provinceCode, (counts.get(place.provinceCode) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
