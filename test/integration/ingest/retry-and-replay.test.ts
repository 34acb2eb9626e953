// A delivery whose processing fails is still answered 200 (it is stored), retried with exponential backoff by the
// retry job, parked after its last attempt, shown on the Ingestion page, and processed when staff replay it once
// the cause is fixed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateOrderStream } from "../../../scripts/lib/generate-orders";
import { testAppEnv } from "../../support/app-process";
import { adminFetch, embeddedUrl } from "../../support/session-token";
import { sendWebhook } from "../../support/webhook-request";
import { loaderData, postAction, startAdminApp, type AdminApp } from "../creators/admin-http";

type Inbox = typeof import("../../../app/ingest/webhook-inbox.server");

const SHOP = "retry.myshopify.com";
const OTHER = "retry-other.myshopify.com";
const ROUTE_ID = "routes/app.ingestion";

describe("failed deliveries: retry, park, replay", () => {
  let admin: AdminApp;
  let inbox: Inbox;
  // The shop says EUR while the orders are in USD: processing refuses them (amounts would not add up).
  const stream = generateOrderStream({ seed: 8, shop: SHOP, orders: 3, currency: "USD" });
  const create = stream.events.find((e) => e.topic === "orders/create")!;

  beforeAll(async () => {
    admin = await startAdminApp([
      { shop: SHOP, currencyCode: "EUR", ianaTimezone: "UTC" },
      { shop: OTHER, currencyCode: "USD", ianaTimezone: "UTC" },
    ]);
    // The retry job, run here against the same database (the app process runs it on its own schedule too).
    Object.assign(process.env, testAppEnv(admin.database.url), { NODE_ENV: "test" });
    inbox = await import("../../../app/ingest/webhook-inbox.server");
  });
  afterAll(async () => {
    await admin?.stop();
  });

  const event = () => admin.database.client.webhookEvent.findUniqueOrThrow({ where: { webhookId: create.webhookId } });

  test("processing fails: still 200, stored pending with its raw body, first retry 30 s later", async () => {
    const response = await sendWebhook(admin.app.url, "/webhooks/orders/create", { topic: "orders/create", shop: SHOP, body: create.body, webhookId: create.webhookId });
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Creator-Roi-Webhook")).toBe("stored_for_retry");
    const stored = await event();
    expect(stored).toMatchObject({ status: "pending", attempts: 1, payload: create.body });
    expect(stored.error).toMatch(/IngestError: .* is in USD but the shop's currency is EUR/);
    expect(stored.nextAttemptAt!.getTime() - stored.receivedAt.getTime()).toBe(30_000);
    expect(await admin.database.client.order.count({ where: { shop: SHOP } })).toBe(0);
  });

  test("the retry job backs off exponentially, then parks the event after its last attempt", async () => {
    const policy = { baseDelayMs: 1_000, maxAttempts: 4 };
    let now = new Date(Date.now() + 60_000);
    const seen: [string, number, number | null][] = [];
    for (let run = 0; run < 3; run++) {
      await inbox.retryDueWebhookEvents({ now, policy });
      const stored = await event();
      seen.push([stored.status, stored.attempts, stored.nextAttemptAt ? stored.nextAttemptAt.getTime() - now.getTime() : null]);
      now = new Date((stored.nextAttemptAt ?? now).getTime() + 1);
    }
    expect(seen).toEqual([
      ["pending", 2, 2_000],
      ["pending", 3, 4_000],
      ["parked", 4, null],
    ]);
    // Parked: the retry job leaves it alone.
    expect(await inbox.retryDueWebhookEvents({ now: new Date(now.getTime() + 86_400_000), policy })).toMatchObject({ processed: 0, parked: 0 });
  });

  test("the Ingestion page lists the parked event with its error; another shop sees nothing of it", async () => {
    const page = await loaderData(admin.app, SHOP, "/app/ingestion", ROUTE_ID);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ counts: { processed: 0, pending: 0, parked: 1 }, parked: [{ topic: "orders/create", webhookId: create.webhookId, attempts: 4 }] });
    const other = await loaderData(admin.app, OTHER, "/app/ingestion", ROUTE_ID);
    expect(other.body).toMatchObject({ counts: { processed: 0, pending: 0, parked: 0 }, parked: [] });
  });

  test("the page renders in French with the parked banner", async () => {
    const response = await adminFetch(embeddedUrl(admin.app.url, "/app/ingestion?locale=fr", SHOP));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Réception des commandes");
    expect(html).toContain("1 événement n&#x27;a pas pu être traité");
    expect(html).toContain("Relancer");
  });

  test("another shop cannot replay it (404, unchanged); a malformed request is a 400", async () => {
    const stored = await event();
    const foreign = await postAction(admin.app, OTHER, "/app/ingestion", ROUTE_ID, [["intent", "replay"], ["id", stored.id]]);
    expect(foreign.status).toBe(404);
    expect(await event()).toMatchObject({ status: "parked", attempts: 4 });
    const malformed = await postAction(admin.app, SHOP, "/app/ingestion", ROUTE_ID, [["intent", "delete"], ["id", stored.id]]);
    expect(malformed.status).toBe(400);
  });

  test("replayed while the cause remains: parked again; once fixed: processed, the order counted and the raw body dropped", async () => {
    const stored = await event();
    const again = await postAction(admin.app, SHOP, "/app/ingestion", ROUTE_ID, [["intent", "replay"], ["id", stored.id]]);
    expect(again).toMatchObject({ status: 200, body: { outcome: "retry_scheduled" } });
    // A fresh budget: pending again; let the job exhaust it, then fix the shop's currency and replay.
    await inbox.retryDueWebhookEvents({ now: new Date(Date.now() + 86_400_000 * 30), policy: { baseDelayMs: 1, maxAttempts: 2 } });
    expect(await event()).toMatchObject({ status: "parked" });
    await admin.database.client.shop.update({ where: { shop: SHOP }, data: { currencyCode: "USD" } });
    const fixed = await postAction(admin.app, SHOP, "/app/ingestion", ROUTE_ID, [["intent", "replay"], ["id", stored.id]]);
    expect(fixed).toMatchObject({ status: 200, body: { outcome: "processed" } });
    expect(await event()).toMatchObject({ status: "processed", payload: "", error: null });
    expect(await admin.database.client.order.count({ where: { shop: SHOP } })).toBe(1);
    const page = await loaderData(admin.app, SHOP, "/app/ingestion", ROUTE_ID);
    expect(page.body).toMatchObject({ counts: { processed: 1, pending: 0, parked: 0 }, parked: [] });
  });

  test("processed deliveries older than a week are pruned; pending and parked ones, and recent ones, stay", async () => {
    const c = admin.database.client;
    const old = new Date(Date.now() - 8 * 86_400_000);
    const rows = [
      { webhookId: "old-processed", status: "processed", receivedAt: old },
      { webhookId: "old-parked", status: "parked", receivedAt: old },
      { webhookId: "old-pending", status: "pending", receivedAt: old },
      { webhookId: "recent-processed", status: "processed", receivedAt: new Date() },
    ];
    for (const row of rows) await c.webhookEvent.create({ data: { shop: OTHER, topic: "orders/create", payload: "", ...row } });
    expect(await inbox.pruneProcessedWebhookEvents()).toBeGreaterThanOrEqual(1);
    const left = (await c.webhookEvent.findMany({ where: { shop: OTHER }, select: { webhookId: true } })).map((e) => e.webhookId).sort();
    expect(left).toEqual(["old-parked", "old-pending", "recent-processed"]);
  });
});
