// The backfill end to end against the built app, its Admin API calls routed to the stand-in: the shop's first admin
// request queues the import, the app's own job scheduler starts the bulk export with the offline session, Shopify's
// bulk_operations/finish webhook (signed) resumes it, and the order history page shows it done. Unit costs are read
// from the stand-in before the import, so imported orders carry their cost of goods; inventory_items/update (signed)
// changes a cost for the orders that arrive after it.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import type { TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { SHARED } from "../../support/paths";
import { buildStandInOrder, startShopifyStandIn, type ShopifyStandIn, type StandInOrder } from "../../support/shopify-stand-in";
import { sendWebhook, webhookHmac } from "../../support/webhook-request";
import { loaderData } from "../creators/admin-http";
import { createIsolatedDatabase } from "./harness";

const SHOP = "backfill-e2e.myshopify.com";
const ORDERS = 300;
// Line 1 of every order is one unit of a variant costing 25.00; line 2 (two units) is of a variant without a cost.
const COSTED = { variant: 44_000_000_001, item: 46_000_000_001 };
const UNCOSTED = { variant: 44_000_000_002, item: 46_000_000_002 };

function orderWithVariants(sequence: number): StandInOrder {
  const order = buildStandInOrder(sequence);
  order.lineItems = [
    { ...order.lineItems[0]!, variant: { id: `gid://shopify/ProductVariant/${COSTED.variant}` } },
    { ...order.lineItems[1]!, variant: { id: `gid://shopify/ProductVariant/${UNCOSTED.variant}` } },
  ];
  return order;
}

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
  standIn.state.seedOrders(SHOP, Array.from({ length: ORDERS }, (_, i) => orderWithVariants(i + 1)));
  standIn.state.seedVariants(SHOP, [
    { id: `gid://shopify/ProductVariant/${COSTED.variant}`, inventoryItemId: `gid://shopify/InventoryItem/${COSTED.item}`, unitCost: { amount: "25.00", currencyCode: "USD" }, updatedAt: "2026-01-01T00:00:00Z" },
    { id: `gid://shopify/ProductVariant/${UNCOSTED.variant}`, inventoryItemId: `gid://shopify/InventoryItem/${UNCOSTED.item}`, unitCost: null, updatedAt: "2026-01-01T00:00:00Z" },
  ]);
  await database.client.shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "UTC", primaryDomain: "backfill-e2e.example" } });
  await storeOfflineSession(database.client, SHOP, { scope: "read_orders,read_all_orders,read_products", accessToken: standIn.accessTokenFor(SHOP) });
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
    // The costs were read before the export started, so every order is priced: 25.00 of cost for the 60.00 line.
    const names = standIn.requests.map((r) => r.operationName);
    expect(names.indexOf("ListVariantCosts")).toBeLessThan(names.indexOf("RunBulkOrdersExport"));
    const cogs = await database.client.order.aggregate({ where: { shop: SHOP }, _sum: { cogsMinor: true, cogsCoveredMinor: true } });
    expect(cogs._sum).toEqual({ cogsMinor: ORDERS * 2_500, cogsCoveredMinor: ORDERS * 6_000 });
  });

  test("the order history page shows the import done and what it covers", async () => {
    const { status, body } = await loaderData(app, SHOP, "/app/history", "routes/app.history");
    expect(status).toBe(200);
    expect(body).toMatchObject({ reach: "all", backfill: { status: "completed", processed: ORDERS, percent: 100, allOrders: true, error: null } });
  });
});

describe("unit costs kept current by inventory_items/update", () => {
  const itemBody = (item: number, cost: string | null, updatedAt: string) =>
    JSON.stringify({ id: item, sku: "SER-VC-30", created_at: "2026-01-01T00:00:00-05:00", updated_at: updatedAt, requires_shipping: true, cost, country_code_of_origin: null, province_code_of_origin: null, harmonized_system_code: null, tracked: true, country_harmonized_system_codes: [], admin_graphql_api_id: `gid://shopify/InventoryItem/${item}` });
  const deliver = (body: string, hmac?: string | null) =>
    sendWebhook(app.url, "/webhooks/inventory_items/update", { topic: "inventory_items/update", shop: SHOP, body, ...(hmac !== undefined ? { hmac } : {}) });
  const costOf = async (variant: number) =>
    (await database.client.variantCost.findUniqueOrThrow({ where: { shop_variantId: { shop: SHOP, variantId: `gid://shopify/ProductVariant/${variant}` } } })).unitCostMinor;

  test.each<[string, (body: string) => string | null]>([
    ["no signature", () => null],
    ["another app's secret", (body) => webhookHmac(body, "another-apps-secret")],
  ])("%s → 401, the cost stays", async (_label, sign) => {
    const body = itemBody(COSTED.item, "1.00", "2026-06-01T00:00:00-04:00");
    expect((await deliver(body, sign(body))).status).toBe(401);
    expect(await costOf(COSTED.variant)).toBe(2_500);
  });

  test.each([
    ["no inventory item id", JSON.stringify({ cost: "1.00", updated_at: "2026-06-01T00:00:00-04:00" })],
    ["an unreadable cost", itemBody(COSTED.item, "1,00", "2026-06-01T00:00:00-04:00")],
    ["an unreadable date", itemBody(COSTED.item, "1.00", "yesterday")],
  ])("%s → 400, the cost stays", async (_label, body) => {
    const response = await deliver(body);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/inventory/i);
    expect(await costOf(COSTED.variant)).toBe(2_500);
  });

  test("a signed new cost is stored, and an order that arrives afterwards is priced with it", async () => {
    expect((await deliver(itemBody(COSTED.item, "30.00", "2026-06-01T00:00:00-04:00"))).status).toBe(200);
    expect(await costOf(COSTED.variant)).toBe(3_000);
    // A delayed delivery of an older change does not undo it.
    expect((await deliver(itemBody(COSTED.item, "20.00", "2026-05-01T00:00:00-04:00"))).status).toBe(200);
    expect(await costOf(COSTED.variant)).toBe(3_000);

    // Shopify's published orders/create sample, made a live order whose first line (89.99) is the costed variant.
    const sample = JSON.parse(fs.readFileSync(path.join(SHARED, "fixtures/shopify/orders-create.sample.2026-07.json"), "utf8"));
    sample.id = 5_550_001;
    sample.admin_graphql_api_id = "gid://shopify/Order/5550001";
    sample.test = false;
    sample.cancelled_at = null;
    sample.cancel_reason = null;
    sample.line_items[0].variant_id = COSTED.variant;
    const body = JSON.stringify(sample);
    const response = await sendWebhook(app.url, "/webhooks/orders/create", { topic: "orders/create", shop: SHOP, body });
    expect(response.status).toBe(200);
    const order = await database.client.order.findFirstOrThrow({ where: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/5550001" }, select: { cogsMinor: true, cogsCoveredMinor: true } });
    expect(order).toEqual({ cogsMinor: 3_000, cogsCoveredMinor: 8_999 });
  });
});
