import { describe, expect, test } from "vitest";
import { backfillPercent } from "./backfill-progress";

describe("backfillPercent", () => {
  test.each<[string, { status: string; objectCount: number; objectsRead: number }, number]>([
    ["still exporting: nothing read yet", { status: "exporting", objectCount: 0, objectsRead: 0 }, 0],
    ["importing, a third read (rounded down)", { status: "importing", objectCount: 3000, objectsRead: 1000 }, 33],
    ["importing, one object of seven", { status: "importing", objectCount: 7, objectsRead: 1 }, 14],
    ["importing, every line read but not yet finished", { status: "importing", objectCount: 4500, objectsRead: 4500 }, 99],
    ["a count read beyond the export's (never above 99 while importing)", { status: "importing", objectCount: 10, objectsRead: 12 }, 99],
    ["an empty export (zero objects) while importing", { status: "importing", objectCount: 0, objectsRead: 0 }, 0],
    ["completed", { status: "completed", objectCount: 4500, objectsRead: 4500 }, 100],
    ["completed with an empty export", { status: "completed", objectCount: 0, objectsRead: 0 }, 100],
    ["failed shows nothing done", { status: "failed", objectCount: 100, objectsRead: 40 }, 0],
  ])("%s", (_label, input, expected) => {
    expect(backfillPercent(input)).toBe(expected);
  });
});
