// No customer name, email, address or phone is stored anywhere. Shopify's samples (orders/create, refunds/create, the
// privacy topics) and a generated stream of orders full of buyers' personal data go through the real webhook routes;
// then every text value of every row of every table is scanned for each piece of personal data the bodies carried.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateOrderStream } from "../../../scripts/lib/generate-orders";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import type { TestDatabase } from "../../support/database";
import { SHARED } from "../../support/paths";
import { sendWebhook } from "../../support/webhook-request";
import { seedWorld } from "../ingest/seed-world";
import { createIsolatedDatabase, everyStoredText } from "./harness";

const SHOP = "pii-scan.myshopify.com";
const FIXTURES = path.join(SHARED, "fixtures/shopify");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");

// Keys whose values are a buyer's personal data in Shopify's order bodies (and the privacy topics).
const PERSONAL_KEYS = new Set(["email", "contact_email", "phone", "first_name", "last_name", "address1", "address2", "zip", "company"]);
const ADDRESS_OBJECTS = new Set(["billing_address", "shipping_address", "default_address", "customer"]);

/** Every personal value a body carries: the keys above, plus full names of customers and addresses. */
function personalValues(body: string): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, parentKey: string | null) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, parentKey));
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if (typeof child === "string" && (PERSONAL_KEYS.has(key) || (key === "name" && parentKey !== null && ADDRESS_OBJECTS.has(parentKey)))) {
        out.add(child);
      }
      visit(child, key);
    }
    if (typeof record.first_name === "string" && typeof record.last_name === "string") out.add(`${record.first_name} ${record.last_name}`);
  };
  visit(JSON.parse(body), null);
  // A first name alone may also be a creator's handle or a product word; what identifies a person is kept.
  return [...out].filter((value) => value.length >= 6 || value.includes("@") || /\d/.test(value));
}

/** Each stored text holding a personal value sent, matched as a whole token (a zip code inside a row id is no leak). */
function findLeaks(texts: { table: string; column: string; value: string }[]): string[] {
  const patterns = [...sentValues].map((personal) => ({
    personal,
    pattern: new RegExp(`(^|[^A-Za-z0-9])${personal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9])`),
  }));
  return texts.flatMap(({ table, column, value }) =>
    patterns.filter(({ pattern }) => pattern.test(value)).map(({ personal }) => `${table}.${column} holds "${personal}"`),
  );
}

let database: TestDatabase;
let app: AppProcess;
const sentValues = new Set<string>();

async function deliver(topic: string, body: string) {
  const response = await sendWebhook(app.url, `/webhooks/${topic}`, { topic, shop: SHOP, body });
  expect(response.status, `${topic} answered ${response.status}`).toBe(200);
  for (const value of personalValues(body)) sentValues.add(value);
}

beforeAll(async () => {
  database = await createIsolatedDatabase();
  const stream = generateOrderStream({ seed: 29, shop: SHOP, orders: 60, timeZone: "America/New_York" });
  await seedWorld(database.client, stream);
  app = await startAppProcess(testAppEnv(database.url));

  // Shopify's order sample as a live order (the sample itself is a cancelled test order, never stored), and its refund.
  const liveSample = fixture("orders-create.sample.2026-07.json")
    .replace('"cancelled_at": "2021-12-31T19:00:00-05:00"', '"cancelled_at": null')
    .replace('"test": true', '"test": false');
  await deliver("orders/create", fixture("orders-create.sample.2026-07.json"));
  await deliver("orders/create", liveSample);
  await deliver("refunds/create", fixture("refunds-create.sample.2026-07.json"));
  for (const event of stream.events) await deliver(event.topic, event.body);

  // The privacy topics carry an email and a phone too; a data request export is stored.
  const privacy = (name: string) => fixture(name).replaceAll("{shop}.myshopify.com", SHOP);
  await deliver("customers/data_request", privacy("customers-data_request.sample.json"));
  const someone = stream.events.find((e) => e.topic === "orders/create")!.body;
  const customerDigits = /"customer":\{"id":(\d+)/.exec(someone.replace(/\s/g, ""))?.[1];
  await deliver(
    "customers/data_request",
    privacy("customers-data_request.sample.json").replace("191167", customerDigits ?? "1").replace('"id": 9999', '"id": 10000'),
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe("no personal data is stored", () => {
  test("the bodies carried personal data to look for, and the orders were stored", async () => {
    for (const value of ["john@example.com", "jon@example.com", "John Smith", "123 Elm St.", "123 Shipping Street", "555-555-SHIP", "123-123-1234", "555-625-1199"]) {
      expect(sentValues).toContain(value);
    }
    expect(sentValues.size).toBeGreaterThan(100);
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBeGreaterThan(50);
    expect(await database.client.customerDataRequest.count({ where: { shop: SHOP } })).toBe(2);
    const request = await database.client.customerDataRequest.findFirstOrThrow({ where: { shop: SHOP, shopifyRequestId: "10000" } });
    expect((JSON.parse(request.data) as { orders: unknown[] }).orders.length).toBeGreaterThan(0);
  });

  test("no text column of any table holds any of it", async () => {
    const texts = await everyStoredText(database.client);
    expect(texts.length).toBeGreaterThan(1000);
    const leaks = findLeaks(texts);
    expect(leaks).toEqual([]);
  });

  test("the scan does find personal data where it is (a control)", async () => {
    const probe = await database.client.creator.create({ data: { shop: "control.myshopify.com", name: "Control", handle: "control", handleKey: "control", notes: "met John Smith at the fair" } });
    try {
      const texts = await everyStoredText(database.client);
      expect(findLeaks(texts)).toEqual(['Creator.notes holds "John Smith"']);
    } finally {
      await database.client.creator.delete({ where: { id: probe.id } });
    }
  });

  test("processed webhook deliveries keep no body", async () => {
    const events = await database.client.webhookEvent.findMany({ where: { shop: SHOP }, select: { status: true, payload: true } });
    expect(events.length).toBeGreaterThan(60);
    expect(events.filter((e) => e.payload !== "")).toEqual([]);
  });
});
