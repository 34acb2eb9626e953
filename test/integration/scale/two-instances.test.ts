// Two app instances on one PostgreSQL database, as behind a load balancer. Shopify's deliveries are duplicated (every
// event 1–3 times, some copies at the same moment on both instances), shuffled and spread over both: the totals must
// still be exact to the cent. Both instances run their job schedulers with a short interval: every queued job runs
// exactly once, and the hourly reconciliation of each installed shop is enqueued and run once, not once per instance.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateOrderStream, type GeneratedStream } from "../../../scripts/lib/generate-orders";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { TEST_TMP } from "../../support/paths";
import { storeOfflineSession } from "../../support/sessions";
import { startShopifyStandIn, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { testDatabaseProvider } from "../../support/test-database-provider";
import { rollupTotals, seedWorld, totalsOf } from "../ingest/seed-world";
import { deliverEvent, duplicatedShuffledSends, inParallel, seededRandom, waitUntil, type Answer } from "./deliveries";

const SHOP = "two-instances.myshopify.com";
/** Installed shops besides SHOP, with offline sessions: each gets its hourly reconciliation. */
const OTHER_SHOPS = ["north-shop.myshopify.com", "south-shop.myshopify.com", "east-shop.myshopify.com"];
const PROBE_JOBS = 60;
const skipReason = testDatabaseProvider() !== "postgresql" ? "needs the PostgreSQL suite (TEST_DATABASE=postgresql, npm run test:postgres): SQLite is one file for one instance" : null;

describe.skipIf(skipReason !== null)(`two instances on one PostgreSQL database${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let database: TestDatabase;
  let standIn: ShopifyStandIn;
  let apps: AppProcess[] = [];
  let stream: GeneratedStream;
  let answers: { instance: number; answer: Answer }[] = [];
  let deliveries = 0;
  const probeFile = path.join(TEST_TMP, `probe-${process.pid}-${Date.now()}.log`);

  beforeAll(async () => {
    database = await createTestDatabase();
    standIn = await startShopifyStandIn({ host: "127.0.0.1", port: 0 });
    stream = generateOrderStream({ seed: 41, shop: SHOP, orders: 100, days: 30 });
    await seedWorld(database.client, stream);
    for (const shop of [SHOP, ...OTHER_SHOPS]) {
      await database.client.shop.upsert({ where: { shop }, create: { shop, currencyCode: "USD", ianaTimezone: "UTC" }, update: {} });
      await storeOfflineSession(database.client, shop, { accessToken: standIn.accessTokenFor(shop) });
    }
    const env = testAppEnv(database.url, {
      SHOPIFY_STAND_IN_URL: standIn.url,
      RUN_JOBS_IN_WEB: "1",
      JOB_INTERVAL_MS: "100",
      JOB_PROBE_FILE: probeFile,
      DATABASE_POOL_SIZE: "6",
    });
    apps = await Promise.all([startAppProcess(env), startAppProcess(env)]);

    const sends = duplicatedShuffledSends(stream.events, apps.length, seededRandom(4141));
    deliveries = sends.reduce((sum, send) => sum + send.targets.length, 0);
    // The sends of one order (its create, updates, refunds, cancellation, and their copies) all leave at the same
    // moment, in shuffled order, over both instances: the worst case for two transactions on the same order.
    const byOrder = new Map<string, typeof sends>();
    for (const send of sends) byOrder.set(send.event.orderGid, [...(byOrder.get(send.event.orderGid) ?? []), send]);
    const results = await inParallel([...byOrder.values()], 4, (group) =>
      Promise.all(
        group.flatMap((send) => send.targets.map(async (instance) => ({ instance, answer: await deliverEvent(apps[instance]!.url, SHOP, send.event) }))),
      ),
    );
    answers = results.flat();
    await waitUntil("no delivery is left pending", async () => (await database.client.webhookEvent.count({ where: { status: { not: "processed" } } })) === 0);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await standIn?.close();
    await database?.drop();
    fs.rmSync(probeFile, { force: true });
  });

  test("every delivery is acknowledged; each event is processed once, every other copy is a duplicate", () => {
    expect(answers.length).toBe(deliveries);
    expect(answers.filter(({ answer }) => answer.status !== 200).map(({ answer }) => `${answer.status} ${answer.event.topic}`)).toEqual([]);
    const processed = answers.filter(({ answer }) => answer.outcome === "processed");
    expect(new Set(processed.map(({ answer }) => answer.event.webhookId)).size).toBe(processed.length);
    expect(processed.length).toBe(stream.events.length);
    expect(answers.filter(({ answer }) => answer.outcome === "duplicate").length).toBe(deliveries - stream.events.length);
    // Both instances did real work.
    for (const instance of apps.keys()) expect(processed.filter((p) => p.instance === instance).length).toBeGreaterThan(stream.events.length / 5);
    console.info(
      `${stream.events.length} events, ${deliveries} deliveries (${answers.filter(({ answer }) => answer.outcome === "duplicate").length} duplicates), ` +
        `processed per instance: ${apps.map((_, i) => processed.filter((p) => p.instance === i).length).join(" / ")}`,
    );
  });

  test("every event stored once; orders and totals exact to the cent, no double count", async () => {
    expect(await database.client.webhookEvent.count({ where: { shop: SHOP } })).toBe(stream.events.length);
    expect(await database.client.order.count({ where: { shop: SHOP } })).toBe(stream.expected.storedOrders);
    expect(await database.client.customer.count({ where: { shop: SHOP } })).toBe(stream.expected.customers);
    const totals = await rollupTotals(database.client, SHOP);
    for (const creator of stream.creators) {
      expect({ creator: creator.key, ...totalsOf(totals, creator.key) }).toEqual({ creator: creator.key, ...stream.expected.byCreator[creator.key] });
    }
    expect(totalsOf(totals, "")).toEqual(stream.expected.baseline);
  });

  test("each queued job runs exactly once, shared between the instances", async () => {
    const runAt = new Date();
    await database.client.job.createMany({
      data: Array.from({ length: PROBE_JOBS }, (_, i) => ({ name: "probe", payload: JSON.stringify({ sleepMs: 5, n: i }), runAt })),
    });
    await waitUntil("every probe job is done", async () => (await database.client.job.count({ where: { name: "probe", status: "done" } })) === PROBE_JOBS, 30_000);
    const jobs = await database.client.job.findMany({ where: { name: "probe" }, select: { id: true, attempts: true, lockedBy: true } });
    const lines = fs.readFileSync(probeFile, "utf8").trim().split("\n");
    const runs = new Map<string, string[]>();
    for (const line of lines) {
      const [id, worker] = line.split(" ");
      runs.set(id!, [...(runs.get(id!) ?? []), worker!]);
    }
    expect(jobs.map((job) => ({ id: job.id, runs: runs.get(job.id)?.length ?? 0, attempts: job.attempts }))).toEqual(
      jobs.map((job) => ({ id: job.id, runs: 1, attempts: 1 })),
    );
    expect(lines.length).toBe(PROBE_JOBS);
    const workers = new Set([...runs.values()].flat());
    expect(workers.size).toBe(2);
    console.info(`probe jobs per worker: ${[...workers].map((w) => `${w} ${[...runs.values()].filter((r) => r[0] === w).length}`).join(", ")}`);
  });

  test("the hourly reconciliation of each installed shop is enqueued once and run once, whichever instance ticks", async () => {
    const shops = [SHOP, ...OTHER_SHOPS];
    const hour = new Date().toISOString().slice(0, 13);
    const thisHour = (shop: string) => `reconcile-orders:${shop}:${hour}`;
    await waitUntil(
      "this hour's reconciliation of every shop has run",
      async () => (await database.client.job.count({ where: { runKey: { in: shops.map(thisHour) }, status: "done" } })) === shops.length,
    );
    const runs = await database.client.job.findMany({ where: { name: "reconcile-orders", status: { not: "pending" } }, select: { shop: true, runKey: true, attempts: true } });
    // One run per shop and hour (an hour may have turned during the test: then two hours, each run once).
    const perShop = new Map<string, number>();
    for (const run of runs) perShop.set(run.shop!, (perShop.get(run.shop!) ?? 0) + 1);
    expect(runs.every((run) => run.attempts === 1)).toBe(true);
    expect(new Set(runs.map((run) => run.runKey)).size).toBe(runs.length);
    for (const shop of shops) expect(perShop.get(shop)).toBeGreaterThanOrEqual(1);
    // Shopify saw one orders query per run, not one per instance.
    for (const shop of shops) {
      const queries = standIn.requests.filter((request) => request.shop === shop && request.operationName === "ListOrdersUpdatedSince").length;
      expect({ shop, queries }).toEqual({ shop, queries: perShop.get(shop) });
    }
    // Each run queued the next hour's, once.
    const next = await database.client.job.count({ where: { name: "reconcile-orders", status: "pending" } });
    expect(next).toBe(shops.length);
  });
});
