// The ingestion rules one case at a time, in-process on a real database: credit, overrides, model switches, clicks,
// refunds before orders, stale updates, cohorts and cancellations, each checked against the stored rollups.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { dayKey } from "../../../app/domain/dates";
import { visitorHash } from "../../../app/domain/links";
import { normalizeOrder, normalizeRefund } from "../../../app/domain/orders";
import type { TestDatabase } from "../../support/database";
import { SHARED } from "../../support/paths";
import { useModelDatabase } from "../creators/model-env";

type Ingest = typeof import("../../../app/ingest/ingest-order.server");
type Rebuild = typeof import("../../../app/ingest/rebuild-rollups.server");
type Clicks = typeof import("../../../app/models/click.server");

const SAMPLE = JSON.parse(fs.readFileSync(path.join(SHARED, "fixtures/shopify/orders-create.sample.2026-07.json"), "utf8")) as Record<string, unknown>;
const REFUND_TEXT = fs.readFileSync(path.join(SHARED, "fixtures/shopify/refunds-create.sample.2026-07.json"), "utf8");
const SHOP = "rules.myshopify.com";
const SALT = "test-salt-0123456789abcdef";

let counter = 1000;
/** Shopify's sample order made live: gross 414.95, discounts 20.00, no code, no landing page, customer 1. */
function order(changes: Record<string, unknown> = {}) {
  counter += 1;
  return normalizeOrder({
    ...SAMPLE,
    admin_graphql_api_id: `gid://shopify/Order/${counter}`,
    name: `#${counter}`,
    test: false,
    cancelled_at: null,
    cancel_reason: null,
    processed_at: "2026-10-10T12:00:00Z",
    created_at: "2026-10-10T12:00:00Z",
    updated_at: "2026-10-10T12:00:00Z",
    customer: { admin_graphql_api_id: "gid://shopify/Customer/1" },
    ...changes,
  });
}
const code = (text: string) => ({ discount_codes: [{ code: text, amount: "20.00", type: "fixed_amount" }] });
const landing = (handle: string, campaign = "fall") => ({ landing_site: `/products/x?utm_source=instagram&utm_medium=influencer&utm_campaign=${campaign}&utm_content=${handle}` });

