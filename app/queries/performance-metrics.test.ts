import { describe, expect, test } from "vitest";
import { ZERO_COST } from "./collaboration-cost";
import { creditedAov, performanceMetrics } from "./performance-metrics";
import { emptyTotals, type RollupTotals } from "./rollup-totals";

const totals = (over: Partial<RollupTotals>): RollupTotals => ({ ...emptyTotals(), ...over });

describe("creditedAov", () => {
  test.each([
    ["whole orders: 100.00 over 3 orders is 33.33", 10_000, 3_000_000, { kind: "value", value: 3_333 }],
    ["half to even on whole orders: 5 over 2 is 2", 5, 2_000_000, { kind: "value", value: 2 }],
    ["a half order credit doubles the basket: 50.00 over 0.5 orders is 100.00", 5_000, 500_000, { kind: "value", value: 10_000 }],
    ["a third of an order: 33.33 over 1/3 is 99.99 (99.990…)", 3_333, 333_333, { kind: "value", value: 9_999 }],
    ["no credited order is undefined, not zero", 0, 0, { kind: "undefined", reason: "no_orders" }],
    ["refunds beyond sales give a negative AOV", -2_000, 1_000_000, { kind: "value", value: -2_000 }],
  ])("%s", (_label, net, ppm, expected) => {
    expect(creditedAov(net, ppm)).toEqual(expected);
  });

  test("stays exact when net × 1,000,000 would leave the safe integer range", () => {
    // 20 billion minor units over 1.5 orders.
    expect(creditedAov(20_000_000_000, 1_500_000)).toEqual({ kind: "value", value: 13_333_333_333 });
  });
});

describe("performanceMetrics", () => {
  test("a hybrid creator: every ratio from the domain functions", () => {
    const m = performanceMetrics(
      totals({ clicks: 400, orders: 10, orderCreditPpm: 10_000_000, codeOrders: 6, linkOrders: 4, newCustomers: 5, grossMinor: 120_000, discountsMinor: 12_000, refundsMinor: 8_000, netMinor: 100_000 }),
      { feesMinor: 20_000, commissionMinor: 10_000, giftedMinor: 5_000, shippingMinor: 1_000, totalMinor: 36_000 },
      4_000,
    );
    expect(m.orders).toBe(10);
    expect(m.aov).toEqual({ kind: "value", value: 10_000 });
    expect(m.linkConversion).toEqual({ kind: "value", value: 0.01 });
    expect(m.grossProfitMinor).toBe(40_000);
    expect(m.marginSource).toBe("default");
    expect(m.roas).toEqual({ kind: "value", value: 100_000 / 36_000 });
    expect(m.roi).toEqual({ kind: "value", value: (40_000 - 36_000) / 36_000 });
    expect(m.cac).toEqual({ kind: "value", value: 7_200 });
    expect(m.costPerClick).toEqual({ kind: "value", value: 90 });
  });

  test("unit costs where known, the default margin for the rest", () => {
    const m = performanceMetrics(totals({ grossMinor: 10_000, netMinor: 10_000, cogsCoveredMinor: 6_000, cogsMinor: 2_500 }), ZERO_COST, 5_000);
    // (6,000 − 2,500) + 4,000 × 50%.
    expect(m.grossProfitMinor).toBe(5_500);
    expect(m.marginSource).toBe("mixed");
  });

  test.each([
    ["no cost: ROAS, ROI and CAC are undefined with a reason", ZERO_COST, "no_cost", "no_customers"],
  ])("%s", (_label, cost, costReason, cacReason) => {
    const m = performanceMetrics(totals({ grossMinor: 5_000, netMinor: 5_000 }), cost, 5_000);
    expect(m.roas).toEqual({ kind: "undefined", reason: costReason });
    expect(m.roi).toEqual({ kind: "undefined", reason: costReason });
    expect(m.cac).toEqual({ kind: "undefined", reason: cacReason });
    expect(m.linkConversion).toEqual({ kind: "undefined", reason: "no_clicks" });
    expect(m.aov).toEqual({ kind: "undefined", reason: "no_orders" });
  });

  test("clawbacks leaving a negative cost make cost ratios undefined", () => {
    const m = performanceMetrics(totals({ grossMinor: 0, refundsMinor: 10_000, netMinor: -10_000, newCustomers: 1 }), { feesMinor: 0, commissionMinor: -1_000, giftedMinor: 0, shippingMinor: 0, totalMinor: -1_000 }, 5_000);
    expect(m.roas).toEqual({ kind: "undefined", reason: "negative_cost" });
    expect(m.cac).toEqual({ kind: "undefined", reason: "negative_cost" });
  });
});
