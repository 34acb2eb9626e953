// adminApiFromGraphql against the real shopify-app-remix client: `unauthenticated.admin(shop).admin.graphql` goes
// through @shopify/shopify-api and @shopify/admin-api-client, whose fetch is pointed at the stand-in. This checks our
// reading of what that stack resolves and throws (GraphqlQueryError, HttpResponseError, HttpRequestError).
import "@shopify/shopify-app-remix/adapters/node";

import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ApiVersion, AppDistribution, LogSeverity, Session, shopifyApp } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import {
  adminApiFromGraphql,
  ShopifyGraphqlError,
  ShopifyHttpError,
  ShopifyNetworkError,
  type AdminApi,
} from "~/shopify/admin-api.server";
import { createBasicDiscountCode } from "~/shopify/create-discount-code.server";
import { findDiscountByCode } from "~/shopify/find-discount-by-code.server";
import { getShopInfo } from "~/shopify/get-shop-info.server";
import { listOrdersUpdatedSince } from "~/shopify/list-orders-updated-since.server";

import { buildStandInOrder, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { SHOP, startStandIn } from "./harness";

let standIn: ShopifyStandIn;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  standIn = await startStandIn();
  // Shopify is reached at https://<shop>/admin/api/<version>/graphql.json; send that to the stand-in instead.
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const target = url.pathname === "/admin/api/2026-10/graphql.json" ? standIn.endpointFor(url.hostname) : url.toString();
    return fetch(target, init);
  });
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.reset();
  sessions.clear();
});

function remixApp(accessToken: string) {
  sessions.set(
    `offline_${SHOP}`,
    new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken, scope: "write_discounts,read_orders" }),
  );
  return shopifyApp({
    apiKey: "stand-in-key",
    apiSecretKey: "stand-in-secret",
    appUrl: "https://creator-roi.example",
    scopes: ["write_discounts", "read_orders"],
    apiVersion: ApiVersion.October26,
    distribution: AppDistribution.AppStore,
    logger: { level: LogSeverity.Error },
    sessionStorage: {
      storeSession: async (session: Session) => {
        sessions.set(session.id, session);
        return true;
      },
      loadSession: async (id: string) => sessions.get(id),
      deleteSession: async (id: string) => sessions.delete(id),
      deleteSessions: async (ids: string[]) => ids.every((id) => sessions.delete(id)),
      findSessionsByShop: async (shop: string) => [...sessions.values()].filter((s) => s.shop === shop),
    },
  });
}

