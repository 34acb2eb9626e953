// The analytics pages in a browser, on the demo (its creators, campaigns and ~900 orders arrive through the real
// webhook routes): the dashboard, a creator's performance page and a campaign report show exactly the figures the read
// models compute; changing the period and the attribution model changes them accordingly; a CSV export downloads the
// leaderboard. Screenshots go to test-results/.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCsv } from "../../app/domain/csv";
import { launchBrowser, screenshot, watchProblems } from "../support/browser";
import { startTestDemo } from "../support/demo";

const DEMO_SHOP = "creator-roi-demo.myshopify.com";

type Queries = {
  dashboard: typeof import("../../app/queries/get-dashboard.server");
  creator: typeof import("../../app/queries/get-creator-performance.server");
  campaign: typeof import("../../app/queries/get-campaign-report.server");
  format: typeof import("../../app/components/analytics/format");
  settings: typeof import("../../app/models/settings.server");
};

/**
 * The trend chart once Polaris Viz has drawn it in the browser: which chart it chose and the rows of its screen-reader
 * table (day, then each series' figure as shown).
 */
async function trendChart(page: Page): Promise<{ kind: string | null; rows: string[][] }> {
  const figure = page.locator("figure[data-trend-chart]").first();
  await figure.locator("svg").first().waitFor();
  const rows = await figure.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
  return { kind: await figure.getAttribute("data-trend-chart"), rows };
}

/** The text of a KPI card's value. */
async function kpi(page: Page, key: string): Promise<string> {
  return ((await page.locator(`[data-kpi="${key}"]`).first().textContent()) ?? "").trim();
}

