import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import {
  adminApiFromEndpoint,
  describeOperation,
  ShopifyGraphqlError,
  ShopifyHttpError,
  ShopifyNetworkError,
  ShopifyThrottledError,
} from "~/shopify/admin-api.server";
import { CREATE_BASIC_DISCOUNT_CODE, createBasicDiscountCode } from "~/shopify/create-discount-code.server";
import { FIND_DISCOUNT_BY_CODE, findDiscountByCode } from "~/shopify/find-discount-by-code.server";
import { getShopInfo, GET_SHOP_INFO } from "~/shopify/get-shop-info.server";
import { listOrdersUpdatedSince } from "~/shopify/list-orders-updated-since.server";

import { buildStandInOrder, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { operationsSeen, recordingApi, SHOP, startStandIn } from "./harness";

let standIn: ShopifyStandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const discountInput = {
  title: "Lena",
  code: "LENA15",
  startsAt: new Date("2026-02-01T00:00:00Z"),
  value: { kind: "percentage" as const, percentage: 0.15 },
};

async function firstPage(api: Parameters<typeof listOrdersUpdatedSince>[0]) {
  const orders = [];
  for await (const order of listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z"), pageSize: 50 })) {
    orders.push(order);
  }
  return orders;
}

describe("THROTTLED", () => {
  test("throttled twice, then answered: waits what the bucket needs, (202 − 2) / 100 per second = 2 s", async () => {
    standIn.state.seedOrders(SHOP, [buildStandInOrder(1)]);
    standIn.failNext("ListOrdersUpdatedSince", { kind: "throttled", times: 2, currentlyAvailable: 2 });
    const { api, sleeps } = recordingApi(standIn);
    const orders = await firstPage(api);
    expect(orders.map((o) => o.name)).toEqual(["#1001"]);
    expect(sleeps).toEqual([2000, 2000]);
    expect(operationsSeen(standIn)).toEqual(Array(3).fill("ListOrdersUpdatedSince"));
  });

  test("a cheap operation waits the exponential floor, not the tiny refill time", async () => {
    standIn.failNext("GetShopInfo", { kind: "throttled", times: 3 });
    const { api, sleeps } = recordingApi(standIn);
    await getShopInfo(api);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  test.each([
    ["no jitter", 0, 2000],
    ["half jitter", 0.5, 2250],
    ["full jitter", 0.999_999, 2500],
  ])("jitter stretches the wait by up to 25 %%: %s", async (_label, random, expected) => {
    standIn.state.seedOrders(SHOP, [buildStandInOrder(1)]);
    standIn.failNext("ListOrdersUpdatedSince", { kind: "throttled", currentlyAvailable: 2 });
    const { api, sleeps } = recordingApi(standIn, SHOP, { random: () => random });
    await firstPage(api);
    expect(sleeps).toEqual([expected]);
  });

  test("a wait never exceeds maxDelayMs", async () => {
    standIn.failNext("ListOrdersUpdatedSince", { kind: "throttled", currentlyAvailable: 0 });
    const { api, sleeps } = recordingApi(standIn, SHOP, { maxDelayMs: 1500 });
    await firstPage(api);
    expect(sleeps).toEqual([1500]);
  });

  test("throttled on every attempt: ShopifyThrottledError with the last bucket state", async () => {
    standIn.failNext("GetShopInfo", { kind: "throttled", times: 5, currentlyAvailable: 0 });
    const { api, sleeps } = recordingApi(standIn, SHOP, { maxThrottleAttempts: 3 });
    const error = (await getShopInfo(api).catch((e: unknown) => e)) as ShopifyThrottledError;
    expect(error).toBeInstanceOf(ShopifyThrottledError);
    expect(error.attempts).toBe(3);
    expect(error.operationName).toBe("GetShopInfo");
    expect(error.throttleStatus).toEqual({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
    expect(error.suggestedWaitMs).toBe(2000);
    expect(sleeps).toEqual([500, 1000]);
    expect(standIn.requests).toHaveLength(3);
  });

  test("a throttled mutation is retried (Shopify executed nothing) and creates the code once", async () => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "throttled", times: 2 });
    const { api } = recordingApi(standIn);
    await expect(createBasicDiscountCode(api, discountInput)).resolves.toMatchObject({ code: "LENA15" });
    expect(standIn.state.shop(SHOP).discounts.size).toBe(1);
    expect(standIn.requests).toHaveLength(3);
  });

  test("HTTP 429 waits Retry-After seconds", async () => {
    standIn.failNext("GetShopInfo", { kind: "http", status: 429, retryAfterSeconds: 3 });
    const { api, sleeps } = recordingApi(standIn);
    await getShopInfo(api);
    expect(sleeps).toEqual([3000]);
  });

  test("after an answer leaving too few points for the same operation, the next request waits for the refill", async () => {
    const tight = await startStandIn({ throttle: { maximumAvailable: 5, restoreRate: 2 } });
    try {
      const { api, sleeps } = recordingApi(tight);
      await createBasicDiscountCode(api, discountInput); // costs 10, bucket reports 5 − 10 = −5 left
      expect(sleeps).toEqual([7500]); // (10 − (−5)) / 2 per second
      await getShopInfo(api); // costs 1, 4 left: enough, no wait
      expect(sleeps).toEqual([7500]);
    } finally {
      await tight.close();
    }
  });
});

describe("network failures and 5xx", () => {
  test("a query whose connection drops is retried", async () => {
    const seeded = standIn.state.seedDiscount(SHOP, { code: "VIP20" });
    standIn.failNext("FindDiscountByCode", { kind: "network" });
    const { api, sleeps } = recordingApi(standIn);
    await expect(findDiscountByCode(api, "VIP20")).resolves.toMatchObject({ discountId: seeded.id });
    expect(sleeps).toEqual([500]);
    expect(standIn.requests).toHaveLength(2);
  });

  test("a query failing on every attempt: ShopifyNetworkError after maxNetworkAttempts", async () => {
    for (let i = 0; i < 3; i += 1) standIn.failNext("GetShopInfo", { kind: "network" });
    const { api, sleeps } = recordingApi(standIn);
    const error = (await getShopInfo(api).catch((e: unknown) => e)) as ShopifyNetworkError;
    expect(error).toBeInstanceOf(ShopifyNetworkError);
    expect({ attempts: error.attempts, status: error.status, isMutation: error.isMutation, mayHaveBeenApplied: error.mayHaveBeenApplied }).toEqual({
      attempts: 3,
      status: null,
      isMutation: false,
      mayHaveBeenApplied: false,
    });
    expect(sleeps).toEqual([500, 1000]);
  });

  test("a mutation whose connection drops is not retried", async () => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "network" });
    const { api, sleeps } = recordingApi(standIn);
    const error = (await createBasicDiscountCode(api, discountInput).catch((e: unknown) => e)) as ShopifyNetworkError;
    expect(error).toBeInstanceOf(ShopifyNetworkError);
    expect({ attempts: error.attempts, isMutation: error.isMutation, mayHaveBeenApplied: error.mayHaveBeenApplied }).toEqual({
      attempts: 1,
      isMutation: true,
      mayHaveBeenApplied: true,
    });
    expect(sleeps).toEqual([]);
    expect(standIn.requests).toHaveLength(1);
  });

  test("why: the mutation may have been applied before the answer was lost; a lookup tells", async () => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "network", afterApply: true });
    const { api } = recordingApi(standIn);
    await expect(createBasicDiscountCode(api, discountInput)).rejects.toBeInstanceOf(ShopifyNetworkError);
    const found = await findDiscountByCode(api, "LENA15");
    expect(found?.discountId).toBe("gid://shopify/DiscountCodeNode/1000000001");
    // Retrying blindly would have been refused as TAKEN, by our own code.
    await expect(createBasicDiscountCode(api, discountInput)).rejects.toMatchObject({ code: "TAKEN" });
  });

  test.each([500, 502, 503, 504])("a query answered HTTP %i is retried", async (status) => {
    standIn.failNext("GetShopInfo", { kind: "http", status });
    const { api, sleeps } = recordingApi(standIn);
    await expect(getShopInfo(api)).resolves.toMatchObject({ myshopifyDomain: SHOP });
    expect(sleeps).toEqual([500]);
  });

  test.each([500, 503])("a mutation answered HTTP %i is not retried", async (status) => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "http", status });
    const { api } = recordingApi(standIn);
    const error = (await createBasicDiscountCode(api, discountInput).catch((e: unknown) => e)) as ShopifyNetworkError;
    expect(error).toBeInstanceOf(ShopifyNetworkError);
    expect(error.status).toBe(status);
    expect(standIn.requests).toHaveLength(1);
  });

  test("HTTP 500 on every attempt of a query: ShopifyNetworkError with the status", async () => {
    for (let i = 0; i < 3; i += 1) standIn.failNext("GetShopInfo", { kind: "http", status: 500 });
    const { api } = recordingApi(standIn);
    await expect(getShopInfo(api)).rejects.toMatchObject({ name: "ShopifyNetworkError", status: 500, attempts: 3 });
  });

  test("a query slower than requestTimeoutMs counts as a network failure and is retried", async () => {
    standIn.failNext("GetShopInfo", { kind: "delay", ms: 400 });
    const { api, sleeps } = recordingApi(standIn, SHOP, { requestTimeoutMs: 100 });
    await expect(getShopInfo(api)).resolves.toMatchObject({ myshopifyDomain: SHOP });
    expect(sleeps).toEqual([500]);
  });

  test("nothing listening: ShopifyNetworkError after the retries", async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const sleeps: number[] = [];
    const api = adminApiFromEndpoint({
      shopDomain: SHOP,
      accessToken: "x",
      endpoint: `http://127.0.0.1:${port}/admin/api/2026-10/graphql.json?shop=${SHOP}`,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
    });
    await expect(getShopInfo(api)).rejects.toMatchObject({ name: "ShopifyNetworkError", attempts: 3, status: null });
    expect(sleeps).toEqual([500, 1000]);
  });
});

