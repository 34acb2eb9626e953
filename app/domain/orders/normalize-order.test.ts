import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ShopifyPayloadError } from "./errors";
import { normalizeOrder } from "./normalize-order";

const SAMPLE_PATH = path.resolve(__dirname, "../../../../shared/fixtures/shopify/orders-create.sample.2026-07.json");
const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, "utf8");

type Payload = Record<string, unknown>;

/** Shopify's published orders/create sample, freshly parsed so each case can change it. */
function sample(changes: Payload = {}): Payload {
  return { ...(JSON.parse(SAMPLE_TEXT) as Payload), ...changes };
}

function moneySet(amount: string, currency = "USD", presentment = amount, presentmentCurrency = currency) {
  return {
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount: presentment, currency_code: presentmentCurrency },
  };
}

/** The sample as a live order: not cancelled, not a test, no refunds. */
function liveOrder(changes: Payload = {}): Payload {
  return sample({ cancelled_at: null, cancel_reason: null, test: false, ...changes });
}

describe("normalizeOrder on Shopify's sample (a cancelled test order)", () => {
  const order = normalizeOrder(sample());

  test("keys on the GID, not the numeric id JSON.parse rounds", () => {
    expect(order.shopifyOrderId).toBe("gid://shopify/Order/820982911946154508");
    expect(String((JSON.parse(SAMPLE_TEXT) as { id: number }).id)).toBe("820982911946154500");
  });

  test.each([
    ["name", "#9999"],
    ["processedAt", "2022-01-01T00:00:00.000Z"],
    ["createdAt", "2022-01-01T00:00:00.000Z"],
    ["shopifyUpdatedAt", "2022-01-01T00:00:00.000Z"],
    ["customerId", "gid://shopify/Customer/115310627314723954"],
    ["currency", "USD"],
    ["presentmentCurrency", "USD"],
    ["grossMinor", 41495],
    ["discountsMinor", 2000],
    ["shippingMinor", 1000],
    ["shippingDiscountsMinor", 0],
    ["taxesMinor", 0],
    ["totalMinor", 40495],
    ["cancelled", true],
    ["cancelledAt", "2022-01-01T00:00:00.000Z"],
    ["test", true],
    ["codes", []],
    ["landingUrl", null],
    ["referrer", null],
    ["sourceName", "web"],
    ["utm", { source: null, medium: null, campaign: null, content: null, term: null }],
    ["refunds", []],
    ["current", { subtotalMinor: 41495, discountsMinor: 0, taxesMinor: 0, shippingMinor: 0, totalMinor: 41495 }],
  ])("%s", (field, expected) => {
    expect(order[field as keyof typeof order]).toEqual(expected);
  });

  test("line items: GIDs, unit prices in cents, and no id rebuilt from a rounded number", () => {
    expect(order.lineItems).toEqual([
      { lineItemId: "gid://shopify/LineItem/487817672276298554", productId: null, variantId: null, quantity: 1, priceMinor: 8999, discountMinor: 0 },
      { lineItemId: "gid://shopify/LineItem/789012345678901234", productId: null, variantId: null, quantity: 1, priceMinor: 1999, discountMinor: 0 },
      { lineItemId: "gid://shopify/LineItem/890123456789012345", productId: null, variantId: null, quantity: 1, priceMinor: 2499, discountMinor: 0 },
      { lineItemId: "gid://shopify/LineItem/976318377106520349", productId: null, variantId: null, quantity: 1, priceMinor: 15999, discountMinor: 0 },
      { lineItemId: "gid://shopify/LineItem/315789986012684393", productId: null, variantId: null, quantity: 1, priceMinor: 11999, discountMinor: 0 },
    ]);
  });

  test("stores no personal data: no name, email, phone or address survives", () => {
    const text = JSON.stringify(order);
    for (const personal of ["jon@example.com", "john@example.com", "Smith", "Shipper", "Shipping Street", "555-555-SHIP", "123-123-1234", "Ottawa"]) {
      expect(text).not.toContain(personal);
    }
  });
});

