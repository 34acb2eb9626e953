// Reconciliation in-process against the Shopify stand-in: orders whose webhooks were missed are healed, an update
// missed too; the watermark only moves past what was ingested (a run that fails half way resumes where it got), and
// Shopify's throttling is waited out, not failed on.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { buildStandInOrder, moneyBag, startShopifyStandIn, type ShopifyStandIn, type StandInOrder } from "../../support/shopify-stand-in";
import { createIsolatedDatabase, useInProcessEnvironment } from "./harness";

const SHOP = "reconcile-test.myshopify.com";
// Orders 1…60 are created hourly from 2026-01-01T01:00Z and updated 30 minutes later; "now" is well after.
const NOW = new Date("2026-03-01T12:00:00Z");
const LAG_MS = 10 * 60_000;

let database: TestDatabase;
let standIn: ShopifyStandIn;
let app: {
  reconcile: typeof import("../../../app/jobs/reconcile-orders.server");
  jobs: typeof import("../../../app/jobs/order-history-jobs.server");
  ingest: typeof import("../../../app/ingest/ingest-order.server");
  orders: typeof import("../../../app/domain/orders");
  adminApi: typeof import("../../../app/shopify/admin-api.server");
};

beforeAll(async () => {
  database = await createIsolatedDatabase();
  standIn = await startShopifyStandIn();
  useInProcessEnvironment(database, { SHOPIFY_STAND_IN_URL: standIn.url });
  await import("../../support/route-shopify-fetch");
  app = {
    reconcile: await import("../../../app/jobs/reconcile-orders.server"),
    jobs: await import("../../../app/jobs/order-history-jobs.server"),
    ingest: await import("../../../app/ingest/ingest-order.server"),
    orders: await import("../../../app/domain/orders"),
    adminApi: await import("../../../app/shopify/admin-api.server"),
  };
});

afterAll(async () => {
  const { db } = await import("../../../app/db.server");
  await db.$disconnect();
  await standIn?.close();
  await database?.drop();
});

beforeEach(async () => {
  standIn.reset();
  const c = database.client;
  for (const table of [c.touch, c.order, c.customer, c.refund, c.dailyRollup, c.job, c.orderBackfill, c.session, c.shop] as const) {
    await (table as { deleteMany(args: object): Promise<unknown> }).deleteMany({});
  }
  await c.shop.create({
    data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "UTC", primaryDomain: "reconcile.example", installedAt: new Date("2026-01-01T00:00:00Z") },
  });
  await storeOfflineSession(c, SHOP, { scope: "read_orders", accessToken: standIn.accessTokenFor(SHOP) });
});

/** An Admin API client on the stand-in that records the waits it asks for instead of sleeping them. */
function recordingApi() {
  const sleeps: number[] = [];
  const api = app.adminApi.adminApiFromEndpoint({
    shopDomain: SHOP,
    accessToken: standIn.accessTokenFor(SHOP),
    endpoint: standIn.endpointFor(SHOP),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
  });
  return { api, sleeps };
}

/** What a webhook would have delivered for this stand-in order, ingested directly. */
async function deliverAsWebhook(order: StandInOrder) {
  const { lineItems, ...node } = order;
  await app.ingest.ingestOrder(SHOP, app.orders.normalizeOrderNode(node, lineItems), { source: "webhook" });
}

async function shopTotals() {
  const sum = await database.client.dailyRollup.aggregate({ where: { shop: SHOP }, _sum: { orders: true, netMinor: true } });
  return sum._sum;
}

const orders = (count: number) => Array.from({ length: count }, (_, i) => buildStandInOrder(i + 1));

