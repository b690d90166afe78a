import { groupBy } from '../../core/group-by.js';
import { firstIndex } from '../../core/sorted-search.js';
import type { Entity, EntityMention, EntityType, Span } from '../../core/types.js';
import { endingSuffix, inDictionary, type Lexicon, leadingPlaceLength } from '../lexicon/lexicon.js';
import { LEVEL_GOVERNMENT, type OrganizationMention } from '../recognizers/organization.recognizer.js';
import { INTRODUCED_SHORT_FORM } from '../text/short-forms.js';

/** A department written after its area's level alone: 省科技厅, 市经信局. */
const LEVEL_DEPARTMENT = /^(省|自治区|市|区|县)(.{2,6})$/;
const COMPANY_TAIL = /(股份有限公司|有限责任公司|有限公司|集团公司|股份|集团|控股|科技|技术|公司)$/;
const LEADING_PLACE = /^(中国|重庆|北京|上海|天津)/;

interface Group {
  type: EntityType;
  /** The canonical name: the key that makes the same body one entity in every document. */
  name: string;
  /** The name shown when the canonical one is not written: 重庆高新区 for 重庆高新技术产业开发区. */
  shown: string;
  written: Set<string>;
  mentions: Span[];
  mention: EntityMention;
}

/**
 * One entity per real-world body, person or place in a document: names canonicalised through
 * the alias table (中科院 → 中国科学院), abbreviations expanded (卫计委 → 卫生和计划生育委员会),
 * short forms the document introduces (（以下简称“成都分院”）) or uses (重庆研究院 for
 * 中国科学院重庆绿色智能技术研究院, 特斯联 for 特斯联科技集团) joined to the full name.
 */
export function resolveEntities(
  text: string,
  organizations: OrganizationMention[],
  persons: EntityMention[],
  places: EntityMention[],
  lex: Lexicon,
): Entity[] {
  const groups = new Map<string, Group>();
  const add = (key: string, name: string, mention: EntityMention, shown = name): Group => {
    let group = groups.get(key);
    if (!group) {
      group = { type: mention.type, name, shown, written: new Set(), mentions: [], mention };
      groups.set(key, group);
    }
    group.written.add(mention.text);
    group.mentions.push(mention.span);
    return group;
  };

  const named = organizations.filter((m) => !m.bare);
  const namesOf = organizationNamer(lex, dominantPlaces(places));
  for (const mention of named) {
    const names = namesOf(mention.text);
    if (names) add(`organization:${names.canonical}`, names.canonical, mention, names.shown);
  }
  joinIntroducedShortForms(text, named, groups, namesOf);
  joinShortForms(groups, lex);
  joinBareSuffixes(text, organizations, groups);
  joinReferredCompanies(text, groups);
  addStemMentions(text, organizations, groups, lex);

  // Places inside any name an organisation is written by, and inside the short forms the
  // document introduces (（以下简称“天山光能”）), are part of the name.
  const organizationSpans = introducedShortFormSpans(text);
  for (const group of groups.values())
    if (group.type === 'organization') for (const span of group.mentions) organizationSpans.push(span);
  const insideOrganization = containment(organizationSpans);
  // A place the segmenter found inside a person's name (宁海舟) is part of the name.
  const insidePerson = (span: Span) =>
    persons.some((m) => m.span.start < span.end && span.start < m.span.end);
  // … except the city or county an area's government or a zone is named after (成都市郫都区人民政府,
  // 福州高新区): that area lies in it.
  const areaHeads = new Set(
    [...groups.values()]
      .filter(
        (g) => g.type === 'organization' && (g.mention.kind === 'government' || g.mention.kind === 'zone'),
      )
      .flatMap((g) => g.mentions.map((m) => m.start)),
  );
  // … and the city of a campus in the brackets closing a university's name (山东大学（威海）).
  const campusEnds = new Set(
    [...groups.values()]
      .filter((g) => g.type === 'organization' && g.mention.kind === 'university')
      .flatMap((g) => g.mentions.filter((m) => CLOSING.has(text.charAt(m.end - 1))).map((m) => m.end)),
  );
  const isCampus = (span: Span) => campusEnds.has(span.end + 1) && OPENING.has(text.charAt(span.start - 1));
  for (const mention of places) {
    if (insidePerson(mention.span)) continue;
    if (
      insideOrganization(mention.span) &&
      !(areaHeads.has(mention.span.start) && namesArea(mention)) &&
      !isCampus(mention.span)
    )
      continue;
    const name = mention.canonical ?? mention.text;
    if (groups.has(`organization:${name}`)) continue;
    add(`place:${name}`, name, mention);
  }
  for (const mention of persons) {
    if (insideOrganization(mention.span)) continue;
    add(`person:${mention.text}`, mention.text, mention);
  }
  return [...groups.values()].map(toEntity);
}

