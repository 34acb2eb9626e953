import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { ShopifyUnexpectedResponseError } from "~/shopify/admin-api.server";
import { getShopInfo } from "~/shopify/get-shop-info.server";
import { listOrdersUpdatedSince, updatedSinceFilter } from "~/shopify/list-orders-updated-since.server";
import { readOrderNode, type ShopifyOrderNode } from "~/shopify/order-fields.server";
import { ShopifyInputError } from "~/shopify/shopify-errors.server";

import { buildStandInOrder, moneyBag, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { operationsSeen, recordingApi, SHOP, startStandIn } from "./harness";

let standIn: ShopifyStandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

async function collect(iterable: AsyncIterable<ShopifyOrderNode>): Promise<ShopifyOrderNode[]> {
  const out: ShopifyOrderNode[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("getShopInfo", () => {
  test("an unseeded shop answers with its domain and defaults", async () => {
    const { api } = recordingApi(standIn);
    expect(await getShopInfo(api)).toEqual({
      name: "creator-roi-test",
      myshopifyDomain: SHOP,
      primaryDomainHost: SHOP,
      primaryDomainUrl: `https://${SHOP}`,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
    });
  });

  test("a seeded shop answers what was seeded", async () => {
    standIn.state.seedShop(SHOP, {
      name: "Maison Lune",
      currencyCode: "JPY",
      ianaTimezone: "Asia/Tokyo",
      primaryDomainHost: "maison-lune.example",
    });
    const { api } = recordingApi(standIn);
    expect(await getShopInfo(api)).toMatchObject({
      name: "Maison Lune",
      currencyCode: "JPY",
      ianaTimezone: "Asia/Tokyo",
      primaryDomainHost: "maison-lune.example",
      primaryDomainUrl: "https://maison-lune.example",
    });
  });
});

describe("listOrdersUpdatedSince", () => {
  test("pages through every order, oldest update first, one request per page", async () => {
    // Seeded out of order: 7, 3, 5, 1, 6, 2, 4 (order n is updated at 2026-01-01 + n h 30 min).
    standIn.state.seedOrders(SHOP, [7, 3, 5, 1, 6, 2, 4].map((n) => buildStandInOrder(n)));
    const { api } = recordingApi(standIn);
    const orders = await collect(listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z"), pageSize: 3 }));
    expect(orders.map((o) => o.name)).toEqual(["#1001", "#1002", "#1003", "#1004", "#1005", "#1006", "#1007"]);
    expect(operationsSeen(standIn)).toEqual(["ListOrdersUpdatedSince", "ListOrdersUpdatedSince", "ListOrdersUpdatedSince"]);
    expect(standIn.requests.map((r) => r.variables.after === null)).toEqual([true, false, false]);
  });

  test.each([
    ["before every update", "2026-01-01T00:00:00Z", ["#1001", "#1002", "#1003"]],
    ["exactly at order 2's update (inclusive)", "2026-01-01T02:30:00Z", ["#1002", "#1003"]],
    ["a millisecond after order 2's update (rounded down to the second)", "2026-01-01T02:30:00.001Z", ["#1002", "#1003"]],
    ["one second after order 2's update", "2026-01-01T02:30:01Z", ["#1003"]],
    ["after every update", "2026-02-01T00:00:00Z", []],
  ])("since %s", async (_label, since, expected) => {
    standIn.state.seedOrders(SHOP, [1, 2, 3].map((n) => buildStandInOrder(n)));
    const { api } = recordingApi(standIn);
    const orders = await collect(listOrdersUpdatedSince(api, { since: new Date(since) }));
    expect(orders.map((o) => o.name)).toEqual(expected);
  });

  test("an order updated after the first page was read is still reached (keyset cursor)", async () => {
    standIn.state.seedOrders(SHOP, [1, 2, 3, 4].map((n) => buildStandInOrder(n)));
    const { api } = recordingApi(standIn);
    const seen: string[] = [];
    for await (const order of listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z"), pageSize: 2 })) {
      seen.push(order.name);
      if (order.name === "#1001") {
        standIn.state.updateOrder(SHOP, { ...buildStandInOrder(1), updatedAt: "2026-01-02T00:00:00Z", cancelledAt: "2026-01-02T00:00:00Z" });
      }
    }
    expect(seen).toEqual(["#1001", "#1002", "#1003", "#1004", "#1001"]);
  });

  test("returns the fields the webhook ingestion needs, exactly as Shopify shapes them", async () => {
    standIn.state.seedOrders(SHOP, [
      buildStandInOrder(1, {
        currencyCode: "EUR",
        presentmentCurrencyCode: "USD",
        discountCodes: ["LENA15"],
        totalRefundedSet: moneyBag("20.00", "EUR"),
        refunds: [{ id: "gid://shopify/Refund/1", createdAt: "2026-01-05T10:00:00Z", totalRefundedSet: moneyBag("20.00", "EUR") }],
      }),
    ]);
    const { api } = recordingApi(standIn);
    const [order] = await collect(listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z") }));
    expect(order).toEqual({
      id: "gid://shopify/Order/7000000001",
      name: "#1001",
      createdAt: "2026-01-01T01:00:00Z",
      updatedAt: "2026-01-01T01:30:00Z",
      processedAt: "2026-01-01T01:00:00Z",
      cancelledAt: null,
      test: false,
      currencyCode: "EUR",
      presentmentCurrencyCode: "USD",
      sourceName: "web",
      customer: { id: "gid://shopify/Customer/8000000001" },
      discountCodes: ["LENA15"],
      subtotalPriceSet: { shopMoney: { amount: "90.00", currencyCode: "EUR" } },
      totalDiscountsSet: { shopMoney: { amount: "10.00", currencyCode: "EUR" } },
      totalShippingPriceSet: { shopMoney: { amount: "5.00", currencyCode: "EUR" } },
      totalTaxSet: { shopMoney: { amount: "0.00", currencyCode: "EUR" } },
      totalRefundedSet: { shopMoney: { amount: "20.00", currencyCode: "EUR" } },
      refunds: [{ id: "gid://shopify/Refund/1", createdAt: "2026-01-05T10:00:00Z", totalRefundedSet: { shopMoney: { amount: "20.00", currencyCode: "EUR" } } }],
      customerJourneySummary: {
        ready: true,
        firstVisit: {
          landingPage: "https://demo.creator-roi.example/?utm_source=instagram&utm_medium=social&utm_campaign=spring",
          referrerUrl: null,
          occurredAt: "2026-01-01T01:00:00Z",
          utmParameters: { source: "instagram", medium: "social", campaign: "spring", content: null, term: null },
        },
        lastVisit: {
          landingPage: "https://demo.creator-roi.example/?utm_source=instagram&utm_medium=social&utm_campaign=spring",
          referrerUrl: null,
          occurredAt: "2026-01-01T01:00:00Z",
          utmParameters: { source: "instagram", medium: "social", campaign: "spring", content: null, term: null },
        },
      },
    });
  });

  test("an order without customer or journey (created in the admin) reads as nulls", async () => {
    standIn.state.seedOrders(SHOP, [buildStandInOrder(1, { customer: null, customerJourneySummary: null, sourceName: null, test: true })]);
    const { api } = recordingApi(standIn);
    const [order] = await collect(listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z") }));
    expect(order).toMatchObject({ customer: null, customerJourneySummary: null, sourceName: null, test: true });
  });

  test("a page throttled midway is waited for and the walk goes on", async () => {
    standIn.state.seedOrders(SHOP, [1, 2, 3].map((n) => buildStandInOrder(n)));
    const { api, sleeps } = recordingApi(standIn);
    const seen: string[] = [];
    for await (const order of listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z"), pageSize: 2 })) {
      seen.push(order.name);
      if (seen.length === 1) standIn.failNext("ListOrdersUpdatedSince", { kind: "throttled", currentlyAvailable: 0 });
    }
    expect(seen).toEqual(["#1001", "#1002", "#1003"]);
    expect(sleeps).toEqual([500]); // (2 + 2×4) points / 100 per second = 100 ms, under the 500 ms floor
  });

  test.each([0, 251, 2.5])("pageSize %s is refused", async (pageSize) => {
    const { api } = recordingApi(standIn);
    await expect(collect(listOrdersUpdatedSince(api, { since: new Date(), pageSize }))).rejects.toBeInstanceOf(ShopifyInputError);
    expect(standIn.requests).toHaveLength(0);
  });

  test.each([
    ["a whole second", "2026-03-01T12:00:00.000Z", "updated_at:>='2026-03-01T12:00:00Z'"],
    ["milliseconds, rounded down", "2026-03-01T12:00:00.999Z", "updated_at:>='2026-03-01T12:00:00Z'"],
  ])("updatedSinceFilter with %s", (_label, since, expected) => {
    expect(updatedSinceFilter(new Date(since))).toBe(expected);
  });

  test("updatedSinceFilter refuses an invalid date", () => {
    expect(() => updatedSinceFilter(new Date("nope"))).toThrow(ShopifyInputError);
  });
});

describe("readOrderNode refuses a malformed order rather than guessing", () => {
  const good = (() => {
    const { lineItems: _lineItems, ...node } = buildStandInOrder(1);
    return node as unknown as Record<string, unknown>;
  })();

  test.each<[string, Record<string, unknown>]>([
    ["a numeric id", { id: 7000000001 }],
    ["an id of another type", { id: "gid://shopify/Customer/1" }],
    ["no test flag", { test: undefined }],
    ["a money bag without shopMoney", { subtotalPriceSet: { presentmentMoney: { amount: "1.00", currencyCode: "USD" } } }],
    ["an amount as a number", { totalTaxSet: { shopMoney: { amount: 1, currencyCode: "USD" } } }],
    ["discount codes that are not strings", { discountCodes: [1] }],
    ["no refunds list", { refunds: null }],
  ])("%s", (_label, patch) => {
    expect(() => readOrderNode({ ...good, ...patch }, "Test")).toThrow(ShopifyUnexpectedResponseError);
  });

  test("null subtotal, discounts and tax stay null; null shipping or refunded is refused", () => {
    expect(readOrderNode({ ...good, subtotalPriceSet: null, totalDiscountsSet: null, totalTaxSet: null }, "Test")).toMatchObject({
      subtotalPriceSet: null,
      totalDiscountsSet: null,
      totalTaxSet: null,
    });
    expect(() => readOrderNode({ ...good, totalShippingPriceSet: null }, "Test")).toThrow(ShopifyUnexpectedResponseError);
    expect(() => readOrderNode({ ...good, totalRefundedSet: null }, "Test")).toThrow(ShopifyUnexpectedResponseError);
  });

  test("the stand-in's order reads back unchanged", () => {
    expect(readOrderNode(good, "Test").id).toBe("gid://shopify/Order/7000000001");
  });
});