describe("reconciliation heals missed webhooks", () => {
  test("orders whose webhooks never came are ingested; the watermark ends at the run's start minus the search lag", async () => {
    const all = orders(60);
    standIn.state.seedOrders(SHOP, all);
    // Webhooks arrived for all but orders 7, 23 and 51.
    for (const order of all) if (![7, 23, 51].includes(Number(order.name.slice(1)) - 1000)) await deliverAsWebhook(order);
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(57);

    const { api } = recordingApi();
    const result = await app.reconcile.reconcileOrders(SHOP, api, { now: NOW, pageSize: 25 });
    expect(result).toMatchObject({ seen: 60, ingested: 60, skipped: 0 });
    // First run: from the install, minus the lag.
    expect(result.since.toISOString()).toBe("2025-12-31T23:50:00.000Z");
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(60);
    expect(await shopTotals()).toEqual({ orders: 60, netMinor: 60 * 9000 });
    const shop = await database.client.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.ordersSyncedAt?.toISOString()).toBe(new Date(NOW.getTime() - LAG_MS).toISOString());
    // Three pages of 25, 25 and 10.
    expect(standIn.requests.filter((r) => r.operationName === "ListOrdersUpdatedSince").map((r) => r.variables.first)).toEqual([25, 25, 25]);
  });

  test("a missed update (the order was cancelled) is healed on the next run; running again changes nothing", async () => {
    const all = orders(10);
    standIn.state.seedOrders(SHOP, all);
    for (const order of all) await deliverAsWebhook(order);
    const { api } = recordingApi();
    await app.reconcile.reconcileOrders(SHOP, api, { now: NOW });
    expect(await shopTotals()).toEqual({ orders: 10, netMinor: 90000 });

    // Order 4 was cancelled after the last run, and its orders/cancelled webhook was lost.
    const cancelled = { ...buildStandInOrder(4), cancelledAt: "2026-03-01T12:30:00Z", updatedAt: "2026-03-01T12:30:00Z" };
    standIn.state.updateOrder(SHOP, cancelled);
    const later = new Date("2026-03-01T14:00:00Z");
    const second = await app.reconcile.reconcileOrders(SHOP, api, { now: later });
    expect(second.since.toISOString()).toBe("2026-03-01T11:50:00.000Z");
    expect(second).toMatchObject({ seen: 1, ingested: 1 });
    expect(await shopTotals()).toEqual({ orders: 9, netMinor: 81000 });
    const stored = await database.client.order.findFirstOrThrow({ where: { shop: SHOP, name: "#1004" } });
    expect(stored.cancelledAt?.toISOString()).toBe("2026-03-01T12:30:00.000Z");

    // The next run starts after it: nothing to read.
    expect((await app.reconcile.reconcileOrders(SHOP, api, { now: new Date("2026-03-01T14:05:00Z") })).seen).toBe(0);
    // Reading the same window again (watermark set back) reads order 4 again and changes nothing.
    const rollups = await database.client.dailyRollup.findMany({ where: { shop: SHOP }, orderBy: [{ day: "asc" }, { creatorId: "asc" }] });
    await database.client.shop.update({ where: { shop: SHOP }, data: { ordersSyncedAt: second.since } });
    const again = await app.reconcile.reconcileOrders(SHOP, api, { now: later });
    expect(again).toMatchObject({ seen: 1, ingested: 1 });
    expect(await database.client.dailyRollup.findMany({ where: { shop: SHOP }, orderBy: [{ day: "asc" }, { creatorId: "asc" }] })).toEqual(rollups);
  });

  test("an order updated by the webhook after reconciliation read it is not overwritten by the older read", async () => {
    standIn.state.seedOrders(SHOP, [buildStandInOrder(1)]);
    // The webhook already brought a newer version (moved to the point of sale, updated a month later).
    const newer = { ...buildStandInOrder(1), updatedAt: "2026-02-01T00:00:00Z", totalTaxSet: moneyBag("0.00"), sourceName: "pos" };
    await deliverAsWebhook(newer);
    const { api } = recordingApi();
    await app.reconcile.reconcileOrders(SHOP, api, { now: NOW });
    const stored = await database.client.order.findFirstOrThrow({ where: { shop: SHOP } });
    expect(stored.sourceName).toBe("pos");
    expect(stored.shopifyUpdatedAt.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });
});

