// The order webhook routes of the built app: Shopify's own samples, every kind of bad signature, malformed bodies,
// and duplicate deliveries (sequential and concurrent) that must leave exact totals.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateOrderStream, type GeneratedEvent } from "../../../scripts/lib/generate-orders";
import { startAppProcess, testAppEnv, TEST_API_SECRET, type AppProcess } from "../../support/app-process";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { SHARED } from "../../support/paths";
import { sendWebhook, webhookHeaders, webhookHmac } from "../../support/webhook-request";
import { rollupTotals, seedWorld, totalsOf } from "./seed-world";

const FIXTURES = path.join(SHARED, "fixtures/shopify");
const ORDER_SAMPLE = fs.readFileSync(path.join(FIXTURES, "orders-create.sample.2026-07.json"), "utf8");
const REFUND_SAMPLE = fs.readFileSync(path.join(FIXTURES, "refunds-create.sample.2026-07.json"), "utf8");
const SAMPLE_ORDER_GID = "gid://shopify/Order/820982911946154508";

const route = (topic: string) => `/webhooks/${topic}`;

describe("order webhooks", () => {
  let database: TestDatabase;
  let app: AppProcess;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startAppProcess(testAppEnv(database.url));
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const deliver = (topic: string, shop: string, body: string, extra: Partial<Parameters<typeof sendWebhook>[2]> = {}) =>
    sendWebhook(app.url, route(topic), { topic, shop, body, ...extra });
  const stored = async (shop: string) => ({
    events: await database.client.webhookEvent.count({ where: { shop } }),
    orders: await database.client.order.count({ where: { shop } }),
    refunds: await database.client.refund.count({ where: { shop } }),
    rollups: await database.client.dailyRollup.count({ where: { shop } }),
  });

  describe("Shopify's published samples", () => {
    const SHOP = "samples.myshopify.com";
    beforeAll(async () => {
      await database.client.shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "America/New_York" } });
    });

    test("the order sample is a cancelled test order: received once, counted nowhere", async () => {
      const response = await deliver("orders/create", SHOP, ORDER_SAMPLE);
      expect(response.status).toBe(200);
      expect(response.headers.get("X-Creator-Roi-Webhook")).toBe("processed");
      expect(await stored(SHOP)).toEqual({ events: 1, orders: 0, refunds: 0, rollups: 0 });
      expect(await database.client.customer.count({ where: { shop: SHOP } })).toBe(0);
    });

    test("the refund sample arrives without its order: kept, waiting, counted nowhere", async () => {
      const response = await deliver("refunds/create", SHOP, REFUND_SAMPLE);
      expect(response.status).toBe(200);
      const refund = await database.client.refund.findFirstOrThrow({ where: { shop: SHOP } });
      expect(refund).toMatchObject({
        shopifyRefundId: "gid://shopify/Refund/890088186047892319",
        // Exact beyond 2^53: read from the raw body, not from JSON.parse's rounded 820982911946154500.
        shopifyOrderId: SAMPLE_ORDER_GID,
        amountMinor: 41495,
        applied: false,
      });
      expect(await database.client.dailyRollup.count({ where: { shop: SHOP } })).toBe(0);
    });

    test("the same order made live and updated later: counted, and the waiting refund applied on its own day", async () => {
      const live = { ...JSON.parse(ORDER_SAMPLE), test: false, cancelled_at: null, cancel_reason: null, updated_at: "2022-01-02T10:00:00-05:00" };
      const response = await deliver("orders/updated", SHOP, JSON.stringify(live).replace('"id":820982911946154500', '"id":820982911946154508'));
      expect(response.status).toBe(200);
      const order = await database.client.order.findUniqueOrThrow({ where: { shop_shopifyOrderId: { shop: SHOP, shopifyOrderId: SAMPLE_ORDER_GID } } });
      expect(order).toMatchObject({ grossMinor: 41495, discountsMinor: 2000, refundsMinor: 41495, test: false, cancelledAt: null, customerOrderIndex: 1 });
      expect(await database.client.refund.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({ applied: true });
      const rows = await database.client.dailyRollup.findMany({ where: { shop: SHOP }, orderBy: { day: "asc" } });
      // Processed 2021-12-31 19:00 in New York; the refund too: both on New Year's Eve in the shop's zone.
      expect(rows.map((r) => [r.creatorId, r.day, r.orders, r.newCustomers, r.grossMinor, r.discountsMinor, r.refundsMinor, r.netMinor])).toEqual([
        ["", "2021-12-31", 1, 1, 41495, 2000, 41495, -2000],
      ]);
      expect(await database.client.customer.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({
        shopifyCustomerId: "gid://shopify/Customer/115310627314723954",
        acquiringCreatorId: null,
        acquisitionChannel: "direct",
      });
    });

    test("the cancelled sample delivered again later (orders/cancelled, newer updated_at) removes the order and its refund from the metrics", async () => {
      const cancelled = { ...JSON.parse(ORDER_SAMPLE), test: false, updated_at: "2022-01-03T10:00:00-05:00" };
      const response = await deliver("orders/cancelled", SHOP, JSON.stringify(cancelled));
      expect(response.status).toBe(200);
      const sums = await database.client.dailyRollup.aggregate({ where: { shop: SHOP }, _sum: { orders: true, newCustomers: true, grossMinor: true, refundsMinor: true, netMinor: true } });
      expect(sums._sum).toEqual({ orders: 0, newCustomers: 0, grossMinor: 0, refundsMinor: 0, netMinor: 0 });
      expect(await database.client.customer.count({ where: { shop: SHOP } })).toBe(0);
    });
  });

  describe("signatures", () => {
    const SHOP = "hmac.myshopify.com";
    const stream = generateOrderStream({ seed: 3, shop: SHOP, orders: 5 });
    const body = stream.events.find((e) => e.topic === "orders/create")!.body;
    const good = webhookHmac(body, TEST_API_SECRET);
    beforeAll(async () => {
      await seedWorld(database.client, stream, "hmac-");
    });

    const flipped = (() => {
      const i = body.indexOf('"name":"#') + 9;
      return body.slice(0, i) + (body[i] === "1" ? "2" : "1") + body.slice(i + 1);
    })();

    test.each<[string, { hmac?: string | null; body?: string }]>([
      ["a wrong signature", { hmac: crypto.randomBytes(32).toString("base64") }],
      ["a truncated signature", { hmac: good.slice(0, -4) }],
      ["a signature of the wrong length (extra characters)", { hmac: `${good}AAAA` }],
      ["the digest in hex instead of base64", { hmac: crypto.createHmac("sha256", TEST_API_SECRET).update(body).digest("hex") }],
      ["one byte of the body changed after signing", { hmac: good, body: flipped }],
      ["another app's secret", { hmac: webhookHmac(body, "another-apps-secret-with-entropy") }],
      ["no signature header", { hmac: null }],
      ["an empty signature header", { hmac: "" }],
      ["whitespace inside the signature", { hmac: `${good.slice(0, 20)} ${good.slice(20)}` }],
      ["the base64url variant of the right digest", { hmac: good.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") }],
      ["the signature of a different body", { hmac: webhookHmac(stream.events[1]!.body, TEST_API_SECRET) }],
      ["the right digest with its letters' case swapped", { hmac: good.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())) }],
      ["the right signature sent twice in one header", { hmac: `${good}, ${good}` }],
      ["a signature over the body with a trailing newline", { hmac: webhookHmac(`${body}\n`, TEST_API_SECRET) }],
    ])("%s → 401, nothing stored", async (_label, delivery) => {
      const response = await deliver("orders/create", SHOP, delivery.body ?? body, { hmac: delivery.hmac });
      expect(response.status).toBe(401);
      expect(await stored(SHOP)).toEqual({ events: 0, orders: 0, refunds: 0, rollups: 0 });
    });

    test("the right signature under another topic's header still verifies the body, but the route refuses the topic: 400, nothing stored", async () => {
      const response = await sendWebhook(app.url, route("orders/create"), { topic: "orders/updated", shop: SHOP, body });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/receives orders\/create deliveries, not orders\/updated/);
      expect(await stored(SHOP)).toEqual({ events: 0, orders: 0, refunds: 0, rollups: 0 });
    });

    test("spaces around the signature are not part of an HTTP header value: the delivery is accepted", async () => {
      const headers = { ...webhookHeaders({ topic: "orders/create", shop: SHOP, body }), "X-Shopify-Hmac-Sha256": `  ${good}  ` };
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(new URL(route("orders/create"), app.url), { method: "POST", headers }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("error", reject);
        request.end(body);
      });
      expect(status).toBe(200);
      expect((await stored(SHOP)).events).toBe(1);
    });
  });

  describe("malformed bodies", () => {
    const SHOP = "malformed.myshopify.com";
    const base = JSON.parse(generateOrderStream({ seed: 4, shop: SHOP, orders: 1 }).events[0]!.body) as Record<string, unknown>;
    beforeAll(async () => {
      await database.client.shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "UTC" } });
    });

    test.each<[string, string, string, RegExp]>([
      ["a signed body that is not JSON", "orders/create", "{ not json", /not JSON/],
      ["an order without its GID", "orders/create", JSON.stringify({ ...base, admin_graphql_api_id: undefined }), /admin_graphql_api_id/],
      ["an amount with a comma", "orders/create", JSON.stringify({ ...base, total_line_items_price_set: { shop_money: { amount: "12,50", currency_code: "USD" } } }), /total_line_items_price_set/],
      ["a timestamp without offset", "orders/updated", JSON.stringify({ ...base, updated_at: "2026-09-01 10:00" }), /updated_at/],
      ["a refund without order_id", "refunds/create", JSON.stringify({ admin_graphql_api_id: "gid://shopify/Refund/1", created_at: "2026-09-01T10:00:00Z" }), /order_id/],
      ["an order body sent to the refunds route", "refunds/create", JSON.stringify(base), /Refund/],
    ])("%s → 400 with the reason, nothing stored", async (_label, topic, body, reason) => {
      const response = await deliver(topic, SHOP, body);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(reason);
      expect(await stored(SHOP)).toEqual({ events: 0, orders: 0, refunds: 0, rollups: 0 });
    });
  });

  describe("duplicate deliveries", () => {
    const SHOP = "duplicates.myshopify.com";
    const stream = generateOrderStream({ seed: 21, shop: SHOP, orders: 120 });
    beforeAll(async () => {
      await seedWorld(database.client, stream, "dup-");
    });

    test("every event delivered 1–5 times, some ten copies at once: exact totals, one stored event per delivery id", async () => {
      const outcomes = new Map<string, string[]>();
      const send = async (event: GeneratedEvent) => {
        const response = await deliver(event.topic, SHOP, event.body, { webhookId: event.webhookId, eventId: event.eventId });
        expect(response.status).toBe(200);
        outcomes.set(event.webhookId, [...(outcomes.get(event.webhookId) ?? []), response.headers.get("X-Creator-Roi-Webhook") ?? ""]);
      };
      let concurrentBursts = 0;
      for (const [i, event] of stream.events.entries()) {
        if (i % 15 === 0) {
          concurrentBursts += 1;
          await Promise.all(Array.from({ length: 10 }, () => send(event)));
        } else {
          for (let copy = 0; copy < 1 + (i % 5); copy++) await send(event);
        }
      }
      expect(concurrentBursts).toBeGreaterThanOrEqual(10);
      for (const [webhookId, results] of outcomes) {
        expect({ webhookId, processed: results.filter((r) => r === "processed").length }).toEqual({ webhookId, processed: 1 });
        expect(results.filter((r) => r !== "processed" && r !== "duplicate")).toEqual([]);
      }
      expect(await database.client.webhookEvent.count({ where: { shop: SHOP } })).toBe(stream.events.length);
      const totals = await rollupTotals(database.client, SHOP);
      for (const creator of stream.creators) expect({ creator: creator.key, ...totalsOf(totals, `dup-${creator.key}`) }).toEqual({ creator: creator.key, ...stream.expected.byCreator[creator.key] });
      expect(totalsOf(totals, "")).toEqual(stream.expected.baseline);
    });
  });
});