describe("errors that are never retried", () => {
  test("a wrong access token is ShopifyHttpError 401 with Shopify's message", async () => {
    const sleeps: number[] = [];
    const api = adminApiFromEndpoint({
      shopDomain: SHOP,
      accessToken: "shpat_wrong",
      endpoint: standIn.endpointFor(SHOP),
      sleep: async (ms) => void sleeps.push(ms),
    });
    const error = (await getShopInfo(api).catch((e: unknown) => e)) as ShopifyHttpError;
    expect(error).toBeInstanceOf(ShopifyHttpError);
    expect(error.status).toBe(401);
    expect(error.bodyText).toContain("Invalid API key or access token");
    expect(sleeps).toEqual([]);
  });

  test("an operation the server does not know is ShopifyGraphqlError, never a silent success", async () => {
    const { api } = recordingApi(standIn);
    const error = (await api.request(`#graphql
      query ProductsNobodyAskedFor { products(first: 1) { nodes { id } } }`).catch((e: unknown) => e)) as ShopifyGraphqlError;
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect(error.operationName).toBe("ProductsNobodyAskedFor");
    expect(error.errors[0]?.extensions?.code).toBe("STAND_IN_UNKNOWN_OPERATION");
    expect(standIn.requests).toHaveLength(1);
  });

  test.each([
    ["maxThrottleAttempts", { maxThrottleAttempts: 0 }],
    ["maxNetworkAttempts", { maxNetworkAttempts: 1.5 }],
  ])("%s must be a positive integer", (_label, options) => {
    expect(() => recordingApi(standIn, SHOP, options)).toThrow(RangeError);
  });
});

describe("describeOperation", () => {
  test.each([
    ["the discount mutation", CREATE_BASIC_DISCOUNT_CODE, { name: "CreateBasicDiscountCode", isMutation: true }],
    ["the lookup query", FIND_DISCOUNT_BY_CODE, { name: "FindDiscountByCode", isMutation: false }],
    ["the shop query", GET_SHOP_INFO, { name: "GetShopInfo", isMutation: false }],
    ["an anonymous selection set", "{ shop { name } }", { name: "anonymous query", isMutation: false }],
    ["an anonymous mutation", "mutation { x }", { name: "anonymous mutation", isMutation: true }],
    ["a comment mentioning mutation before a query", "# not a mutation\nquery Q { a }", { name: "Q", isMutation: false }],
    ["a fragment before the mutation", "fragment F on Shop { name }\nmutation M { a }", { name: "M", isMutation: true }],
  ])("%s", (_label, source, expected) => {
    expect(describeOperation(source)).toEqual(expected);
  });
});
