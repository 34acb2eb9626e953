// The order history backfill, in-process against the Shopify stand-in over HTTP: a bulk export of 2,000 orders is
// started, polled while Shopify exports, cut off half way through the download, resumed from the saved position,
// and ends with every order ingested exactly once (orders, customers new and returning, credited creators, rollups).
// The jobs run through the app's job runner with the shop's offline session (unauthenticated.admin → stand-in).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { buildStandInOrder, startShopifyStandIn, visitWithUtm, type ShopifyStandIn, type StandInOrder } from "../../support/shopify-stand-in";
import { createIsolatedDatabase, useInProcessEnvironment } from "./harness";

const SHOP = "backfill-test.myshopify.com";
const ORDERS = 2000;
const CUSTOMERS = 97;

/** Order n: 100.00 gross, 10.00 off, customer n % 97; every 10th used Anna's code, every 10th + 5 came by Bob's link. */
function historyOrder(n: number): StandInOrder {
  const order = buildStandInOrder(n);
  if (n % 10 === 0) return { ...order, discountCodes: ["anna10"] };
  if (n % 10 === 5) {
    const visit = visitWithUtm(order.createdAt, { source: "tiktok", medium: "influencer", content: "bob" });
    return { ...order, customerJourneySummary: { ready: true, firstVisit: visit, lastVisit: visit } };
  }
  return order;
}

let database: TestDatabase;
let standIn: ShopifyStandIn;
let app: {
  backfill: typeof import("../../../app/ingest/backfill-orders.server");
  jobs: typeof import("../../../app/jobs/order-history-jobs.server");
  registry: typeof import("../../../app/jobs/job-registry.server");
  runDueJobs: typeof import("../../../app/jobs/run-due-jobs.server").runDueJobs;
  status: typeof import("../../../app/queries/get-order-history-status.server");
  adminApi: typeof import("../../../app/shopify/admin-api.server");
};
let creators: { anna: string; bob: string };

beforeAll(async () => {
  database = await createIsolatedDatabase();
  standIn = await startShopifyStandIn();
  // Admin API calls to https://<shop>/admin/api/… reach the stand-in, as in the test app servers.
  useInProcessEnvironment(database, { SHOPIFY_STAND_IN_URL: standIn.url });
  await import("../../support/route-shopify-fetch");
  app = {
    backfill: await import("../../../app/ingest/backfill-orders.server"),
    jobs: await import("../../../app/jobs/order-history-jobs.server"),
    registry: await import("../../../app/jobs/job-registry.server"),
    runDueJobs: (await import("../../../app/jobs/run-due-jobs.server")).runDueJobs,
    status: await import("../../../app/queries/get-order-history-status.server"),
    adminApi: await import("../../../app/shopify/admin-api.server"),
  };
  app.jobs.registerOrderHistoryJobs();

  const c = database.client;
  await c.shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "UTC", primaryDomain: "backfill-test.example" } });
  await storeOfflineSession(c, SHOP, { scope: "read_orders,read_all_orders,read_discounts", accessToken: standIn.accessTokenFor(SHOP) });
  const campaign = await c.campaign.create({ data: { shop: SHOP, name: "Spring", slug: "spring" } });
  const anna = await c.creator.create({ data: { shop: SHOP, name: "Anna", handle: "anna", handleKey: "anna" } });
  const bob = await c.creator.create({ data: { shop: SHOP, name: "Bob", handle: "bob", handleKey: "bob" } });
  const collaboration = await c.collaboration.create({ data: { shop: SHOP, creatorId: anna.id, campaignId: campaign.id } });
  await c.discountCode.create({
    data: { shop: SHOP, collaborationId: collaboration.id, creatorId: anna.id, campaignId: campaign.id, code: "ANNA10", codeKey: "ANNA10", valueType: "percentage", value: 10 },
  });
  creators = { anna: anna.id, bob: bob.id };
  standIn.state.seedOrders(SHOP, Array.from({ length: ORDERS }, (_, i) => historyOrder(i + 1)));
}, 60_000);

afterAll(async () => {
  const { db } = await import("../../../app/db.server");
  await db.$disconnect();
  await standIn?.close();
  await database?.drop();
});