async function routeApi(accessToken = standIn.accessTokenFor(SHOP)): Promise<{ api: AdminApi; sleeps: number[] }> {
  const { admin } = await remixApp(accessToken).unauthenticated.admin(SHOP);
  const sleeps: number[] = [];
  const api = adminApiFromGraphql(admin.graphql, {
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  return { api, sleeps };
}

const discountInput = {
  title: "Lena",
  code: "LENA15",
  startsAt: new Date("2026-02-01T00:00:00Z"),
  value: { kind: "percentage" as const, percentage: 0.15 },
};

describe("through shopify-app-remix's admin.graphql", () => {
  test("creates and finds a code; a duplicate is TAKEN", async () => {
    const { api } = await routeApi();
    const created = await createBasicDiscountCode(api, discountInput);
    expect(created.discountId).toBe("gid://shopify/DiscountCodeNode/1000000001");
    await expect(findDiscountByCode(api, "lena15")).resolves.toMatchObject({ discountId: created.discountId });
    await expect(createBasicDiscountCode(api, discountInput)).rejects.toMatchObject({ name: "ShopifyUserError", code: "TAKEN" });
  });

  test("THROTTLED arrives as a thrown GraphqlQueryError; its cost extension still sets the wait", async () => {
    standIn.state.seedOrders(SHOP, [buildStandInOrder(1)]);
    standIn.failNext("ListOrdersUpdatedSince", { kind: "throttled", currentlyAvailable: 2 });
    const { api, sleeps } = await routeApi();
    const names: string[] = [];
    for await (const order of listOrdersUpdatedSince(api, { since: new Date("2026-01-01T00:00:00Z") })) names.push(order.name);
    expect(names).toEqual(["#1001"]);
    expect(sleeps).toEqual([2000]);
  });

  test("a dropped connection (HttpRequestError) is retried for a query", async () => {
    standIn.failNext("GetShopInfo", { kind: "network" });
    const { api, sleeps } = await routeApi();
    await expect(getShopInfo(api)).resolves.toMatchObject({ myshopifyDomain: SHOP });
    expect(sleeps).toEqual([500]);
  });

  test("a dropped connection is not retried for a mutation", async () => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "network" });
    const { api } = await routeApi();
    await expect(createBasicDiscountCode(api, discountInput)).rejects.toMatchObject({ name: "ShopifyNetworkError", mayHaveBeenApplied: true });
    expect(standIn.requests).toHaveLength(1);
  });

  test("HTTP 503 (HttpResponseError) is retried for a query", async () => {
    standIn.failNext("GetShopInfo", { kind: "http", status: 503 });
    const { api, sleeps } = await routeApi();
    await expect(getShopInfo(api)).resolves.toMatchObject({ myshopifyDomain: SHOP });
    expect(sleeps).toEqual([500]);
  });

  test("a revoked token is ShopifyHttpError 401", async () => {
    const { api } = await routeApi("shpat_revoked");
    await expect(getShopInfo(api)).rejects.toMatchObject({ name: "ShopifyHttpError", status: 401 });
  });

  test("an unknown operation is ShopifyGraphqlError", async () => {
    const { api } = await routeApi();
    await expect(api.request("query NotInTheApp { shop { id } }")).rejects.toBeInstanceOf(ShopifyGraphqlError);
  });
});

describe("what authenticate.admin's error handler throws", () => {
  const noSleep = { sleep: async () => undefined, random: () => 0 };

  test("a thrown 401 Response (re-authenticate) passes through untouched", async () => {
    const reauth = new Response(null, { status: 401 });
    const api = adminApiFromGraphql(async () => {
      throw reauth;
    }, noSleep);
    await expect(api.request("query GetShopInfo { shop { name } }")).rejects.toBe(reauth);
  });

  test("a thrown 503 Response is retried for a query", async () => {
    let calls = 0;
    const api = adminApiFromGraphql(async () => {
      calls += 1;
      if (calls === 1) throw new Response('{"errors":"Service Unavailable"}', { status: 503 });
      return new Response(JSON.stringify({ data: { shop: { name: "Lune" } } }));
    }, noSleep);
    await expect(api.request("query GetShopInfo { shop { name } }")).resolves.toEqual({ shop: { name: "Lune" } });
    expect(calls).toBe(2);
  });

  test("a thrown 503 Response fails a mutation at once", async () => {
    let calls = 0;
    const api = adminApiFromGraphql(async () => {
      calls += 1;
      throw new Response("", { status: 503 });
    }, noSleep);
    await expect(api.request("mutation DeleteDiscountCode { x }")).rejects.toBeInstanceOf(ShopifyNetworkError);
    expect(calls).toBe(1);
  });

  test("a plain GraphQL body with errors resolves to ShopifyGraphqlError", async () => {
    const api = adminApiFromGraphql(
      async () => new Response(JSON.stringify({ errors: [{ message: "Access denied for orders field." }] })),
      noSleep,
    );
    await expect(api.request("query Q { orders { id } }")).rejects.toThrow("Access denied for orders field.");
  });

  test("a 403 answer body is ShopifyHttpError", async () => {
    const api = adminApiFromGraphql(async () => new Response('{"errors":"Forbidden"}', { status: 403 }), noSleep);
    await expect(api.request("query Q { shop { id } }")).rejects.toBeInstanceOf(ShopifyHttpError);
  });

  test("a programming error is not mistaken for a network failure", async () => {
    const bug = new RangeError("boom");
    const api = adminApiFromGraphql(async () => {
      throw bug;
    }, noSleep);
    await expect(api.request("query Q { shop { id } }")).rejects.toBe(bug);
  });
});
