// The mandatory privacy webhooks against the built app: signatures (401 on every kind of bad one, nothing changed),
// malformed bodies (400), customers/redact, customers/data_request (and the merchant's download), shop/redact, and
// the uninstall → data kept → shop/redact → all gone sequence. Shopify's own samples are the bodies.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, TEST_API_SECRET, type AppProcess } from "../../support/app-process";
import type { TestDatabase } from "../../support/database";
import { SHARED } from "../../support/paths";
import { adminRequest } from "../../support/session-token";
import { sendWebhook, webhookHmac } from "../../support/webhook-request";
import { arrangeShopData, type ArrangedShop } from "./arrange-shop-data";
import { createIsolatedDatabase, deleteShopRows, rowsOfShop } from "./harness";

const SHOP = "privacy-test.myshopify.com";
const OTHER = "privacy-other.myshopify.com";

function sample(name: string, shop: string, replacements: [string, string][] = []): string {
  let text = fs.readFileSync(path.join(SHARED, "fixtures/shopify", name), "utf8").replaceAll("{shop}.myshopify.com", shop);
  for (const [from, to] of replacements) text = text.replace(from, to);
  return text;
}

let database: TestDatabase;
let app: AppProcess;
let mine: ArrangedShop;
let theirs: ArrangedShop;

beforeAll(async () => {
  database = await createIsolatedDatabase();
  app = await startAppProcess(testAppEnv(database.url));
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});
beforeEach(async () => {
  for (const shop of [SHOP, OTHER]) await deleteShopRows(database.client, shop);
  mine = await arrangeShopData(database.client, SHOP, 1);
  theirs = await arrangeShopData(database.client, OTHER, 2);
});

const BIG_CUSTOMER_ID = "115310627314723954";
const digits = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/** Shopify's customers/redact sample for the arranged customer (an id beyond 2^53), naming the guest order too. */
function redactBody(shop = SHOP) {
  return sample("customers-redact.sample.json", shop)
    .replace("191167", BIG_CUSTOMER_ID)
    .replace(/"orders_to_redact": \[[^\]]*\]/, `"orders_to_redact": [${mine.customerOrderIds.map(digits).join(", ")}]`);
}

/** Shopify's customers/data_request sample for the arranged customer, asking about the guest order. */
function dataRequestBody(shop = SHOP) {
  return sample("customers-data_request.sample.json", shop)
    .replace("191167", BIG_CUSTOMER_ID)
    .replace(/"orders_requested": \[[^\]]*\]/, `"orders_requested": [${digits(mine.customerOrderIds[1]!)}]`);
}

const TOPICS = [
  {
    topic: "customers/redact",
    route: "/webhooks/customers/redact",
    body: () => redactBody(),
    malformed: JSON.stringify({ shop_domain: SHOP, customer: { id: "first" } }),
  },
  {
    topic: "customers/data_request",
    route: "/webhooks/customers/data_request",
    body: () => dataRequestBody(),
    malformed: JSON.stringify({ shop_domain: SHOP, customer: { id: 1 }, data_request: null }),
  },
  {
    topic: "shop/redact",
    route: "/webhooks/shop/redact",
    body: () => sample("shop-redact.sample.json", SHOP),
    malformed: JSON.stringify({ shop_id: 954889 }),
  },
] as const;

