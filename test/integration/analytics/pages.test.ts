// The analytics pages through real HTTP against the built app: each loader returns what its read model computes,
// CSV exports stream the same figures with formulas neutralised and only the shop's rows, another shop's ids are
// 404s with nothing changed, and saving a new attribution model enqueues the rollup rebuild that the app's job
// runner then completes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCsv } from "../../../app/domain/csv";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { buildAnalyticsWorld } from "../../support/analytics-world";
import type { TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { adminFetch, adminRequest, embeddedUrl } from "../../support/session-token";
import { useModelDatabase } from "../creators/model-env";

const SHOP = "pages.myshopify.com";
const OTHER = "other-pages.myshopify.com";
const RANGE = "preset=custom&from=2026-09-10&to=2026-10-20";

type Queries = {
  dashboard: typeof import("../../../app/queries/get-dashboard.server");
  creator: typeof import("../../../app/queries/get-creator-performance.server");
  campaign: typeof import("../../../app/queries/get-campaign-report.server");
};

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

describe("analytics pages over HTTP", () => {
  let database: TestDatabase;
  let app: AppProcess;
  let q: Queries;
  let creatorId: string;
  let campaignId: string;
  let otherCreatorId: string;
  let otherCampaignId: string;
  let otherCollaborationId: string;

  const data = async (path: string, route: string, shop = SHOP) => {
    const url = `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route)}`;
    const response = await adminRequest(app.url, url, shop);
    return { status: response.status, body: response.status === 200 ? ((await response.json()) as unknown) : await response.text(), headers: response.headers };
  };
  const exportCsv = async (query: string, shop = SHOP) => {
    const response = await adminRequest(app.url, `/app/export/${query}`, shop);
    return { status: response.status, headers: response.headers, text: response.status === 200 ? stripBom(await response.text()) : "" };
  };

  beforeAll(async () => {
    database = await useModelDatabase();
    await buildAnalyticsWorld(database.client, { shop: SHOP, seed: 41, orders: 180, start: "2026-09-01", days: 60 });
    await buildAnalyticsWorld(database.client, { shop: OTHER, seed: 42, orders: 40, start: "2026-09-01", days: 60, prefix: "o-" });
    for (const shop of [SHOP, OTHER]) {
      await database.client.shop.update({ where: { shop }, data: { primaryDomain: `${shop.split(".")[0]}.example` } });
      await storeOfflineSession(database.client, shop);
    }
    // Names a spreadsheet would run as formulas, on the top creators of the shop, and a unique name in the other shop.
    const top = await database.client.dailyRollup.groupBy({ by: ["creatorId"], where: { shop: SHOP, creatorId: { not: "" } }, _sum: { netMinor: true }, orderBy: { _sum: { netMinor: "desc" } } });
    creatorId = top[0]!.creatorId;
    await database.client.creator.update({ where: { id: creatorId }, data: { name: '=HYPERLINK("http://evil.example","x")' } });
    await database.client.creator.update({ where: { id: top[1]!.creatorId }, data: { name: "+cmd|' /C calc'!A0, \"quoted\"" } });
    await database.client.creator.update({ where: { id: top[2]!.creatorId }, data: { name: "@SUM(1+1)" } });
    await database.client.creator.updateMany({ where: { shop: OTHER }, data: { name: "Other shop creator" } });
    campaignId = (await database.client.collaboration.findFirstOrThrow({ where: { shop: SHOP, creatorId } })).campaignId;
    const other = await database.client.collaboration.findFirstOrThrow({ where: { shop: OTHER } });
    otherCreatorId = other.creatorId;
    otherCampaignId = other.campaignId;
    otherCollaborationId = other.id;
    q = {
      dashboard: await import("../../../app/queries/get-dashboard.server"),
      creator: await import("../../../app/queries/get-creator-performance.server"),
      campaign: await import("../../../app/queries/get-campaign-report.server"),
    };
    // The web process runs the job queue (PostgreSQL leaves it to a worker unless asked), ticking fast for the test.
    app = await startAppProcess(testAppEnv(database.url, { RUN_JOBS_IN_WEB: "1", JOB_INTERVAL_MS: "300" }));
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test("the dashboard document renders the KPI cards, the leaderboard and the charts", async () => {
    const response = await adminFetch(embeddedUrl(app.url, `/app?${RANGE}`, SHOP), { headers: { "Accept-Language": "en" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const text of ["Net sales credited", "Creator leaderboard", "Credited sales per day", "By tier", "By compensation", "Customer lifetime value by acquisition channel"]) {
      expect(html).toContain(text);
    }
    // The trend chart is drawn in the browser (Polaris Viz); the server sends its figure and screen-reader table.
    expect(html).toContain('data-trend-chart="combo"');
    expect(html).toContain("<caption>Credited sales per day</caption>");
    expect(html).not.toContain("Other shop creator");
  });

  test("the dashboard loader returns what getDashboard computes", async () => {
    const { status, body, headers } = await data(`/app?${RANGE}&sort=roas&direction=asc`, "routes/app._index");
    expect(status).toBe(200);
    expect(headers.get("server-timing")).toMatch(/^query;dur=\d+(\.\d)?$/);
    const expected = await q.dashboard.getDashboard(SHOP, { preset: "custom", from: "2026-09-10", to: "2026-10-20", sort: "roas", direction: "asc", page: 1 });
    const got = body as { data: typeof expected; paramError: string | null };
    expect(got.paramError).toBeNull();
    if (got.data.state !== "ready" || expected.state !== "ready") throw new Error("expected ready dashboards");
    expect(got.data.kpis).toEqual(expected.kpis);
    expect(got.data.trend).toEqual(expected.trend);
    expect(got.data.leaderboard).toEqual(expected.leaderboard);
    expect(got.data.byTier).toEqual(expected.byTier);
    expect(got.data.byCompensation).toEqual(expected.byCompensation);
    expect(got.data.clvByChannel.channels).toEqual(expected.clvByChannel.channels);
  });

  test("leaderboard filters by campaign, tier, platform and compensation", async () => {
    const campaign = await database.client.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    for (const filter of [`campaign=${campaignId}`, "tier=micro", "platform=tiktok", `compensation=${campaign.compensationType}`]) {
      const { body } = await data(`/app?${RANGE}&${filter}`, "routes/app._index");
      const board = (body as { data: { leaderboard: { rows: { creator: { id: string; tier: string; platforms: string[] } }[]; filters: object } } }).data.leaderboard;
      expect(Object.keys(board.filters)).toHaveLength(1);
      if (filter === "tier=micro") expect(board.rows.every((r) => r.creator.tier === "micro")).toBe(true);
      if (filter === "platform=tiktok") expect(board.rows.every((r) => r.creator.platforms.includes("tiktok"))).toBe(true);
    }
  });

  test("unreadable parameters: the defaults and a warning, not an error page", async () => {
    const { status, body } = await data("/app?sort=followers&preset=custom&from=2026-10-10&to=2026-10-01", "routes/app._index");
    expect(status).toBe(200);
    expect((body as { paramError: string }).paramError).toMatch(/^sort: /);
    const reversed = await data("/app?preset=custom&from=2026-10-10&to=2026-10-01", "routes/app._index");
    expect((reversed.body as { data: { rangeError: string } }).data.rangeError).toMatch(/before the start/);
  });

  test("the creator page loader returns what getCreatorPerformance computes", async () => {
    const { status, body } = await data(`/app/creators/${creatorId}/performance?${RANGE}&page=1`, "routes/app.creators.$creatorId_.performance");
    expect(status).toBe(200);
    const expected = await q.creator.getCreatorPerformance(SHOP, creatorId, { preset: "custom", from: "2026-09-10", to: "2026-10-20", page: 1 });
    expect((body as { data: unknown }).data).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.orders.rows.length).toBeGreaterThan(0);
    expect(expected.orders.rows[0]?.explanation).not.toBeNull();
    const html = await (await adminFetch(embeddedUrl(app.url, `/app/creators/${creatorId}/performance?${RANGE}`, SHOP))).text();
    expect(html).toContain("Funnel");
    expect(html).toContain("Cohorts by acquisition month");
  });

  test("the campaign report loader returns what getCampaignReport computes", async () => {
    const { status, body } = await data(`/app/campaigns/${campaignId}/report`, "routes/app.campaigns.$campaignId_.report");
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(await q.campaign.getCampaignReport(SHOP, campaignId))));
    const html = await (await adminFetch(embeddedUrl(app.url, `/app/campaigns/${campaignId}/report`, SHOP))).text();
    expect(html).toContain("Incremental sales");
    expect(html).toContain("Budget and spend");
  });

  test("another shop's creator or campaign is a 404 on every page and export", async () => {
    const probes = [
      data(`/app/creators/${otherCreatorId}/performance`, "routes/app.creators.$creatorId_.performance"),
      data(`/app/campaigns/${otherCampaignId}/report`, "routes/app.campaigns.$campaignId_.report"),
      data(`/app/creators/does-not-exist/performance`, "routes/app.creators.$creatorId_.performance"),
    ];
    for (const probe of await Promise.all(probes)) expect(probe.status).toBe(404);
    for (const query of [`creator-orders?creator=${otherCreatorId}`, `creator-cohorts?creator=${otherCreatorId}`, `creator-costs?creator=${otherCreatorId}`, `campaign-creators?campaign=${otherCampaignId}`, `campaign-days?campaign=${otherCampaignId}`, "no-such-table"]) {
      expect((await exportCsv(query)).status, query).toBe(404);
    }
    expect((await exportCsv("creator-orders")).status).toBe(400);
  });

  test("editing another shop's collaboration costs is a 404 and changes nothing", async () => {
    const before = await database.client.collaboration.findUniqueOrThrow({ where: { id: otherCollaborationId } });
    const response = await adminRequest(app.url, `/app/creators/${creatorId}/performance?_data=${encodeURIComponent("routes/app.creators.$creatorId_.performance")}`, SHOP, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "costs", collaborationId: otherCollaborationId, fee: "1", commission: "1", gifted: "1", shipping: "1" }).toString(),
    });
    expect(response.status).toBe(404);
    expect(await database.client.collaboration.findUniqueOrThrow({ where: { id: otherCollaborationId } })).toEqual(before);
  });

  test("collaboration costs: saved exactly when valid, every field's problem when not, nothing half-written", async () => {
    const collaboration = await database.client.collaboration.findFirstOrThrow({ where: { shop: SHOP, creatorId } });
    const post = (fields: Record<string, string>) =>
      adminRequest(app.url, `/app/creators/${creatorId}/performance?_data=${encodeURIComponent("routes/app.creators.$creatorId_.performance")}`, SHOP, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "costs", collaborationId: collaboration.id, ...fields }).toString(),
      });
    const bad = await post({ fee: "12,345.6", commission: "150", gifted: "-3", shipping: "ok" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ ok: false, collaborationId: collaboration.id, errors: { fee: "invalid", commission: "over_100", gifted: "negative", shipping: "invalid" } });
    expect(await database.client.collaboration.findUniqueOrThrow({ where: { id: collaboration.id } })).toEqual(collaboration);
    const good = await post({ fee: "1250.50", commission: "12,5", gifted: "80", shipping: "" });
    expect(good.status).toBe(200);
    expect(await database.client.collaboration.findUniqueOrThrow({ where: { id: collaboration.id }, select: { feeMinor: true, commissionBps: true, giftedCostMinor: true, shippingCostMinor: true } })).toEqual({
      feeMinor: 125_050,
      commissionBps: 1_250,
      giftedCostMinor: 8_000,
      shippingCostMinor: 0,
    });
  });

  test("the leaderboard CSV: the page's figures, formulas neutralised, only this shop's creators", async () => {
    const response = await exportCsv(`leaderboard?${RANGE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="creator-roi-leaderboard-2026-09-10-2026-10-20.csv"');
    const rows = parseCsv(response.text);
    const header = rows[0]!.fields;
    expect(header.slice(0, 5)).toEqual(["Creator", "Handle", "Tier", "Platform", "Net sales"]);
    const body = rows.slice(1).map((r) => r.fields);
    const expected = await q.dashboard.getDashboard(SHOP, { preset: "custom", from: "2026-09-10", to: "2026-10-20", sort: "netMinor", direction: "desc", page: 1 });
    if (expected.state !== "ready") throw new Error("expected a ready dashboard");
    expect(body).toHaveLength(expected.leaderboard.total);
    // Same order and net sales as the page (decimal euros).
    expect(body.map((r) => Math.round(Number(r[4]) * 100))).toEqual(expected.leaderboard.rows.map((r) => r.metrics.netMinor));
    const names = body.map((r) => r[0]);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(names).toContain(`'+cmd|' /C calc'!A0, "quoted"`);
    expect(names).toContain("'@SUM(1+1)");
    expect(names.some((n) => /^[=+\-@]/.test(n ?? ""))).toBe(false);
    expect(response.text).not.toContain("Other shop creator");
  });

  test("every other export streams its table for this shop", async () => {
    const queries = {
      trend: `trend?${RANGE}`,
      tiers: `tiers?${RANGE}`,
      compensation: `compensation?${RANGE}`,
      channels: "channels",
      "creator-orders": `creator-orders?creator=${creatorId}&${RANGE}`,
      "creator-cohorts": `creator-cohorts?creator=${creatorId}`,
      "creator-costs": `creator-costs?creator=${creatorId}&${RANGE}`,
      "campaign-creators": `campaign-creators?campaign=${campaignId}`,
      "campaign-days": `campaign-days?campaign=${campaignId}`,
    };
    const lines: Record<string, number> = {};
    for (const [table, query] of Object.entries(queries)) {
      const response = await exportCsv(query);
      expect(response.status, table).toBe(200);
      lines[table] = parseCsv(response.text).length - 1;
      expect(response.text).not.toContain("Other shop creator");
    }
    expect(lines.trend).toBe(41);
    expect(lines.tiers).toBe(5);
    expect(lines.compensation).toBe(5);
    const performance = await q.creator.getCreatorPerformance(SHOP, creatorId, { preset: "custom", from: "2026-09-10", to: "2026-10-20", page: 1 });
    expect(lines["creator-orders"]).toBe(performance.orders.total);
    expect(lines["creator-costs"]).toBe(performance.collaborations.length);
    expect(lines["creator-cohorts"]).toBe(performance.cohorts.table.reduce((s, r) => s + r.cells.length, 0));
  });

  test("a new attribution model is saved, its rebuild enqueued and run by the app's job runner", async () => {
    const post = (fields: Record<string, string>) =>
      adminRequest(app.url, `/app/settings?_data=routes%2Fapp.settings`, SHOP, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const invalid = await post({ attributionModel: "time_decay", attributionWindowDays: "0", defaultMargin: "50" });
    expect(invalid.status).toBe(422);
    expect(await database.client.job.count({ where: { shop: SHOP, name: "rebuild-rollups" } })).toBe(0);

    const saved = await post({ attributionModel: "linear", attributionWindowDays: "14", defaultMargin: "42.5" });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ok: true, rebuildRequested: true });
    expect(await database.client.shop.findUniqueOrThrow({ where: { shop: SHOP }, select: { attributionModel: true, attributionWindowDays: true, defaultMarginBps: true } })).toEqual({
      attributionModel: "linear",
      attributionWindowDays: 14,
      defaultMarginBps: 4_250,
    });
    // The web process runs due jobs every few seconds.
    let status: string | undefined;
    for (let i = 0; i < 60 && status !== "done"; i++) {
      const { body } = await data("/app/settings", "routes/app.settings");
      status = (body as { rebuild: { status: string } | null }).rebuild?.status;
      if (status !== "done") await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const job = await database.client.job.findFirstOrThrow({ where: { shop: SHOP, name: "rebuild-rollups" } });
    expect({ status, lastError: job.lastError }).toEqual({ status: "done", lastError: null });
    // A margin-only change asks for no rebuild.
    const marginOnly = await post({ attributionModel: "linear", attributionWindowDays: "14", defaultMargin: "40" });
    expect(await marginOnly.json()).toEqual({ ok: true, rebuildRequested: false });
    expect(await database.client.job.count({ where: { shop: SHOP, name: "rebuild-rollups" } })).toBe(1);
    expect(await database.client.job.count({ where: { shop: OTHER, name: "rebuild-rollups" } })).toBe(0);
  }, 60_000);

  test("settings show how many variants have a unit cost, and staff can ask for the costs to be read now", async () => {
    const at = new Date("2026-10-21T08:00:00Z");
    await database.client.variantCost.createMany({
      data: [
        { shop: SHOP, variantId: "gid://shopify/ProductVariant/1", inventoryItemId: "gid://shopify/InventoryItem/1", unitCostMinor: 1_200, syncedAt: at },
        { shop: SHOP, variantId: "gid://shopify/ProductVariant/2", inventoryItemId: "gid://shopify/InventoryItem/2", unitCostMinor: null, syncedAt: at },
        { shop: OTHER, variantId: "gid://shopify/ProductVariant/1", inventoryItemId: "gid://shopify/InventoryItem/1", unitCostMinor: 900, syncedAt: at },
      ],
    });
    const { body } = await data("/app/settings", "routes/app.settings");
    expect((body as { costs: unknown }).costs).toEqual({ variants: 2, withCost: 1, lastSyncedAt: at.toISOString() });

    // Only one sync of a shop waits at a time: the runs the scheduler queued are cleared so that this request's shows.
    await database.client.job.deleteMany({ where: { name: "sync-variant-costs" } });
    const requested = await adminRequest(app.url, `/app/settings?_data=routes%2Fapp.settings`, SHOP, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "syncCosts" }).toString(),
    });
    expect(requested.status).toBe(200);
    expect(await requested.json()).toEqual({ ok: true, costSyncRequested: true });
    // Staff's request is its own run (the daily runs carry a run key); the other shop gets none.
    expect(await database.client.job.count({ where: { shop: SHOP, name: "sync-variant-costs", runKey: null } })).toBe(1);
    expect(await database.client.job.count({ where: { shop: OTHER, name: "sync-variant-costs", runKey: null } })).toBe(0);
  });
});
