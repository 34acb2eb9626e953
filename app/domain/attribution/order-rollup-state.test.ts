import { describe, expect, test } from "vitest";
import type { CustomerOrderClass } from "./classify-customer-order";
import { orderRollupState } from "./order-rollup-state";

const returning: CustomerOrderClass = { customerType: "returning", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };
const order = (changes: Partial<{ processedAt: string; cancelled: boolean; test: boolean }> = {}) => ({
  processedAt: "2022-01-01T00:00:00.000Z",
  grossMinor: 41495,
  discountsMinor: 2000,
  cancelled: false,
  test: false,
  ...changes,
});
const context = (timeZone: string) => ({
  timeZone,
  credits: [
    { creatorId: "anna", campaignId: "summer", ppm: 1_000_000, kind: "code" as const },
    { creatorId: "bob", campaignId: null, ppm: 0, kind: "utm" as const },
  ],
  customer: returning,
  refunds: [{ shopifyRefundId: "gid://shopify/Refund/1", processedAt: "2022-01-03T04:30:00.000Z", amountMinor: 500 }],
});

describe("orderRollupState", () => {
  test.each([
    ["a test order is ignored", order({ test: true })],
    ["a cancelled order is removed", order({ cancelled: true })],
    ["a cancelled test order", order({ test: true, cancelled: true })],
  ])("%s", (_label, input) => {
    expect(orderRollupState(input, context("UTC"))).toBeNull();
  });

  test.each([
    ["UTC shop", "UTC", "2022-01-01", "2022-01-03"],
    ["New York shop: the order is still New Year's Eve, the refund still 2 January", "America/New_York", "2021-12-31", "2022-01-02"],
    ["Tokyo shop", "Asia/Tokyo", "2022-01-01", "2022-01-03"],
  ])("days are shop-local: %s", (_label, zone, day, refundDay) => {
    expect(orderRollupState(order(), context(zone))).toEqual({
      day,
      grossMinor: 41495,
      discountsMinor: 2000,
      cogsMinor: 0,
      cogsCoveredMinor: 0,
      credits: [{ creatorId: "anna", campaignId: "summer", ppm: 1_000_000, kind: "code" }],
      customer: returning,
      refunds: [{ shopifyRefundId: "gid://shopify/Refund/1", day: refundDay, amountMinor: 500 }],
    });
  });
});
