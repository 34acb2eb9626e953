import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ShopifyPayloadError } from "./errors";
import { normalizeOrder } from "./normalize-order";
import { normalizeOrderNode, type OrderNodeInput, type OrderNodeLineItem, type OrderNodeVisit } from "./normalize-order-node";

function bag(amount: string, currencyCode = "USD") {
  return { shopMoney: { amount, currencyCode } };
}

function visit(occurredAt: string, query: string, changes: Partial<OrderNodeVisit> = {}): OrderNodeVisit {
  const params = new URLSearchParams(query);
  return {
    landingPage: `https://shop.example/products/serum${query ? `?${query}` : ""}`,
    referrerUrl: "https://www.instagram.com/",
    occurredAt,
    utmParameters: {
      source: params.get("utm_source"),
      medium: params.get("utm_medium"),
      campaign: params.get("utm_campaign"),
      content: params.get("utm_content"),
      term: params.get("utm_term"),
    },
    ...changes,
  };
}

/** An order as the orders connection returns it: 90.00 subtotal after 10.00 discounts, 5.00 shipping, no tax. */
function node(changes: Partial<OrderNodeInput> = {}): OrderNodeInput {
  return {
    id: "gid://shopify/Order/9007199254740993",
    name: "#1001",
    createdAt: "2026-03-01T09:59:00Z",
    updatedAt: "2026-03-02T08:00:00Z",
    processedAt: "2026-03-01T11:00:00+01:00",
    cancelledAt: null,
    test: false,
    currencyCode: "USD",
    presentmentCurrencyCode: "EUR",
    sourceName: "web",
    customer: { id: "gid://shopify/Customer/9007199254740995" },
    discountCodes: [],
    subtotalPriceSet: bag("90.00"),
    totalDiscountsSet: bag("10.00"),
    totalTaxSet: bag("0.00"),
    totalShippingPriceSet: bag("5.00"),
    refunds: [],
    customerJourneySummary: {
      ready: true,
      firstVisit: visit("2026-02-20T18:30:00Z", "utm_source=tiktok&utm_medium=influencer&utm_content=bob"),
      lastVisit: visit("2026-03-01T09:40:00Z", "utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=anna"),
    },
    ...changes,
  };
}

function line(id: number, quantity: number, total: string, currency = "USD"): OrderNodeLineItem {
  return { id: `gid://shopify/LineItem/${id}`, quantity, originalTotalSet: bag(total, currency) };
}

const AMOUNT_FIELDS = ["grossMinor", "discountsMinor", "shippingDiscountsMinor", "shippingMinor", "taxesMinor"] as const;
type Amounts = Record<(typeof AMOUNT_FIELDS)[number], number>;

function amounts(order: ReturnType<typeof normalizeOrderNode>): Amounts {
  return Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, order[field]])) as Amounts;
}

