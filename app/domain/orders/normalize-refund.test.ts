import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ShopifyPayloadError } from "./errors";
import { normalizeRefund } from "./normalize-refund";

const SAMPLE_TEXT = readFileSync(
  path.resolve(__dirname, "../../../../shared/fixtures/shopify/refunds-create.sample.2026-07.json"),
  "utf8",
);

type Payload = Record<string, unknown>;

function moneySet(amount: string, currency = "USD") {
  return { shop_money: { amount, currency_code: currency }, presentment_money: { amount, currency_code: currency } };
}

/** The sample refund with changes, and the raw body a webhook would carry for it. */
function refundBody(changes: Payload = {}): { payload: Payload; raw: string } {
  const payload = { ...(JSON.parse(SAMPLE_TEXT) as Payload), ...changes };
  // Re-serializing would round order_id; splice the exact digits back in, as Shopify's body has them.
  const raw = JSON.stringify(payload).replaceAll(/"order_id":\d+/g, '"order_id":820982911946154508');
  return { payload, raw };
}

function lineItem(subtotal: string, tax = "0.00", currency = "USD") {
  return { quantity: 1, subtotal_set: moneySet(subtotal, currency), total_tax_set: moneySet(tax, currency) };
}

describe("normalizeRefund on Shopify's sample", () => {
  const refund = normalizeRefund(JSON.parse(SAMPLE_TEXT), SAMPLE_TEXT);

  test("takes the order GID from the raw body's exact digits", () => {
    expect(refund.shopifyOrderId).toBe("gid://shopify/Order/820982911946154508");
    expect(String((JSON.parse(SAMPLE_TEXT) as { order_id: number }).order_id)).toBe("820982911946154500");
  });

  test("all five lines are refunded: 89.99 + 19.99 + 24.99 + 159.99 + 119.99", () => {
    expect(refund).toEqual({
      shopifyRefundId: "gid://shopify/Refund/890088186047892319",
      shopifyOrderId: "gid://shopify/Order/820982911946154508",
      processedAt: "2022-01-01T00:00:00.000Z",
      createdAt: "2022-01-01T00:00:00.000Z",
      currency: "USD",
      amountMinor: 41495,
      lineItemsMinor: 41495,
      discrepancyMinor: 0,
      shippingMinor: 0,
      taxesMinor: 0,
    });
  });
});

describe("normalizeRefund: what reduces net sales", () => {
  test.each([
    [
      "a returned line reduces net sales by its subtotal; its tax does not",
      { refund_line_items: [lineItem("50.00", "4.00")], order_adjustments: [] },
      { amountMinor: 5000, lineItemsMinor: 5000, discrepancyMinor: 0, shippingMinor: 0, taxesMinor: 400 },
    ],
    [
      "money refunded without returned lines (goodwill) is a negative discrepancy that counts as a refund",
      {
        refund_line_items: [],
        order_adjustments: [{ kind: "refund_discrepancy", reason: "Refund discrepancy", amount_set: moneySet("-15.00"), tax_amount_set: moneySet("0.00") }],
      },
      { amountMinor: 1500, lineItemsMinor: 0, discrepancyMinor: 1500, shippingMinor: 0, taxesMinor: 0 },
    ],
    [
      "a line refunded for less than its value: the positive discrepancy reduces the refund",
      {
        refund_line_items: [lineItem("100.00")],
        order_adjustments: [{ kind: "refund_discrepancy", amount_set: moneySet("20.00") }],
      },
      { amountMinor: 8000, lineItemsMinor: 10000, discrepancyMinor: -2000, shippingMinor: 0, taxesMinor: 0 },
    ],
    [
      "a shipping refund adjustment is excluded from net sales",
      {
        refund_line_items: [lineItem("30.00")],
        order_adjustments: [{ kind: "shipping_refund", reason: "Shipping refund", amount_set: moneySet("-10.00"), tax_amount_set: moneySet("0.00") }],
      },
      { amountMinor: 3000, lineItemsMinor: 3000, discrepancyMinor: 0, shippingMinor: 1000, taxesMinor: 0 },
    ],
    [
      "refund_shipping_lines are shipping and are not counted twice with a shipping adjustment",
      {
        refund_line_items: [],
        refund_shipping_lines: [{ subtotal_amount_set: moneySet("5.00") }],
        order_adjustments: [{ kind: "shipping_refund", amount_set: moneySet("-5.00") }],
      },
      { amountMinor: 0, lineItemsMinor: 0, discrepancyMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "a discrepancy's tax is refunded tax, not sales",
      {
        refund_line_items: [],
        order_adjustments: [{ kind: "refund_discrepancy", amount_set: moneySet("-10.00"), tax_amount_set: moneySet("-2.00") }],
      },
      { amountMinor: 1000, discrepancyMinor: 1000, taxesMinor: 200 },
    ],
    [
      "a refund with no money line has no currency and refunds nothing",
      { refund_line_items: [], order_adjustments: [] },
      { amountMinor: 0, currency: null },
    ],
    [
      "a JPY refund in whole yen",
      { refund_line_items: [lineItem("3000.00", "300.00", "JPY")], order_adjustments: [] },
      { amountMinor: 3000, taxesMinor: 300, currency: "JPY" },
    ],
    [
      "processed_at falls back to created_at",
      { processed_at: null, created_at: "2024-03-10T23:30:00-05:00" },
      { processedAt: "2024-03-11T04:30:00.000Z" },
    ],
  ])("%s", (_label, changes, expected) => {
    const { payload, raw } = refundBody(changes);
    expect(normalizeRefund(payload, raw)).toMatchObject(expected);
  });

  test("the shop currency, when given, is used for an empty refund", () => {
    const { payload, raw } = refundBody({ refund_line_items: [], order_adjustments: [] });
    expect(normalizeRefund(payload, raw, "EUR").currency).toBe("EUR");
  });

  test.each([
    ["a line in another currency than the shop's", refundBody(), "EUR", "mixes shop currencies"],
    ["lines in two currencies", refundBody({ refund_line_items: [lineItem("1.00"), lineItem("1.00", "0.00", "EUR")] }), null, "mixes shop currencies"],
    ["a fraction of a yen", refundBody({ refund_line_items: [lineItem("10.50", "0.00", "JPY")] }), null, "significant decimal"],
    ["a missing refund GID", refundBody({ admin_graphql_api_id: undefined }), null, "admin_graphql_api_id"],
    [
      "a raw body of another order than the parsed payload",
      { payload: JSON.parse(SAMPLE_TEXT) as Payload, raw: SAMPLE_TEXT.replaceAll("820982911946154508", "450789469") },
      null,
      "does not match",
    ],
  ])("rejects %s", (_label, { payload, raw }, shopCurrency, message) => {
    expect(() => normalizeRefund(payload, raw, shopCurrency)).toThrow(ShopifyPayloadError);
    expect(() => normalizeRefund(payload, raw, shopCurrency)).toThrow(message);
  });
});
