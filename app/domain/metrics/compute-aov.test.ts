import { expect, test } from "vitest";
import { computeAov } from "./compute-aov";
import { MetricsInputError } from "./errors";

test.each([
  ["100.00 over 3 orders rounds to 33.33", 10_000, 3, { kind: "value", value: 3_333 }],
  ["a half cent goes to the even cent (50.005 → 50.00)", 10_001, 2, { kind: "value", value: 5_000 }],
  ["a half cent goes to the even cent (50.015 → 50.02)", 10_003, 2, { kind: "value", value: 5_002 }],
  ["refunds beyond sales give a negative AOV", -3_000, 2, { kind: "value", value: -1_500 }],
  ["a negative half rounds symmetrically (−2.5 → −2)", -5, 2, { kind: "value", value: -2 }],
  ["JPY: ¥11,520 over 7 orders is ¥1,646", 11_520, 7, { kind: "value", value: 1_646 }],
  ["orders with zero net sales", 0, 4, { kind: "value", value: 0 }],
  ["no orders is undefined, not zero", 0, 0, { kind: "undefined", reason: "no_orders" }],
  ["refunds on a day without orders", -2_000, 0, { kind: "undefined", reason: "no_orders" }],
])("AOV: %s", (_label, netMinor, orders, expected) => {
  expect(computeAov({ netMinor, orders })).toEqual(expected);
});

test.each([
  ["negative orders", 100, -1],
  ["fractional orders", 100, 1.5],
  ["a float net", 99.9, 1],
])("refuses %s", (_label, netMinor, orders) => {
  expect(() => computeAov({ netMinor, orders })).toThrow(MetricsInputError);
});
