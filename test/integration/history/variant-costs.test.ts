// Unit costs from Shopify, in-process against the stand-in and a real database (SQLite, and PostgreSQL with
// TEST_DATABASE=postgresql): the sync reads every variant page by page, a cost webhook keeps one current, the first
// backfill reads costs before it imports, and ingestion prices each order's lines with them (cost of goods in the
// order row and in the rollups), keeping the priced cost when a later update comes without lines.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { buildStandInOrder, startShopifyStandIn, type ShopifyStandIn, type StandInVariant } from "../../support/shopify-stand-in";
import { createIsolatedDatabase, useInProcessEnvironment } from "./harness";

const SHOP = "variant-costs.myshopify.com";
const OTHER_SHOP = "other-costs.myshopify.com";
const variantGid = (n: number) => `gid://shopify/ProductVariant/${40_000 + n}`;
const itemGid = (n: number) => `gid://shopify/InventoryItem/${60_000 + n}`;

let database: TestDatabase;
let standIn: ShopifyStandIn;
let app: {
  sync: typeof import("../../../app/jobs/sync-variant-costs.server");
  jobs: typeof import("../../../app/jobs/order-history-jobs.server");
  backfill: typeof import("../../../app/ingest/backfill-orders.server");
  ingest: typeof import("../../../app/ingest/ingest-order.server");
  orders: typeof import("../../../app/domain/orders");
  costUpdate: typeof import("../../../app/services/apply-inventory-item-cost.server");
  adminApi: typeof import("../../../app/shopify/admin-api.server");
};

