import { describe, expect, test } from "vitest";
import { derived } from "./derived";

describe("derived", () => {
  test("computes once per owners and key, again for other owners or another key", () => {
    const slices = [1, 2, 3];
    const dimensions = { creators: 2 };
    let computed = 0;
    const board = (owners: object[], key: string) =>
      derived(owners, key, () => {
        computed += 1;
        return { computed };
      });
    const first = board([slices, dimensions], "netMinor desc");
    expect(board([slices, dimensions], "netMinor desc")).toBe(first);
    expect(computed).toBe(1);
    // New sums (a write) or new dimensions (a creator added), or another sort: computed anew.
    expect(board([[1, 2, 3], dimensions], "netMinor desc")).not.toBe(first);
    expect(board([slices, { creators: 2 }], "netMinor desc")).not.toBe(first);
    expect(board([slices, dimensions], "roas desc")).not.toBe(first);
    expect(computed).toBe(4);
    // The order of owners matters: they are not interchangeable inputs.
    expect(board([dimensions, slices], "netMinor desc")).not.toBe(first);
  });

  test("keeps a bounded number of keys per owners, dropping the oldest", () => {
    const owner = {};
    const values = Array.from({ length: 40 }, (_, i) => derived([owner], `filter ${i}`, () => ({ i })));
    expect(derived([owner], "filter 39", () => ({ i: -1 }))).toBe(values[39]);
    expect(derived([owner], "filter 0", () => ({ i: -1 }))).toEqual({ i: -1 });
  });
});
