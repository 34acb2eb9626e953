// `npm run bench:dashboard`: server time of every analytics page loader at 100k and 1M orders, its growth, and the
// Largest Contentful Paint of each page in headless Chromium.
//
// For each size it writes a shop (5,000 creators, orders/5 customers, 2 years) and a noise shop into a fresh SQLite
// file (bench/dashboard-data.ts), computes the cohort snapshots with the app's own job, starts the built app as a
// child process (as the integration tests do), and times the loaders' data requests (?_data=…) with a session token:
// wall time on the client and the loader's Server-Timing. Then it loads each page in Chromium and reads the LCP.
// Targets: p95 < 150 ms at 1M orders, growth < 1.5× from 100k to 1M, LCP < 1.5 s.
//
// Environment: BENCH_SIZES (default "100000,1000000"), BENCH_REQUESTS (default 60), BENCH_DIR (default .cache/bench),
// BENCH_REUSE=1 to keep existing database files, DATABASE_URL (file:…) to name the database file of a single size,
// or DATABASE_URL=postgresql://…/<name> to serve the pages from PostgreSQL: the data is generated in SQLite as usual,
// then copied into a fresh database <name>_<orders> on that server (bench/copy-sqlite-to-postgres.ts),
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

async function timeLoader(app: AppProcess, page: PageSpec, requests: number): Promise<{ first: number; wall: number[]; server: number[] }> {
  let first = Number.NaN;
  const wall: number[] = [];
  const server: number[] = [];
  const url = `${page.path}${page.path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(page.route)}`;
  for (let i = 0; i < requests + 3; i++) {
    const started = performance.now();
    const response = await adminRequest(app.url, url, SHOP);
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${page.name}: HTTP ${response.status}`);
    if (i === 0) first = elapsed;
    if (i < 3) continue; // warm-up: the first requests compile queries and fill caches
    wall.push(elapsed);
    const timing = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
    server.push(timing ? Number(timing[1]) : Number.NaN);
  }
  return { first, wall, server };
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

/** A fresh, migrated PostgreSQL database <name>_<orders> next to `serverUrl`'s, holding a copy of the SQLite file. */
async function copyToPostgres(file: string, serverUrl: string, orders: number): Promise<string> {
  const server = new URL(serverUrl);
  const name = `${server.pathname.slice(1) || "creator_roi_bench"}_${orders}`;
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations({ target: parseDatabaseUrl(url.toString()), schemaPath: path.join(ROOT, "prisma/postgresql/schema.prisma"), migrationsDir: path.join(ROOT, "prisma/postgresql/migrations") });
  const started = performance.now();
  await copySqliteToPostgres(file, url.toString());
  console.log(`  copied into PostgreSQL (${name}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return url.toString();
}

async function benchSize(orders: number, requests: number, browser: Browser): Promise<SizeResult> {
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
  const app = await startAppProcess(testAppEnv(serveUrl, { RUN_JOBS_IN_WEB: "0" }));
  const results: PageResult[] = [];
  try {
    for (const page of pages) {
      const { first, wall, server } = await timeLoader(app, page, requests);
      const lcp = await largestContentfulPaint(browser, app, page);
      results.push({ name: page.name, first, p50: percentile(wall, 50), p95: percentile(wall, 95), serverP50: percentile(server, 50), serverP95: percentile(server, 95), lcp });
    }
  } finally {
    await app.stop();
  }
  console.log(`  ${"page".padEnd(32)} first ms   p50 ms   p95 ms  loader p50  loader p95   LCP ms`);
  for (const r of results) {
    console.log(`  ${r.name.padEnd(32)} ${fmt(r.first)} ${fmt(r.p50)} ${fmt(r.p95)}    ${fmt(r.serverP50)}    ${fmt(r.serverP95)} ${fmt(r.lcp ?? Number.NaN)}`);
  }
  console.log("  (first: the page's first request after the server started, before the past days' sums are cached)");
  return { orders, generateMs, snapshotMs, pages: results, rows };
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
  const requests = Number(process.env.BENCH_REQUESTS ?? 60);
  ensureBuild();
  const browser = await launchBrowser();
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) results.push(await benchSize(size, requests, browser));
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