describe("the watermark moves only past what was ingested", () => {
  test("a run that fails on its second page keeps the watermark at the first page's last update; the next run resumes there", async () => {
    standIn.state.seedOrders(SHOP, orders(60));
    const { api } = recordingApi();
    // The first page answers; then Shopify fails three times in a row (the client's network retries are used up).
    standIn.failNext("ListOrdersUpdatedSince", { kind: "delay", ms: 0 });
    for (let i = 0; i < 3; i += 1) standIn.failNext("ListOrdersUpdatedSince", { kind: "http", status: 503 });
    await expect(app.reconcile.reconcileOrders(SHOP, api, { now: NOW, pageSize: 25 })).rejects.toThrow();
    // Order 25 (the first page's last) was updated at 2026-01-02T01:30Z.
    const shop = await database.client.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.ordersSyncedAt?.toISOString()).toBe("2026-01-02T01:30:00.000Z");
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(25);

    const resumed = await app.reconcile.reconcileOrders(SHOP, api, { now: NOW, pageSize: 25 });
    expect(resumed.since.toISOString()).toBe("2026-01-02T01:30:00.000Z");
    // Order 25 is read again (same second, inclusive filter), then 26…60.
    expect(resumed.seen).toBe(36);
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(60);
    expect(await shopTotals()).toEqual({ orders: 60, netMinor: 60 * 9000 });
  });

  test("the watermark never moves back", async () => {
    await database.client.shop.update({ where: { shop: SHOP }, data: { ordersSyncedAt: new Date("2026-03-01T11:00:00Z") } });
    const { api } = recordingApi();
    // A run whose clock is behind (a slow worker) computes an earlier cap: the stored watermark stays.
    await app.reconcile.reconcileOrders(SHOP, api, { now: new Date("2026-03-01T10:00:00Z") });
    const shop = await database.client.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.ordersSyncedAt?.toISOString()).toBe("2026-03-01T11:00:00.000Z");
  });
});

describe("the Admin API rate limit", () => {
  test("throttled pages are waited out (the time the bucket needs to refill), and the run completes", async () => {
    standIn.state.seedOrders(SHOP, orders(30));
    const { api, sleeps } = recordingApi();
    standIn.failNext("ListOrdersUpdatedSince", { kind: "throttled", times: 2, currentlyAvailable: 2 });
    const result = await app.reconcile.reconcileOrders(SHOP, api, { now: NOW, pageSize: 25 });
    expect(result).toMatchObject({ seen: 30, ingested: 30 });
    // A page of 25 costs 2 + 4 × 25 = 102 points; with 2 left and 100 restored per second: 1 s, then the floor doubles.
    expect(sleeps.slice(0, 2)).toEqual([1000, 1000]);
    expect(standIn.requests.filter((r) => r.operationName === "ListOrdersUpdatedSince").map((r) => r.fault)).toEqual(["throttled", "throttled", null, null]);
  });

  test("the job reads with small pages through the shop's offline session and queues the next hour's run first", async () => {
    standIn.state.seedOrders(SHOP, orders(5));
    await app.jobs.handleReconcileJob({ id: "j1", name: "reconcile-orders", shop: SHOP, payload: {}, attempts: 1 }, NOW);
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(5);
    expect(standIn.requests.filter((r) => r.operationName === "ListOrdersUpdatedSince").map((r) => r.variables.first)).toEqual([25]);
    const next = await database.client.job.findFirstOrThrow({ where: { shop: SHOP, name: "reconcile-orders" } });
    expect(next).toMatchObject({ runKey: `reconcile-orders:${SHOP}:2026-03-01T13`, status: "pending" });
    expect(next.runAt.toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });

  test("an uninstalled shop's chain ends: no run, nothing queued", async () => {
    await database.client.shop.update({ where: { shop: SHOP }, data: { uninstalledAt: NOW } });
    await database.client.session.deleteMany({ where: { shop: SHOP } });
    await app.jobs.handleReconcileJob({ id: "j2", name: "reconcile-orders", shop: SHOP, payload: {}, attempts: 1 }, NOW);
    expect(standIn.requests).toEqual([]);
    expect(await database.client.job.count({ where: { shop: SHOP } })).toBe(0);
  });
});