const OPENING = new Set(['（', '(']);
const CLOSING = new Set(['）', ')']);

/**
 * Whether a place at the head of a government's or zone's name is an area of its own: a province
 * or city, or a district written in full (和林格尔县) — not a zone (两江新区) and not a district's
 * bare name, which is often only the first word of the zone's (崖州 of 崖州湾科技城).
 */
function namesArea(place: EntityMention): boolean {
  if (place.level === 'province' || place.level === 'city') return true;
  return place.level === 'district' && place.text === place.canonical;
}

/** Where the short forms a document introduces are written: （以下简称“天山光能”）. */
function introducedShortFormSpans(text: string): Span[] {
  return [...text.matchAll(INTRODUCED_SHORT_FORM)].map((m) => {
    const form = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(form);
    return { start, end: start + form.length };
  });
}

/**
 * Whether a span lies inside one of `spans`. In order of their starts, the spans starting at or
 * before a span are the first ones, found by a binary search, and one of them holds it when the
 * furthest end among them reaches its end: no walk over every name for every place.
 */
function containment(spans: readonly Span[]): (span: Span) => boolean {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  // The furthest end of the spans up to each one.
  const reach: number[] = [];
  let furthest = 0;
  for (const s of ordered) {
    furthest = Math.max(furthest, s.end);
    reach.push(furthest);
  }
  return (span) => {
    const last = firstIndex(ordered.length, (i) => (ordered[i] as Span).start > span.start) - 1;
    return last >= 0 && span.end <= (reach[last] as number);
  };
}

type OrganizationNames = { canonical: string; shown: string } | undefined;

/**
 * The names of organisations as written, each worked out once per document: a body is written
 * the same way many times, and its names depend only on the words and the document's places.
 */
function organizationNamer(
  lex: Lexicon,
  homePlaces: Map<string, string>,
): (written: string) => OrganizationNames {
  const found = new Map<string, OrganizationNames>();
  return (written) => {
    if (found.has(written)) return found.get(written);
    const names = organizationNames(written, lex, homePlaces);
    found.set(written, names);
    return names;
  };
}

/** The canonical name of an organisation as written, or undefined when it cannot be resolved. */
export function canonicalOrganization(
  written: string,
  lex: Lexicon,
  homePlaces: Map<string, string>,
): string | undefined {
  return organizationNames(written, lex, homePlaces)?.canonical;
}

/**
 * The canonical name of an organisation as written, and the name to show for it: the alias
 * table's name (中科院 → 中国科学院), or else the name as written with a known body's short
 * form put right (中科院重庆研究院 → 中国科学院重庆研究院). Abbreviations expanded
 * (重庆高新区 → 重庆高新技术产业开发区) make the canonical name only, so one body written both
 * ways is one entity and a document that writes 重庆高新区 still shows it so.
 */
function organizationNames(
  written: string,
  lex: Lexicon,
  homePlaces: Map<string, string>,
): OrganizationNames {
  const known = lex.organizations.get(written);
  if (known) return { canonical: known.canonical, shown: known.canonical };
  const generic = LEVEL_GOVERNMENT.exec(written);
  if (generic) {
    const home = homePlaces.get(generic[1] as string);
    return home ? { canonical: `${home}人民政府`, shown: `${home}人民政府` } : undefined;
  }
  let name = written;
  // 省科技厅: the department of the province the document is about.
  const department = LEVEL_DEPARTMENT.exec(written);
  if (department && isDepartment(department[2] as string, lex)) {
    const home = homePlaces.get(department[1] as string);
    if (!home) return undefined;
    name = home + (department[2] as string);
  } else if (department && fullForms(lex).has(department[2] as string)) {
    // 省科学技术厅, written in full: the department of the province, when the document names it.
    const home = homePlaces.get(department[1] as string);
    if (home) name = home + (department[2] as string);
  }
  // A known body's short form at the head of the name: most names begin with no short form's
  // first two characters, and are passed over without a look-up for each length.
  if (shortFormHeads(lex).has(name.slice(0, 2))) {
    for (let length = Math.min(name.length - 2, 8); length >= 2; length--) {
      const parent = lex.organizations.get(name.slice(0, length));
      if (parent && parent.canonical !== name.slice(0, length)) {
        name = parent.canonical + name.slice(length);
        break;
      }
    }
  }
  const expanded = expandAbbreviations(name, lex);
  const listed = lex.organizations.get(expanded)?.canonical;
  return listed ? { canonical: listed, shown: listed } : { canonical: expanded, shown: name };
}

