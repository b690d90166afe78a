import type { EntityMention } from '../../core/types.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Token } from '../segmentation/segmenter.js';

/**
 * Places named in the text, with their level and GB/T 2260 code: provinces, cities, districts
 * and counties (full names and short forms), regions, countries.
 *
 * @example recognizePlaces(tokens('在綦江区和北京')) // 綦江区 (district 500110), 北京 (province 110000)
 */
export function recognizePlaces(tokens: readonly Token[], lex: Lexicon): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const token of tokens) {
    const place = lex.places.get(token.text);
    if (!place) continue;
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