describe("normalizeOrderNode: amounts in shop-currency minor units", () => {
  test.each<[string, Partial<OrderNodeInput>, OrderNodeLineItem[] | null, Amounts]>([
    [
      "reconciliation (no line items): gross = subtotal + discounts",
      {},
      null,
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "bulk export: gross = Σ line originalTotalSet, discounts = gross − subtotal",
      {},
      [line(1, 1, "60.00"), line(2, 2, "40.00")],
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "bulk export: the discounts beyond the lines' went to shipping (free-shipping code)",
      { totalDiscountsSet: bag("15.00") },
      [line(1, 1, "60.00"), line(2, 2, "40.00")],
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 500, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "reconciliation cannot tell shipping discounts apart: gross and discounts both carry them, net stays exact",
      { totalDiscountsSet: bag("15.00") },
      null,
      { grossMinor: 10500, discountsMinor: 1500, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "bulk export with a null subtotal: the total discounts are the merchandise discounts",
      { subtotalPriceSet: null },
      [line(1, 1, "60.00"), line(2, 2, "40.00")],
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "bulk export with null discounts: gross − subtotal, nothing known of shipping discounts",
      { totalDiscountsSet: null },
      [line(1, 1, "60.00"), line(2, 2, "40.00")],
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "a null tax set is no tax",
      { totalTaxSet: null },
      null,
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "taxes are kept apart from sales",
      { totalTaxSet: bag("18.45") },
      null,
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 1845 },
    ],
    [
      "JPY has no decimals (Shopify pads to .00)",
      {
        currencyCode: "JPY",
        subtotalPriceSet: bag("9000.00", "JPY"),
        totalDiscountsSet: bag("1000", "JPY"),
        totalTaxSet: bag("0", "JPY"),
        totalShippingPriceSet: bag("500", "JPY"),
      },
      [line(1, 4, "10000", "JPY")],
      { grossMinor: 10000, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "KWD has three decimals",
      {
        currencyCode: "KWD",
        subtotalPriceSet: bag("9.001", "KWD"),
        totalDiscountsSet: bag("1.000", "KWD"),
        totalTaxSet: bag("0.000", "KWD"),
        totalShippingPriceSet: bag("0.500", "KWD"),
      },
      null,
      { grossMinor: 10001, discountsMinor: 1000, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
    [
      "a zero order (fully discounted)",
      { subtotalPriceSet: bag("0.00"), totalDiscountsSet: bag("25.00"), totalShippingPriceSet: bag("0.00") },
      [line(1, 1, "25.00")],
      { grossMinor: 2500, discountsMinor: 2500, shippingDiscountsMinor: 0, shippingMinor: 0, taxesMinor: 0 },
    ],
    [
      "an order with no line item left (all removed by edits)",
      { subtotalPriceSet: bag("0.00"), totalDiscountsSet: bag("0.00") },
      [line(1, 0, "0.00")],
      { grossMinor: 0, discountsMinor: 0, shippingDiscountsMinor: 0, shippingMinor: 500, taxesMinor: 0 },
    ],
  ])("%s", (_label, changes, lineItems, expected) => {
    expect(amounts(normalizeOrderNode(node(changes), lineItems))).toEqual(expected);
  });

  test("bulk line items become unit prices; product ids are not selected", () => {
    expect(normalizeOrderNode(node(), [line(1, 1, "60.00"), line(2, 2, "40.00"), line(3, 0, "0.00")]).lineItems).toEqual([
      { lineItemId: "gid://shopify/LineItem/1", productId: null, variantId: null, quantity: 1, priceMinor: 6000 },
      { lineItemId: "gid://shopify/LineItem/2", productId: null, variantId: null, quantity: 2, priceMinor: 2000 },
      { lineItemId: "gid://shopify/LineItem/3", productId: null, variantId: null, quantity: 0, priceMinor: 0 },
    ]);
    expect(normalizeOrderNode(node()).lineItems).toEqual([]);
  });

  test.each([
    ["a variant GID is kept, to price the line with its unit cost", { id: "gid://shopify/ProductVariant/77" }, "gid://shopify/ProductVariant/77"],
    ["a custom item has no variant", null, null],
    ["no variant selected", undefined, null],
    ["anything but a variant GID is not trusted", { id: "gid://shopify/Product/77" }, null],
  ])("%s", (_label, variant, expected) => {
    const [item] = normalizeOrderNode(node(), [{ ...line(1, 1, "100.00"), variant }]).lineItems;
    expect(item!.variantId).toBe(expected);
  });

  test("what the node does not carry is null, never zero", () => {
    const order = normalizeOrderNode(node());
    expect(order.totalMinor).toBeNull();
    expect(order.current).toEqual({ subtotalMinor: null, discountsMinor: null, taxesMinor: null, shippingMinor: null, totalMinor: null });
  });
});

describe("normalizeOrderNode refuses what it cannot read exactly", () => {
  test.each<[string, Partial<OrderNodeInput>, OrderNodeLineItem[] | null, string]>([
    ["an amount in another currency than the shop's", { totalShippingPriceSet: bag("5.00", "EUR") }, null, "totalShippingPriceSet"],
    ["a line item in another currency", {}, [line(1, 1, "100.00", "EUR")], "lineItems.0.originalTotalSet"],
    ["a malformed amount", { subtotalPriceSet: bag("9O.00") }, null, "subtotalPriceSet"],
    ["a fraction of a cent", { subtotalPriceSet: bag("90.001") }, null, "subtotalPriceSet"],
    ["no subtotal and no line items", { subtotalPriceSet: null }, null, "subtotalPriceSet"],
    ["no discounts and no line items", { totalDiscountsSet: null }, null, "totalDiscountsSet"],
    ["neither subtotal nor discounts with line items", { subtotalPriceSet: null, totalDiscountsSet: null }, [line(1, 1, "100.00")], "subtotalPriceSet"],
    ["a subtotal above the lines' total", { subtotalPriceSet: bag("120.00") }, [line(1, 1, "100.00")], "subtotalPriceSet"],
    ["total discounts below the line discounts", { totalDiscountsSet: bag("5.00") }, [line(1, 1, "100.00")], "totalDiscountsSet"],
    ["a line total that is not quantity × a unit price", {}, [line(1, 3, "100.00")], "lineItems.0.originalTotalSet"],
    ["a fractional quantity", {}, [line(1, 1.5, "100.00")], "lineItems.0.quantity"],
    ["a removed line that still costs something", {}, [line(1, 0, "10.00")], "lineItems.0.originalTotalSet"],
    ["an id that is not an Order GID", { id: "gid://shopify/DraftOrder/1" }, null, "id"],
    ["an unreadable update time", { updatedAt: "yesterday" }, null, "updatedAt"],
    [
      "an unreadable visit time",
      { customerJourneySummary: { ready: true, firstVisit: null, lastVisit: visit("soon", "") } },
      null,
      "customerJourneySummary.lastVisit.occurredAt",
    ],
  ])("%s", (_label, changes, lineItems, where) => {
    const run = () => normalizeOrderNode(node(changes), lineItems);
    expect(run).toThrow(ShopifyPayloadError);
    try {
      run();
    } catch (error) {
      expect((error as ShopifyPayloadError).path.join(".")).toBe(where);
    }
  });
});

describe("normalizeOrderNode: identity, codes and times", () => {
  const order = normalizeOrderNode(node({ discountCodes: [" anna10 ", "ANNA10", "", "Bob-15"] }));

  test.each([
    ["shopifyOrderId", "gid://shopify/Order/9007199254740993"],
    ["name", "#1001"],
    ["processedAt", "2026-03-01T10:00:00.000Z"],
    ["createdAt", "2026-03-01T09:59:00.000Z"],
    ["shopifyUpdatedAt", "2026-03-02T08:00:00.000Z"],
    ["customerId", "gid://shopify/Customer/9007199254740995"],
    ["currency", "USD"],
    ["presentmentCurrency", "EUR"],
    ["cancelled", false],
    ["cancelledAt", null],
    ["test", false],
    ["sourceName", "web"],
    ["codes (upper-cased, trimmed, de-duplicated, blanks dropped)", ["ANNA10", "BOB-15"]],
  ])("%s", (field, expected) => {
    const key = field.split(" ")[0] as keyof typeof order;
    expect(order[key]).toEqual(expected);
  });

  test.each<[string, Partial<OrderNodeInput>, Partial<ReturnType<typeof normalizeOrderNode>>]>([
    ["a guest checkout has no customer", { customer: null }, { customerId: null }],
    ["a cancelled order", { cancelledAt: "2026-03-03T10:00:00-05:00" }, { cancelled: true, cancelledAt: "2026-03-03T15:00:00.000Z" }],
    ["a test order", { test: true }, { test: true }],
    ["a blank source is no source", { sourceName: "  " }, { sourceName: null }],
    ["no processedAt falls back to createdAt", { processedAt: "" }, { processedAt: "2026-03-01T09:59:00.000Z" }],
  ])("%s", (_label, changes, expected) => {
    expect(normalizeOrderNode(node(changes))).toMatchObject(expected);
  });
});

describe("normalizeOrderNode: landing page and customer journey", () => {
  test("landing page, referrer and landing UTMs come from the journey's last visit; both visits are kept", () => {
    const order = normalizeOrderNode(node());
    expect(order.landingUrl).toBe(
      "https://shop.example/products/serum?utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=anna",
    );
    expect(order.referrer).toBe("https://www.instagram.com/");
    expect(order.utm).toEqual({ source: "instagram", medium: "influencer", campaign: "spring", content: "anna", term: null });
    expect(order.journey).toEqual({
      first: {
        at: "2026-02-20T18:30:00.000Z",
        utm: { source: "tiktok", medium: "influencer", campaign: null, content: "bob", term: null },
        landingUrl: "https://shop.example/products/serum?utm_source=tiktok&utm_medium=influencer&utm_content=bob",
        referrer: "https://www.instagram.com/",
      },
      last: {
        at: "2026-03-01T09:40:00.000Z",
        utm: { source: "instagram", medium: "influencer", campaign: "spring", content: "anna", term: null },
        landingUrl: "https://shop.example/products/serum?utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=anna",
        referrer: "https://www.instagram.com/",
      },
    });
  });

  test.each<[string, OrderNodeInput["customerJourneySummary"], { utm: unknown; landingUrl: string | null; journey: unknown }]>([
    [
      "no journey (an order created in the admin)",
      null,
      { utm: { source: null, medium: null, campaign: null, content: null, term: null }, landingUrl: null, journey: { first: null, last: null } },
    ],
    [
      "Shopify gave no utmParameters: the landing page's query is read",
      { ready: true, firstVisit: null, lastVisit: visit("2026-03-01T09:40:00Z", "utm_medium=Influencer&utm_content=Anna", { utmParameters: null }) },
      {
        utm: { source: null, medium: "Influencer", campaign: null, content: "Anna", term: null },
        landingUrl: "https://shop.example/products/serum?utm_medium=Influencer&utm_content=Anna",
        journey: {
          first: null,
          last: {
            at: "2026-03-01T09:40:00.000Z",
            utm: { source: null, medium: "Influencer", campaign: null, content: "Anna", term: null },
            landingUrl: "https://shop.example/products/serum?utm_medium=Influencer&utm_content=Anna",
            referrer: "https://www.instagram.com/",
          },
        },
      },
    ],
    [
      "blank UTM values are no UTM, and blank landing and referrer are null",
      {
        ready: true,
        firstVisit: null,
        lastVisit: {
          landingPage: " ",
          referrerUrl: "",
          occurredAt: "2026-03-01T09:40:00Z",
          utmParameters: { source: " ", medium: "", campaign: null, content: null, term: null },
        },
      },
      {
        utm: { source: null, medium: null, campaign: null, content: null, term: null },
        landingUrl: null,
        journey: {
          first: null,
          last: {
            at: "2026-03-01T09:40:00.000Z",
            utm: { source: null, medium: null, campaign: null, content: null, term: null },
            landingUrl: null,
            referrer: null,
          },
        },
      },
    ],
  ])("%s", (_label, summary, expected) => {
    const order = normalizeOrderNode(node({ customerJourneySummary: summary }));
    expect({ utm: order.utm, landingUrl: order.landingUrl, journey: order.journey }).toEqual(expected);
  });
});

describe("normalizeOrderNode: refunds", () => {
  test.each<[string, OrderNodeInput["refunds"], { processedAt: string; amountMinor: number }[]]>([
    ["no refund", [], []],
    [
      "a refund's whole total counts as merchandise, dated by its creation",
      [{ id: "gid://shopify/Refund/1", createdAt: "2026-03-05T12:00:00+02:00", totalRefundedSet: bag("25.50") }],
      [{ processedAt: "2026-03-05T10:00:00.000Z", amountMinor: 2550 }],
    ],
    [
      "a refund without a creation time is dated at the order's last update",
      [{ id: "gid://shopify/Refund/2", createdAt: null, totalRefundedSet: bag("10.00") }],
      [{ processedAt: "2026-03-02T08:00:00.000Z", amountMinor: 1000 }],
    ],
  ])("%s", (_label, refunds, expected) => {
    const order = normalizeOrderNode(node({ refunds }));
    expect(order.refunds.map((r) => ({ processedAt: r.processedAt, amountMinor: r.amountMinor }))).toEqual(expected);
    for (const refund of order.refunds) {
      expect(refund).toMatchObject({ shopifyOrderId: order.shopifyOrderId, currency: "USD", discrepancyMinor: 0, shippingMinor: 0, taxesMinor: 0 });
      expect(refund.lineItemsMinor).toBe(refund.amountMinor);
    }
  });

  test("a refund in another currency is refused", () => {
    expect(() =>
      normalizeOrderNode(node({ refunds: [{ id: "gid://shopify/Refund/3", createdAt: null, totalRefundedSet: bag("1.00", "CAD") }] })),
    ).toThrow(ShopifyPayloadError);
  });
});

describe("the GraphQL road and the webhook road give the same order", () => {
  const SAMPLE = path.resolve(__dirname, "../../../../shared/fixtures/shopify/orders-create.sample.2026-07.json");
  const moneySet = (amount: string) => ({
    shop_money: { amount, currency_code: "USD" },
    presentment_money: { amount, currency_code: "USD" },
  });
  // Shopify's sample made consistent: 100.00 of lines, a 10.00 code, 5.00 shipping, landing on a creator link.
  const webhook = normalizeOrder({
    ...(JSON.parse(readFileSync(SAMPLE, "utf8")) as Record<string, unknown>),
    cancelled_at: null,
    test: false,
    total_line_items_price_set: moneySet("100.00"),
    total_discounts_set: moneySet("10.00"),
    subtotal_price_set: moneySet("90.00"),
    total_shipping_price_set: moneySet("5.00"),
    total_tax_set: moneySet("0.00"),
    discount_codes: [{ code: "anna10", amount: "10.00", type: "fixed_amount" }],
    landing_site: "/products/serum?utm_medium=influencer&utm_content=anna",
    referring_site: "https://www.instagram.com/",
    shipping_lines: [],
    refunds: [],
  });
  const graphql = normalizeOrderNode(
    node({
      id: webhook.shopifyOrderId,
      name: webhook.name,
      createdAt: "2021-12-31T19:00:00-05:00",
      processedAt: "2021-12-31T19:00:00-05:00",
      updatedAt: "2021-12-31T19:00:00-05:00",
      presentmentCurrencyCode: "USD",
      customer: { id: "gid://shopify/Customer/115310627314723954" },
      discountCodes: ["anna10"],
      customerJourneySummary: {
        ready: true,
        firstVisit: null,
        lastVisit: {
          landingPage: "/products/serum?utm_medium=influencer&utm_content=anna",
          referrerUrl: "https://www.instagram.com/",
          occurredAt: "2021-12-31T23:50:00Z",
          utmParameters: { source: null, medium: "influencer", campaign: null, content: "anna", term: null },
        },
      },
    }),
  );

  test.each([
    "shopifyOrderId",
    "name",
    "processedAt",
    "createdAt",
    "shopifyUpdatedAt",
    "customerId",
    "currency",
    "presentmentCurrency",
    "grossMinor",
    "discountsMinor",
    "shippingMinor",
    "shippingDiscountsMinor",
    "taxesMinor",
    "cancelled",
    "test",
    "codes",
    "landingUrl",
    "referrer",
    "sourceName",
    "utm",
    "refunds",
  ] as const)("%s", (field) => {
    expect(graphql[field]).toEqual(webhook[field]);
  });
});