describe("ingestion rules", () => {
  let database: TestDatabase;
  let ingest: Ingest;
  let rebuild: Rebuild;
  let clicks: Clicks;

  const rows = async () =>
    (await database.client.dailyRollup.findMany({ where: { shop: SHOP }, orderBy: [{ day: "asc" }, { creatorId: "asc" }, { campaignId: "asc" }] }))
      .filter((r) => r.orders !== 0 || r.newCustomers !== 0 || r.refundsMinor !== 0 || r.repeatOrders !== 0 || r.clicks !== 0 || r.netMinor !== 0)
      .map((r) => ({
        creator: r.creatorId,
        day: r.day,
        orders: r.orders,
        ppm: r.orderCreditPpm,
        code: r.codeOrders,
        link: r.linkOrders,
        newCustomers: r.newCustomers,
        net: r.netMinor,
        refunds: r.refundsMinor,
        repeatOrders: r.repeatOrders,
        repeatNet: r.repeatNetMinor,
      }));
  const consistent = async () => expect(await rebuild.checkShopRollups(SHOP)).toEqual([]);

  beforeAll(async () => {
    database = await useModelDatabase();
    ingest = await import("../../../app/ingest/ingest-order.server");
    rebuild = await import("../../../app/ingest/rebuild-rollups.server");
    clicks = await import("../../../app/models/click.server");
    const c = database.client;
    await c.shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "UTC" } });
    await c.campaign.create({ data: { id: "fall", shop: SHOP, name: "Fall", slug: "fall" } });
    for (const handle of ["anna", "bob", "cara", "dan"]) {
      await c.creator.create({ data: { id: handle, shop: SHOP, name: handle, handle, handleKey: handle } });
      const collab = await c.collaboration.create({ data: { shop: SHOP, creatorId: handle, campaignId: "fall" } });
      await c.discountCode.create({
        data: {
          shop: SHOP,
          collaborationId: collab.id,
          creatorId: handle,
          campaignId: "fall",
          code: `${handle.toUpperCase()}10`,
          codeKey: `${handle.toUpperCase()}10`,
          valueType: "percentage",
          value: 10,
          state: handle === "dan" ? "deleted" : "active",
        },
      });
      await c.trackedLink.create({
        data: { id: `link-${handle}`, shop: SHOP, collaborationId: collab.id, creatorId: handle, campaignId: "fall", slug: `s-${handle}`, utmSource: "instagram", utmMedium: "influencer", utmCampaign: "fall", utmContent: handle },
      });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    const c = database.client;
    for (const table of [c.dailyRollup, c.touch, c.refund, c.customer, c.click] as { deleteMany(args: unknown): Promise<unknown> }[]) await table.deleteMany({ where: { shop: SHOP } });
    await c.order.deleteMany({ where: { shop: SHOP } });
    await c.shop.update({ where: { shop: SHOP }, data: { attributionModel: "code_first_last_touch", attributionWindowDays: 30, currencyCode: "USD" } });
  });

  test("a deleted creator code that was used still credits its creator", async () => {
    expect((await ingest.ingestOrder(SHOP, order(code("dan10")))).creditedCreatorId).toBe("dan");
    expect(await rows()).toEqual([{ creator: "dan", day: "2026-10-10", orders: 1, ppm: 1_000_000, code: 1, link: 0, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 }]);
    await consistent();
  });

  test("a staff override wins, survives a later update of the order, and clearing it gives the credit back", async () => {
    const first = order({ ...code("ANNA10"), ...landing("bob") });
    await ingest.ingestOrder(SHOP, first);
    await ingest.applyOrderOverride(SHOP, first.shopifyOrderId, { creatorId: "bob", campaignId: null }, "user:42");
    const bobRow = { creator: "bob", day: "2026-10-10", orders: 1, ppm: 1_000_000, code: 0, link: 1, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 };
    expect(await rows()).toEqual([bobRow]);
    await ingest.ingestOrder(SHOP, { ...first, shopifyUpdatedAt: "2026-10-11T00:00:00.000Z" });
    expect(await rows()).toEqual([bobRow]);
    expect(await database.client.order.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({ creditedCreatorId: "anna", overrideCreatorId: "bob", overrideBy: "user:42" });
    await consistent();
    await ingest.applyOrderOverride(SHOP, first.shopifyOrderId, null, "user:42");
    expect(await rows()).toEqual([{ ...bobRow, creator: "anna", code: 1, link: 0 }]);
    await consistent();
  });

  test("an override to a creator with no signal on the order counts as neither a code nor a link order", async () => {
    const first = order(code("ANNA10"));
    await ingest.ingestOrder(SHOP, first);
    await ingest.applyOrderOverride(SHOP, first.shopifyOrderId, { creatorId: "cara", campaignId: "fall" }, null);
    expect(await rows()).toEqual([{ creator: "cara", day: "2026-10-10", orders: 1, ppm: 1_000_000, code: 0, link: 0, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 }]);
    await consistent();
  });

  test("switching the model to linear and rebuilding splits a code + other creator's UTM order 50/50, without re-ingestion", async () => {
    await ingest.ingestOrder(SHOP, order({ ...code("ANNA10"), ...landing("bob") }));
    await database.client.shop.update({ where: { shop: SHOP }, data: { attributionModel: "linear" } });
    const result = await rebuild.rebuildRollups(SHOP);
    expect(result).toMatchObject({ orders: 1, ordersChanged: 1 });
    // A tie: the creator listed first (Bob's visit sorts before the code typed at the same instant) gets the odd
    // cent and is the order's main credit, hence the acquisition.
    expect(await rows()).toEqual([
      { creator: "anna", day: "2026-10-10", orders: 1, ppm: 500_000, code: 1, link: 0, newCustomers: 0, net: 19747, refunds: 0, repeatOrders: 0, repeatNet: 0 },
      { creator: "bob", day: "2026-10-10", orders: 1, ppm: 500_000, code: 0, link: 1, newCustomers: 1, net: 19748, refunds: 0, repeatOrders: 0, repeatNet: 0 },
    ]);
    await consistent();
  });

  test("a click by the same visitor (checkout IP and user agent) credits its creator; the raw IP is stored nowhere", async () => {
    const ip = "203.0.113.9";
    const ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)";
    const clickAt = new Date("2026-10-08T20:00:00Z");
    const day = dayKey(clickAt, "UTC");
    await clicks.recordClick(SHOP, { link: { id: "link-cara", creatorId: "cara", campaignId: "fall" }, at: clickAt, referrer: null, isBot: false, day, visitorHash: visitorHash({ ip, userAgent: ua, salt: SALT, day }) });
    // Another visitor's click on Dan's link the same day is no signal for this order.
    await clicks.recordClick(SHOP, { link: { id: "link-dan", creatorId: "dan", campaignId: "fall" }, at: clickAt, referrer: null, isBot: false, day, visitorHash: "someone-else" });
    const result = await ingest.ingestOrder(SHOP, order({ browser_ip: ip, client_details: { browser_ip: ip, user_agent: ua } }));
    expect(result.creditedCreatorId).toBe("cara");
    const touches = await database.client.touch.findMany({ where: { shop: SHOP } });
    expect(touches.map((t) => [t.kind, t.creatorId, t.at.toISOString()])).toEqual([["click", "cara", "2026-10-08T20:00:00.000Z"]]);
    const stored = await database.client.order.findFirstOrThrow({ where: { shop: SHOP } });
    expect(JSON.stringify(stored)).not.toContain(ip);
    await consistent();
  });

  test("the latest click on the very link the buyer landed from is recorded as a touch before the UTM", async () => {
    const bobLink = { id: "link-bob", creatorId: "bob", campaignId: "fall" };
    for (const [at, hash] of [["2026-10-09T09:00:00Z", "h1"], ["2026-10-10T11:59:00Z", "h2"], ["2026-10-10T12:30:00Z", "h3"]] as const) {
      // The last one comes after the order: not a signal.
      await clicks.recordClick(SHOP, { link: bobLink, at: new Date(at), referrer: null, isBot: false, day: at.slice(0, 10), visitorHash: hash });
    }
    await ingest.ingestOrder(SHOP, order(landing("bob")));
    const touches = await database.client.touch.findMany({ where: { shop: SHOP }, orderBy: { at: "asc" } });
    expect(touches.map((t) => [t.kind, t.creatorId, t.at.toISOString(), t.evidence])).toEqual([
      ["click", "bob", "2026-10-10T11:59:00.000Z", null],
      ["utm", "bob", "2026-10-10T12:00:00.000Z", "utm_source=instagram&utm_medium=influencer&utm_campaign=fall&utm_content=bob"],
    ]);
    expect((await rows()).filter((r) => r.orders > 0)).toEqual([{ creator: "bob", day: "2026-10-10", orders: 1, ppm: 1_000_000, code: 0, link: 1, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 }]);
    await consistent();
  });

  test("a refund that arrives before its order waits, then counts on its own day when the order arrives", async () => {
    const refund = normalizeRefund(JSON.parse(REFUND_TEXT), REFUND_TEXT);
    expect(await ingest.ingestRefund(SHOP, refund)).toEqual({ outcome: "pending_order", rollupRowsChanged: 0 });
    expect(await ingest.ingestRefund(SHOP, refund)).toEqual({ outcome: "duplicate", rollupRowsChanged: 0 });
    expect(await rows()).toEqual([]);
    const late = order({ ...code("ANNA10"), admin_graphql_api_id: refund.shopifyOrderId, processed_at: "2021-12-30T12:00:00Z", created_at: "2021-12-30T12:00:00Z", updated_at: "2021-12-30T12:00:00Z" });
    await ingest.ingestOrder(SHOP, late);
    expect(await rows()).toEqual([
      { creator: "anna", day: "2021-12-30", orders: 1, ppm: 1_000_000, code: 1, link: 0, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 },
      { creator: "anna", day: "2022-01-01", orders: 0, ppm: 0, code: 0, link: 0, newCustomers: 0, net: -41495, refunds: 41495, repeatOrders: 0, repeatNet: 0 },
    ]);
    expect(await database.client.refund.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({ applied: true });
    await consistent();
  });

  test("an update with the same updated_at is stale and changes nothing; an older one too", async () => {
    const first = order(code("ANNA10"));
    await ingest.ingestOrder(SHOP, first);
    const before = await rows();
    expect((await ingest.ingestOrder(SHOP, { ...first, codes: ["BOB10"] })).outcome).toBe("stale");
    expect((await ingest.ingestOrder(SHOP, { ...first, codes: [], shopifyUpdatedAt: "2026-10-09T00:00:00.000Z" })).outcome).toBe("stale");
    expect(await rows()).toEqual(before);
  });

  test("a test order is never stored; an order in another currency than the shop's is refused whole", async () => {
    expect(await ingest.ingestOrder(SHOP, order({ test: true }))).toMatchObject({ outcome: "ignored_test", orderId: null });
    const { IngestError } = await import("../../../app/ingest/errors");
    await database.client.shop.update({ where: { shop: SHOP }, data: { currencyCode: "EUR" } });
    await expect(ingest.ingestOrder(SHOP, order(code("ANNA10")))).rejects.toThrow(IngestError);
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(0);
    expect(await rows()).toEqual([]);
  });

  test("repeat purchases follow the acquiring creator; cancelling the first order makes the second the acquisition", async () => {
    const first = order({ ...code("ANNA10"), processed_at: "2026-10-01T10:00:00Z", created_at: "2026-10-01T10:00:00Z", updated_at: "2026-10-01T10:00:00Z" });
    const second = order({ processed_at: "2026-10-05T10:00:00Z", created_at: "2026-10-05T10:00:00Z", updated_at: "2026-10-05T10:00:00Z" });
    // The repeat arrives first: it is the customer's first order until the earlier one shows up.
    await ingest.ingestOrder(SHOP, second);
    await ingest.ingestOrder(SHOP, first);
    expect(await rows()).toEqual([
      { creator: "anna", day: "2026-10-01", orders: 1, ppm: 1_000_000, code: 1, link: 0, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 },
      { creator: "", day: "2026-10-05", orders: 1, ppm: 1_000_000, code: 0, link: 0, newCustomers: 0, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 },
      { creator: "anna", day: "2026-10-05", orders: 0, ppm: 0, code: 0, link: 0, newCustomers: 0, net: 0, refunds: 0, repeatOrders: 1, repeatNet: 39495 },
    ]);
    expect(await database.client.customer.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({ acquiringCreatorId: "anna", acquisitionChannel: "creator" });
    await consistent();

    await ingest.ingestOrder(SHOP, { ...first, cancelled: true, cancelledAt: "2026-10-02T00:00:00.000Z", shopifyUpdatedAt: "2026-10-02T00:00:00.000Z" });
    expect(await rows()).toEqual([{ creator: "", day: "2026-10-05", orders: 1, ppm: 1_000_000, code: 0, link: 0, newCustomers: 1, net: 39495, refunds: 0, repeatOrders: 0, repeatNet: 0 }]);
    expect(await database.client.customer.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({ acquiringCreatorId: null, acquisitionChannel: "direct" });
    await consistent();
  });

  test("a guest order later tied to a customer becomes that customer's first order", async () => {
    const guest = order({ ...code("BOB10"), customer: null });
    await ingest.ingestOrder(SHOP, guest);
    expect((await rows())[0]).toMatchObject({ creator: "bob", newCustomers: 0 });
    await ingest.ingestOrder(SHOP, normalizeOrder({ ...SAMPLE, ...code("BOB10"), test: false, cancelled_at: null, admin_graphql_api_id: guest.shopifyOrderId, processed_at: "2026-10-10T12:00:00Z", created_at: "2026-10-10T12:00:00Z", updated_at: "2026-10-12T00:00:00Z", customer: { admin_graphql_api_id: "gid://shopify/Customer/77" } }));
    expect((await rows())[0]).toMatchObject({ creator: "bob", newCustomers: 1 });
    expect(await database.client.customer.count({ where: { shop: SHOP } })).toBe(1);
    await consistent();
  });
});
