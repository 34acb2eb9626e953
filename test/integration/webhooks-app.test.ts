import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { sendWebhook, webhookHmac } from "../support/webhook-request";

const SHOP = "hooks-test.myshopify.com";

describe("app lifecycle webhooks", () => {
  let database: TestDatabase;
  let app: AppProcess;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startAppProcess(testAppEnv(database.url));
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.client.session.deleteMany();
    await storeOfflineSession(database.client, SHOP);
    await database.client.shop.upsert({ where: { shop: SHOP }, create: { shop: SHOP }, update: { uninstalledAt: null } });
  });

  const uninstalledBody = JSON.stringify({ id: 1, name: "Hooks test", domain: SHOP, myshopify_domain: SHOP });

  test("app/uninstalled removes the shop's sessions and keeps its data", async () => {
    const response = await sendWebhook(app.url, "/webhooks/app/uninstalled", { topic: "app/uninstalled", shop: SHOP, body: uninstalledBody });
    expect(response.status).toBe(200);
    expect(await database.client.session.count({ where: { shop: SHOP } })).toBe(0);
    const shop = await database.client.shop.findUnique({ where: { shop: SHOP } });
    expect(shop?.uninstalledAt).toBeInstanceOf(Date);
  });

  test("app/uninstalled with a bad signature is refused and changes nothing", async () => {
    const response = await sendWebhook(app.url, "/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      shop: SHOP,
      body: uninstalledBody,
      hmac: webhookHmac(uninstalledBody, "another-apps-secret"),
    });
    expect(response.status).toBe(401);
    expect(await database.client.session.count({ where: { shop: SHOP } })).toBe(1);
  });

  test("app/scopes_update records the granted scopes", async () => {
    const body = JSON.stringify({ id: 2, previous: ["read_orders"], current: ["read_orders", "write_discounts"], updated_at: "2026-11-27T10:00:00Z" });
    const response = await sendWebhook(app.url, "/webhooks/app/scopes_update", { topic: "app/scopes_update", shop: SHOP, body });
    expect(response.status).toBe(200);
    const session = await database.client.session.findFirst({ where: { shop: SHOP } });
    expect(session?.scope).toBe("read_orders,write_discounts");
  });

  test("app/scopes_update with a missing signature is refused", async () => {
    const body = JSON.stringify({ current: ["read_orders"] });
    const response = await sendWebhook(app.url, "/webhooks/app/scopes_update", { topic: "app/scopes_update", shop: SHOP, body, hmac: null });
    expect(response.status).toBe(401);
    expect((await database.client.session.findFirst({ where: { shop: SHOP } }))?.scope).toBe("read_discounts,write_discounts,read_orders,read_products");
  });

  test("app/scopes_update with a malformed body is a 400", async () => {
    const body = JSON.stringify({ current: "read_orders" });
    const response = await sendWebhook(app.url, "/webhooks/app/scopes_update", { topic: "app/scopes_update", shop: SHOP, body });
    expect(response.status).toBe(400);
  });
});
