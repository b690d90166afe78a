/**
 * Whether a name belongs to the report's region: it names the region (重庆高新区, 西部（重庆）科学城),
 * or it is an administrative division inside it (长寿区, 北碚 in 重庆), by the GB/T 2260 codes the
 * lexicon's places carry — a district's code starts with its city's and its province's.
 */
import { type KnownPlace, placeShortForm } from '../extract/lexicon/lexicon.js';

const candidates = (place: KnownPlace | undefined): KnownPlace[] =>
  place ? [place, ...(place.alternatives ?? [])] : [];

/**
 * A test of names against `region`, with the places of the lexicon.
 *
 * @example
 * const inChongqing = regionMatcher('重庆', lexicon().places);
 * inChongqing('长寿区');            // true: division 500115 lies in 50
 * inChongqing('西部（重庆）科学城'); // true: it names the region
 * inChongqing('江北区');            // true: one 江北区 of the several lies in 重庆
 * inChongqing('成都市');            // false
 */
export function regionMatcher(
  region: string,
  places: ReadonlyMap<string, KnownPlace>,
): (name: string | undefined) => boolean {
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
  return (name) => {
    if (!name) return false;
    for (const n of names) if (name.includes(n)) return true;
    if (prefixes.length === 0) return false;
    return candidates(places.get(name)).some((place) =>
      prefixes.some((prefix) => place.code?.startsWith(prefix) || place.provinceCode === prefix),
    );
  };
}