describe("analytics in a browser", () => {
  let demo: Awaited<ReturnType<typeof startTestDemo>>;
  let browser: Browser;
  let q: Queries;

  const dashboardData = async (params: Partial<{ preset: "last7" | "last30"; sort: "netMinor" }> = {}) => {
    const data = await q.dashboard.getDashboard(DEMO_SHOP, { preset: params.preset ?? "last30", sort: "netMinor", direction: "desc", page: 1 });
    if (data.state !== "ready") throw new Error("the demo dashboard should have data");
    return data;
  };
  const money = (minor: number) => q.format.formatMoney(minor, "EUR", "en");
  const day = (key: string) => q.format.formatDay(key, "en");
  const count = (n: number) => q.format.formatCount(n, "en");
  const figure = (ratio: { kind: string; value?: number }, format: "money" | "count" | "multiple" | "percent") =>
    ratio.kind === "value" ? q.format.formatFigure(ratio.value!, format, "EUR", "en") : "—";

  beforeAll(async () => {
    demo = await startTestDemo();
    browser = await launchBrowser();
    // The demo set DATABASE_URL: the read models here read the demo's database.
    q = {
      dashboard: await import("../../app/queries/get-dashboard.server"),
      creator: await import("../../app/queries/get-creator-performance.server"),
      campaign: await import("../../app/queries/get-campaign-report.server"),
      format: await import("../../app/components/analytics/format"),
      settings: await import("../../app/models/settings.server"),
    };
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  test("dashboard: KPI cards and leaderboard equal the read model; a new period changes them; the leaderboard exports", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "en-US", acceptDownloads: true });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app`, { waitUntil: "networkidle" });
    let data = await dashboardData();
    const card = (key: string) => data.kpis.find((k) => k.key === key)!;
    expect(await kpi(page, "netSales")).toBe(figure(card("netSales").current, "money"));
    expect(await kpi(page, "orders")).toBe(figure(card("orders").current, "count"));
    expect(await kpi(page, "newCustomers")).toBe(figure(card("newCustomers").current, "count"));
    expect(await kpi(page, "aov")).toBe(figure(card("aov").current, "money"));
    expect(await kpi(page, "cost")).toBe(figure(card("cost").current, "money"));
    expect(await kpi(page, "roas")).toBe(figure(card("roas").current, "multiple"));
    expect(await kpi(page, "roi")).toBe(figure(card("roi").current, "percent"));
    expect(await kpi(page, "cac")).toBe(figure(card("cac").current, "money"));
    // Leaderboard: the same creators in the same order with the same net sales.
    const shownNets = await page.locator('[data-cell="net"]').allTextContents();
    expect(shownNets).toEqual(data.leaderboard.rows.map((r) => money(r.metrics.netMinor)));
    expect(shownNets.length).toBeGreaterThan(0);
    // The trend: net sales as bars and orders as a line on their own axis, the same days and figures as the read model.
    expect(await trendChart(page)).toEqual({ kind: "combo", rows: data.trend.map((p) => [day(p.day), money(p.netMinor), count(p.orders)]) });
    await screenshot(page, "analytics-dashboard");

    // Last 7 days.
    await page.locator(`select[name="preset"]`).selectOption("last7");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/preset=last7/);
    await page.waitForLoadState("networkidle");
    await page.locator(`select[name="preset"]`).waitFor();
    data = await dashboardData({ preset: "last7" });
    expect(await kpi(page, "netSales")).toBe(figure(card("netSales").current, "money"));
    expect(await kpi(page, "orders")).toBe(figure(card("orders").current, "count"));
    expect(await page.locator('[data-cell="net"]').allTextContents()).toEqual(data.leaderboard.rows.map((r) => money(r.metrics.netMinor)));
    await screenshot(page, "analytics-dashboard-last7");

    // Export the leaderboard of that period.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Export the creator leaderboard as CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`creator-roi-leaderboard-${data.range.from}-${data.range.to}.csv`);
    const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
    expect(rows[0]?.fields[0]).toBe("Creator");
    expect(rows.slice(1).map((r) => Math.round(Number(r.fields[4]) * 100))).toEqual(data.leaderboard.rows.map((r) => r.metrics.netMinor));
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("a creator's performance page: KPIs, funnel and credited orders equal the read model", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app?preset=last30`, { waitUntil: "networkidle" });
    const top = (await dashboardData()).leaderboard.rows[0]!;
    await page.locator(`[data-creator-link="${top.creator.id}"]`).first().click();
    await page.waitForURL(new RegExp(`/app/creators/${top.creator.id}/performance`));
    await page.locator('[data-funnel="clicks"]').waitFor();
    const data = await q.creator.getCreatorPerformance(DEMO_SHOP, top.creator.id, { preset: "last30", page: 1 });
    expect(await page.locator("h1").first().textContent()).toBe(data.creator.name);
    const card = (key: string) => data.kpis.find((k) => k.key === key)!;
    expect(await kpi(page, "netSales")).toBe(figure(card("netSales").current, "money"));
    expect(await kpi(page, "roas")).toBe(figure(card("roas").current, "multiple"));
    expect(await page.locator('[data-funnel="code-orders"]').textContent()).toBe(String(data.current.codeOrders));
    expect(await page.locator('[data-funnel="new-customers"]').textContent()).toBe(String(data.current.newCustomers));
    expect(await page.locator("summary[data-order]").count()).toBe(data.orders.rows.length);
    expect(await trendChart(page)).toEqual({ kind: "combo", rows: data.trend.map((p) => [day(p.day), money(p.netMinor), count(p.orders)]) });
    // The first order's explanation opens.
    await page.locator("summary[data-order]").first().click();
    await expect.poll(() => page.getByText(/Decided by:/).count()).toBeGreaterThan(0);
    await screenshot(page, "analytics-creator");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("a campaign report: totals and creators equal the read model", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "en-US" });
    const problems = watchProblems(page);
    const data = await dashboardData();
    const campaign = data.leaderboard.options.campaigns[0]!;
    await page.goto(`${demo.server.url}/app/campaigns/${campaign.id}/report`, { waitUntil: "networkidle" });
    const report = await q.campaign.getCampaignReport(DEMO_SHOP, campaign.id);
    expect(await page.locator('[data-figure="net"]').textContent()).toBe(money(report.totals.netMinor));
    expect(await page.locator('[data-figure="roas"]').textContent()).toBe(figure(report.totals.roas, "multiple"));
    expect(await page.locator("[data-creator-net]").allTextContents()).toEqual(report.creators.map((r) => money(r.metrics.netMinor)));
    expect(await page.getByText("Incremental sales").count()).toBeGreaterThan(0);
    // Actual against forecast: lines on one shared axis (the forecast only once the baseline could be fitted).
    if (report.incremental.state !== "measured") throw new Error("the demo's first campaign should have started");
    const { days, result } = report.incremental;
    const forecast = result.verdict !== "too_short";
    expect(await trendChart(page)).toEqual({
      kind: "line",
      rows: days.map((d) => [day(d.day), money(d.actualMinor), ...(forecast ? [money(d.forecastMinor ?? 0)] : [])]),
    });
    await screenshot(page, "analytics-campaign");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("a new attribution model: saved, rebuilt in the background, and the dashboard follows", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/settings`, { waitUntil: "networkidle" });
    await page.getByLabel("Attribution model").selectOption("linear");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved. The credited figures are being recomputed under the new model.").waitFor();
    // The demo's job scheduler runs the rebuild; the settings page shows its progress.
    await expect.poll(async () => (await q.settings.getRollupRebuildStatus(DEMO_SHOP))?.status, { timeout: 60_000, interval: 500 }).toBe("done");
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("[data-rebuild-status]").getAttribute("data-rebuild-status")).toBe("done");
    await screenshot(page, "analytics-settings");

    await page.goto(`${demo.server.url}/app`, { waitUntil: "networkidle" });
    const data = await dashboardData();
    expect(data.attributionModel).toBe("linear");
    const card = (key: string) => data.kpis.find((k) => k.key === key)!;
    expect(await kpi(page, "netSales")).toBe(figure(card("netSales").current, "money"));
    expect(await kpi(page, "orders")).toBe(figure(card("orders").current, "count"));
    expect(await page.getByText(/“Linear” model/).count()).toBe(1);
    expect(await page.locator('[data-cell="net"]').allTextContents()).toEqual(data.leaderboard.rows.map((r) => money(r.metrics.netMinor)));
    await screenshot(page, "analytics-dashboard-linear");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  }, 90_000);

  test("the dashboard in French", async () => {
    const page = await browser.newPage({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    await page.goto(`${demo.server.url}/app`, { waitUntil: "networkidle" });
    expect(await page.getByText("Ventes nettes attribuées").count()).toBeGreaterThan(0);
    expect(await page.getByText("Classement des créateurs").count()).toBeGreaterThan(0);
    await screenshot(page, "analytics-dashboard-fr");
  });
});
