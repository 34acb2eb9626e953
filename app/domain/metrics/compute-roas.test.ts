import { expect, test } from "vitest";
import { computeRoas } from "./compute-roas";
import { MetricsInputError } from "./errors";

test.each([
  ["3,000.00 of sales for 1,000.00 of cost", 300_000, 100_000, { kind: "value", value: 3 }],
  ["no sales for a real cost", 0, 5_000, { kind: "value", value: 0 }],
  ["refunds beyond sales", -3_000, 1_000, { kind: "value", value: -3 }],
  ["JPY: ¥11,520 for ¥36,740", 11_520, 36_740, { kind: "value", value: 11_520 / 36_740 }],
  ["free collaboration: no cost, not infinite", 5_000, 0, { kind: "undefined", reason: "no_cost" }],
  ["nothing at all", 0, 0, { kind: "undefined", reason: "no_cost" }],
  ["clawbacks made cost negative", 5_000, -234, { kind: "undefined", reason: "negative_cost" }],
])("ROAS: %s", (_label, netMinor, costMinor, expected) => {
  expect(computeRoas({ netMinor, costMinor })).toEqual(expected);
});

test("refuses a float cost", () => {
  expect(() => computeRoas({ netMinor: 1, costMinor: 0.5 })).toThrow(MetricsInputError);
});
