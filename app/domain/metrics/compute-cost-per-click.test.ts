import { expect, test } from "vitest";
import { computeCostPerClick } from "./compute-cost-per-click";
import { MetricsInputError } from "./errors";

test.each([
  ["715.46 over 300 clicks = 2.384866 → 2.38", 71_546, 300, { kind: "value", value: 238 }],
  ["1.00 over 8 clicks = 12.5 cents → the even 12", 100, 8, { kind: "value", value: 12 }],
  ["3.00 over 8 clicks = 37.5 cents → the even 38", 300, 8, { kind: "value", value: 38 }],
  ["JPY: ¥36,740 over 9 clicks = ¥4,082.2 → ¥4,082", 36_740, 9, { kind: "value", value: 4_082 }],
  ["a free collaboration costs nothing per click", 0, 10, { kind: "value", value: 0 }],
  ["no clicks", 5_000, 0, { kind: "undefined", reason: "no_clicks" }],
  ["no clicks and no cost", 0, 0, { kind: "undefined", reason: "no_clicks" }],
  ["negative cost", -234, 10, { kind: "undefined", reason: "negative_cost" }],
])("cost per click: %s", (_label, costMinor, clicks, expected) => {
  expect(computeCostPerClick({ costMinor, clicks })).toEqual(expected);
});

test("refuses negative clicks", () => {
  expect(() => computeCostPerClick({ costMinor: 1, clicks: -1 })).toThrow(MetricsInputError);
});
