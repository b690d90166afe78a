/**
 * The data of technology matching, read from `lexicon/` once: the field taxonomy, the domain's
 * synonym groups, the regions of China and the words that say nothing of a technology.
 */
import { readFileSync } from 'node:fs';
import { LEXICON_DIR } from '../extract/lexicon/lexicon.js';
import { PhraseMatcher } from './phrase-matcher.js';

export interface Field {
  id: string;
  parent?: string;
  zh: string;
  en: string;
  keywords: string[];
}

export interface Region {
  zh: string;
  en: string;
  provinces: string[];
}

export interface MatchingLexicon {
  fields: Map<string, Field>;
  /** Field keywords → the ids of the fields they place a text in. */
  fieldKeywords: PhraseMatcher<string[]>;
  /** Synonym groups, each its written forms; a form → its group's index. */
  synonymGroups: string[][];
  synonyms: PhraseMatcher<number>;
  /** Province code (two digits) → its region. */
  regions: Map<string, Region>;
  stopwords: Set<string>;
  /** Zones without a code of their own (两江新区) → the division they lie in, as a place name. */
  zones: PhraseMatcher<{ zone: string; division: string }>;
}

function dataLines(file: string): string[] {
  return readFileSync(`${LEXICON_DIR}${file}`, 'utf8')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** The written form matching compares: NFKC (full-width letters and digits half-width), lower case. */
export function normalForm(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

let loaded: MatchingLexicon | undefined;

/** The matching lexicon, read on first use. */
export function matchingLexicon(): MatchingLexicon {
  if (loaded) return loaded;
  const fields = new Map<string, Field>();
  const fieldKeywords = new PhraseMatcher<string[]>();
  for (const line of dataLines('matching-fields.tsv')) {
    const [id, parent, zh, en, keywords] = line.split('\t').map((cell) => cell.trim());
    if (!id || !zh || !en) continue;
    const words = (keywords ?? '').split('|').filter(Boolean);
    fields.set(id, { id, ...(parent ? { parent } : {}), zh, en, keywords: words });
    for (const word of [zh, ...words]) {
      const form = normalForm(word);
      const known = fieldKeywords.get(form);
      if (known) {
        if (!known.includes(id)) known.push(id);
      } else fieldKeywords.add(form, [id]);
    }
  }
  const synonymGroups: string[][] = [];
  const synonyms = new PhraseMatcher<number>();
  for (const line of dataLines('matching-synonyms.tsv')) {
    const forms = line
      .split('\t')
      .map((form) => form.trim())
      .filter(Boolean);
    if (forms.length < 2) continue;
    const index = synonymGroups.length;
    synonymGroups.push(forms);
    // A form in two groups (焊接) belongs to the first: one form, one meaning.
    for (const form of forms)
      if (synonyms.get(normalForm(form)) === undefined) synonyms.add(normalForm(form), index);
  }
  const regions = new Map<string, Region>();
  for (const line of dataLines('matching-regions.tsv')) {
    const [zh, en, codes] = line.split('\t').map((cell) => cell.trim());
    if (!zh || !en || !codes) continue;
    const region = { zh, en, provinces: codes.split('|') };
    for (const code of region.provinces) regions.set(code, region);
  }
  const stopwords = new Set(dataLines('matching-stopwords.txt').flatMap((line) => line.split(/\s+/)));
  const zones = new PhraseMatcher<{ zone: string; division: string }>();
  for (const line of dataLines('matching-zones.tsv')) {
    const [zone, division, aliases] = line.split('\t').map((cell) => cell.trim());
    if (!zone || !division) continue;
    for (const name of [zone, ...(aliases ?? '').split('|').filter(Boolean)]) {
      zones.add(normalForm(name), { zone, division });
    }
  }
  loaded = { fields, fieldKeywords, synonymGroups, synonyms, regions, stopwords, zones };
  return loaded;
}
