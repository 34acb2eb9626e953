// `npm run bench:dashboard`: server time of every analytics page loader at 100k and 1M orders, its growth, and the
// Largest Contentful Paint of each page in headless Chromium.
//
// For each size it writes a shop (5,000 creators, orders/5 customers, 2 years) and a noise shop into a fresh SQLite
// file (bench/dashboard-data.ts) and computes the cohort snapshots with the app's own job. Then it starts the built
// app once per size, as child processes (as the integration tests do), and times the loaders' data requests
// (?_data=…) with a session token, the sizes taking turns request by request: wall time on the client and the
// loader's Server-Timing. Then it loads each page in Chromium and reads the LCP.
// Targets: p95 < 150 ms at 1M orders, growth < 1.5× from 100k to 1M, LCP < 1.5 s.
//
// Environment: BENCH_SIZES (default "100000,1000000"), BENCH_REQUESTS (default 200: a p95 of fewer is decided by
// the two or three slowest requests, which on a shared machine are whoever else was busy), BENCH_DIR (default
// .cache/bench), BENCH_REUSE=1 to keep existing database files, DATABASE_URL (file:…) to name the database file of a single size,
// or DATABASE_URL=postgresql://…/<name> to serve the pages from PostgreSQL: the data is generated in SQLite as usual,
// then copied into a fresh database <name>_<orders> on that server (bench/copy-sqlite-to-postgres.ts; with
// BENCH_REUSE=1 a copy of the same file made by an earlier run is kept),
// BUILD_DIR (the build to serve; built first when missing). The last line printed is one JSON object.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { parseDatabaseUrl } from "../app/db/database-url.ts";
import { applyMigrations } from "../scripts/lib/schema-engine.ts";
import { startAppProcess, testAppEnv, type AppProcess } from "../test/support/app-process.ts";
import { launchBrowser } from "../test/support/browser.ts";
import { adminRequest, embeddedUrl, BROWSER_USER_AGENT } from "../test/support/session-token.ts";
import pg from "pg";
import { copySqliteToPostgres } from "./copy-sqlite-to-postgres.ts";
import { generateBenchShop, type BenchShopFacts } from "./dashboard-data.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHOP = "bench.myshopify.com";
const NOISE = "bench-noise.myshopify.com";

type PageSpec = { name: string; path: string; route: string };
type PageResult = { name: string; first: number; p50: number; p95: number; serverP50: number; serverP95: number; lcp: number | null };
type SizeResult = { orders: number; generateMs: number; snapshotMs: number; pages: PageResult[]; rows: Record<string, number> };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const today = () => new Date().toISOString().slice(0, 10);
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1).padStart(8) : "       —");

function ensureBuild(): void {
  const dir = path.resolve(ROOT, process.env.BUILD_DIR ?? "build");
  if (fs.existsSync(path.join(dir, "server/index.js"))) return;
  console.log(`Building the app into ${path.relative(ROOT, dir)}…`);
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("remix vite:build failed");
}

async function createDatabase(file: string, orders: number): Promise<{ facts: BenchShopFacts; generateMs: number; rows: Record<string, number> }> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await applyMigrations({ target: parseDatabaseUrl(`file:${file}`), schemaPath: path.join(ROOT, "prisma/schema.prisma"), migrationsDir: path.join(ROOT, "prisma/migrations") });
  const started = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const endDay = today();
  const facts = generateBenchShop(db, { shop: SHOP, orders, creators: 5_000, campaigns: 40, customers: Math.round(orders / 5), endDay, days: 730, seed: 7 });
  const noise = generateBenchShop(db, { shop: NOISE, orders: Math.round(orders / 5), creators: 500, campaigns: 10, customers: Math.round(orders / 25), endDay, days: 730, seed: 8 });
  // The merchant's offline session, so that admin requests authenticate without a token exchange.
  const insertSession = db.prepare(`INSERT INTO "Session" (id, shop, state, isOnline, scope, accessToken) VALUES (?, ?, 'installed', 0, 'read_orders,write_discounts', ?)`);
  for (const shop of [SHOP, NOISE]) insertSession.run(`offline_${shop}`, shop, `shpat_bench_${shop}`);
  db.exec("ANALYZE");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const rows = Object.fromEntries(Object.keys(facts.rows).map((t) => [t, (facts.rows[t] ?? 0) + (noise.rows[t] ?? 0)]));
  return { facts, generateMs: performance.now() - started, rows };
}

