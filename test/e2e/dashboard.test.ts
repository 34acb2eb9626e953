import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, screenshot, watchProblems } from "../support/browser";
import { startTestDemo } from "../support/demo";

describe("the dashboard in a browser", () => {
  let demo: Awaited<ReturnType<typeof startTestDemo>>;
  let browser: Browser;
  beforeAll(async () => {
    demo = await startTestDemo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  test("renders the Polaris admin page with no console error and no failed request", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app`, { waitUntil: "networkidle" });
    expect(await page.locator(".Polaris-Page").count()).toBeGreaterThan(0);
    expect(await page.locator("h1").first().textContent()).toBe("Dashboard");
    // The demo is populated: KPI cards and the trend chart, not the getting-started card.
    expect(await page.getByText("Net sales credited").count()).toBeGreaterThan(0);
    expect(await page.getByText("Credited sales per day").count()).toBeGreaterThan(0);
    // Hydrated: React has attached and client navigation works.
    await page.getByRole("link", { name: "Dashboard" }).first().click();
    await page.waitForLoadState("networkidle");
    await screenshot(page, "dashboard");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("the same page in French", async () => {
    const page = await browser.newPage({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    await page.goto(`${demo.server.url}/app`, { waitUntil: "networkidle" });
    expect(await page.locator("h1").first().textContent()).toBe("Tableau de bord");
    await screenshot(page, "dashboard-fr");
  });
});
