import type { Touch, TouchKind } from "./types";

// Among touches at the same instant, the one closer to the purchase decision sorts later.
const KIND_RANK: Readonly<Record<TouchKind, number>> = {
  journey_first: 0,
  click: 1,
  journey_last: 2,
  utm: 3,
  code: 4,
};

/** Chronological order of touches; ties at one instant put a code after a UTM after a click; then by creator id. */
export function compareTouches(a: Touch, b: Touch): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  const byKind = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (byKind !== 0) return byKind;
  return a.creatorId < b.creatorId ? -1 : a.creatorId > b.creatorId ? 1 : 0;
}

/** Touches sorted chronologically (a copy). */
export function sortTouches(touches: readonly Touch[]): Touch[] {
  return [...touches].sort(compareTouches);
}
