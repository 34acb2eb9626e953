import { describe, expect, test } from "vitest";
import { ZERO_COST } from "./collaboration-cost";
import { kpiCards } from "./kpi-cards";
import { performanceMetrics } from "./performance-metrics";
import { emptyTotals } from "./rollup-totals";

const metrics = (netMinor: number, orders: number, newCustomers: number, costMinor: number) =>
  performanceMetrics(
    { ...emptyTotals(), grossMinor: netMinor, netMinor, orders, orderCreditPpm: orders * 1_000_000, newCustomers },
    { ...ZERO_COST, feesMinor: costMinor, totalMinor: costMinor },
    5_000,
  );

describe("kpiCards", () => {
  const cards = Object.fromEntries(kpiCards(metrics(30_000, 3, 2, 10_000), metrics(20_000, 4, 0, 0)).map((c) => [c.key, c]));

  test.each([
    ["net sales up by half", "netSales", { kind: "value", value: 30_000 }, { kind: "value", value: 0.5 }],
    ["orders down a quarter", "orders", { kind: "value", value: 3 }, { kind: "value", value: -0.25 }],
    ["new customers from zero: no relative change", "newCustomers", { kind: "value", value: 2 }, { kind: "undefined", reason: "no_previous" }],
    ["AOV 100.00 against 50.00", "aov", { kind: "value", value: 10_000 }, { kind: "value", value: 1 }],
    ["ROAS 3 against no cost: undefined previous", "roas", { kind: "value", value: 3 }, { kind: "undefined", reason: "previous_undefined" }],
    ["CAC 50.00 against none", "cac", { kind: "value", value: 5_000 }, { kind: "undefined", reason: "previous_undefined" }],
  ])("%s", (_label, key, current, change) => {
    expect(cards[key]?.current).toEqual(current);
    expect(cards[key]?.change).toEqual(change);
  });

  test("cost and CAC read lower as better; the eight cards in order", () => {
    expect(kpiCards(metrics(0, 0, 0, 0), metrics(0, 0, 0, 0)).map((c) => [c.key, c.lowerIsBetter])).toEqual([
      ["netSales", false],
      ["orders", false],
      ["newCustomers", false],
      ["aov", false],
      ["cost", true],
      ["roas", false],
      ["roi", false],
      ["cac", true],
    ]);
  });
});
