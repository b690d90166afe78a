/**
 * What matching reads in a text: its words (the project's segmentation in search mode, so
 * 人脸识别 gives 人脸, 识别 and 人脸识别), the synonym groups and the fields of the taxonomy
 * it names, each found where it is written.
 */
import { segmenter } from '../extract/segmentation/segmenter.js';
import { toSimplified } from '../extract/text/simplified.js';
import { matchingLexicon, normalForm } from './matching-lexicon.js';

const WORD = /^[\p{Script=Han}\p{L}\p{N}]+$/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;
const LATIN_OR_DIGIT = /^[a-z0-9]+$/;

const HAN_BREAK = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/**
 * The comparable form of a text: simplified characters, NFKC, lower case; a line break between
 * two Chinese characters (a PDF's broken line) dropped, other runs of space made one space.
 */
export function matchingText(text: string): string {
  return normalForm(toSimplified(text)).replace(HAN_BREAK, '$1').replace(/\s+/g, ' ');
}

/**
 * The words of a text that can match, repeated as often as written: single characters, lone
 * digits and the words of `matching-stopwords.txt` (需要, 公司, 技术 …) left out.
 *
 * @example matchingWords('需要人脸识别技术') // ['人脸', '识别', '人脸识别']
 */
export function matchingWords(text: string): string[] {
  const { stopwords } = matchingLexicon();
  const out: string[] = [];
  for (const part of segmenter().cutForSearch(matchingText(text), true)) {
    const word = part.trim();
    if (word === '' || !WORD.test(word) || SINGLE_HAN.test(word) || stopwords.has(word)) continue;
    if (LATIN_OR_DIGIT.test(word) && (word.length < 2 || /^\d+$/.test(word))) continue;
    out.push(word);
  }
  return out;
}

/** The synonym groups a text names: group index → the forms it writes them in. */
export function synonymGroupsIn(text: string): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const hit of matchingLexicon().synonyms.find(matchingText(text))) {
    const forms = groups.get(hit.value);
    if (!forms) groups.set(hit.value, [hit.phrase]);
    else if (!forms.includes(hit.phrase)) forms.push(hit.phrase);
  }
  return groups;
}

/**
 * The fields of the taxonomy a text names: field id → the keywords it writes. A form of a
 * synonym group counts for the fields its other forms are keywords of (三维打印 ≈ 3D打印 places a
 * text in 增材制造).
 */
export function fieldsIn(text: string): Map<string, string[]> {
  const lexicon = matchingLexicon();
  const fields = new Map<string, string[]>();
  const add = (ids: readonly string[], written: string) => {
    for (const id of ids) {
      const words = fields.get(id);
      if (!words) fields.set(id, [written]);
      else if (!words.includes(written)) words.push(written);
    }
  };
  const normal = matchingText(text);
  for (const hit of lexicon.fieldKeywords.find(normal)) add(hit.value, hit.phrase);
  for (const hit of lexicon.synonyms.find(normal)) {
    for (const form of lexicon.synonymGroups[hit.value] ?? []) {
      const ids = lexicon.fieldKeywords.get(normalForm(form));
      if (ids) add(ids, hit.phrase);
    }
  }
  return fields;
}