/** Whether a word is a government department's name by itself: 科技厅, 发改委, 经信局. */
function isDepartment(word: string, lex: Lexicon): boolean {
  return lex.suffixKinds.get(word) === 'government' || lex.abbreviated.has(word);
}

/** A table made from the lexicon, once, when first asked for. */
function perLexicon<T>(make: (lex: Lexicon) => T): (lex: Lexicon) => T {
  const made = new WeakMap<Lexicon, T>();
  return (lex) => {
    let table = made.get(lex);
    if (table === undefined) {
      table = make(lex);
      made.set(lex, table);
    }
    return table;
  };
}

/** The full forms of the standard abbreviations: 科学技术厅 of 科技厅. */
const fullForms = perLexicon((lex) => new Set(lex.abbreviated.values()));

/** The first two characters of the short forms of known bodies (中科 of 中科院). */
const shortFormHeads = perLexicon((lex) => {
  const heads = new Set<string>();
  for (const [name, known] of lex.organizations) if (known.canonical !== name) heads.add(name.slice(0, 2));
  return heads;
});

/** Any standard abbreviation, wherever it is written. */
const anyAbbreviation = perLexicon(
  (lex) => new RegExp(lex.abbreviations.map((a) => a.short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
);

/**
 * Every standard abbreviation inside a name written in full: 稀土高新区管委会 →
 * 稀土高新技术产业开发区管理委员会. A short form that is already part of its full form (the 政府
 * of 人民政府) stays.
 */
function expandAbbreviations(written: string, lex: Lexicon): string {
  if (!anyAbbreviation(lex).test(written)) return written;
  let name = written;
  for (const { short, full } of lex.abbreviations) {
    const offset = full.indexOf(short);
    let at = name.indexOf(short);
    while (at >= 0) {
      const alreadyFull = offset >= 0 && name.startsWith(full, at - offset);
      if (!alreadyFull) name = name.slice(0, at) + full + name.slice(at + short.length);
      at = name.indexOf(short, at + (alreadyFull ? short.length : full.length));
    }
  }
  return name;
}

/** The most mentioned province, city, district and county of the document: 市政府 is theirs. */
function dominantPlaces(places: EntityMention[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const place of places) {
    const name = place.canonical ?? place.text;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const home = new Map<string, string>();
  for (const level of ['省', '自治区', '市', '区', '县']) {
    let best: string | undefined;
    for (const [name, count] of counts) {
      if (name.endsWith(level) && (!best || count > (counts.get(best) ?? 0))) best = name;
    }
    if (best) home.set(level, best);
  }
  return home;
}

function joinIntroducedShortForms(
  text: string,
  named: OrganizationMention[],
  groups: Map<string, Group>,
  namesOf: (written: string) => OrganizationNames,
): void {
  for (const match of text.matchAll(INTRODUCED_SHORT_FORM)) {
    const short = match[1] as string;
    const before = named
      .filter((m) => m.span.end <= (match.index ?? 0) && (match.index ?? 0) - m.span.end <= 2)
      .at(-1);
    if (!before) continue;
    const target = groups.get(`organization:${namesOf(before.text)?.canonical}`);
    if (!target) continue;
    target.written.add(short);
    // The short form may stand as written or, like 管委会 for 管理委员会, under its full words.
    for (const name of new Set([short, namesOf(short)?.canonical])) {
      const shortGroup = groups.get(`organization:${name}`);
      if (shortGroup && shortGroup !== target) merge(groups, shortGroup, target);
    }
    for (
      let at = text.indexOf(short, match.index + match[0].length);
      at >= 0;
      at = text.indexOf(short, at + 1)
    ) {
      target.mentions.push({ start: at, end: at + short.length });
    }
  }
}

function merge(groups: Map<string, Group>, from: Group, into: Group): void {
  for (const written of from.written) into.written.add(written);
  into.mentions.push(...from.mentions);
  for (const [key, group] of groups) if (group === from) groups.delete(key);
}

function suffixLength(name: string, lex: Lexicon): number {
  return endingSuffix(name, lex)?.suffix.length ?? 0;
}

/** Whether `name` is a known body followed by `head` (中国科学院 + 重庆…). */
function continuesKnownBody(name: string, head: string, lex: Lexicon): boolean {
  const longest = Math.min(lex.longestOrganization, name.length - head.length);
  for (let length = 3; length <= longest; length++) {
    if (name.startsWith(head, length) && lex.organizations.has(name.slice(0, length))) return true;
  }
  return false;
}

/**
 * A short name joins the full name it abbreviates: 西部研究院 ends 中科院广州化学西部研究院;
 * 重庆研究院 takes the head of 重庆绿色智能技术研究院 under 中国科学院; 塔科玛创新实验室 and
 * 塔科玛创新工作室 share their name and differ in the kind of word only.
 */
function joinShortForms(groups: Map<string, Group>, lex: Lexicon): void {
  const organizations = [...groups.values()].filter((g) => g.type === 'organization');
  const heads = new Map<Group, string>();
  for (const group of organizations) {
    heads.set(group, group.name.slice(0, group.name.length - suffixLength(group.name, lex)));
  }
  // A full name ends as the short one does, a twin shares its head: each is looked for among
  // those groups only, in document order, instead of among every group for every group.
  const byLastCharacter = groupBy(organizations, (g) => g.name.charCodeAt(g.name.length - 1));
  const byHead = groupBy(organizations, (g) => heads.get(g) as string);
  const merged = new Set<Group>();
  const firstLive = (candidates: Group[] | undefined, test: (g: Group) => boolean) =>
    candidates?.find((g) => !merged.has(g) && test(g));
  for (const short of [...organizations].sort((a, b) => a.name.length - b.name.length)) {
    const head = heads.get(short) as string;
    if (head.length === short.name.length || head.length < 2 || lex.places.has(short.name)) continue;
    const tail = short.name.slice(head.length);
    const headIsPlace = lex.places.has(head);
    const headIsName = !headIsPlace && !lex.genericWords.has(head);
    const full = firstLive(byLastCharacter.get(short.name.charCodeAt(short.name.length - 1)), (g) => {
      if (g === short || g.name.length <= short.name.length) return false;
      if (g.name.endsWith(short.name)) {
        // 江北新区 is 南京江北新区 with its city left out.
        if (headIsName || lex.places.has(g.name.slice(0, g.name.length - short.name.length))) return true;
      }
      return g.name.endsWith(tail) && continuesKnownBody(g.name, head, lex);
    });
    const twin =
      full ??
      // An area's departments share its name and are bodies of their own (四川省教育厅, 四川省人民政府).
      (head.length >= 3 && !headIsPlace
        ? firstLive(byHead.get(head), (g) => g !== short && g.mention.kind === short.mention.kind)
        : undefined);
    if (twin) {
      merge(groups, short, twin);
      merged.add(short);
    }
  }
}

/**
 * A body called by its suffix alone (中心, 平台) is the one body of the document with that suffix;
 * with several, a suffix that begins a sentence or follows a demonstrative (该平台, 此中心) is the
 * one named last before it.
 */
function joinBareSuffixes(
  text: string,
  organizations: OrganizationMention[],
  groups: Map<string, Group>,
): void {
  const bodies = [...groups.values()].filter((g) => g.type === 'organization');
  // A suffix's owners are the same for each time it is written: the suffix a body gains as one
  // of its written names ends every name of it that made it an owner.
  const ownersOf = new Map<string, Group[]>();
  for (const mention of organizations) {
    if (!mention.bare) continue;
    let owners = ownersOf.get(mention.text);
    if (!owners) {
      owners = bodies.filter((g) => g.name !== mention.text && writtenEndingWith(g, mention.text));
      ownersOf.set(mention.text, owners);
    }
    // One character alone (厅 of 厅市会商) stands for a body only where the text points back (该局).
    const alone = owners.length === 1 && mention.text.length > 1;
    const owner = alone ? owners[0] : referent(text, mention.span, owners);
    if (!owner) continue;
    owner.written.add(mention.text);
    owner.mentions.push(mention.span);
  }
}

function writtenEndingWith(group: Group, suffix: string): boolean {
  for (const written of group.written) if (written.endsWith(suffix)) return true;
  return false;
}

const REFERRING = /(^|[。！？\n该此])$|这一?$|这个$/;

function referent(text: string, span: Span, owners: readonly Group[]): Group | undefined {
  if (!REFERRING.test(text.slice(Math.max(0, span.start - 2), span.start))) return undefined;
  return nearestBefore(owners, 0, span.start);
}

/** The group with the latest mention lying inside `from`–`to`. */
function nearestBefore(groups: readonly Group[], from: number, to: number): Group | undefined {
  let nearest: Group | undefined;
  let nearestStart = -1;
  for (const group of groups) {
    for (const m of group.mentions) {
      if (m.start < from || m.end > to || m.start <= nearestStart) continue;
      nearest = group;
      nearestStart = m.start;
    }
  }
  return nearest;
}

/** A company called back by a demonstrative: 该企业, 这家公司, 这家由…创办的企业. */
const COMPANY_REFERENCE = /(?:该|这家|此)(?:[^，。；：！？“”\n]{0,30}?的)?(?:企业|公司)/g;
/** The same company's noun opening a later clause of that sentence: …成立于2021年，企业在…. */
const COMPANY_AGAIN = /[，；](?:企业|公司)/g;
const SENTENCE_END = /[。！？\n]/g;

/**
 * 该企业 and 这家…的企业 stand for the company named last before them in their paragraph, and so
 * does 企业 opening a later clause of the same sentence: they are mentions of it, not names.
 */
function joinReferredCompanies(text: string, groups: Map<string, Group>): void {
  const companies = [...groups.values()].filter(
    (g) => g.type === 'organization' && g.mention.kind === 'company',
  );
  if (companies.length === 0) return;
  const named = containment(companies.flatMap((g) => g.mentions));
  for (const reference of text.matchAll(COMPANY_REFERENCE)) {
    const end = reference.index + reference[0].length;
    const noun = { start: end - 2, end };
    if (named(noun)) continue;
    const paragraph = text.lastIndexOf('\n', reference.index) + 1;
    const company = nearestBefore(companies, paragraph, reference.index);
    if (!company) continue;
    company.mentions.push(noun);
    SENTENCE_END.lastIndex = end;
    const rest = text.slice(end, SENTENCE_END.exec(text)?.index ?? text.length);
    for (const again of rest.matchAll(COMPANY_AGAIN)) {
      const start = end + again.index + 1;
      company.mentions.push({ start, end: start + 2 });
    }
  }
}

/** A company is often called by its trade name alone: 特斯联 for 特斯联科技集团. */
function addStemMentions(
  text: string,
  organizations: OrganizationMention[],
  groups: Map<string, Group>,
  lex: Lexicon,
): void {
  const inside = containment(organizations.map((m) => m.span));
  for (const group of [...groups.values()]) {
    if (group.type !== 'organization' || group.mention.kind !== 'company') continue;
    let stem = group.name;
    while (COMPANY_TAIL.test(stem)) stem = stem.replace(COMPANY_TAIL, '');
    stem = stem.replace(LEADING_PLACE, '');
    // A trade name without the city it begins with: 大连海融重工 → 海融重工.
    stem = stem.slice(leadingPlaceLength(stem, lex));
    if (stem.length < 2 || stem === group.name || lex.places.has(stem) || inDictionary(stem, lex)) continue;
    for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + stem.length)) {
      if (inside({ start: at, end: at + stem.length })) continue;
      group.written.add(stem);
      group.mentions.push({ start: at, end: at + stem.length });
    }
  }
}

/** The names a group is written by, and its canonical name last, less the one it is shown by. */
function aliasesOf(group: Group, shown: string): string[] {
  const aliases: string[] = [];
  for (const written of group.written) if (written !== shown) aliases.push(written);
  if (group.name !== shown && !group.written.has(group.name)) aliases.push(group.name);
  return aliases;
}

function toEntity(group: Group): Entity {
  const name = group.written.has(group.name) ? group.name : group.shown;
  const entity: Entity = {
    id: `${group.type}:${group.name}`,
    type: group.type,
    name,
    aliases: aliasesOf(group, name),
    mentions: group.mentions.sort((a, b) => a.start - b.start),
  };
  const { kind, level, code, title } = group.mention;
  if (kind) entity.kind = kind;
  if (level) entity.level = level;
  if (code) entity.code = code;
  if (title) entity.title = title;
  return entity;
}
