import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_CREATORS } from "../../scripts/lib/seed-creators";
import { launchBrowser, screenshot, watchProblems } from "../support/browser";
import { startTestDemo } from "../support/demo";

describe("creators and campaigns in a browser, on the demo", () => {
  let demo: Awaited<ReturnType<typeof startTestDemo>>;
  let browser: Browser;
  const saved = { ...process.env };
  beforeAll(async () => {
    demo = await startTestDemo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    process.env = saved;
  });

  test("list, search, open a creator", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/creators`, { waitUntil: "networkidle" });
    expect(await page.locator("h1").first().textContent()).toBe("Creators");
    const active = DEMO_CREATORS.filter((c) => !c.archived).length;
    await page.getByText(`Page 1 of ${Math.ceil(active / 25)} · ${active} creators`).waitFor();
    expect(await page.locator(".Polaris-IndexTable__TableRow").count()).toBe(25);
    await screenshot(page, "creators-list");

    // Search: the query reaches the URL after a pause and the server filters.
    await page.getByRole("button", { name: /search and filter/i }).click();
    await page.getByPlaceholder("Search by name, handle or email").fill("moreau");
    await page.waitForURL(/q=moreau/);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.locator(".Polaris-IndexTable__TableRow").count()).toBe(1);
    expect(await page.locator(".Polaris-IndexTable__TableRow").first().textContent()).toContain("@lea_moreau");
    await screenshot(page, "creators-search");

    await page.getByRole("link", { name: "Léa Moreau" }).click();
    await page.waitForURL(/\/app\/creators\/[^/?]+/);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("h1").first().textContent()).toBe("Léa Moreau");
    expect(await page.getByLabel("Handle").inputValue()).toBe("lea_moreau");
    expect(await page.getByText("Tier: Mega").count()).toBe(1);
    await screenshot(page, "creator-edit");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("create a creator through the form, then fix a duplicate handle", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/creators/new`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Browser Test");
    await page.getByLabel("Handle").fill("EMMA.STYLE");
    await page.getByLabel("Followers").fill("250000");
    await page.getByRole("button", { name: "Add platform" }).click();
    await page.getByLabel("Followers").nth(1).fill("12000");
    expect(await page.getByText("Tier: Mid-tier").count()).toBe(1);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Another creator of this shop already uses this handle.").waitFor();
    // The form keeps what was typed, both platform rows included.
    expect(await page.getByLabel("Followers").nth(1).inputValue()).toBe("12000");
    await screenshot(page, "creator-duplicate-handle");
    await page.getByLabel("Handle").fill("browser.test");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/app\/creators\/[^/?]+\?created=1/);
    await page.getByText("Creator created.").waitFor();
    expect(await page.locator("h1").first().textContent()).toBe("Browser Test");
    // The failed save answered 422 on purpose; nothing else may fail.
    expect(problems.consoleErrors.filter((line) => !/status of 422/.test(line))).toEqual([]);
    expect(problems.failedRequests.filter((line) => !/ 422$/.test(line))).toEqual([]);
  });

  test("import a CSV: preview with row problems, then import the valid rows", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/creators/import`, { waitUntil: "networkidle" });
    const csv = ["name,handle,email,instagram_followers", "Csv One,csv.one,,1200", "Csv Two,csv.two,bad-email,500", "Emma Martin,emma.style,,48200", "Csv Three,csv.three,,-4"].join("\n");
    await page.locator('input[type="file"]').setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText("2 problems: these rows are skipped").waitFor();
    expect(await page.getByText("2 creators are ready to import: 1 new, 1 to update.").count()).toBe(1);
    await screenshot(page, "creators-import-preview");
    await page.getByRole("button", { name: "Import 2 creators" }).click();
    await page.getByText("Import finished").waitFor();
    expect(await page.getByText("1 created, 0 updated, 1 unchanged.").count()).toBe(1);
    await screenshot(page, "creators-import-done");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("a tier filter and a sort from the URL, in French", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/creators?tier=mega&sort=followers&direction=desc`, { waitUntil: "networkidle" });
    expect(await page.locator("h1").first().textContent()).toBe("Créateurs");
    const mega = DEMO_CREATORS.filter((c) => !c.archived && Math.max(0, ...c.platforms.map(([, f]) => f)) >= 1_000_000)
      .sort((a, b) => Math.max(...b.platforms.map(([, f]) => f)) - Math.max(...a.platforms.map(([, f]) => f)))
      .map((c) => `@${c.handle}`);
    const handles = await page.locator(".Polaris-IndexTable__TableRow td:nth-child(3)").allTextContents();
    expect(handles).toEqual(mega);
    await screenshot(page, "creators-mega-fr");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test("campaigns list and a campaign page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/campaigns`, { waitUntil: "networkidle" });
    expect(await page.locator(".Polaris-IndexTable__TableRow").count()).toBe(4);
    expect(await page.getByText("€12,500.50").count()).toBe(1);
    await screenshot(page, "campaigns-list");
    await page.getByRole("link", { name: "New Customer Push" }).click();
    await page.waitForURL(/\/app\/campaigns\/[^/?]+/);
    await page.waitForLoadState("networkidle");
    expect(await page.getByLabel("Amount off").inputValue()).toBe("10.00");
    expect(await page.getByLabel("Minimum order").inputValue()).toBe("40.00");
    await screenshot(page, "campaign-edit");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });
});