/** Runs every due job of the order history through the app's runner, as the scheduler would. */
async function runJobs(now?: Date) {
  const handlers = app.registry.registeredJobHandlers();
  return app.runDueJobs(handlers, "test-worker", { now, limit: 20, maxAttempts: 5, baseDelayMs: 1 });
}

/** A fetch whose bulk download breaks after `lines` JSONL lines, as a dropped connection would. */
function fetchCutAfter(lines: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const reader = response.body!.getReader();
    let seen = 0;
    let cut = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // Erroring right after an enqueue would discard that chunk: the break comes on the next read.
        if (cut) {
          await reader.cancel();
          controller.error(new TypeError("terminated: other side closed"));
          return;
        }
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const text = new TextDecoder().decode(value);
        const newlines = text.split("\n").length - 1;
        if (seen + newlines >= lines) {
          controller.enqueue(new TextEncoder().encode(text.split("\n").slice(0, lines - seen).join("\n") + "\n"));
          cut = true;
          return;
        }
        seen += newlines;
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

describe("order history backfill", () => {
  let bulkOperationId: string;

  test("starting asks Shopify for an export of the whole history (read_all_orders) and schedules a poll", async () => {
    const admin = app.adminApi.adminApiFromEndpoint({ shopDomain: SHOP, accessToken: standIn.accessTokenFor(SHOP), endpoint: standIn.endpointFor(SHOP) });
    const now = new Date("2026-04-01T00:00:00Z");
    const run = await app.backfill.startOrderBackfill(SHOP, { api: admin, scopes: ["read_orders", "read_all_orders"] }, { now });
    expect(run).toMatchObject({ status: "exporting", allOrders: true, processed: 0 });
    expect(run.createdSince.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    bulkOperationId = run.bulkOperationId!;
    expect(standIn.state.shop(SHOP).bulkOperations.get(bulkOperationId)?.groupObjects).toBe(true);
    const poll = await database.client.job.findFirstOrThrow({ where: { shop: SHOP, name: app.backfill.BACKFILL_JOB } });
    expect(JSON.parse(poll.payload)).toEqual({ bulkOperationId, poll: 1 });
    expect(poll.runAt.toISOString()).toBe("2026-04-01T00:00:30.000Z");

    // A second start while the first runs returns it unchanged, without a second export.
    const again = await app.backfill.startOrderBackfill(SHOP, { api: admin, scopes: ["read_orders", "read_all_orders"] }, { now });
    expect(again.bulkOperationId).toBe(bulkOperationId);
    expect(standIn.state.shop(SHOP).bulkOperations.size).toBe(1);
  });

  test("a poll while Shopify is still exporting waits and schedules the next poll, a minute later", async () => {
    const result = await runJobs(new Date("2026-04-01T00:00:31Z"));
    const ranAt = Date.now();
    expect(result).toEqual({ done: 1, failed: 0 });
    const run = await database.client.orderBackfill.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(run.status).toBe("exporting");
    const next = await database.client.job.findFirstOrThrow({ where: { shop: SHOP, name: app.backfill.BACKFILL_JOB, status: "pending" } });
    expect(JSON.parse(next.payload)).toEqual({ bulkOperationId, poll: 2 });
    // The job runs on the real clock: the second poll waits 60 s (30 s, doubling).
    expect(next.runAt.getTime() - ranAt).toBeGreaterThan(59_000);
    expect(next.runAt.getTime() - ranAt).toBeLessThanOrEqual(60_000);
  });

  test("an import cut off half way keeps its position and shows its progress", async () => {
    standIn.completeBulkOperation(SHOP, bulkOperationId);
    expect(await app.backfill.onBulkOperationFinished(SHOP, bulkOperationId)).toBe(true);
    expect(await app.backfill.onBulkOperationFinished(SHOP, "gid://shopify/BulkOperation/42")).toBe(false);
    const admin = app.adminApi.adminApiFromEndpoint({ shopDomain: SHOP, accessToken: standIn.accessTokenFor(SHOP), endpoint: standIn.endpointFor(SHOP) });
    // Each order is 3 lines (the order and its two line items): the connection drops in the middle of order 700.
    await expect(
      app.backfill.importOrderBackfill(SHOP, admin, bulkOperationId, { batchSize: 100, download: { fetch: fetchCutAfter(2099) } }),
    ).rejects.toThrow(/terminated/);
    const run = await database.client.orderBackfill.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(run).toMatchObject({ status: "importing", processed: 600, skipped: 0, objectCount: ORDERS * 3, objectsRead: 1800, lockedUntil: null });
    // 699 orders were ingested in all: the 99 after the last saved position are ingested again on resume, harmlessly.
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(699);

    const status = await app.status.getOrderHistoryStatus(SHOP);
    expect(status.backfill).toMatchObject({ status: "importing", processed: 600, percent: 30, allOrders: true });
    expect(status.reach).toBe("all");
  });

  test("the finish webhook's job resumes from the saved position and completes the import", async () => {
    const result = await runJobs();
    expect(result.failed).toBe(0);
    const run = await database.client.orderBackfill.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(run).toMatchObject({ status: "completed", processed: ORDERS, skipped: 0, objectsRead: ORDERS * 3, error: null });
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect((await app.status.getOrderHistoryStatus(SHOP)).backfill?.percent).toBe(100);
  }, 60_000);

  test("every order is ingested once: customers new then returning, creators credited, rollups exact", async () => {
    const c = database.client;
    expect(await c.order.count({ where: { shop: SHOP } })).toBe(ORDERS);
    expect(await c.customer.count({ where: { shop: SHOP } })).toBe(CUSTOMERS);
    expect(await c.order.count({ where: { shop: SHOP, customerOrderIndex: 1 } })).toBe(CUSTOMERS);
    // Customer k's first order is order k (k = 1…96) or order 97 for customer 0: the earliest, whatever the file order.
    const firsts = await c.order.findMany({ where: { shop: SHOP, customerOrderIndex: 1 }, select: { name: true } });
    expect(firsts.map((o) => Number(o.name.slice(1)) - 1000).sort((a, b) => a - b)).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => i + 1));
    expect(await c.order.count({ where: { shop: SHOP, creditedCreatorId: creators.anna } })).toBe(ORDERS / 10);
    expect(await c.order.count({ where: { shop: SHOP, creditedCreatorId: creators.bob } })).toBe(ORDERS / 10);
    const journeyed = await c.order.findFirstOrThrow({ where: { shop: SHOP, name: "#1005" }, include: { touches: true } });
    expect(journeyed.touches.map((t) => t.kind).sort()).toEqual(["journey_first", "journey_last", "utm"]);

    const totals = await c.dailyRollup.aggregate({
      where: { shop: SHOP },
      _sum: { orders: true, grossMinor: true, discountsMinor: true, netMinor: true, newCustomers: true, codeOrders: true, linkOrders: true },
    });
    expect(totals._sum).toEqual({
      orders: ORDERS,
      grossMinor: ORDERS * 10000,
      discountsMinor: ORDERS * 1000,
      netMinor: ORDERS * 9000,
      newCustomers: CUSTOMERS,
      codeOrders: ORDERS / 10,
      linkOrders: ORDERS / 10,
    });
    const anna = await c.dailyRollup.aggregate({ where: { shop: SHOP, creatorId: creators.anna }, _sum: { orders: true, netMinor: true } });
    expect(anna._sum).toEqual({ orders: ORDERS / 10, netMinor: (ORDERS / 10) * 9000 });
  });

  test("the remaining poll finds the run finished and stops the chain", async () => {
    const result = await runJobs(new Date(Date.now() + 3_600_000));
    expect(result.failed).toBe(0);
    expect(await database.client.job.count({ where: { shop: SHOP, name: app.backfill.BACKFILL_JOB, status: "pending" } })).toBe(0);
  });

  test("importing again changes nothing: ingestion is idempotent", async () => {
    const before = await database.client.dailyRollup.findMany({ where: { shop: SHOP }, orderBy: [{ day: "asc" }, { creatorId: "asc" }] });
    const admin = app.adminApi.adminApiFromEndpoint({ shopDomain: SHOP, accessToken: standIn.accessTokenFor(SHOP), endpoint: standIn.endpointFor(SHOP) });
    const run = await app.backfill.startOrderBackfill(SHOP, { api: admin, scopes: ["read_orders", "read_all_orders"] });
    expect(run.bulkOperationId).not.toBe(bulkOperationId);
    standIn.completeBulkOperation(SHOP, run.bulkOperationId!);
    expect(await app.backfill.importOrderBackfill(SHOP, admin, run.bulkOperationId!)).toBe("completed");
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(ORDERS);
    expect(await database.client.dailyRollup.findMany({ where: { shop: SHOP }, orderBy: [{ day: "asc" }, { creatorId: "asc" }] })).toEqual(before);
  }, 60_000);
});