describe.each(TOPICS)("$topic refuses a delivery it cannot authenticate or read", ({ topic, route, body, malformed }) => {
  test.each<[string, (text: string) => { hmac?: string | null; body?: string }]>([
    ["no signature header", () => ({ hmac: null })],
    ["an empty signature", () => ({ hmac: "" })],
    ["another app's secret", (text) => ({ hmac: webhookHmac(text, "another-apps-secret") })],
    ["a body changed after signing", (text) => ({ body: text.replace(SHOP, OTHER), hmac: webhookHmac(text, TEST_API_SECRET) })],
    ["a hex digest instead of base64", (text) => ({ hmac: Buffer.from(webhookHmac(text, TEST_API_SECRET), "base64").toString("hex") })],
    ["garbage", () => ({ hmac: "not-a-signature!!" })],
  ])("%s → 401, nothing changed", async (_label, tamper) => {
    const text = body();
    const before = await rowsOfShop(database.client, SHOP);
    const changes = tamper(text);
    const response = await sendWebhook(app.url, route, { topic, shop: SHOP, body: changes.body ?? text, hmac: changes.hmac });
    expect(response.status).toBe(401);
    expect(await rowsOfShop(database.client, SHOP)).toEqual(before);
    expect(await database.client.customer.count({ where: { shop: SHOP, shopifyCustomerId: mine.customerId } })).toBe(1);
  });

  test.each([
    ["a body naming another shop than the signed delivery", () => body().replaceAll(SHOP, OTHER)],
    ["a malformed body", () => malformed],
    ["a body that is not JSON", () => "shop_domain=" + SHOP],
  ])("%s → 400, nothing changed", async (_label, text) => {
    const before = [await rowsOfShop(database.client, SHOP), await rowsOfShop(database.client, OTHER)];
    const response = await sendWebhook(app.url, route, { topic, shop: SHOP, body: text() });
    expect(response.status).toBe(400);
    expect([await rowsOfShop(database.client, SHOP), await rowsOfShop(database.client, OTHER)]).toEqual(before);
  });
});

describe("customers/redact", () => {
  test("deletes the customer's row and unlinks their orders; sales, rollups and other customers stay", async () => {
    const rollupsBefore = await database.client.dailyRollup.findMany({ where: { shop: SHOP } });
    const response = await sendWebhook(app.url, "/webhooks/customers/redact", { topic: "customers/redact", shop: SHOP, body: redactBody() });
    expect(response.status).toBe(200);

    const c = database.client;
    expect(await c.customer.findMany({ where: { shop: SHOP }, select: { shopifyCustomerId: true } })).toEqual([{ shopifyCustomerId: "gid://shopify/Customer/42" }]);
    const orders = await c.order.findMany({ where: { shop: SHOP }, orderBy: { name: "asc" }, select: { shopifyOrderId: true, customerId: true, grossMinor: true } });
    expect(orders).toEqual([
      { shopifyOrderId: mine.customerOrderIds[0], customerId: null, grossMinor: 10000 },
      { shopifyOrderId: mine.customerOrderIds[1], customerId: null, grossMinor: 10000 },
      { shopifyOrderId: mine.otherCustomerOrderId, customerId: "gid://shopify/Customer/42", grossMinor: 10000 },
    ]);
    expect(await c.order.count({ where: { customerId: mine.customerId, shop: SHOP } })).toBe(0);
    expect(await c.customerDataRequest.count({ where: { shop: SHOP } })).toBe(0);
    expect(await c.dailyRollup.findMany({ where: { shop: SHOP } })).toEqual(rollupsBefore);
    expect(await c.touch.count({ where: { shop: SHOP } })).toBe(3);
  });

  test("a delivery still waiting for a retry loses its body when it names the customer; others keep theirs", async () => {
    const c = database.client;
    const pending = (webhookId: string, customer: string) =>
      c.webhookEvent.create({
        data: { shop: SHOP, webhookId, topic: "orders/updated", status: "pending", attempts: 1, nextAttemptAt: new Date(), payload: `{"customer":{"id":${customer},"email":"someone@example.com"}}` },
      });
    const theirs = await pending(`pending-a-${Date.now()}`, BIG_CUSTOMER_ID);
    const others = await pending(`pending-b-${Date.now()}`, "42");
    await sendWebhook(app.url, "/webhooks/customers/redact", { topic: "customers/redact", shop: SHOP, body: redactBody() });
    expect(await c.webhookEvent.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ payload: "", status: "parked", nextAttemptAt: null });
    expect(await c.webhookEvent.findUniqueOrThrow({ where: { id: others.id } })).toMatchObject({ payload: others.payload, status: "pending" });
  });

  test("another shop's customer with the same Shopify id is left alone", async () => {
    const before = await rowsOfShop(database.client, OTHER);
    await sendWebhook(app.url, "/webhooks/customers/redact", { topic: "customers/redact", shop: SHOP, body: redactBody() });
    expect(await rowsOfShop(database.client, OTHER)).toEqual(before);
    expect(await database.client.order.count({ where: { shop: OTHER, customerId: theirs.customerId } })).toBe(1);
  });

  test("a redelivery changes nothing more", async () => {
    const send = () => sendWebhook(app.url, "/webhooks/customers/redact", { topic: "customers/redact", shop: SHOP, body: redactBody() });
    expect((await send()).status).toBe(200);
    const after = await rowsOfShop(database.client, SHOP);
    expect((await send()).status).toBe(200);
    expect(await rowsOfShop(database.client, SHOP)).toEqual(after);
  });
});

