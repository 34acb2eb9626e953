// The backfill end to end against the built app, its Admin API calls routed to the stand-in: the shop's first admin
// request queues the import, the app's own job scheduler starts the bulk export with the offline session, Shopify's
// bulk_operations/finish webhook (signed) resumes it, and the order history page shows it done.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import type { TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { buildStandInOrder, startShopifyStandIn, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { sendWebhook, webhookHmac } from "../../support/webhook-request";
import { loaderData } from "../creators/admin-http";
import { createIsolatedDatabase } from "./harness";

const SHOP = "backfill-e2e.myshopify.com";
const ORDERS = 300;

let database: TestDatabase;
let standIn: ShopifyStandIn;
let app: AppProcess;

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finishBody = (id: string) =>
  JSON.stringify({ admin_graphql_api_id: id, completed_at: "2026-03-01T12:05:00Z", created_at: "2026-03-01T12:00:00Z", error_code: null, status: "completed", type: "query" });

beforeAll(async () => {
  database = await createIsolatedDatabase();
  standIn = await startShopifyStandIn();
  standIn.state.seedOrders(SHOP, Array.from({ length: ORDERS }, (_, i) => buildStandInOrder(i + 1)));
  await database.client.shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "UTC", primaryDomain: "backfill-e2e.example" } });
  await storeOfflineSession(database.client, SHOP, { scope: "read_orders,read_all_orders", accessToken: standIn.accessTokenFor(SHOP) });
  app = await startAppProcess(testAppEnv(database.url, { SHOPIFY_STAND_IN_URL: standIn.url, JOB_INTERVAL_MS: "100", RUN_JOBS_IN_WEB: "1" }));
});

afterAll(async () => {
  await app?.stop();
  await standIn?.close();
  await database?.drop();
});

describe("order history backfill through the app", () => {
  let bulkOperationId = "";

  test("the shop's first admin request starts the import in the background", async () => {
    expect((await loaderData(app, SHOP, "/app/history", "routes/app")).status).toBe(200);
    const run = await waitFor(
      "the bulk export to start",
      () => database.client.orderBackfill.findUnique({ where: { shop: SHOP } }),
      (row) => row !== null && row.bulkOperationId !== null,
    );
    expect(run).toMatchObject({ status: "exporting", allOrders: true });
    bulkOperationId = run!.bulkOperationId!;
    expect(standIn.requests.filter((r) => r.operationName === "RunBulkOrdersExport")).toHaveLength(1);
    // A reconciliation run is queued for this hour as well.
    expect(await database.client.job.count({ where: { shop: SHOP, name: "reconcile-orders" } })).toBeGreaterThanOrEqual(1);
  });

  test.each<[string, (body: string) => string | null]>([
    ["no signature", () => null],
    ["another app's secret", (body) => webhookHmac(body, "another-apps-secret")],
    ["an empty signature", () => ""],
  ])("bulk_operations/finish with %s → 401, nothing queued", async (_label, sign) => {
    const before = await database.client.job.count({ where: { shop: SHOP } });
    const body = finishBody(bulkOperationId);
    const response = await sendWebhook(app.url, "/webhooks/bulk_operations/finish", { topic: "bulk_operations/finish", shop: SHOP, body, hmac: sign(body) });
    expect(response.status).toBe(401);
    expect(await database.client.job.count({ where: { shop: SHOP } })).toBe(before);
  });

  test.each([
    ["a malformed payload", JSON.stringify({ status: "completed" }), 400],
    ["another operation than the backfill's", finishBody("gid://shopify/BulkOperation/777"), 200],
  ])("bulk_operations/finish with %s → %i, nothing queued", async (_label, body, status) => {
    const before = await database.client.job.count({ where: { shop: SHOP } });
    const response = await sendWebhook(app.url, "/webhooks/bulk_operations/finish", { topic: "bulk_operations/finish", shop: SHOP, body });
    expect(response.status).toBe(status);
    expect(await database.client.job.count({ where: { shop: SHOP } })).toBe(before);
  });

  test("Shopify's finish webhook resumes the import, which ingests every order", async () => {
    standIn.completeBulkOperation(SHOP, bulkOperationId);
    const response = await sendWebhook(app.url, "/webhooks/bulk_operations/finish", { topic: "bulk_operations/finish", shop: SHOP, body: finishBody(bulkOperationId) });
    expect(response.status).toBe(200);
    const run = await waitFor(
      "the import to complete",
      () => database.client.orderBackfill.findUniqueOrThrow({ where: { shop: SHOP } }),
      (row) => row.status === "completed" || row.status === "failed",
    );
    expect(run).toMatchObject({ status: "completed", processed: ORDERS, skipped: 0, error: null });
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(ORDERS);
    expect(await database.client.customer.count({ where: { shop: SHOP } })).toBe(97);
  });

  test("the order history page shows the import done and what it covers", async () => {
    const { status, body } = await loaderData(app, SHOP, "/app/history", "routes/app.history");
    expect(status).toBe(200);
    expect(body).toMatchObject({ reach: "all", backfill: { status: "completed", processed: ORDERS, percent: 100, allOrders: true, error: null } });
  });
});
