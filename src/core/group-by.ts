/**
 * Items by a key, each list in the order of `items`: one pass, however many items.
 *
 * @example groupBy(['ab', 'ac', 'b'], (s) => s[0]) // Map { 'a' => ['ab', 'ac'], 'b' => ['b'] }
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
