// Values derived from cached objects, kept as long as those objects live. The rollup reader hands back the very same
// arrays while nothing they sum was written, and the dimensions stay the same object while the shop's creators,
// campaigns and collaborations are unchanged, so a leaderboard built from them once serves every request until one
// of them is replaced: the page's cost then no longer grows with the number of active creators.

type Node = { next: WeakMap<object, Node>; values: Map<string, unknown> };

/** Values kept per combination of owners; a few keys each (sorts, filters), the oldest dropped first. */
const MAX_VALUES_PER_OWNERS = 32;
const root: Node = { next: new WeakMap(), values: new Map() };

/**
 * The value `compute` returns for these owners and this key, computed once while the owners live. The key must name
 * everything else the value depends on (period, settings, parameters).
 */
export function derived<T>(owners: readonly object[], key: string, compute: () => T): T {
  let node = root;
  for (const owner of owners) {
    let next = node.next.get(owner);
    if (!next) {
      next = { next: new WeakMap(), values: new Map() };
      node.next.set(owner, next);
    }
    node = next;
  }
  if (node.values.has(key)) return node.values.get(key) as T;
  const value = compute();
  if (node.values.size >= MAX_VALUES_PER_OWNERS) node.values.delete(node.values.keys().next().value as string);
  node.values.set(key, value);
  return value;
}