describe("normalizeOrder on scenarios built from the sample", () => {
  test.each([
    [
      "a creator's code is upper-cased",
      liveOrder({ discount_codes: [{ code: "anna10", amount: "41.50", type: "percentage" }] }),
      ["ANNA10"],
    ],
    [
      "codes from discount_codes and discount_applications are merged without duplicates",
      liveOrder({
        discount_codes: [{ code: " Anna10 ", amount: "10.00", type: "fixed_amount" }, { code: "FREESHIP", amount: "10.00", type: "shipping" }],
        discount_applications: [
          { type: "discount_code", code: "ANNA10", value: "10.0", value_type: "fixed_amount" },
          { type: "discount_code", code: "bob5", value: "5.0", value_type: "fixed_amount" },
          { type: "automatic", title: "Summer sale", value: "5.0", value_type: "percentage" },
        ],
      }),
      ["ANNA10", "FREESHIP", "BOB5"],
    ],
    ["an empty code is ignored", liveOrder({ discount_codes: [{ code: "  ", amount: "0.00", type: "fixed_amount" }] }), []],
  ])("%s", (_label, payload, expected) => {
    expect(normalizeOrder(payload).codes).toEqual(expected);
  });

  test.each([
    [
      "a relative landing path with UTMs",
      "/products/aviator?utm_source=ig&utm_medium=influencer&utm_campaign=summer-24&utm_content=anna",
      { source: "ig", medium: "influencer", campaign: "summer-24", content: "anna", term: null },
    ],
    [
      "an absolute landing URL",
      "https://jsmith.myshopify.com/?utm_source=tiktok&utm_medium=influencer&utm_term=sunglasses",
      { source: "tiktok", medium: "influencer", campaign: null, content: null, term: "sunglasses" },
    ],
    ["a landing page without UTMs", "/collections/all", { source: null, medium: null, campaign: null, content: null, term: null }],
  ])("UTMs from %s", (_label, landing, expected) => {
    const order = normalizeOrder(liveOrder({ landing_site: landing, referring_site: "https://l.instagram.com/" }));
    expect(order.utm).toEqual(expected);
    expect(order.landingUrl).toBe(landing);
    expect(order.referrer).toBe("https://l.instagram.com/");
  });

  test.each([
    [
      "a live order is neither cancelled nor a test",
      liveOrder(),
      { cancelled: false, cancelledAt: null, test: false },
    ],
    [
      "processed_at falls back to created_at when Shopify leaves it empty",
      liveOrder({ processed_at: null, created_at: "2024-03-10T01:30:00-05:00" }),
      { processedAt: "2024-03-10T06:30:00.000Z", createdAt: "2024-03-10T06:30:00.000Z" },
    ],
    [
      "a backdated processed_at wins over created_at",
      liveOrder({ processed_at: "2024-01-05T10:00:00+01:00", created_at: "2024-02-01T10:00:00Z" }),
      { processedAt: "2024-01-05T09:00:00.000Z", createdAt: "2024-02-01T10:00:00.000Z" },
    ],
    ["a guest checkout has no customer", liveOrder({ customer: null }), { customerId: null }],
    ["a payload without a customer key", (() => { const p = liveOrder(); delete p.customer; return p; })(), { customerId: null }],
    ["empty referrer and source become null", liveOrder({ referring_site: "", source_name: "" }), { referrer: null, sourceName: null }],
    [
      "a free-shipping discount is not a merchandise discount",
      liveOrder({
        total_discounts_set: moneySet("30.00"),
        shipping_lines: [{ price: "10.00", discount_allocations: [{ amount: "10.00", amount_set: moneySet("10.00") }] }],
      }),
      { discountsMinor: 2000, shippingDiscountsMinor: 1000, shippingMinor: 1000 },
    ],
    [
      "a JPY shop: Shopify pads yen to .00 and the amounts are whole yen",
      liveOrder({
        currency: "JPY",
        presentment_currency: "JPY",
        total_line_items_price_set: moneySet("12000.00", "JPY"),
        subtotal_price_set: moneySet("10800.00", "JPY"),
        total_discounts_set: moneySet("1200.00", "JPY"),
        total_shipping_price_set: moneySet("500.00", "JPY"),
        total_tax_set: moneySet("1080.00", "JPY"),
        total_price_set: moneySet("12380.00", "JPY"),
        current_subtotal_price_set: null,
        current_total_discounts_set: null,
        current_total_tax_set: null,
        current_total_price_set: null,
        current_shipping_price_set: null,
        line_items: [{ admin_graphql_api_id: "gid://shopify/LineItem/1", product_id: 632910392, variant_id: 808950810, quantity: 2, price_set: moneySet("6000.00", "JPY") }],
      }),
      {
        currency: "JPY",
        grossMinor: 12000,
        discountsMinor: 1200,
        shippingMinor: 500,
        taxesMinor: 1080,
        totalMinor: 12380,
        current: { subtotalMinor: null, discountsMinor: null, taxesMinor: null, shippingMinor: null, totalMinor: null },
        lineItems: [{ lineItemId: "gid://shopify/LineItem/1", productId: "gid://shopify/Product/632910392", variantId: "gid://shopify/ProductVariant/808950810", quantity: 2, priceMinor: 6000, discountMinor: 0 }],
      },
    ],
    [
      "a KWD shop keeps fils; the buyer paid in USD but amounts stay in shop money",
      liveOrder({
        currency: "KWD",
        presentment_currency: "USD",
        total_line_items_price_set: moneySet("12.345", "KWD", "40.20", "USD"),
        subtotal_price_set: moneySet("12.345", "KWD", "40.20", "USD"),
        total_discounts_set: moneySet("0.500", "KWD", "1.63", "USD"),
        total_shipping_price_set: moneySet("1.000", "KWD", "3.26", "USD"),
        total_tax_set: moneySet("0.000", "KWD", "0.00", "USD"),
        total_price_set: moneySet("12.845", "KWD", "41.83", "USD"),
        current_subtotal_price_set: null,
        current_total_discounts_set: null,
        current_total_tax_set: null,
        current_total_price_set: null,
        current_shipping_price_set: null,
        line_items: [{ quantity: 1, product_id: null, variant_id: null, price_set: moneySet("12.345", "KWD", "40.20", "USD") }],
      }),
      { currency: "KWD", presentmentCurrency: "USD", grossMinor: 12345, discountsMinor: 500, shippingMinor: 1000, totalMinor: 12845 },
    ],
  ])("%s", (_label, payload, expected) => {
    expect(normalizeOrder(payload)).toMatchObject(expected);
  });

  test("refunds carried in the order payload are normalized with the order's GID", () => {
    const refund = JSON.parse(readFileSync(path.resolve(__dirname, "../../../../shared/fixtures/shopify/refunds-create.sample.2026-07.json"), "utf8")) as Payload;
    const order = normalizeOrder(liveOrder({ refunds: [refund] }));
    expect(order.refunds).toEqual([
      {
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
      },
    ]);
  });

  test("unknown fields pass through the schema without breaking normalization", () => {
    expect(normalizeOrder(liveOrder({ some_future_field: { nested: [1, 2, 3] } })).grossMinor).toBe(41495);
  });
});

