// The database goes away in the middle of a webhook stream (PostgreSQL killed: pg_ctl stop -m immediate) and comes
// back. While it is down, no delivery may be acknowledged without being stored: each one is answered with a 5xx, and
// quickly (Shopify gives up on an answer after 5 s and retries later). When it is back, the same app process, never
// restarted, takes the deliveries again; Shopify's redeliveries of the refused ones are processed and the totals are
// exact. The server is a private one (initdb in a temp folder, its own port): the shared one on 5432 is never stopped.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseDatabaseUrl } from "../../../app/db/database-url";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../../app/generated/prisma-postgresql/client";
import { generateOrderStream, type GeneratedEvent, type GeneratedStream } from "../../../scripts/lib/generate-orders";
import { applyMigrations } from "../../../scripts/lib/schema-engine";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { ROOT } from "../../support/paths";
import { findPostgresBinDir, startPrivatePostgres, type PrivatePostgres } from "../../support/private-postgres";
import { testDatabaseProvider } from "../../support/test-database-provider";
import { rollupTotals, seedWorld, totalsOf } from "../ingest/seed-world";
import { deliverEvent, inParallel, waitUntil, type Answer } from "./deliveries";

const SHOP = "outage.myshopify.com";
const binDir = findPostgresBinDir();
const skipReason =
  testDatabaseProvider() !== "postgresql"
    ? "runs with the PostgreSQL suite (TEST_DATABASE=postgresql, npm run test:postgres)"
    : binDir === null
      ? "needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin) to run a private server"
      : null;

describe.skipIf(skipReason !== null)(`PostgreSQL outage during a webhook stream${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let server: PrivatePostgres;
  let client: PrismaClient;
  let app: AppProcess;
  let stream: GeneratedStream;
  const answers = { before: [] as Answer[], during: [] as Answer[], redelivered: [] as Answer[], after: [] as Answer[] };
  let outageMs = 0;
  const health = { during: 0, after: 0 };

  beforeAll(async () => {
    server = await startPrivatePostgres({ binDir: binDir! });
    const admin = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: server.serverUrl, max: 1 }) });
    await admin.$executeRawUnsafe(`CREATE DATABASE creator_roi`);
    await admin.$disconnect();
    const url = server.urlFor("creator_roi");
    await applyMigrations({
      target: parseDatabaseUrl(url),
      schemaPath: path.join(ROOT, "prisma/postgresql/schema.prisma"),
      migrationsDir: path.join(ROOT, "prisma/postgresql/migrations"),
    });
    client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) }) as unknown as PrismaClient;
    stream = generateOrderStream({ seed: 29, shop: SHOP, orders: 120, days: 20 });
    await seedWorld(client, stream);
    app = await startAppProcess(testAppEnv(url, { RUN_JOBS_IN_WEB: "1", JOB_INTERVAL_MS: "250" }));

    const events = stream.events;
    const third = Math.floor(events.length / 3);
    const send = (list: readonly GeneratedEvent[]) => inParallel(list, 4, (event) => deliverEvent(app.url, SHOP, event));

    answers.before = await send(events.slice(0, third));
    // Killed while deliveries are in flight: those already committed keep their 200, the others get a 5xx.
    const inFlight = send(events.slice(third, 2 * third));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stoppedAt = Date.now();
    server.stop("immediate");
    answers.during = await inFlight;
    health.during = (await fetch(new URL("/healthz", app.url))).status;
    server.start();
    outageMs = Date.now() - stoppedAt;

    // Shopify redelivers what was not acknowledged (same webhook id), with backoff, until it gets a 200.
    const refused = answers.during.filter((a) => a.status !== 200).map((a) => a.event);
    for (let attempt = 0; attempt < 40 && refused.length > 0; attempt++) {
      const tries = await inParallel(refused.splice(0), 4, (event) => deliverEvent(app.url, SHOP, event));
      answers.redelivered.push(...tries);
      refused.push(...tries.filter((a) => a.status !== 200).map((a) => a.event));
      if (refused.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    answers.after = await send(events.slice(2 * third));
    health.after = (await fetch(new URL("/healthz", app.url))).status;
    await waitUntil("no delivery is left pending", async () => (await client.webhookEvent.count({ where: { status: "pending" } })) === 0);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await client?.$disconnect();
    server?.destroy();
  });

  test("before the outage every delivery is acknowledged", () => {
    expect(answers.before.filter((a) => a.status !== 200)).toEqual([]);
  });

  test("during the outage deliveries are refused with a 5xx, within Shopify's 5 s, none acknowledged unstored", async () => {
    const refused = answers.during.filter((a) => a.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.status >= 500 && a.status <= 599)).toBe(true);
    expect(Math.max(...answers.during.map((a) => a.ms))).toBeLessThan(5_000);
    // An acknowledged delivery is in the database, processed.
    const acknowledged = answers.during.filter((a) => a.status === 200).map((a) => a.event.webhookId);
    const storedAcknowledged = await client.webhookEvent.count({ where: { shop: SHOP, webhookId: { in: acknowledged }, status: "processed" } });
    expect(storedAcknowledged).toBe(acknowledged.length);
    expect(app.child.exitCode).toBeNull();
    console.info(
      `outage ${outageMs} ms: ${answers.during.length} deliveries during it, ${refused.length} refused (${[...new Set(refused.map((a) => a.status))].join(", ")}), ` +
        `${answers.redelivered.length} redeliveries, slowest answer ${Math.round(Math.max(...answers.during.map((a) => a.ms)))} ms`,
    );
  });

  test("the health check says 503 while the database is down and 200 once it is back (load balancers)", () => {
    expect(health).toEqual({ during: 503, after: 200 });
  });

  test("after the restart the same process takes deliveries again: every redelivery and later event acknowledged", () => {
    const redeliveredOk = new Set(answers.redelivered.filter((a) => a.status === 200).map((a) => a.event.webhookId));
    const refused = answers.during.filter((a) => a.status !== 200);
    expect(refused.filter((a) => !redeliveredOk.has(a.event.webhookId))).toEqual([]);
    expect(answers.after.filter((a) => a.status !== 200)).toEqual([]);
  });

  test("every event stored once and processed; totals exact to the cent", async () => {
    expect(await client.webhookEvent.count({ where: { shop: SHOP } })).toBe(stream.events.length);
    expect(await client.webhookEvent.count({ where: { shop: SHOP, status: { not: "processed" } } })).toBe(0);
    expect(await client.order.count({ where: { shop: SHOP } })).toBe(stream.expected.storedOrders);
    const totals = await rollupTotals(client, SHOP);
    for (const creator of stream.creators) {
      expect({ creator: creator.key, ...totalsOf(totals, creator.key) }).toEqual({ creator: creator.key, ...stream.expected.byCreator[creator.key] });
    }
    expect(totalsOf(totals, "")).toEqual(stream.expected.baseline);
  });
});
