import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { adminFetch, embeddedUrl, sessionToken } from "../support/session-token";

const SHOP = "shell-test.myshopify.com";

describe("the embedded admin", () => {
  let database: TestDatabase;
  let app: AppProcess;
  beforeAll(async () => {
    database = await createTestDatabase();
    await storeOfflineSession(database.client, SHOP);
    app = await startAppProcess(testAppEnv(database.url));
  });
  afterAll(async () => {
    await app?.stop();
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
    expect(await database.client.shop.findUnique({ where: { shop: SHOP } })).not.toBeNull();
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