function factsOf(file: string): BenchShopFacts {
  const db = new Database(file, { readonly: true });
  const top = db.prepare(`SELECT creatorId FROM "DailyRollup" WHERE shop = ? AND creatorId <> '' GROUP BY creatorId ORDER BY SUM(netMinor) DESC`).all(SHOP) as { creatorId: string }[];
  const campaign = db.prepare(`SELECT campaignId FROM "DailyRollup" WHERE shop = ? AND campaignId <> '' GROUP BY campaignId ORDER BY SUM(orders) DESC LIMIT 1`).get(SHOP) as { campaignId: string };
  const rows = Object.fromEntries(
    ["Order", "Customer", "DailyRollup", "Creator"].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
  db.close();
  return { shop: SHOP, topCreatorId: top[0]!.creatorId, medianCreatorId: top[Math.floor(top.length / 2)]!.creatorId, topCampaignId: campaign.campaignId, rows };
}

/** The app's cohort snapshot job, in a child process bound to this database (the app's database client is per process). */
function refreshSnapshots(url: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--refresh-snapshots", url, SHOP], {
    cwd: ROOT,
    env: { ...process.env, ...testAppEnv(url), NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error("the cohort snapshot job failed");
  return performance.now() - started;
}

type Timing = { first: number; wall: number[]; server: number[] };

async function timeOnce(app: AppProcess, page: PageSpec): Promise<{ wall: number; server: number }> {
  const url = `${page.path}${page.path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(page.route)}`;
  const started = performance.now();
  const response = await adminRequest(app.url, url, SHOP);
  await response.arrayBuffer();
  const wall = performance.now() - started;
  if (response.status !== 200) throw new Error(`${page.name}: HTTP ${response.status}`);
  const timing = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
  return { wall, server: timing ? Number(timing[1]) : Number.NaN };
}

/**
 * Times one page on every size's server, the sizes taking turns request by request: on a shared machine a burst of
 * someone else's load then falls on every size alike instead of on whichever size was being timed, so the growth
 * from one size to the next measures the app, not the neighbours. Three warm-up requests each are not counted: the
 * first requests compile queries and fill caches.
 */
async function timeLoaders(apps: readonly AppProcess[], pages: readonly PageSpec[], requests: number): Promise<Timing[]> {
  const timings: Timing[] = apps.map(() => ({ first: Number.NaN, wall: [], server: [] }));
  for (let i = 0; i < requests + 3; i++) {
    for (const [k, app] of apps.entries()) {
      const { wall, server } = await timeOnce(app, pages[k]!);
      const timing = timings[k]!;
      if (i === 0) timing.first = wall;
      if (i < 3) continue;
      timing.wall.push(wall);
      timing.server.push(server);
    }
  }
  return timings;
}

async function largestContentfulPaint(browser: Browser, app: AppProcess, page: PageSpec): Promise<number | null> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: BROWSER_USER_AGENT, locale: "en-US" });
  // No network here: App Bridge's script (from Shopify's CDN, only reachable inside the admin) is answered empty.
  await context.route("https://cdn.shopify.com/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  const tab = await context.newPage();
  await tab.goto(embeddedUrl(app.url, page.path, SHOP), { waitUntil: "load" });
  const lcp = await tab.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        let last: number | null = null;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(last), 1_000);
      }),
  );
  await context.close();
  return lcp;
}

/** What the pages read from a bench file, in a few numbers: a copy made from the same numbers can be served again. */
function contentNote(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rollups = db.prepare(`SELECT COUNT(*) AS n, MAX("updatedAt") AS at, SUM("netMinor") AS net FROM "DailyRollup"`).get() as Record<string, unknown>;
    const counts = ["Order", "Customer", "Creator", "Collaboration", "CohortSnapshot"].map((t) => (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n);
    return JSON.stringify([rollups.n, rollups.at, rollups.net, ...counts]);
  } finally {
    db.close();
  }
}

