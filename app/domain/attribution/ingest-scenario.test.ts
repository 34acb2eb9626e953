import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { normalizeOrder, normalizeRefund } from "~/domain/orders";
import {
  acquisitionChannel,
  classifyCustomerOrder,
  collectTouches,
  creditOrder,
  mergeRollupDeltas,
  orderRollupState,
  refundDelta,
  rollupDelta,
  type AttributionContext,
  type RollupDelta,
} from "./index";

// The whole pure pipeline on Shopify's published samples: order → touches → credit → customer class → rollups,
// then the refund, then the cancellation the sample itself carries.
const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/shopify");
const ORDER_TEXT = readFileSync(path.join(FIXTURES, "orders-create.sample.2026-07.json"), "utf8");
const REFUND_TEXT = readFileSync(path.join(FIXTURES, "refunds-create.sample.2026-07.json"), "utf8");
const SHOP_ZONE = "America/New_York";

const ctx: AttributionContext = {
  codes: new Map([["ANNA10", { creatorId: "anna", campaignId: "summer" }]]),
  utmContentHandles: new Map([["bob", { creatorId: "bob", campaignId: "spring" }]]),
  utmCampaigns: new Map(),
  clicks: [{ creatorId: "anna", campaignId: "summer", at: "2021-12-30T15:00:00Z" }],
  windowDays: 30,
};

/** The sample made live: not cancelled, not a test, with Anna's code and Bob's UTM on the landing page. */
function liveSample(): unknown {
  return {
    ...(JSON.parse(ORDER_TEXT) as Record<string, unknown>),
    cancelled_at: null,
    test: false,
    discount_codes: [{ code: "anna10", amount: "20.00", type: "fixed_amount" }],
    landing_site: "/products/aviator?utm_source=ig&utm_medium=influencer&utm_content=bob",
  };
}

const annaRow = (metrics: Partial<RollupDelta>): RollupDelta => ({
  creatorId: "anna",
  campaignId: "summer",
  day: "2021-12-31",
  orders: 0,
  orderCreditPpm: 0,
  codeOrders: 0,
  linkOrders: 0,
  newCustomers: 0,
  grossMinor: 0,
  discountsMinor: 0,
  refundsMinor: 0,
  netMinor: 0,
  repeatOrders: 0,
  repeatNetMinor: 0,
  cogsMinor: 0,
  cogsCoveredMinor: 0,
  ...metrics,
});

describe("ingesting Shopify's samples end to end", () => {
  const order = normalizeOrder(liveSample());
  const touches = collectTouches(order, ctx);
  const { credits, winningRule } = creditOrder(touches, "code_first_last_touch", order.processedAt, ctx.windowDays);
  const [winner] = credits;
  const customer = classifyCustomerOrder({
    priorOrdersInShop: 0,
    acquiredByCreatorId: null,
    creditedCreatorId: winner?.role === "credited" ? winner.creatorId : null,
    creditedCampaignId: winner?.campaignId ?? null,
  });
  const state = orderRollupState(order, { timeZone: SHOP_ZONE, credits, customer, refunds: [] });

  test("Anna's code wins; Bob's UTM is an assist; Anna's earlier click is seen", () => {
    expect(touches.map((t) => `${t.kind}:${t.creatorId}`)).toEqual(["click:anna", "utm:bob", "code:anna"]);
    expect(winningRule).toBe("code");
    expect(credits.map((c) => [c.creatorId, c.ppm, c.role])).toEqual([
      ["anna", 1_000_000, "credited"],
      ["bob", 0, "assist"],
    ]);
  });

  test("the customer is acquired by Anna through the creator channel", () => {
    expect(customer).toEqual({ customerType: "new", cohort: "acquired", cohortCreatorId: "anna", cohortCampaignId: "summer" });
    expect(acquisitionChannel({ utmMedium: order.utm.medium, utmSource: order.utm.source, referrer: order.referrer, creatorCredited: true })).toBe("creator");
  });

  test("order, refund and cancellation: exact deltas, and together they leave nothing behind", () => {
    const created = rollupDelta(null, state);
    expect(created).toEqual([
      annaRow({ orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, newCustomers: 1, grossMinor: 41495, discountsMinor: 2000, netMinor: 39495 }),
    ]);

    const refund = normalizeRefund(JSON.parse(REFUND_TEXT), REFUND_TEXT, order.currency);
    expect(refund.shopifyOrderId).toBe(order.shopifyOrderId);
    const refunded = refundDelta(state, { shopifyRefundId: refund.shopifyRefundId, day: "2021-12-31", amountMinor: refund.amountMinor });
    expect(refunded.deltas).toEqual([annaRow({ refundsMinor: 41495, netMinor: -41495 })]);

    // The sample as published is the cancelled test order: it must not count at all.
    const cancelled = normalizeOrder(JSON.parse(ORDER_TEXT));
    const removed = rollupDelta(refunded.next, orderRollupState(cancelled, { timeZone: SHOP_ZONE, credits, customer, refunds: [refund] }));
    expect(removed).toEqual([
      annaRow({ orders: -1, orderCreditPpm: -1_000_000, codeOrders: -1, newCustomers: -1, grossMinor: -41495, discountsMinor: -2000, refundsMinor: -41495, netMinor: 2000 }),
    ]);
    expect(mergeRollupDeltas(created, refunded.deltas, removed)).toEqual([]);
  });
});
