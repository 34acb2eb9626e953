import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { adminFetch, embeddedUrl, sessionToken } from "../support/session-token";
import { startShopifyStandIn, type ShopifyStandIn } from "../support/shopify-stand-in";

const SHOP = "shell-test.myshopify.com";

describe("the embedded admin", () => {
  let database: TestDatabase;
  let app: AppProcess;
  let standIn: ShopifyStandIn;
  beforeAll(async () => {
    database = await createTestDatabase();
    standIn = await startShopifyStandIn();
    standIn.state.seedShop(SHOP, { name: "Shell test", currencyCode: "JPY", ianaTimezone: "Asia/Tokyo", primaryDomainHost: "shell.example.jp" });
    await storeOfflineSession(database.client, SHOP, { accessToken: standIn.accessTokenFor(SHOP) });
    app = await startAppProcess(testAppEnv(database.url, { SHOPIFY_STAND_IN_URL: standIn.url }));
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
    await database?.drop();
  });

  test("the dashboard renders for a shop with a valid session token, framed only by its admin", async () => {
    const response = await adminFetch(embeddedUrl(app.url, "/app", SHOP), { headers: { "Accept-Language": "en" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe(
      `frame-ancestors https://${SHOP} https://admin.shopify.com https://*.spin.dev https://admin.myshopify.io https://admin.shop.dev;`,
    );
    const html = await response.text();
    expect(html).toContain("Getting started");
    expect(html).toContain("https://cdn.shopify.com/shopifycloud/app-bridge.js");
    // First sight of the shop: its currency, time zone and storefront domain come from the Admin API.
    expect(await database.client.shop.findUnique({ where: { shop: SHOP } })).toMatchObject({
      currencyCode: "JPY",
      ianaTimezone: "Asia/Tokyo",
      primaryDomain: "shell.example.jp",
    });
    expect(html).toContain("Shop currency: JPY");
  });

  test("the admin's French locale chooses French strings", async () => {
    const url = new URL(embeddedUrl(app.url, "/app", SHOP));
    url.searchParams.set("locale", "fr");
    const html = await (await adminFetch(url)).text();
    expect(html).toContain("Pour commencer");
  });

  test("a document without a shop still gets a frame-ancestors policy", async () => {
    const response = await adminFetch(new URL("/auth/login", app.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/^frame-ancestors /);
  });

  test("a token signed with another secret is refused", async () => {
    const response = await adminFetch(embeddedUrl(app.url, "/app", SHOP, sessionToken(SHOP, { secret: "someone-elses-secret" })), { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).not.toBe(200);
  });

  test("a page request without any credentials never shows shop data", async () => {
    const response = await adminFetch(new URL("/app", app.url), { redirect: "manual" });
    expect(response.status).not.toBe(200);
  });

  test("the root sends Shopify's launch URL to the admin pages", async () => {
    const response = await adminFetch(new URL(`/?shop=${SHOP}&host=abc`, app.url), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/app?shop=${SHOP}&host=abc`);
  });
});