/**
 * A migrated PostgreSQL database <name>_<orders> next to `serverUrl`'s, holding a copy of the SQLite file: made afresh,
 * or with BENCH_REUSE=1 the one a previous run copied from the same data (what it copied is noted on the database).
 */
async function copyToPostgres(file: string, serverUrl: string, orders: number): Promise<string> {
  const server = new URL(serverUrl);
  const name = `${server.pathname.slice(1) || "creator_roi_bench"}_${orders}`;
  const source = `copy of ${path.basename(file)}: ${contentNote(file)}`;
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  let reuse = false;
  try {
    const noted = await admin.query<{ note: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`,
      [name],
    );
    reuse = process.env.BENCH_REUSE === "1" && noted.rows[0]?.note === source;
    if (!reuse) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations({ target: parseDatabaseUrl(url.toString()), schemaPath: path.join(ROOT, "prisma/postgresql/schema.prisma"), migrationsDir: path.join(ROOT, "prisma/postgresql/migrations") });
  if (reuse) {
    console.log(`  reusing the PostgreSQL copy ${name}`);
    return url.toString();
  }
  const started = performance.now();
  await copySqliteToPostgres(file, url.toString());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`COMMENT ON DATABASE "${name}" IS ${client.escapeLiteral(source)}`);
  } finally {
    await client.end();
  }
  console.log(`  copied into PostgreSQL (${name}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return url.toString();
}

type PreparedSize = { orders: number; generateMs: number; snapshotMs: number; rows: Record<string, number>; serveUrl: string; pages: PageSpec[] };

/** The database of one size, generated or reused (and copied to PostgreSQL when asked), with the pages to time on it. */
async function prepareSize(orders: number): Promise<PreparedSize> {
  const dir = path.resolve(ROOT, process.env.BENCH_DIR ?? ".cache/bench");
  const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : null;
  const single = process.env.DATABASE_URL?.startsWith("file:") && (process.env.BENCH_SIZES ?? "").split(",").length === 1;
  const target = single ? parseDatabaseUrl(process.env.DATABASE_URL!, ROOT) : null;
  if (target && target.provider !== "sqlite") throw new Error("DATABASE_URL must be a file: URL (the benchmark writes SQLite)");
  const file = target?.provider === "sqlite" ? target.filePath : path.join(dir, `dashboard-${orders}.db`);
  const url = `file:${file}`;
  let generateMs = Number.NaN;
  let snapshotMs = Number.NaN;
  let rows: Record<string, number>;
  if (process.env.BENCH_REUSE === "1" && fs.existsSync(file)) {
    console.log(`${orders.toLocaleString("en")} orders: reusing ${path.relative(ROOT, file)}`);
    // Migrations added since the file was generated (new tables the pages read) are applied to it.
    await applyMigrations({ target: parseDatabaseUrl(url), schemaPath: path.join(ROOT, "prisma/schema.prisma"), migrationsDir: path.join(ROOT, "prisma/migrations") });
    rows = factsOf(file).rows;
  } else {
    console.log(`${orders.toLocaleString("en")} orders: generating ${path.relative(ROOT, file)}…`);
    const created = await createDatabase(file, orders);
    generateMs = created.generateMs;
    rows = created.rows;
    console.log(`  generated in ${(generateMs / 1000).toFixed(1)} s: ${Object.entries(rows).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ")}`);
    snapshotMs = refreshSnapshots(url);
    console.log(`  cohort snapshots (the app's job) in ${(snapshotMs / 1000).toFixed(1)} s`);
  }
  const facts = factsOf(file);
  const serveUrl = postgres ? await copyToPostgres(file, postgres, orders) : url;
  const pages: PageSpec[] = [
    { name: "dashboard (last 30 days)", path: "/app", route: "routes/app._index" },
    { name: "dashboard (90 days, by ROAS)", path: "/app?preset=last90&sort=roas&direction=desc", route: "routes/app._index" },
    { name: "dashboard (filtered, page 2)", path: "/app?preset=last90&tier=micro&page=2", route: "routes/app._index" },
    { name: "creator (top seller)", path: `/app/creators/${facts.topCreatorId}/performance`, route: "routes/app.creators.$creatorId_.performance" },
    { name: "creator (median)", path: `/app/creators/${facts.medianCreatorId}/performance`, route: "routes/app.creators.$creatorId_.performance" },
    { name: "campaign report", path: `/app/campaigns/${facts.topCampaignId}/report`, route: "routes/app.campaigns.$campaignId_.report" },
    { name: "settings", path: "/app/settings", route: "routes/app.settings" },
  ];
  return { orders, generateMs, snapshotMs, rows, serveUrl, pages };
}

/** Every size served at once by its own app process, each page timed on all of them in turns, then its LCP on each. */
async function measure(sizes: readonly PreparedSize[], requests: number, browser: Browser): Promise<SizeResult[]> {
  const apps: AppProcess[] = [];
  const results: PageResult[][] = sizes.map(() => []);
  try {
    for (const size of sizes) apps.push(await startAppProcess(testAppEnv(size.serveUrl, { RUN_JOBS_IN_WEB: "0" })));
    for (const [i, page] of sizes[0]!.pages.entries()) {
      const pages = sizes.map((size) => size.pages[i]!);
      const timings = await timeLoaders(apps, pages, requests);
      for (const [k, app] of apps.entries()) {
        const { first, wall, server } = timings[k]!;
        const lcp = await largestContentfulPaint(browser, app, pages[k]!);
        results[k]!.push({ name: page.name, first, p50: percentile(wall, 50), p95: percentile(wall, 95), serverP50: percentile(server, 50), serverP95: percentile(server, 95), lcp });
      }
    }
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
  return sizes.map((size, k) => {
    console.log(`${size.orders.toLocaleString("en")} orders:`);
    console.log(`  ${"page".padEnd(32)} first ms   p50 ms   p95 ms  loader p50  loader p95   LCP ms`);
    for (const r of results[k]!) {
      console.log(`  ${r.name.padEnd(32)} ${fmt(r.first)} ${fmt(r.p50)} ${fmt(r.p95)}    ${fmt(r.serverP50)}    ${fmt(r.serverP95)} ${fmt(r.lcp ?? Number.NaN)}`);
    }
    console.log("  (first: the page's first request after the server started, before the past days' sums are cached)");
    return { orders: size.orders, generateMs: size.generateMs, snapshotMs: size.snapshotMs, pages: results[k]!, rows: size.rows };
  });
}

async function main() {
  if (process.argv[2] === "--refresh-snapshots") {
    const shop = process.argv[4]!;
    const { refreshCohortSnapshots } = await import("../app/jobs/refresh-cohort-snapshots.server.ts");
    const customers = await refreshCohortSnapshots(shop);
    console.log(`  ${customers.toLocaleString("en")} customers`);
    process.exit(0);
  }
  const started = performance.now();
  const sizes = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map((s) => Number(s.trim()));
  const requests = Number(process.env.BENCH_REQUESTS ?? 200);
  ensureBuild();
  const browser = await launchBrowser();
  let results: SizeResult[];
  try {
    const prepared: PreparedSize[] = [];
    for (const size of sizes) prepared.push(await prepareSize(size));
    results = await measure(prepared, requests, browser);
  } finally {
    await browser.close();
  }
  const small = results[0]!;
  const large = results[results.length - 1]!;
  const worst = (r: SizeResult) => Math.max(...r.pages.map((p) => p.p95));
  const growth = Math.max(...large.pages.map((p, i) => p.p95 / (small.pages[i]?.p95 ?? p.p95)));
  const lcpMax = Math.max(...results.flatMap((r) => r.pages.map((p) => p.lcp ?? Number.POSITIVE_INFINITY)));
  console.log(
    `\nWorst p95: ${worst(small).toFixed(1)} ms at ${small.orders.toLocaleString("en")} orders, ${worst(large).toFixed(1)} ms at ${large.orders.toLocaleString("en")} (target < 150 ms); ` +
      `worst growth ${growth.toFixed(2)}× (target < 1.5×); worst LCP ${lcpMax.toFixed(0)} ms (target < 1,500 ms). Total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
  console.log(
    JSON.stringify({
      p95_ms_100k: Number(worst(small).toFixed(1)),
      p95_ms_1m: Number(worst(large).toFixed(1)),
      growth: Number(growth.toFixed(2)),
      lcp_ms_max: Number(lcpMax.toFixed(0)),
      database: /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite",
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
