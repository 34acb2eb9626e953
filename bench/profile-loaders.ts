// `tsx bench/profile-loaders.ts <database url>`: the analytics page loaders of bench:dashboard called in this process
// against an existing bench database (SQLite file or PostgreSQL), with the time each request spent in SQL and outside
// it, and per statement the calls, time and rows returned. Where bench:dashboard says that a page is slow or grows,
// this says whether the database or the in-memory work does. Environment: PROFILE_REQUESTS (default 30),
// PROFILE_PAGES (a part of the names of the pages to run), PROFILE_WRITES=1 to write one order's rollup deltas for
// today before every request, as a shop taking orders between two page views does (it changes the database: use a
// copy of the bench's).
import { performance } from "node:perf_hooks";

const url = process.argv[2];
if (!url) throw new Error("usage: tsx bench/profile-loaders.ts <DATABASE_URL>");
Object.assign(process.env, {
  DATABASE_URL: url,
  TZ: "UTC",
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "profile",
  SHOPIFY_API_SECRET: "profile-secret-with-enough-entropy",
  SHOPIFY_APP_URL: "https://creator-roi.test",
  CLICK_HASH_SALT: "profile-salt-0123456789abcdef",
});

const SHOP = "bench.myshopify.com";
const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 30);

async function main() {
  const { db } = await import("../app/db.server.ts");
  const { getDashboard } = await import("../app/queries/get-dashboard.server.ts");
  const { getCampaignReport } = await import("../app/queries/get-campaign-report.server.ts");
  const { getCreatorPerformance } = await import("../app/queries/get-creator-performance.server.ts");
  const { leaderboardParamsSchema, pageParamsSchema } = await import("../app/queries/analytics-params.ts");
  const { applyRollupDeltas } = await import("../app/models/daily-rollup.server.ts");
  const { inTransaction } = await import("../app/models/transaction.server.ts");
  const { loadAnalyticsSettings } = await import("../app/queries/analytics-context.server.ts");

  // Every raw query goes through $queryRaw / $queryRawUnsafe; model queries through the client's extensions are not
  // counted here, which the "outside SQL" share shows.
  type Stat = { calls: number; ms: number; rows: number };
  const stats = new Map<string, Stat>();
  let sqlMs = 0;
  const timedDb = db.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const started = performance.now();
        const result = await query(args);
        const ms = performance.now() - started;
        sqlMs += ms;
        const raw = operation.startsWith("$") ? String((args as { strings?: string[] })?.strings?.join("?") ?? (args as unknown[])[0] ?? "").replace(/\s+/g, " ").slice(0, 140) : "";
        const key = `${model ?? ""}.${operation} ${raw}`;
        const s = stats.get(key) ?? { calls: 0, ms: 0, rows: 0 };
        s.calls += 1;
        s.ms += ms;
        s.rows += Array.isArray(result) ? result.length : 1;
        stats.set(key, s);
        return result;
      },
    },
  });
  // The app imports `db` by binding; route its methods through the timed client.
  for (const name of ["$queryRaw", "$queryRawUnsafe", "$executeRaw"] as const) {
    const fn = (timedDb as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    (db as unknown as Record<string, unknown>)[name] = fn.bind(timedDb);
  }
  for (const model of ["creator", "creatorPlatform", "campaign", "collaboration", "dailyRollup", "cohortSnapshot", "shop", "shopSettings", "order", "customer", "discountCode", "trackedLink"]) {
    const target = (db as unknown as Record<string, unknown>)[model];
    const timed = (timedDb as unknown as Record<string, unknown>)[model];
    if (target && timed) Object.defineProperty(db, model, { value: timed, configurable: true });
  }

  const top = (await db.$queryRawUnsafe<{ creatorId: string }[]>(`SELECT "creatorId" FROM "DailyRollup" WHERE "shop" = '${SHOP}' AND "creatorId" <> '' GROUP BY "creatorId" ORDER BY SUM("netMinor") DESC`)).map((r) => r.creatorId);
  const [campaign] = await db.$queryRawUnsafe<{ campaignId: string }[]>(`SELECT "campaignId" FROM "DailyRollup" WHERE "shop" = '${SHOP}' AND "campaignId" <> '' GROUP BY "campaignId" ORDER BY SUM("orders") DESC LIMIT 1`);
  const lp = (q: string) => leaderboardParamsSchema.parse(Object.fromEntries(new URLSearchParams(q)));
  const pp = (q: string) => pageParamsSchema.parse(Object.fromEntries(new URLSearchParams(q)));
  const pages: [string, () => Promise<unknown>][] = [
    ["dashboard (last 30 days)", () => getDashboard(SHOP, lp(""))],
    ["dashboard (90 days, by ROAS)", () => getDashboard(SHOP, lp("preset=last90&sort=roas&direction=desc"))],
    ["dashboard (filtered, page 2)", () => getDashboard(SHOP, lp("preset=last90&tier=micro&page=2"))],
    ["creator (top seller)", () => getCreatorPerformance(SHOP, top[0]!, pp(""))],
    ["creator (median)", () => getCreatorPerformance(SHOP, top[Math.floor(top.length / 2)]!, pp(""))],
    ["campaign report", () => getCampaignReport(SHOP, campaign!.campaignId)],
  ];
  const only = process.env.PROFILE_PAGES;
  const writes = process.env.PROFILE_WRITES === "1";
  const today = (await loadAnalyticsSettings(SHOP, new Date())).today;
  let written = 0;
  // One order of a creator (taken in turn among the sellers) credited today, as ingestion would add it.
  const writeOrder = () => {
    const creatorId = top[(written * 7919) % top.length]!;
    written += 1;
    const delta = { creatorId, campaignId: null, day: today, orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, linkOrders: 0, newCustomers: 0, grossMinor: 5_000, discountsMinor: 500, refundsMinor: 0, netMinor: 4_500, repeatOrders: 0, repeatNetMinor: 0, cogsMinor: 0, cogsCoveredMinor: 0 };
    return inTransaction((tx) => applyRollupDeltas(tx, SHOP, [delta, { ...delta, creatorId: null, orderCreditPpm: 0, codeOrders: 0 }]));
  };
  for (const [name, load] of pages) {
    if (only && !name.includes(only)) continue;
    for (let i = 0; i < 3; i++) await load();
    if (writes) await writeOrder();
    stats.clear();
    sqlMs = 0;
    const times: number[] = [];
    const cpu: number[] = [];
    let json = 0;
    for (let i = 0; i < REQUESTS; i++) {
      if (writes) await writeOrder();
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const value = await load();
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - started);
      json = JSON.stringify(value).length;
    }
    cpu.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    console.log(
      `\n${name}: p50 ${times[Math.floor(REQUESTS / 2)]!.toFixed(1)} ms, p95 ${times[Math.ceil(REQUESTS * 0.95) - 1]!.toFixed(1)} ms; CPU of this process p50 ${cpu[Math.floor(REQUESTS / 2)]!.toFixed(1)} ms; per request SQL ${(sqlMs / REQUESTS).toFixed(1)} ms (awaited, overlapping), other ${((total - sqlMs) / REQUESTS).toFixed(1)} ms; JSON ${(json / 1024).toFixed(0)} KiB`,
    );
    for (const [key, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
      console.log(`  ${(s.ms / REQUESTS).toFixed(2).padStart(7)} ms ${String(s.calls / REQUESTS).padStart(4)}× ${String(Math.round(s.rows / s.calls)).padStart(6)} rows  ${key}`);
    }
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
