// The stand-in's own contract: it answers exactly the operations the app sends, in Shopify's shapes, and refuses
// everything else loudly.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { describeOperation } from "~/shopify/admin-api.server";
import { CREATE_BASIC_DISCOUNT_CODE } from "~/shopify/create-discount-code.server";
import { DELETE_DISCOUNT_CODE } from "~/shopify/delete-discount.server";
import { FIND_DISCOUNT_BY_CODE } from "~/shopify/find-discount-by-code.server";
import { GET_SHOP_INFO } from "~/shopify/get-shop-info.server";
import { LIST_ORDERS_UPDATED_SINCE } from "~/shopify/list-orders-updated-since.server";
import { LIST_VARIANT_COSTS } from "~/shopify/list-variant-costs.server";
import { GET_BULK_OPERATION, RUN_BULK_ORDERS_EXPORT } from "~/shopify/run-bulk-orders-export.server";
import { ACTIVATE_DISCOUNT_CODE, DEACTIVATE_DISCOUNT_CODE } from "~/shopify/set-discount-active.server";

import { KNOWN_OPERATION_NAMES, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { SHOP, startStandIn } from "./harness";

const APP_DOCUMENTS = [
  CREATE_BASIC_DISCOUNT_CODE,
  FIND_DISCOUNT_BY_CODE,
  ACTIVATE_DISCOUNT_CODE,
  DEACTIVATE_DISCOUNT_CODE,
  DELETE_DISCOUNT_CODE,
  GET_SHOP_INFO,
  LIST_ORDERS_UPDATED_SINCE,
  LIST_VARIANT_COSTS,
  RUN_BULK_ORDERS_EXPORT,
  GET_BULK_OPERATION,
];

let standIn: ShopifyStandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

async function post(body: unknown, options: { shop?: string | null; token?: string; path?: string } = {}) {
  const shop = options.shop === undefined ? SHOP : options.shop;
  const url = `${standIn.url}${options.path ?? "/admin/api/2026-10/graphql.json"}${shop === null ? "" : `?shop=${shop}`}`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": options.token ?? standIn.accessTokenFor(SHOP) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("operations", () => {
  test("every document of the app is tagged #graphql and has a unique name", () => {
    for (const document of APP_DOCUMENTS) expect(document.trimStart().startsWith("#graphql")).toBe(true);
    const names = APP_DOCUMENTS.map((d) => describeOperation(d).name);
    expect(new Set(names).size).toBe(names.length);
  });

  test("the stand-in answers exactly the operations the app sends", () => {
    expect(APP_DOCUMENTS.map((d) => describeOperation(d).name).sort()).toEqual([...KNOWN_OPERATION_NAMES].sort());
  });

  test("an answer carries Shopify's cost extension", async () => {
    const { status, json } = await post({ query: GET_SHOP_INFO });
    expect(status).toBe(200);
    expect(json.extensions).toEqual({
      cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 } },
    });
  });

  test("a throttled answer has Shopify's shape", async () => {
    standIn.failNext("GetShopInfo", { kind: "throttled", currentlyAvailable: 0.5 });
    const { status, json } = await post({ query: GET_SHOP_INFO });
    expect(status).toBe(200);
    expect(json).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: { cost: { requestedQueryCost: 1, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0.5, restoreRate: 100 } } },
    });
  });

  test.each([
    ["an unknown named operation", { query: "query Nope { shop { name } }" }],
    ["an anonymous operation", { query: "{ shop { name } }" }],
    ["no query at all", {}],
  ])("%s is a GraphQL error", async (_label, body) => {
    const { status, json } = await post(body);
    expect(status).toBe(200);
    expect(json.data).toBeUndefined();
    expect(json.errors).toMatchObject([{ extensions: { code: "STAND_IN_UNKNOWN_OPERATION" } }]);
  });

  test("a '*' fault hits whatever operation comes next", async () => {
    standIn.failNext("*", { kind: "http", status: 502 });
    expect((await post({ query: FIND_DISCOUNT_BY_CODE, variables: { code: "X" } })).status).toBe(502);
    expect((await post({ query: FIND_DISCOUNT_BY_CODE, variables: { code: "X" } })).status).toBe(200);
  });

  test("reset forgets state, faults and requests", async () => {
    standIn.state.seedDiscount(SHOP, { code: "KEEP" });
    standIn.failNext("GetShopInfo", { kind: "http", status: 500 });
    await post({ query: FIND_DISCOUNT_BY_CODE, variables: { code: "KEEP" } });
    standIn.reset();
    expect(standIn.requests).toHaveLength(0);
    expect(standIn.state.shop(SHOP).discounts.size).toBe(0);
    expect((await post({ query: GET_SHOP_INFO })).status).toBe(200);
    expect(standIn.state.seedDiscount(SHOP, { code: "AGAIN" }).id).toBe("gid://shopify/DiscountCodeNode/1000000001");
  });
});

describe("HTTP boundary", () => {
  test("endpointFor carries the shop; accessTokenFor is stable per shop", () => {
    expect(standIn.endpointFor(SHOP)).toBe(`${standIn.url}/admin/api/2026-10/graphql.json?shop=${SHOP}`);
    expect(standIn.accessTokenFor(SHOP)).toBe(standIn.accessTokenFor(SHOP));
    expect(standIn.accessTokenFor(SHOP)).not.toBe(standIn.accessTokenFor("other.myshopify.com"));
  });

  test.each<[string, Parameters<typeof post>[1], unknown, number]>([
    ["no shop parameter", { shop: null }, { query: GET_SHOP_INFO }, 400],
    ["a shop that is not a myshopify domain", { shop: "evil.example.com" }, { query: GET_SHOP_INFO }, 400],
    ["another shop's token", { token: "shpat_stand_in_other_myshopify_com" }, { query: GET_SHOP_INFO }, 401],
    ["another API version", { path: "/admin/api/2024-01/graphql.json" }, { query: GET_SHOP_INFO }, 404],
    ["a body that is not JSON", {}, "query GetShopInfo { shop { name } }", 400],
  ])("%s is refused", async (_label, options, body, status) => {
    expect((await post(body, options)).status).toBe(status);
    expect(standIn.requests).toHaveLength(0);
  });

  test("a bulk result URL that does not exist is 404", async () => {
    expect((await fetch(`${standIn.url}/bulk-results/none.jsonl`)).status).toBe(404);
  });

  test.each([
    ["an operation it does not know", "ProductsCreate", { kind: "network" } as const, /unknown operation/],
    ["a user error on a query", "GetShopInfo", { kind: "user_error", code: "INVALID", message: "x" } as const, /needs a mutation/],
  ])("failNext refuses %s", (_label, name, fault, message) => {
    expect(() => standIn.failNext(name, fault)).toThrow(message);
  });
});
