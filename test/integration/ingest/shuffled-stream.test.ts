// 10,000 order events — creates, updates, cancellations and refunds — delivered fully shuffled, with some delivered
// twice, through the real webhook routes, against the same events ingested in order: the rollups are equal row for
// row, to the cent, they match the generator's totals, and they equal a recomputation from the raw orders.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { normalizeOrder, normalizeRefund } from "../../../app/domain/orders";
import { generateOrderStream, type GeneratedEvent } from "../../../scripts/lib/generate-orders";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { webhookHeaders } from "../../support/webhook-request";
import { useModelDatabase } from "../creators/model-env";
import { rollupSnapshot, rollupTotals, seedWorld, totalsOf } from "./seed-world";

const SHOP = "stream.myshopify.com";

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("a 10,000-event stream, shuffled", () => {
  let inOrder: TestDatabase;
  let shuffledDb: TestDatabase;
  let app: AppProcess;
  const stream = generateOrderStream({ seed: 10_000, shop: SHOP, orders: 6060 });

  beforeAll(async () => {
    inOrder = await useModelDatabase();
    shuffledDb = await createTestDatabase();
    await seedWorld(inOrder.client, stream);
    await seedWorld(shuffledDb.client, stream);
    app = await startAppProcess(testAppEnv(shuffledDb.url));
  });
  afterAll(async () => {
    await app?.stop();
    await inOrder?.drop();
    await shuffledDb?.drop();
  });

  test("same rollups as the in-order run, to the cent, with no double count", async () => {
    expect(stream.events.length).toBeGreaterThanOrEqual(10_000);
    const kinds = Object.fromEntries(["orders/create", "orders/updated", "orders/cancelled", "refunds/create"].map((t) => [t, stream.events.filter((e) => e.topic === t).length]));
    expect(Object.values(kinds).every((n) => n > 100)).toBe(true);

    // In order, in this process (the same inbox code the routes call), while the app takes the shuffled stream.
    const inbox = await import("../../../app/ingest/webhook-inbox.server");
    const inOrderRun = (async () => {
      for (const event of stream.events) {
        const parsed = inbox.parseIngestWebhook(event.topic, event.body);
        expect(await inbox.receiveWebhook({ shop: SHOP, topic: event.topic, webhookId: event.webhookId, eventId: event.eventId, rawBody: event.body, parsed })).toBe("processed");
      }
    })();

    // Shuffled, over HTTP, four in flight; one event in ten delivered a second time somewhere else in the stream.
    const deliveries: GeneratedEvent[] = shuffle([...stream.events, ...stream.events.filter((_, i) => i % 10 === 0)], 77);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const outcomes: Record<string, number> = {};
    let next = 0;
    const send = (event: GeneratedEvent) =>
      new Promise<void>((resolve, reject) => {
        const headers = webhookHeaders({ topic: event.topic, shop: SHOP, body: event.body, webhookId: event.webhookId, eventId: event.eventId });
        const request = http.request(new URL(`/webhooks/${event.topic}`, app.url), { method: "POST", headers, agent }, (response) => {
          response.resume();
          response.on("end", () => {
            const key = `${response.statusCode} ${response.headers["x-creator-roi-webhook"] ?? ""}`;
            outcomes[key] = (outcomes[key] ?? 0) + 1;
            resolve();
          });
        });
        request.on("error", reject);
        request.end(event.body);
      });
    const shuffledRun = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < deliveries.length) await send(deliveries[next++]!);
      }),
    );
    await Promise.all([inOrderRun, shuffledRun]);
    agent.destroy();

    expect(outcomes).toEqual({ "200 processed": stream.events.length, "200 duplicate": deliveries.length - stream.events.length });
    expect(await rollupSnapshot(shuffledDb.client, SHOP)).toEqual(await rollupSnapshot(inOrder.client, SHOP));

    const totals = await rollupTotals(shuffledDb.client, SHOP);
    for (const creator of stream.creators) expect({ creator: creator.key, ...totalsOf(totals, creator.key) }).toEqual({ creator: creator.key, ...stream.expected.byCreator[creator.key] });
    expect(totalsOf(totals, "")).toEqual(stream.expected.baseline);
    const all = Object.values(totals).reduce((sum, t) => sum + t.netMinor, 0);
    expect(all).toBe(stream.expected.shop.netMinor);

    const { checkShopRollups } = await import("../../../app/ingest/rebuild-rollups.server");
    expect(await checkShopRollups(SHOP)).toEqual([]);
    expect(await shuffledDb.client.order.count({ where: { shop: SHOP } })).toBe(stream.expected.storedOrders);
    expect(await shuffledDb.client.customer.count({ where: { shop: SHOP } })).toBe(stream.expected.customers);
    console.log(`shuffled stream: ${stream.events.length} events (${JSON.stringify(kinds)}), ${deliveries.length - stream.events.length} duplicates`);
  }, 300_000);

  test("raw JSON numbers beyond 2^53 never became keys: every stored order id is the payload's exact GID", async () => {
    const gids = new Set(stream.events.filter((e) => e.topic !== "refunds/create").map((e) => normalizeOrder(JSON.parse(e.body)).shopifyOrderId));
    const refundOrderGids = stream.events.filter((e) => e.topic === "refunds/create").map((e) => normalizeRefund(JSON.parse(e.body), e.body).shopifyOrderId);
    expect(refundOrderGids.every((gid) => gids.has(gid))).toBe(true);
    const stored = await shuffledDb.client.order.findMany({ where: { shop: SHOP }, select: { shopifyOrderId: true } });
    expect(stored.every((o) => gids.has(o.shopifyOrderId))).toBe(true);
  });
});
