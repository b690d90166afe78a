/**
 * The first index of a sorted list at which `reached` holds, or `length` when it never does:
 * `reached` must be false up to some index and true from there on (offsets in text order).
 *
 * @example firstIndex(spans.length, (i) => spans[i].start >= 40) // the first span starting at 40 or later
 */
export function firstIndex(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
