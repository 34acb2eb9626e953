import { describe, expect, test } from "vitest";
import { MetricsInputError } from "./errors";
import { kpiDelta, ratioDelta } from "./kpi-delta";
import { definedRatio, undefinedRatio } from "./ratio";

describe("kpiDelta", () => {
  test.each([
    ["a 20% rise", 120, 100, 20, { kind: "value", value: 0.2 }],
    ["a 20% fall", 80, 100, -20, { kind: "value", value: -0.2 }],
    ["no change", 100, 100, 0, { kind: "value", value: 0 }],
    ["from zero: no relative change", 5, 0, 5, { kind: "undefined", reason: "no_previous" }],
    ["zero to zero", 0, 0, 0, { kind: "undefined", reason: "no_previous" }],
    ["net sales less negative than before read as an improvement", -50, -100, 50, { kind: "value", value: 0.5 }],
    ["more negative than before reads as a fall", -150, -100, -50, { kind: "value", value: -0.5 }],
    ["from a loss to a gain", 100, -100, 200, { kind: "value", value: 2 }],
  ])("%s", (_label, current, previous, absolute, relative) => {
    expect(kpiDelta(current, previous)).toEqual({ current, previous, absolute, relative });
  });

  test.each([["NaN", Number.NaN, 1], ["Infinity", 1, Number.POSITIVE_INFINITY]])("refuses %s", (_l, c, p) => {
    expect(() => kpiDelta(c, p)).toThrow(MetricsInputError);
  });
});

describe("ratioDelta", () => {
  test.each([
    ["ROAS from 2 to 3", definedRatio(3), definedRatio(2), { kind: "value", value: 1 }, { kind: "value", value: 0.5 }],
    [
      "current ROAS undefined (no cost now)",
      undefinedRatio("no_cost"),
      definedRatio(2),
      { kind: "undefined", reason: "current_undefined" },
      { kind: "undefined", reason: "current_undefined" },
    ],
    [
      "previous ROAS undefined",
      definedRatio(2),
      undefinedRatio("no_cost"),
      { kind: "undefined", reason: "previous_undefined" },
      { kind: "undefined", reason: "previous_undefined" },
    ],
    ["conversion from 0 to 4%", definedRatio(0.04), definedRatio(0), { kind: "value", value: 0.04 }, { kind: "undefined", reason: "no_previous" }],
  ])("%s", (_label, current, previous, absolute, relative) => {
    expect(ratioDelta(current, previous)).toEqual({ absolute, relative });
  });
});