describe("normalizeOrder rejects what it cannot read exactly", () => {
  test.each([
    ["a payload that is not an object", "not json", "Invalid order payload"],
    ["a missing GID", sample({ admin_graphql_api_id: undefined }), "admin_graphql_api_id"],
    ["a GID of another resource", sample({ admin_graphql_api_id: "gid://shopify/Customer/1" }), "admin_graphql_api_id"],
    ["a numeric id in place of the GID", sample({ admin_graphql_api_id: 820982911946154500 }), "admin_graphql_api_id"],
    ["a timestamp without an offset", sample({ updated_at: "2021-12-31T19:00:00" }), "updated_at"],
    ["an amount sent as a float", sample({ total_line_items_price_set: { shop_money: { amount: 414.95, currency_code: "USD" } } }), "total_line_items_price_set"],
    ["a fraction of a cent", sample({ total_tax_set: moneySet("0.001") }), "total_tax_set"],
    ["shop money in another currency than the shop's", sample({ total_shipping_price_set: moneySet("10.00", "EUR") }), "total_shipping_price_set"],
    ["a fractional quantity", sample({ line_items: [{ quantity: 1.5, price_set: moneySet("1.00") }] }), "line_items.0.quantity"],
    [
      "shipping discounts above the order's total discounts",
      liveOrder({ total_discounts_set: moneySet("5.00"), shipping_lines: [{ discount_allocations: [{ amount_set: moneySet("10.00") }] }] }),
      "shipping_lines",
    ],
  ])("%s", (_label, payload, message) => {
    expect(() => normalizeOrder(payload)).toThrow(ShopifyPayloadError);
    expect(() => normalizeOrder(payload)).toThrow(message);
  });
});

describe("normalizeOrder: line discounts and the checkout visitor", () => {
  test("a line's discount allocations add up in shop money (the buyer paid in EUR)", () => {
    const order = normalizeOrder(
      liveOrder({
        line_items: [
          {
            quantity: 2,
            price_set: moneySet("25.00", "USD", "23.10", "EUR"),
            discount_allocations: [
              { amount_set: moneySet("5.00", "USD", "4.62", "EUR") },
              { amount_set: moneySet("2.50", "USD", "2.31", "EUR") },
            ],
          },
        ],
      }),
    );
    expect(order.lineItems).toEqual([{ lineItemId: null, productId: null, variantId: null, quantity: 2, priceMinor: 2500, discountMinor: 750 }]);
  });

  test.each([
    ["the sample has neither IP nor client details", {}, null],
    [
      "browser_ip and the client's user agent",
      { browser_ip: "203.0.113.7", client_details: { browser_ip: "203.0.113.7", user_agent: "Mozilla/5.0 (iPhone)" } },
      { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (iPhone)" },
    ],
    ["the IP only in client_details", { browser_ip: null, client_details: { browser_ip: "2001:db8::1" } }, { ip: "2001:db8::1", userAgent: null }],
    ["blank values count as absent", { browser_ip: " ", client_details: { user_agent: "" } }, null],
  ])("visitor: %s", (_label, changes, expected) => {
    expect(normalizeOrder(liveOrder(changes)).visitor).toEqual(expected);
  });
});
