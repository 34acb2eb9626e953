import { expect, test } from "vitest";
import { computeCac } from "./compute-cac";
import { MetricsInputError } from "./errors";

test.each([
  ["715.46 over 7 new customers = 102.208… → 102.21", 71_546, 7, { kind: "value", value: 10_221 }],
  ["JPY: ¥36,740 over 3 = ¥12,246.67 → ¥12,247", 36_740, 3, { kind: "value", value: 12_247 }],
  ["a half cent goes to the even cent (2.5 → 2)", 5, 2, { kind: "value", value: 2 }],
  ["a half cent goes to the even cent (3.5 → 4)", 7, 2, { kind: "value", value: 4 }],
  ["free acquisition", 0, 4, { kind: "value", value: 0 }],
  ["no new customers", 50_000, 0, { kind: "undefined", reason: "no_customers" }],
  ["negative cost", -1, 2, { kind: "undefined", reason: "negative_cost" }],
])("CAC: %s", (_label, costMinor, newCustomers, expected) => {
  expect(computeCac({ costMinor, newCustomers })).toEqual(expected);
});

test("refuses fractional customers", () => {
  expect(() => computeCac({ costMinor: 1, newCustomers: 0.5 })).toThrow(MetricsInputError);
});
