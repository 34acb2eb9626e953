// Adding many creators to a campaign at once, against the stand-in: bounded concurrency, throttling shared by all,
// one result per creator, and failed creators that can be sent again without duplicating the others.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { arrangeShop, OTHER_SHOP, SHOP, startInProcess, type InProcess } from "./in-process";
import type { AdminApi } from "../../../app/shopify/admin-api.server";

type Bulk = typeof import("../../../app/services/bulk-add-creators.server");

let env: InProcess;
let bulk: Bulk;

beforeAll(async () => {
  env = await startInProcess();
  bulk = await import("../../../app/services/bulk-add-creators.server");
});
afterAll(() => env?.close());

beforeEach(async () => {
  env.standIn.reset();
  const c = env.database.client;
  await c.discountCode.deleteMany();
  await c.trackedLink.deleteMany();
  await c.collaboration.deleteMany();
  await c.creatorPlatform.deleteMany();
  await c.creator.deleteMany();
  await c.campaign.deleteMany();
});

/** The stand-in's AdminApi, counting how many requests are in flight at once. */
function countingAdmin(inner: AdminApi) {
  const stats = { inFlight: 0, maxInFlight: 0 };
  const admin: AdminApi = {
    async request<T>(source: string, variables?: Record<string, unknown>): Promise<T> {
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        return await inner.request<T>(source, variables);
      } finally {
        stats.inFlight -= 1;
      }
    },
  };
  return { admin, stats };
}

const handles = (n: number) => Array.from({ length: n }, (_, i) => `creator${String(i + 1).padStart(2, "0")}`);

describe("adding many creators", () => {
  test("40 creators: every one gets a distinct code and link, never more than 4 Admin calls at once, through a throttle", async () => {
    const { campaign, creators } = await arrangeShop(env.database, SHOP, { handles: handles(40) });
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "throttled", times: 2 });
    const { admin, stats } = countingAdmin(env.admin);
    const results = await bulk.bulkAddCreators(SHOP, admin, { campaignId: campaign.id, creatorIds: creators.map((c) => c.id) });

    expect(results).toHaveLength(40);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.creatorId)).toEqual(creators.map((c) => c.id));
    const codes = results.map((r) => (r.ok ? r.code : ""));
    expect(new Set(codes).size).toBe(40);
    expect(codes[0]).toBe("CREATOR0115");
    expect(stats.maxInFlight).toBeLessThanOrEqual(bulk.DEFAULT_BULK_CONCURRENCY);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(env.standIn.state.shop(SHOP).discounts.size).toBe(40);
    expect(await env.database.client.trackedLink.count({ where: { shop: SHOP } })).toBe(40);
  });

  test("two handles that give the same code (emma.b, emmab) end up with EMMAB15 and EMMAB15-2", async () => {
    const { campaign, creators } = await arrangeShop(env.database, SHOP, { handles: ["emma.b", "emmab"] });
    const results = await bulk.bulkAddCreators(SHOP, env.admin, { campaignId: campaign.id, creatorIds: creators.map((c) => c.id) });
    expect(results.map((r) => (r.ok ? r.code : r.reason)).sort()).toEqual(["EMMAB15", "EMMAB15-2"]);
  });

  test("a creator Shopify refuses gets its own error; sending the failed ones again fixes them and duplicates nothing", async () => {
    const { campaign, creators } = await arrangeShop(env.database, SHOP, { handles: handles(5) });
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "user_error", code: "INVALID", message: "Discount could not be created" });
    const first = await bulk.bulkAddCreators(SHOP, env.admin, { campaignId: campaign.id, creatorIds: creators.map((c) => c.id), concurrency: 1 });
    const failed = first.filter((r) => !r.ok);
    expect(failed).toEqual([expect.objectContaining({ creatorId: creators[0]!.id, ok: false, reason: "shopify_refused", detail: "Discount could not be created" })]);

    const retried = await bulk.bulkAddCreators(SHOP, env.admin, { campaignId: campaign.id, creatorIds: failed.map((r) => r.creatorId) });
    expect(retried).toEqual([expect.objectContaining({ ok: true, code: "CREATOR0115", created: true })]);
    const again = await bulk.bulkAddCreators(SHOP, env.admin, { campaignId: campaign.id, creatorIds: creators.map((c) => c.id) });
    expect(again.every((r) => r.ok && !r.created)).toBe(true);
    expect(env.standIn.state.shop(SHOP).discounts.size).toBe(5);
    expect(await env.database.client.collaboration.count()).toBe(5);
  });

  test("one creator of another shop in the list: 404 and nothing written anywhere", async () => {
    const { campaign, creators } = await arrangeShop(env.database, SHOP, { handles: handles(3) });
    const { creators: foreign } = await arrangeShop(env.database, OTHER_SHOP, { handles: ["intruder"] });
    const thrown = await bulk
      .bulkAddCreators(SHOP, env.admin, { campaignId: campaign.id, creatorIds: [...creators.map((c) => c.id), foreign[0]!.id] })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((thrown as Response).status).toBe(404);
    expect(await env.database.client.collaboration.count()).toBe(0);
    expect(env.standIn.requests).toEqual([]);
  });

  test("a landing page off the shop is refused for the whole request before anything is written", async () => {
    const { campaign, creators } = await arrangeShop(env.database, SHOP, { handles: handles(2) });
    const thrown = await bulk
      .bulkAddCreators(SHOP, env.admin, { campaignId: campaign.id, creatorIds: creators.map((c) => c.id), destinationPath: "//evil.example" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(thrown).toMatchObject({ reason: "invalid_destination" });
    expect(await env.database.client.collaboration.count()).toBe(0);
  });
});