describe("what the granted scopes reach", () => {
  const OTHER = "recent-only.myshopify.com";
  test.each<[string, string[], string | null, string]>([
    ["read_orders alone: the last 60 days", ["read_orders"], "2026-01-30T00:00:00Z", "exporting"],
    ["no orders scope: nothing to import, recorded as failed", ["read_discounts"], null, "failed"],
  ])("%s", async (_label, scopes, since, status) => {
    const admin = app.adminApi.adminApiFromEndpoint({ shopDomain: OTHER, accessToken: standIn.accessTokenFor(OTHER), endpoint: standIn.endpointFor(OTHER) });
    await database.client.shop.upsert({ where: { shop: OTHER }, create: { shop: OTHER }, update: {} });
    await database.client.orderBackfill.deleteMany({ where: { shop: OTHER } });
    const before = standIn.requests.filter((r) => r.operationName === "RunBulkOrdersExport").length;
    const run = await app.backfill.startOrderBackfill(OTHER, { api: admin, scopes }, { now: new Date("2026-03-31T00:00:00Z") });
    expect(run.status).toBe(status);
    expect(run.allOrders).toBe(false);
    const exports = standIn.requests.filter((r) => r.operationName === "RunBulkOrdersExport");
    if (since === null) {
      expect(exports.length).toBe(before);
      expect(run.error).toMatch(/read_orders/);
    } else {
      expect(run.createdSince.toISOString()).toBe(new Date(since).toISOString());
      expect(String(exports.at(-1)?.variables.query)).toContain(`created_at:>='${since}'`);
    }
  });

  test("Shopify refusing the export (another bulk query running) is recorded with its message", async () => {
    const admin = app.adminApi.adminApiFromEndpoint({ shopDomain: OTHER, accessToken: standIn.accessTokenFor(OTHER), endpoint: standIn.endpointFor(OTHER) });
    await database.client.orderBackfill.deleteMany({ where: { shop: OTHER } });
    standIn.failNext("RunBulkOrdersExport", { kind: "user_error", code: "OPERATION_IN_PROGRESS", message: "A bulk query operation for this app and shop is already in progress." });
    const run = await app.backfill.startOrderBackfill(OTHER, { api: admin, scopes: ["read_orders"] });
    expect(run).toMatchObject({ status: "failed", error: "A bulk query operation for this app and shop is already in progress." });
  });

  test("an export Shopify ends FAILED is recorded failed", async () => {
    const admin = app.adminApi.adminApiFromEndpoint({ shopDomain: OTHER, accessToken: standIn.accessTokenFor(OTHER), endpoint: standIn.endpointFor(OTHER) });
    await database.client.orderBackfill.deleteMany({ where: { shop: OTHER } });
    const run = await app.backfill.startOrderBackfill(OTHER, { api: admin, scopes: ["read_orders"] });
    standIn.failBulkOperation(OTHER, run.bulkOperationId!, "ACCESS_DENIED");
    expect(await app.backfill.importOrderBackfill(OTHER, admin, run.bulkOperationId!)).toBe("failed");
    expect(await database.client.orderBackfill.findUniqueOrThrow({ where: { shop: OTHER } })).toMatchObject({
      status: "failed",
      error: "Shopify's export ended FAILED (ACCESS_DENIED).",
    });
  });
});
