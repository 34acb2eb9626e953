// The ingestion core called in-process on a generated stream: expected totals to the cent, the incremental rollups
// equal to a recomputation from raw orders, and the same result whatever order the events arrive in.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { normalizeOrder, normalizeRefund } from "../../../app/domain/orders";
import { generateOrderStream, type GeneratedEvent, type GeneratedStream } from "../../../scripts/lib/generate-orders";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "../creators/model-env";
import { rollupSnapshot, rollupTotals, seedWorld, totalsOf } from "./seed-world";

type Ingest = typeof import("../../../app/ingest/ingest-order.server");
type Rebuild = typeof import("../../../app/ingest/rebuild-rollups.server");

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("ingestion core on a generated stream", () => {
  let database: TestDatabase;
  let ingest: Ingest;
  let rebuild: Rebuild;
  let stream: GeneratedStream;
  const IN_ORDER = "in-order.myshopify.com";
  const SHUFFLED = "shuffled.myshopify.com";

  async function play(shop: string, events: readonly GeneratedEvent[]) {
    for (const event of events) {
      const payload = JSON.parse(event.body) as unknown;
      if (event.topic === "refunds/create") await ingest.ingestRefund(shop, normalizeRefund(payload, event.body));
      else await ingest.ingestOrder(shop, normalizeOrder(payload), { source: "webhook" });
    }
  }

  beforeAll(async () => {
    database = await useModelDatabase();
    ingest = await import("../../../app/ingest/ingest-order.server");
    rebuild = await import("../../../app/ingest/rebuild-rollups.server");
    stream = generateOrderStream({ seed: 11, shop: IN_ORDER, orders: 600 });
    await seedWorld(database.client, stream);
    await seedWorld(database.client, { ...stream, shop: SHUFFLED }, "s-");
    await play(IN_ORDER, stream.events);
    await play(SHUFFLED, shuffle(stream.events, 99));
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  test("in order: every creator's and the baseline's totals match the generator's to the cent", async () => {
    const totals = await rollupTotals(database.client, IN_ORDER);
    for (const creator of stream.creators) expect({ creator: creator.key, ...totalsOf(totals, creator.key) }).toEqual({ creator: creator.key, ...stream.expected.byCreator[creator.key] });
    expect(totalsOf(totals, "")).toEqual(stream.expected.baseline);
  });

  test("shuffled: the same rollups, row for row", async () => {
    expect(await rollupSnapshot(database.client, SHUFFLED, "s-")).toEqual(await rollupSnapshot(database.client, IN_ORDER));
  });

  test("the stored rollups equal a recomputation from raw orders", async () => {
    expect(await rebuild.checkShopRollups(IN_ORDER)).toEqual([]);
    expect(await rebuild.checkShopRollups(SHUFFLED)).toEqual([]);
  });

  test("stored rows: no test order, customers acquired as the generator says", async () => {
    expect(await database.client.order.count({ where: { shop: IN_ORDER } })).toBe(stream.expected.storedOrders);
    expect(await database.client.order.count({ where: { shop: IN_ORDER, test: true } })).toBe(0);
    expect(await database.client.customer.count({ where: { shop: IN_ORDER } })).toBe(stream.expected.customers);
    expect(await database.client.customer.count({ where: { shop: SHUFFLED } })).toBe(stream.expected.customers);
  });
});
