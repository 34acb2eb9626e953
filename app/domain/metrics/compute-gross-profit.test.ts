import { expect, test } from "vitest";
import { computeGrossProfit, type GrossProfitInput } from "./compute-gross-profit";
import { MetricsInputError } from "./errors";

test.each<[string, GrossProfitInput, number, string, unknown]>([
  ["default margin 40% on 1,000.00", { netMinor: 100_000, defaultMarginBps: 4_000 }, 40_000, "default", { kind: "value", value: 0.4 }],
  [
    "every product has a unit cost",
    { netMinor: 100_000, defaultMarginBps: 4_000, unitCost: { coveredNetMinor: 100_000, costOfGoodsMinor: 35_000 } },
    65_000,
    "unit_cost",
    { kind: "value", value: 0.65 },
  ],
  [
    "unit cost for 600.00, default 50% for the other 400.00",
    { netMinor: 100_000, defaultMarginBps: 5_000, unitCost: { coveredNetMinor: 60_000, costOfGoodsMinor: 24_000 } },
    56_000,
    "mixed",
    { kind: "value", value: 0.56 },
  ],
  [
    "a unit-cost block with nothing in it means the default",
    { netMinor: 10_000, defaultMarginBps: 3_000, unitCost: { coveredNetMinor: 0, costOfGoodsMinor: 0 } },
    3_000,
    "default",
    { kind: "value", value: 0.3 },
  ],
  ["33.33% of 3.33 = 1.109889 → 1.11", { netMinor: 333, defaultMarginBps: 3_333 }, 111, "default", { kind: "value", value: 111 / 333 }],
  ["50% of 0.05 = 2.5 cents → the even 2", { netMinor: 5, defaultMarginBps: 5_000 }, 2, "default", { kind: "value", value: 0.4 }],
  ["refunds beyond sales: negative profit", { netMinor: -3_000, defaultMarginBps: 4_000 }, -1_200, "default", { kind: "value", value: 0.4 }],
  ["JPY: 35% of ¥11,520", { netMinor: 11_520, defaultMarginBps: 3_500 }, 4_032, "default", { kind: "value", value: 0.35 }],
  ["no sales: margin undefined", { netMinor: 0, defaultMarginBps: 4_000 }, 0, "default", { kind: "undefined", reason: "no_sales" }],
])("gross profit: %s", (_label, input, profit, source, margin) => {
  expect(computeGrossProfit(input)).toEqual({ grossProfitMinor: profit, marginSource: source, margin });
});

test.each<[string, GrossProfitInput]>([
  ["a default margin above 100%", { netMinor: 100, defaultMarginBps: 10_001 }],
  ["a negative cost of goods", { netMinor: 100, defaultMarginBps: 0, unitCost: { coveredNetMinor: 100, costOfGoodsMinor: -1 } }],
  ["a float net", { netMinor: 1.5, defaultMarginBps: 0 }],
])("refuses %s", (_label, input) => {
  expect(() => computeGrossProfit(input)).toThrow(MetricsInputError);
});
