import { describe, expect, test } from "vitest";
import { MetricsInputError } from "./errors";
import { summarizeKpis, type KpiRollupRow } from "./summarize-kpis";

const row = (r: Partial<KpiRollupRow>): KpiRollupRow => ({
  orders: 0,
  grossMinor: 0,
  discountsMinor: 0,
  refundsMinor: 0,
  netMinor: 0,
  newCustomers: 0,
  clicks: 0,
  repeatOrders: 0,
  repeatNetMinor: 0,
  ...r,
});

const rows = [
  row({ orders: 3, grossMinor: 30_000, discountsMinor: 3_000, netMinor: 27_000, newCustomers: 2, clicks: 100, repeatOrders: 1, repeatNetMinor: 9_000 }),
  row({ refundsMinor: 5_000, netMinor: -5_000, clicks: 50 }), // a refund-only day
  row({ orders: 2, grossMinor: 12_000, netMinor: 12_000, newCustomers: 1, repeatOrders: 1, repeatNetMinor: 5_000 }),
];

describe("summarizeKpis", () => {
  test("sums rollups and derives the cards, with cost and gross profit given", () => {
    expect(summarizeKpis(rows, { costMinor: 17_000, grossProfitMinor: 13_600 })).toEqual({
      orders: 5,
      grossMinor: 42_000,
      discountsMinor: 3_000,
      refundsMinor: 5_000,
      netMinor: 34_000,
      newCustomers: 3,
      clicks: 150,
      repeatOrders: 2,
      repeatNetMinor: 14_000,
      aov: { kind: "value", value: 6_800 },
      repeatOrderShare: { kind: "value", value: 0.4 },
      repeatNetShare: { kind: "value", value: 14_000 / 34_000 },
      roas: { kind: "value", value: 2 },
      roi: { kind: "value", value: -0.2 },
      cac: { kind: "value", value: 5_667 }, // 17,000 / 3 = 5,666.67
      costPerClick: { kind: "value", value: 113 }, // 17,000 / 150 = 113.33
    });
  });

  test.each([
    ["no cost given: cost ratios are unknown, not zero", {}, { kind: "undefined", reason: "cost_unknown" }, "cost_unknown"],
    ["cost without gross profit: ROAS known, ROI not", { costMinor: 17_000 }, { kind: "value", value: 2 }, "gross_profit_unknown"],
  ])("%s", (_label, extras, roas, roiReason) => {
    const s = summarizeKpis(rows, extras);
    expect(s.roas).toEqual(roas);
    expect(s.roi).toEqual({ kind: "undefined", reason: roiReason });
  });

  test("no rows: zero totals and undefined ratios", () => {
    const s = summarizeKpis([], { costMinor: 0 });
    expect(s.netMinor).toBe(0);
    expect(s.aov).toEqual({ kind: "undefined", reason: "no_orders" });
    expect(s.repeatOrderShare).toEqual({ kind: "undefined", reason: "no_orders" });
    expect(s.repeatNetShare).toEqual({ kind: "undefined", reason: "no_sales" });
    expect(s.roas).toEqual({ kind: "undefined", reason: "no_cost" });
    expect(s.cac).toEqual({ kind: "undefined", reason: "no_customers" });
    expect(s.costPerClick).toEqual({ kind: "undefined", reason: "no_clicks" });
  });

  test("a period with only refunds: negative net, AOV undefined", () => {
    const s = summarizeKpis([rows[1]!], { costMinor: 1_000, grossProfitMinor: -2_000 });
    expect([s.netMinor, s.aov, s.roas, s.roi]).toEqual([
      -5_000,
      { kind: "undefined", reason: "no_orders" },
      { kind: "value", value: -5 },
      { kind: "value", value: -3 },
    ]);
  });

  test("JPY rollups (zero decimals)", () => {
    const s = summarizeKpis(
      [row({ orders: 7, grossMinor: 12_800, discountsMinor: 1_280, netMinor: 11_520, newCustomers: 3, clicks: 9 })],
      { costMinor: 36_740 },
    );
    expect([s.aov, s.cac, s.costPerClick]).toEqual([
      { kind: "value", value: 1_646 },
      { kind: "value", value: 12_247 },
      { kind: "value", value: 4_082 },
    ]);
  });

  test("rows carrying keys (day, creator) are accepted", () => {
    const keyed = [{ ...rows[0]!, day: "2024-01-01", creatorId: "c1" }];
    expect(summarizeKpis(keyed).orders).toBe(3);
  });

  test.each([
    ["net that is not gross − discounts − refunds", row({ grossMinor: 1_000, netMinor: 900 })],
    ["more repeat orders than orders", row({ orders: 1, repeatOrders: 2, grossMinor: 100, netMinor: 100 })],
    ["negative clicks", row({ clicks: -1 })],
    ["a float amount", row({ grossMinor: 10.5, netMinor: 10.5 })],
  ])("refuses a row with %s", (_label, bad) => {
    expect(() => summarizeKpis([bad])).toThrow(MetricsInputError);
  });

  test("refuses a float cost", () => {
    expect(() => summarizeKpis(rows, { costMinor: 1.5 })).toThrow(MetricsInputError);
  });
});
