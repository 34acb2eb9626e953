// `npm run bench:ingest`: drives the real order webhook routes of the built app on loopback with signed, realistic
// payloads (scripts/lib/generate-orders.ts), and the same stream against a bare Node server that only verifies the
// HMAC, in the same run. Prints sustained events per second and acknowledgement latency (p50/p99/max) for both, then
// one JSON line. Options (environment): DATABASE_URL (default: a fresh SQLite file), BENCH_EVENTS (default 10000),
// BENCH_CONCURRENCY (deliveries in flight, default 8), BENCH_WARMUP (events not measured, default 500),
// SKIP_BUILD=1 (use the existing build in BUILD_DIR).
// Scale-out: `--instances N` (or BENCH_INSTANCES) starts N app processes on the same database (PostgreSQL: the
// production shape) and spreads the deliveries over them round-robin, printing the combined rate; `--shops K` (or
// BENCH_SHOPS, default 1) spreads the events over K shops (a shop's ingestion runs one transaction at a time on
// PostgreSQL, so several shops are what several instances can share).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../app/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../app/generated/prisma-postgresql/client";
import { parseDatabaseUrl } from "../app/db/database-url";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { generateOrderStream, type GeneratedEvent } from "../scripts/lib/generate-orders";
import { startAppProcess, testAppEnv, TEST_API_SECRET } from "../test/support/app-process";
import { seedWorld } from "../test/integration/ingest/seed-world";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);

function option(name: string, fallback: string): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : process.env[`BENCH_${name.toUpperCase()}`];
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
}
const INSTANCES = option("instances", "1");
const SHOPS = option("shops", "1");

type Signed = { path: string; headers: Record<string, string>; body: Buffer };
type RunResult = { eventsPerS: number; p50: number; p99: number; max: number; events: number; errors: number; statuses: Record<number, number> };

/** CPU time (user + system, ms) a child process has used so far, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function sign(shop: string, event: GeneratedEvent): Signed {
  const body = Buffer.from(event.body, "utf8");
  return {
    path: `/webhooks/${event.topic}`,
    body,
    headers: {
      "Content-Type": "application/json",
      "Content-Length": String(body.length),
      "X-Shopify-Topic": event.topic,
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": event.webhookId,
      "X-Shopify-Event-Id": event.eventId,
      "X-Shopify-Triggered-At": event.at,
      "X-Shopify-Hmac-Sha256": crypto.createHmac("sha256", TEST_API_SECRET).update(body).digest("base64"),
    },
  };
}

/** Sends every delivery with `concurrency` in flight on keep-alive connections; times each acknowledgement. */
async function drive(baseUrls: string | readonly string[], deliveries: readonly Signed[], concurrency: number, warmup: number): Promise<RunResult> {
  // Several instances: delivery i goes to instance i mod N, as a round-robin load balancer would send it.
  const urls = (typeof baseUrls === "string" ? [baseUrls] : baseUrls).map((u) => new URL(u));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let next = 0;
  let measuredStart = 0;
  const send = (d: Signed, i: number) =>
    new Promise<number>((resolve) => {
      const url = urls[i % urls.length]!;
      const request = http.request({ host: url.hostname, port: url.port, method: "POST", path: d.path, headers: d.headers, agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", () => resolve(0));
      request.end(d.body);
    });
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= deliveries.length) return;
      if (i === warmup) measuredStart = performance.now();
      const started = performance.now();
      const status = await send(deliveries[i]!, i);
      const elapsed = performance.now() - started;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200) errors += 1;
      if (i >= warmup) latencies.push(elapsed);
    }
  };
  const allStart = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const end = performance.now();
  agent.destroy();
  const measured = latencies.length;
  const seconds = (end - (measuredStart || allStart)) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerS: measured / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    events: deliveries.length,
    errors,
    statuses,
  };
}

function startBareServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/bare-webhook-server.ts")], {
    cwd: root,
    env: { ...process.env, SHOPIFY_API_SECRET: TEST_API_SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

async function prepareDatabase(): Promise<{ url: string; client: PrismaClient; cleanup(): Promise<void> }> {
  let url = process.env.DATABASE_URL;
  let file: string | null = null;
  if (!url) {
    const dir = path.join(root, ".cache/bench");
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, `ingest-${process.pid}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    url = `file:${file}`;
  }
  const target = parseDatabaseUrl(url, root);
  const base = target.provider === "sqlite" ? "prisma" : "prisma/postgresql";
  await applyMigrations({ target, schemaPath: path.join(root, base, "schema.prisma"), migrationsDir: path.join(root, base, "migrations") });
  const client =
    target.provider === "sqlite"
      ? new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.url, timeout: 5000 }) })
      : (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 2 }) }) as unknown as PrismaClient);
  return {
    url: target.url,
    client,
    async cleanup() {
      await client.$disconnect();
      if (file) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

async function main() {
  if (process.env.SKIP_BUILD !== "1") {
    const built = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (built.status !== 0) throw new Error("The build failed");
  }
  const runId = crypto.randomBytes(3).toString("hex");
  // About 1.6 events per order: creates, updates, cancellations and refunds. With several shops, each has its own
  // stream of EVENTS / SHOPS events, and the deliveries alternate between the shops.
  const streams = Array.from({ length: SHOPS }, (_, k) => {
    const shop = SHOPS === 1 ? `bench-${runId}.myshopify.com` : `bench-${runId}-${k}.myshopify.com`;
    const stream = generateOrderStream({ seed: 2026 + k, shop, orders: Math.ceil(EVENTS / SHOPS / 1.6) });
    return { shop, stream, events: stream.events.slice(0, Math.ceil(EVENTS / SHOPS)) };
  });
  const shops = streams.map((s) => s.shop);
  const perShop = streams.map((s) => s.events.map((event) => ({ event, signed: sign(s.shop, event) })));
  const interleaved = Array.from({ length: Math.max(...perShop.map((list) => list.length)) }, (_, i) => perShop.flatMap((list) => (list[i] ? [list[i]] : []))).flat();
  const events = interleaved.slice(0, EVENTS).map((d) => d.event);
  const deliveries = interleaved.slice(0, EVENTS).map((d) => d.signed);
  const meanBytes = Math.round(deliveries.reduce((sum, d) => sum + d.body.length, 0) / deliveries.length);

  const database = await prepareDatabase();
  for (const [k, s] of streams.entries()) await seedWorld(database.client, s.stream, SHOPS === 1 ? `bench-${runId}-` : `bench-${runId}-${k}-`);
  // BENCH_APP_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=.cache/prof") profiles the app process.
  const apps = await Promise.all(
    Array.from({ length: INSTANCES }, () => startAppProcess(testAppEnv(database.url, { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS }))),
  );
  const cpuOfApps = () => {
    const each = apps.map((app) => cpuMsOf(app.child.pid));
    return each.every((ms) => ms !== null) ? each.reduce<number>((sum, ms) => sum + ms!, 0) : null;
  };
  let appResult: RunResult;
  let appCpuMsPerEvent: number | null = null;
  try {
    const cpuBefore = cpuOfApps();
    appResult = await drive(apps.map((app) => app.url), deliveries, CONCURRENCY, WARMUP);
    const cpuAfter = cpuOfApps();
    if (cpuBefore !== null && cpuAfter !== null) appCpuMsPerEvent = (cpuAfter - cpuBefore) / deliveries.length;
    const stored = await database.client.webhookEvent.count({ where: { shop: { in: shops } } });
    if (stored !== events.length) console.log(`warning: ${stored} events stored for ${events.length} sent`);
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await database.cleanup();
  }
  const bare = await startBareServer();
  let bareResult: RunResult;
  try {
    bareResult = await drive(bare.url, deliveries, CONCURRENCY, WARMUP);
  } finally {
    bare.child.kill("SIGTERM");
  }

  const line = (name: string, r: RunResult) =>
    `${name.padEnd(24)} ${r.eventsPerS.toFixed(0).padStart(6)} events/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   max ${r.max.toFixed(1)} ms   errors ${r.errors}`;
  console.log(`${events.length} events (${meanBytes} bytes on average), ${CONCURRENCY} in flight, first ${WARMUP} not measured, ${database.url.startsWith("file:") ? "SQLite" : "PostgreSQL"}, ${INSTANCES} app instance${INSTANCES > 1 ? "s" : ""}, ${SHOPS} shop${SHOPS > 1 ? "s" : ""}`);
  console.log(line(INSTANCES > 1 ? `app × ${INSTANCES} (combined)` : "app (order webhooks)", appResult));
  console.log(line("bare HMAC server", bareResult));
  console.log(`ratio ${(appResult.eventsPerS / bareResult.eventsPerS).toFixed(3)}`);
  // CPU time per event does not depend on what else the machine runs: 1000 / it is the rate one free core sustains.
  if (appCpuMsPerEvent !== null) console.log(`app CPU ${appCpuMsPerEvent.toFixed(2)} ms per event (≈ ${Math.round(1000 / appCpuMsPerEvent)} events/s on one free core); load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  console.log(
    JSON.stringify({
      events_per_s: Math.round(appResult.eventsPerS),
      p50_ms: Number(appResult.p50.toFixed(2)),
      p99_ms: Number(appResult.p99.toFixed(2)),
      max_ms: Number(appResult.max.toFixed(2)),
      bare_events_per_s: Math.round(bareResult.eventsPerS),
      ratio: Number((appResult.eventsPerS / bareResult.eventsPerS).toFixed(3)),
      events: events.length,
      errors: appResult.errors,
      instances: INSTANCES,
      shops: SHOPS,
      database: database.url.startsWith("file:") ? "sqlite" : "postgresql",
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
