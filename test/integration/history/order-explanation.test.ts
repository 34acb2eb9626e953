// The order page against the built app: an order that came through the real webhook route explains itself (signals
// seen, the rule that won, each creator's credit), in English and French; staff reassign it to another creator and
// campaign (who and when recorded, rollups follow), the reassignment survives Shopify's later updates, and clearing
// it gives the order back to the model. Another shop's order or creator: 404 / 422, nothing changed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import type { TestDatabase } from "../../support/database";
import { SHARED } from "../../support/paths";
import { storeOfflineSession } from "../../support/sessions";
import { adminFetch, embeddedUrl } from "../../support/session-token";
import { sendWebhook } from "../../support/webhook-request";
import { loaderData, postAction } from "../creators/admin-http";
import { createIsolatedDatabase } from "./harness";

const SHOP = "explain-test.myshopify.com";
const OTHER = "explain-other.myshopify.com";
const ROUTE = "routes/app.orders.$orderId";
const SAMPLE = fs.readFileSync(path.join(SHARED, "fixtures/shopify/orders-create.sample.2026-07.json"), "utf8");

/** Shopify's orders/create sample as a live order that used Anna's code after landing through Bob's link. */
function orderBody(changes: { id: string; updatedAt: string; name?: string }) {
  const order = JSON.parse(SAMPLE) as Record<string, unknown>;
  return JSON.stringify({
    ...order,
    admin_graphql_api_id: `gid://shopify/Order/${changes.id}`,
    name: changes.name ?? "#4001",
    cancelled_at: null,
    cancel_reason: null,
    test: false,
    processed_at: "2026-03-10T15:00:00-05:00",
    created_at: "2026-03-10T15:00:00-05:00",
    updated_at: changes.updatedAt,
    discount_codes: [{ code: "anna10", amount: "20.00", type: "fixed_amount" }],
    landing_site: "/products/linen-shirt?utm_source=instagram&utm_medium=influencer&utm_content=bob",
  });
}

let database: TestDatabase;
let app: AppProcess;
const ids = { anna: "", bob: "", carol: "", spring: "", summer: "", order: "", otherOrder: "", otherCreator: "" };

async function deliver(shop: string, topic: string, body: string) {
  const response = await sendWebhook(app.url, `/webhooks/${topic}`, { topic, shop, body });
  expect(response.status).toBe(200);
}

async function netByCreator(shop: string): Promise<Record<string, number>> {
  const rows = await database.client.dailyRollup.groupBy({ by: ["creatorId"], where: { shop }, _sum: { netMinor: true, orders: true } });
  return Object.fromEntries(rows.filter((r) => (r._sum.orders ?? 0) !== 0 || (r._sum.netMinor ?? 0) !== 0).map((r) => [r.creatorId, r._sum.netMinor ?? 0]));
}