beforeAll(async () => {
  database = await createIsolatedDatabase();
  standIn = await startShopifyStandIn();
  useInProcessEnvironment(database, { SHOPIFY_STAND_IN_URL: standIn.url });
  await import("../../support/route-shopify-fetch");
  app = {
    sync: await import("../../../app/jobs/sync-variant-costs.server"),
    jobs: await import("../../../app/jobs/order-history-jobs.server"),
    backfill: await import("../../../app/ingest/backfill-orders.server"),
    ingest: await import("../../../app/ingest/ingest-order.server"),
    orders: await import("../../../app/domain/orders"),
    costUpdate: await import("../../../app/services/apply-inventory-item-cost.server"),
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
  for (const table of [c.touch, c.order, c.customer, c.refund, c.dailyRollup, c.job, c.orderBackfill, c.variantCost, c.session, c.shop] as const) {
    await (table as { deleteMany(args: object): Promise<unknown> }).deleteMany({});
  }
  for (const shop of [SHOP, OTHER_SHOP]) {
    await c.shop.create({ data: { shop, currencyCode: "USD", ianaTimezone: "UTC", primaryDomain: "costs.example", installedAt: new Date("2026-01-01T00:00:00Z") } });
    await storeOfflineSession(c, shop, { scope: "read_orders,read_all_orders,read_products", accessToken: standIn.accessTokenFor(shop) });
  }
});

function api(shop = SHOP) {
  return app.adminApi.adminApiFromEndpoint({ shopDomain: shop, accessToken: standIn.accessTokenFor(shop), endpoint: standIn.endpointFor(shop), sleep: async () => {} });
}

function variant(n: number, amount: string | null, currencyCode = "USD", updatedAt = "2026-01-01T00:00:00Z"): StandInVariant {
  return { id: variantGid(n), inventoryItemId: itemGid(n), unitCost: amount === null ? null : { amount, currencyCode }, updatedAt };
}

async function storedCost(n: number, shop = SHOP) {
  return (await database.client.variantCost.findUnique({ where: { shop_variantId: { shop, variantId: variantGid(n) } } }))?.unitCostMinor;
}

describe("variant cost sync", () => {
  test("reads every variant page by page and stores its cost in minor units, for this shop only", async () => {
    standIn.state.seedVariants(SHOP, [
      ...Array.from({ length: 600 }, (_, i) => variant(i + 1, (i + 1) % 10 === 0 ? null : `${i + 1}.50`)),
      variant(601, "7.00", "EUR"),
      variant(602, "0.125"),
    ]);
    standIn.state.seedVariants(OTHER_SHOP, [variant(1, "999.00")]);
    const result = await app.sync.syncVariantCosts(SHOP, api(), { pageSize: 250 });
    expect(result).toEqual({ variants: 602, withCost: 541, unusable: 1, removed: 0 });
    expect(standIn.requests.filter((r) => r.operationName === "ListVariantCosts")).toHaveLength(3);
    expect(await database.client.variantCost.count({ where: { shop: SHOP } })).toBe(602);
    expect(await storedCost(1)).toBe(150);
    expect(await storedCost(599)).toBe(59_950);
    expect(await storedCost(10)).toBeNull();
    // A cost in another currency than the shop's cannot be added to its sales: kept unknown, not converted by guess.
    expect(await storedCost(601)).toBeNull();
    expect(await storedCost(602)).toBe(13);
    expect(await database.client.variantCost.count({ where: { shop: OTHER_SHOP } })).toBe(0);
    const row = await database.client.variantCost.findUniqueOrThrow({ where: { shop_variantId: { shop: SHOP, variantId: variantGid(3) } } });
    expect(row).toMatchObject({ inventoryItemId: itemGid(3), costUpdatedAt: new Date("2026-01-01T00:00:00Z") });
  });

  test("a later sync forgets deleted variants, and keeps a cost a webhook brought after Shopify's answer", async () => {
    standIn.state.seedVariants(SHOP, Array.from({ length: 30 }, (_, i) => variant(i + 1, "10.00")));
    await app.sync.syncVariantCosts(SHOP, api());
    const outcome = await app.costUpdate.applyInventoryItemCostUpdate(SHOP, { inventoryItemId: itemGid(20), cost: "99.99", updatedAt: "2026-02-01T00:00:00Z" });
    expect(outcome).toBe("updated");
    standIn.state.shop(SHOP).variants = standIn.state.shop(SHOP).variants.filter((v) => v.id !== variantGid(5) && v.id !== variantGid(6));
    const result = await app.sync.syncVariantCosts(SHOP, api(), { now: new Date(Date.now() + 1_000) });
    expect(result).toMatchObject({ variants: 28, removed: 2 });
    expect(await storedCost(5)).toBeUndefined();
    expect(await storedCost(20)).toBe(9_999);
    expect(await storedCost(21)).toBe(1_000);
  });

  test("a page that fails keeps the pages already stored, and the error reaches the job (which retries)", async () => {
    standIn.state.seedVariants(SHOP, Array.from({ length: 300 }, (_, i) => variant(i + 1, "1.00")));
    let calls = 0;
    const failing = {
      request: async <T>(source: string, variables?: Record<string, unknown>): Promise<T> => {
        calls += 1;
        if (calls === 2) throw new Error("connection reset");
        return api().request<T>(source, variables);
      },
    };
    await expect(app.sync.syncVariantCosts(SHOP, failing, { pageSize: 250 })).rejects.toThrow(/connection reset/);
    expect(await database.client.variantCost.count({ where: { shop: SHOP } })).toBe(250);
  });
});

describe("scopes", () => {
  test.each([
    [["read_orders", "read_products"], true],
    [["read_orders", "write_products"], true],
    [["read_inventory"], true],
    [["read_orders", "read_all_orders", "write_discounts"], false],
    [[], false],
  ])("%j can read unit costs: %s", (scopes, expected) => {
    expect(app.sync.grantsUnitCosts(scopes)).toBe(expected);
  });

  test("a shop that did not grant read_products: the backfill starts without asking for costs", async () => {
    await database.client.session.deleteMany({ where: { shop: SHOP } });
    await storeOfflineSession(database.client, SHOP, { scope: "read_orders,read_all_orders", accessToken: standIn.accessTokenFor(SHOP) });
    standIn.state.seedVariants(SHOP, [variant(1, "10.00")]);
    await app.jobs.handleBackfillStartJob({ id: "job-2", name: app.backfill.BACKFILL_START_JOB, shop: SHOP, payload: {}, attempts: 1 });
    expect(standIn.requests.map((r) => r.operationName)).toEqual(["RunBulkOrdersExport"]);
    expect(await database.client.variantCost.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("inventory_items/update", () => {
  beforeEach(async () => {
    standIn.state.seedVariants(SHOP, [variant(1, "10.00"), variant(2, "4.00")]);
    await app.sync.syncVariantCosts(SHOP, api());
  });

  test.each([
    ["a newer cost replaces the stored one", { cost: "12.40", updatedAt: "2026-03-01T00:00:00Z" }, "updated", 1_240],
    ["an older update is ignored (deliveries come out of order)", { cost: "1.00", updatedAt: "2025-12-01T00:00:00Z" }, "unchanged", 1_000],
    ["a removed cost becomes unknown", { cost: null, updatedAt: "2026-03-01T00:00:00Z" }, "updated", null],
  ] as const)("%s", async (_label, change, outcome, stored) => {
    expect(await app.costUpdate.applyInventoryItemCostUpdate(SHOP, { inventoryItemId: itemGid(1), ...change })).toBe(outcome);
    expect(await storedCost(1)).toBe(stored);
    expect(await storedCost(2)).toBe(400);
  });

  test("an inventory item not seen yet asks for a sync (once while it waits)", async () => {
    for (let i = 0; i < 2; i++) {
      expect(await app.costUpdate.applyInventoryItemCostUpdate(SHOP, { inventoryItemId: itemGid(3), cost: "5.00", updatedAt: "2026-03-01T00:00:00Z" })).toBe("sync_requested");
    }
    expect(await database.client.job.count({ where: { shop: SHOP, name: app.sync.SYNC_VARIANT_COSTS_JOB, status: "pending" } })).toBe(1);
  });

  test("another shop's item of the same id is not touched", async () => {
    expect(await app.costUpdate.applyInventoryItemCostUpdate(OTHER_SHOP, { inventoryItemId: itemGid(1), cost: "50.00", updatedAt: "2026-03-01T00:00:00Z" })).toBe("sync_requested");
    expect(await storedCost(1)).toBe(1_000);
  });

  test.each([["abc"], ["-3.00"]])("an unreadable cost %j is refused, nothing written", async (cost) => {
    await expect(app.costUpdate.applyInventoryItemCostUpdate(SHOP, { inventoryItemId: itemGid(1), cost, updatedAt: "2026-03-01T00:00:00Z" })).rejects.toThrow(
      app.costUpdate.InventoryItemCostError,
    );
    expect(await storedCost(1)).toBe(1_000);
  });
});

describe("orders priced with the unit costs", () => {
  const ORDERS = 12;
  // Each stand-in order: one unit of variant 1 (60.00) and two of variant 2 (2 × 20.00); variant 2 has no cost.
  const withVariants = (n: number) => {
    const order = buildStandInOrder(n);
    order.lineItems = [
      { ...order.lineItems[0]!, variant: { id: variantGid(1) } },
      { ...order.lineItems[1]!, variant: { id: variantGid(2) } },
    ];
    return order;
  };

  beforeEach(() => {
    standIn.state.seedVariants(SHOP, [variant(1, "25.00"), variant(2, null)]);
    standIn.state.seedOrders(SHOP, Array.from({ length: ORDERS }, (_, i) => withVariants(i + 1)));
  });

  test("the first backfill reads the costs before it imports, and every imported order carries its cost of goods", async () => {
    await app.jobs.handleBackfillStartJob({ id: "job-1", name: app.backfill.BACKFILL_START_JOB, shop: SHOP, payload: {}, attempts: 1 });
    const names = standIn.requests.map((r) => r.operationName);
    expect(names.indexOf("ListVariantCosts")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("ListVariantCosts")).toBeLessThan(names.indexOf("RunBulkOrdersExport"));
    const run = await database.client.orderBackfill.findUniqueOrThrow({ where: { shop: SHOP } });
    standIn.completeBulkOperation(SHOP, run.bulkOperationId!);
    expect(await app.backfill.importOrderBackfill(SHOP, api(), run.bulkOperationId!)).toBe("completed");

    const orders = await database.client.order.findMany({ where: { shop: SHOP }, select: { cogsMinor: true, cogsCoveredMinor: true, grossMinor: true } });
    expect(orders).toHaveLength(ORDERS);
    // 25.00 for the costed unit; the uncosted lines (40.00) are left to the default margin.
    for (const order of orders) expect(order).toEqual({ cogsMinor: 2_500, cogsCoveredMinor: 6_000, grossMinor: 10_000 });
    const rollups = await database.client.dailyRollup.aggregate({ where: { shop: SHOP }, _sum: { cogsMinor: true, cogsCoveredMinor: true } });
    expect(rollups._sum).toEqual({ cogsMinor: ORDERS * 2_500, cogsCoveredMinor: ORDERS * 6_000 });
  });

  test("without costs the same orders carry none; a later update read without its lines keeps what was priced", async () => {
    const { normalizeOrderNode } = app.orders;
    const order = (n: number, updatedAt?: string) => ({ ...withVariants(n), ...(updatedAt ? { updatedAt } : {}) });
    // Order 1 before any sync: nothing known. Then the costs are read and order 2 arrives.
    await app.ingest.ingestOrder(SHOP, normalizeOrderNode(order(1), order(1).lineItems));
    await app.sync.syncVariantCosts(SHOP, api());
    await app.ingest.ingestOrder(SHOP, normalizeOrderNode(order(2), order(2).lineItems));
    // Reconciliation reads order 2 again, updated, without line items.
    const update = await app.ingest.ingestOrder(SHOP, normalizeOrderNode(order(2, "2026-02-01T00:00:00Z")));
    expect(update.outcome).toBe("applied");
    const cogs = async (n: number) =>
      database.client.order.findFirstOrThrow({ where: { shop: SHOP, shopifyOrderId: `gid://shopify/Order/${7_000_000_000 + n}` }, select: { cogsMinor: true, cogsCoveredMinor: true } });
    expect(await cogs(1)).toEqual({ cogsMinor: 0, cogsCoveredMinor: 0 });
    expect(await cogs(2)).toEqual({ cogsMinor: 2_500, cogsCoveredMinor: 6_000 });
    const rollups = await database.client.dailyRollup.aggregate({ where: { shop: SHOP }, _sum: { cogsMinor: true } });
    expect(rollups._sum.cogsMinor).toBe(2_500);
  });
});
