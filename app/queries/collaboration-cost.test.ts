import { describe, expect, test } from "vitest";
import { addCosts, collaborationCost, collaborationWindow, ZERO_COST, type CostBasis } from "./collaboration-cost";

const basis: CostBasis = {
  collaborationId: "col",
  creatorId: "c",
  campaignId: "k",
  feeMinor: 31_000,
  commissionBps: 1_000,
  giftedCostMinor: 3_100,
  shippingCostMinor: 310,
  compensationType: "hybrid",
  window: { from: "2024-01-01", to: "2024-01-31" },
};

describe("collaborationWindow", () => {
  test.each([
    ["the campaign's dates", { campaignStartDay: "2024-01-01", campaignEndDay: "2024-01-31", createdDay: "2023-12-20" }, "2024-06-01", { from: "2024-01-01", to: "2024-01-31" }],
    ["no start: from the collaboration's creation", { campaignStartDay: null, campaignEndDay: "2024-01-31", createdDay: "2024-01-10" }, "2024-06-01", { from: "2024-01-10", to: "2024-01-31" }],
    ["no end: up to today", { campaignStartDay: "2024-01-01", campaignEndDay: null, createdDay: "2023-12-20" }, "2024-02-15", { from: "2024-01-01", to: "2024-02-15" }],
    ["no end and a future start: the start day alone", { campaignStartDay: "2024-03-01", campaignEndDay: null, createdDay: "2024-02-01" }, "2024-02-15", { from: "2024-03-01", to: "2024-03-01" }],
    ["an end before the start: all on the start day", { campaignStartDay: "2024-03-01", campaignEndDay: "2024-02-01", createdDay: "2024-01-01" }, "2024-06-01", { from: "2024-03-01", to: "2024-03-01" }],
  ])("%s", (_label, input, today, expected) => {
    expect(collaborationWindow(input, today)).toEqual(expected);
  });
});

describe("collaborationCost", () => {
  test("over the whole collaboration: every fixed cost plus commission", () => {
    expect(collaborationCost(basis, 50_000, null)).toEqual({ feesMinor: 31_000, commissionMinor: 5_000, giftedMinor: 3_100, shippingMinor: 310, totalMinor: 39_410 });
  });

  test("over 10 of its 31 days: a tenth-ish share of fixed costs, commission on the period's sales", () => {
    expect(collaborationCost(basis, 12_345, { from: "2024-01-01", to: "2024-01-10" })).toEqual({
      feesMinor: 10_000,
      commissionMinor: 1_234,
      giftedMinor: 1_000,
      shippingMinor: 100,
      totalMinor: 12_334,
    });
  });

  test("a period outside the collaboration carries commission only", () => {
    expect(collaborationCost(basis, 1_000, { from: "2024-03-01", to: "2024-03-31" })).toEqual({ ...ZERO_COST, commissionMinor: 100, totalMinor: 100 });
  });

  test("consecutive periods add up to the whole", () => {
    const a = collaborationCost(basis, 20_000, { from: "2023-12-01", to: "2024-01-13" });
    const b = collaborationCost(basis, 30_000, { from: "2024-01-14", to: "2024-02-29" });
    expect(addCosts(a, b)).toEqual(collaborationCost(basis, 50_000, null));
  });
});
