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
  for (const token of tokens) {
    const place = token.entry?.place;
    if (place) found.push({ token, place });
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