beforeAll(async () => {
  database = await createIsolatedDatabase();
  const c = database.client;
  for (const shop of [SHOP, OTHER]) {
    await c.shop.create({ data: { shop, currencyCode: "USD", ianaTimezone: "America/New_York", primaryDomain: `${shop.split(".")[0]}.example` } });
    await storeOfflineSession(c, shop);
  }
  const spring = await c.campaign.create({ data: { shop: SHOP, name: "Spring Linen", slug: "spring-linen" } });
  const summer = await c.campaign.create({ data: { shop: SHOP, name: "Summer Sale", slug: "summer-sale" } });
  const creator = (shop: string, name: string, handle: string) => c.creator.create({ data: { shop, name, handle, handleKey: handle } });
  const anna = await creator(SHOP, "Anna Berg", "anna");
  const bob = await creator(SHOP, "Bob Stone", "bob");
  const carol = await creator(SHOP, "Carol Diaz", "carol");
  const collaboration = await c.collaboration.create({ data: { shop: SHOP, creatorId: anna.id, campaignId: spring.id } });
  await c.discountCode.create({
    data: { shop: SHOP, collaborationId: collaboration.id, creatorId: anna.id, campaignId: spring.id, code: "ANNA10", codeKey: "ANNA10", valueType: "percentage", value: 10 },
  });
  const other = await creator(OTHER, "Zoe Other", "zoe");
  Object.assign(ids, { anna: anna.id, bob: bob.id, carol: carol.id, spring: spring.id, summer: summer.id, otherCreator: other.id });

  app = await startAppProcess(testAppEnv(database.url));
  await deliver(SHOP, "orders/create", orderBody({ id: "6100000000001", updatedAt: "2026-03-10T15:00:00-05:00" }));
  await deliver(OTHER, "orders/create", orderBody({ id: "6100000000002", updatedAt: "2026-03-10T15:00:00-05:00", name: "#9001" }));
  ids.order = (await c.order.findFirstOrThrow({ where: { shop: SHOP } })).id;
  ids.otherOrder = (await c.order.findFirstOrThrow({ where: { shop: OTHER } })).id;
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

type Explained = {
  order: { name: string; gross: string; net: string; codes: string[]; customerType: string };
  winningRule: string;
  model: string;
  windowDays: number;
  signals: { kind: string; creator: string; campaign: string | null; evidence: string | null; status: string; decisive: boolean }[];
  modelCredits: { creator: string; campaign: string | null; share: string; role: string; kind: string }[];
  counted: { creator: string; campaign: string | null; share: string; kind: string }[];
  override: { creator: string; campaign: string | null; by: string | null; at: string | null } | null;
};

async function explanation(shop = SHOP, orderId = ids.order) {
  return loaderData(app, shop, `/app/orders/${orderId}`, ROUTE) as Promise<{ status: number; body: Explained }>;
}

describe("an order explains its attribution", () => {
  test("signals seen, the rule that won and each creator's credit", async () => {
    const { status, body } = await explanation();
    expect(status).toBe(200);
    expect(body.order).toMatchObject({ name: "#4001", gross: "$414.95", net: "$394.95", codes: ["ANNA10"], customerType: "new" });
    expect(body).toMatchObject({ winningRule: "code", model: "code_first_last_touch", windowDays: 30, override: null });
    // Same instant (the order's): the code comes last, as the stronger signal of that visit.
    expect(body.signals).toEqual([
      {
        kind: "utm",
        creator: "Bob Stone (@bob)",
        campaign: null,
        at: expect.any(String),
        evidence: "utm_source=instagram&utm_medium=influencer&utm_content=bob",
        status: "counted",
        decisive: false,
      },
      { kind: "code", creator: "Anna Berg (@anna)", campaign: "Spring Linen", at: expect.any(String), evidence: "ANNA10", status: "counted", decisive: true },
    ]);
    expect(body.modelCredits).toEqual([
      { creatorId: ids.anna, creator: "Anna Berg (@anna)", campaign: "Spring Linen", share: "100%", role: "credited", kind: "code" },
      { creatorId: ids.bob, creator: "Bob Stone (@bob)", campaign: null, share: "0%", role: "assist", kind: "utm" },
    ]);
    expect(await netByCreator(SHOP)).toEqual({ [ids.anna]: 39495 });
  });

  test.each([
    ["en", ["Signals seen", "Rule that won", "A creator&#x27;s discount code was used", "Credit per creator", "Assist (no credit)", "Reassign this order"]],
    ["fr", ["Signaux relevés", "Règle appliquée", "Le code de réduction d’un créateur a été utilisé", "Attribution par créateur", "Contribution (sans part)", "Réattribuer cette commande"]],
  ])("the page reads in %s", async (locale, phrases) => {
    const response = await adminFetch(`${embeddedUrl(app.url, `/app/orders/${ids.order}`, SHOP)}&locale=${locale}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const phrase of phrases) expect(html).toContain(phrase);
    expect(html).toContain("Anna Berg (@anna)");
  });
});

describe("staff reassign an order", () => {
  test("to another creator and campaign: recorded with who and when, rollups follow", async () => {
    const result = await postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [
      ["intent", "reassign"],
      ["creatorId", ids.carol],
      ["campaignId", ids.summer],
    ]);
    expect(result).toMatchObject({ status: 200, body: { done: "reassigned", error: null } });
    const order = await database.client.order.findUniqueOrThrow({ where: { id: ids.order } });
    expect(order).toMatchObject({ overrideCreatorId: ids.carol, overrideCampaignId: ids.summer, overrideBy: "user:42", creditedCreatorId: ids.anna });
    expect(Date.now() - order.overrideAt!.getTime()).toBeLessThan(60_000);
    expect(await netByCreator(SHOP)).toEqual({ [ids.carol]: 39495 });
    const campaigns = await database.client.dailyRollup.findMany({ where: { shop: SHOP, creatorId: ids.carol }, select: { campaignId: true, orders: true, linkOrders: true, codeOrders: true } });
    expect(campaigns).toEqual([{ campaignId: ids.summer, orders: 1, codeOrders: 0, linkOrders: 0 }]);

    const { body } = await explanation();
    expect(body.override).toMatchObject({ creator: "Carol Diaz (@carol)", campaign: "Summer Sale", by: "user:42" });
    expect(body.counted).toEqual([{ creatorId: ids.carol, creator: "Carol Diaz (@carol)", campaign: "Summer Sale", share: "100%", kind: "manual" }]);
    // What the model would give is still shown, without a decisive signal.
    expect(body.signals.every((s) => !s.decisive)).toBe(true);
  });

  test("the reassignment survives a later update of the order from Shopify", async () => {
    await deliver(SHOP, "orders/updated", orderBody({ id: "6100000000001", updatedAt: "2026-03-12T09:00:00-05:00" }));
    const order = await database.client.order.findUniqueOrThrow({ where: { id: ids.order } });
    expect(order.shopifyUpdatedAt.toISOString()).toBe("2026-03-12T14:00:00.000Z");
    expect(order).toMatchObject({ overrideCreatorId: ids.carol, overrideCampaignId: ids.summer, overrideBy: "user:42" });
    expect(await netByCreator(SHOP)).toEqual({ [ids.carol]: 39495 });
  });

  test("to a creator without a campaign: the creator's campaign from the order's signals, or none", async () => {
    const result = await postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [
      ["intent", "reassign"],
      ["creatorId", ids.bob],
      ["campaignId", ""],
    ]);
    expect(result.status).toBe(200);
    const { body } = await explanation();
    expect(body.counted).toEqual([{ creatorId: ids.bob, creator: "Bob Stone (@bob)", campaign: null, share: "100%", kind: "utm" }]);
    expect(await netByCreator(SHOP)).toEqual({ [ids.bob]: 39495 });
  });

  test("clearing the reassignment gives the order back to the model", async () => {
    const result = await postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [["intent", "clear"]]);
    expect(result).toMatchObject({ status: 200, body: { done: "cleared" } });
    const order = await database.client.order.findUniqueOrThrow({ where: { id: ids.order } });
    expect(order).toMatchObject({ overrideCreatorId: null, overrideCampaignId: null, overrideBy: "user:42" });
    expect(await netByCreator(SHOP)).toEqual({ [ids.anna]: 39495 });
    expect((await explanation()).body.override).toBeNull();
  });
});

describe("what is refused changes nothing", () => {
  async function snapshot() {
    return {
      orders: await database.client.order.findMany({ orderBy: { id: "asc" } }),
      rollups: await database.client.dailyRollup.findMany({ orderBy: [{ shop: "asc" }, { creatorId: "asc" }, { day: "asc" }] }),
    };
  }

  test.each<[string, number, () => Promise<{ status: number }>]>([
    ["another shop's order page", 404, () => explanation(SHOP, ids.otherOrder)],
    ["an unknown order", 404, () => explanation(SHOP, "no-such-order")],
    [
      "reassigning another shop's order",
      404,
      () => postAction(app, SHOP, `/app/orders/${ids.otherOrder}`, ROUTE, [["intent", "reassign"], ["creatorId", ids.carol], ["campaignId", ""]]),
    ],
    [
      "clearing another shop's order",
      404,
      () => postAction(app, SHOP, `/app/orders/${ids.otherOrder}`, ROUTE, [["intent", "clear"]]),
    ],
    [
      "reassigning to another shop's creator",
      422,
      () => postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [["intent", "reassign"], ["creatorId", ids.otherCreator], ["campaignId", ""]]),
    ],
    [
      "reassigning to an unknown campaign",
      422,
      () => postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [["intent", "reassign"], ["creatorId", ids.carol], ["campaignId", "nope"]]),
    ],
    ["reassigning without a creator", 400, () => postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [["intent", "reassign"], ["creatorId", ""], ["campaignId", ""]])],
    ["an unknown intent", 400, () => postAction(app, SHOP, `/app/orders/${ids.order}`, ROUTE, [["intent", "delete"]])],
  ])("%s → %i", async (_label, status, call) => {
    const before = await snapshot();
    expect((await call()).status).toBe(status);
    expect(await snapshot()).toEqual(before);
  });
});