describe("customers/data_request", () => {
  test("records what the app holds about the customer, once per request, for the merchant to download", async () => {
    const send = () => sendWebhook(app.url, "/webhooks/customers/data_request", { topic: "customers/data_request", shop: SHOP, body: dataRequestBody() });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const requests = await database.client.customerDataRequest.findMany({ where: { shop: SHOP, shopifyRequestId: "9999" } });
    expect(requests).toHaveLength(1);
    const data = JSON.parse(requests[0]!.data) as { shopifyCustomerId: string; customer: unknown; orders: { shopifyOrderId: string; grossMinor: number; touches: unknown[] }[] };
    expect(data.shopifyCustomerId).toBe(mine.customerId);
    expect(data.customer).toMatchObject({ acquiringCreatorId: mine.creatorId, acquisitionChannel: "creator" });
    // Their own order, and the guest order Shopify listed; not the other customer's.
    expect(data.orders.map((o) => o.shopifyOrderId)).toEqual(mine.customerOrderIds);
    expect(data.orders[0]).toMatchObject({ grossMinor: 10000, touches: [{ kind: "code", evidence: "ANNA10" }] });

    const download = await adminRequest(app.url, `/app/data-requests/${requests[0]!.id}`, SHOP);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toContain("application/json");
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    expect(JSON.parse(await download.text())).toEqual(data);
    expect((await database.client.customerDataRequest.findUniqueOrThrow({ where: { id: requests[0]!.id } })).downloadedAt).toBeInstanceOf(Date);
  });

  test("another shop's data request → 404 on download", async () => {
    const theirsRequest = await database.client.customerDataRequest.findFirstOrThrow({ where: { shop: OTHER } });
    const response = await adminRequest(app.url, `/app/data-requests/${theirsRequest.id}`, SHOP);
    expect(response.status).toBe(404);
    expect((await database.client.customerDataRequest.findUniqueOrThrow({ where: { id: theirsRequest.id } })).downloadedAt).toBeNull();
  });
});

describe("shop/redact", () => {
  test("deletes every row of the shop in every table, and nothing of another shop", async () => {
    const otherBefore = await rowsOfShop(database.client, OTHER);
    expect(Object.keys(await rowsOfShop(database.client, SHOP)).length).toBeGreaterThanOrEqual(17);
    const response = await sendWebhook(app.url, "/webhooks/shop/redact", { topic: "shop/redact", shop: SHOP, body: sample("shop-redact.sample.json", SHOP) });
    expect(response.status).toBe(200);
    expect(await rowsOfShop(database.client, SHOP)).toEqual({});
    expect(await database.client.rateLimit.count({ where: { key: { contains: SHOP } } })).toBe(0);
    expect(await rowsOfShop(database.client, OTHER)).toEqual(otherBefore);
    expect(await database.client.rateLimit.count({ where: { key: { contains: OTHER } } })).toBe(1);
  });

  test("uninstall keeps the data; shop/redact 48 hours later removes all of it", async () => {
    const before = await rowsOfShop(database.client, SHOP);
    const uninstalled = await sendWebhook(app.url, "/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      shop: SHOP,
      body: JSON.stringify({ id: 1, name: "Privacy test", domain: SHOP, myshopify_domain: SHOP }),
    });
    expect(uninstalled.status).toBe(200);
    const kept = await rowsOfShop(database.client, SHOP);
    // Only the sessions go (the access token is dead); every piece of data stays for a merchant who comes back.
    const { Session: _sessions, ...dataBefore } = before;
    expect(kept).toEqual(dataBefore);
    expect((await database.client.shop.findUniqueOrThrow({ where: { shop: SHOP } })).uninstalledAt).toBeInstanceOf(Date);

    const redacted = await sendWebhook(app.url, "/webhooks/shop/redact", { topic: "shop/redact", shop: SHOP, body: sample("shop-redact.sample.json", SHOP) });
    expect(redacted.status).toBe(200);
    expect(await rowsOfShop(database.client, SHOP)).toEqual({});
  });
});
