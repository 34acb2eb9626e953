import { describe, expect, test } from "vitest";
import { AttributionInputError } from "./errors";
import { assertWindowDays, windowPosition } from "./window";

const ORDER_AT = "2024-03-31T12:00:00Z";

describe("windowPosition", () => {
  test.each([
    ["at the order instant", "2024-03-31T12:00:00Z", 30, "inside"],
    ["a millisecond after the order", "2024-03-31T12:00:00.001Z", 30, "after_order"],
    ["exactly 30 × 24h before", "2024-03-01T12:00:00Z", 30, "inside"],
    ["a second more than 30 × 24h before", "2024-03-01T11:59:59Z", 30, "outside_window"],
    ["days are elapsed 24h, not calendar days: noon in Paris before the DST change is 25h earlier", "2024-03-30T12:00:00+01:00", 1, "outside_window"],
    ["24h before, whatever the local clocks did", "2024-03-30T12:00:00Z", 1, "inside"],
    ["a zero window keeps only the order instant", "2024-03-31T11:59:59Z", 0, "outside_window"],
    ["offsets are honoured", "2024-03-31T13:59:00+02:00", 0, "outside_window"],
  ])("%s", (_label, at, windowDays, expected) => {
    expect(windowPosition(at, ORDER_AT, windowDays)).toBe(expected);
  });
});

describe("assertWindowDays", () => {
  test.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])("rejects %s", (days) => {
    expect(() => assertWindowDays(days)).toThrow(AttributionInputError);
  });
  test.each([[0], [7], [30], [365]])("accepts %i", (days) => {
    expect(() => assertWindowDays(days)).not.toThrow();
  });
});
