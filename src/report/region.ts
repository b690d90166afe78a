/**
 * Whether a name belongs to the report's region: it names the region (重庆高新区, 西部（重庆）科学城),
 * or it is an administrative division inside it (长寿区, 北碚 in 重庆), by the GB/T 2260 codes the
 * lexicon's places carry — a district's code starts with its city's and its province's.
 */
import { type KnownPlace, placeShortForm } from '../extract/lexicon/lexicon.js';

const candidates = (place: KnownPlace | undefined): KnownPlace[] =>
  place ? [place, ...(place.alternatives ?? [])] : [];

/** A region as the report narrows by it. */
export interface Region {
  /** The names a name must contain to name the region: as asked, in full and short (重庆, 重庆市). */
  names: readonly string[];
  /** Whether the name names the region or is a division inside it. */
  includes(name: string | undefined): boolean;
}

/**
 * The region `region` with the places of the lexicon.
 *
 * @example
 * const chongqing = regionOf('重庆', lexicon().places);
 * chongqing.includes('长寿区');            // true: division 500115 lies in 50
 * chongqing.includes('西部（重庆）科学城'); // true: it names the region
 * chongqing.includes('江北区');            // true: one 江北区 of the several lies in 重庆
 * chongqing.includes('成都市');            // false
 */
export function regionOf(region: string, places: ReadonlyMap<string, KnownPlace>): Region {
  const known = candidates(places.get(region));
  const names = new Set([region]);
  for (const place of known) {
    names.add(place.canonical);
    const short = placeShortForm(place.canonical);
    if (short) names.add(short);
  }
  const codes = known.map((p) => p.code).filter((code): code is string => !!code && /^\d+$/.test(code));
  // A province's code is two digits, a city's four, a district's six: the region's code leads theirs.
  const prefixes = codes.map((code) => code.replace(/(00)+$/, '').padEnd(2, '0'));
  return {
    names: [...names],
    includes(name) {
      if (!name) return false;
      for (const n of names) if (name.includes(n)) return true;
      if (prefixes.length === 0) return false;
      return candidates(places.get(name)).some((place) =>
        prefixes.some((prefix) => place.code?.startsWith(prefix) || place.provinceCode === prefix),
      );
    },
  };
}
