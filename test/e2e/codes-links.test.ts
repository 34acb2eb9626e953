// In a browser, on the demo: create a creator, add them to a campaign, see their code and link, then follow the
// short link the way a shopper does, through the app proxy route (signed here as Shopify signs it), to the shop's
// discount URL. The storefront itself is never loaded: its host is answered by the test.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appProxyUrl, fetchThroughProxy } from "../support/app-proxy-request";
import { launchBrowser, screenshot, watchProblems } from "../support/browser";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDemo } from "../../scripts/demo";

/** startTestDemo, with the database in a folder of its own: a vitest run starting meanwhile empties .cache/test. */
async function startPrivateDemo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "creator-roi-codes-demo-"));
  const demo = await startDemo({ port: 0, build: false, databaseFile: path.join(dir, "demo.db"), log: () => {} });
  return {
    ...demo,
    async stop() {
      await demo.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const STOREFRONT = "demo.creator-roi.example";

describe("codes and links in a browser", () => {
  let demo: Awaited<ReturnType<typeof startPrivateDemo>>;
  let browser: Browser;
  beforeAll(async () => {
    demo = await startPrivateDemo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  /** The demo's own database, opened read-only by the test to find ids and check what was stored. */
  async function withDemoDatabase<T>(read: (client: import("../../app/generated/prisma/client").PrismaClient) => Promise<T>): Promise<T> {
    const { PrismaClient } = await import("../../app/generated/prisma/client");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL! }) });
    try {
      return await read(client);
    } finally {
      await client.$disconnect();
    }
  }

  const campaignIdOf = (name: string) => withDemoDatabase(async (client) => (await client.campaign.findFirstOrThrow({ where: { name } })).id);

  test("the seeded demo already has codes, links and clicks", async () => {
    await withDemoDatabase(async (client) => {
      expect(await client.discountCode.count({ where: { state: "active" } })).toBeGreaterThan(20);
      expect(await client.discountCode.count({ where: { state: "inactive" } })).toBeGreaterThan(0);
      expect(await client.click.count({ where: { isBot: false } })).toBeGreaterThan(50);
      expect(await client.click.count({ where: { isBot: true } })).toBeGreaterThan(0);
      expect(demo.standIn.state.shop("creator-roi-demo.myshopify.com").discounts.size).toBe(await client.discountCode.count());
    });
  });

  test("create a creator, add them to a campaign, copy their code and link, and follow the link to the discount", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "en-US" });
    const problems = watchProblems(page);

    await page.goto(`${demo.server.url}/app/creators/new`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Margaux Petit");
    await page.getByLabel("Handle").fill("margaux.petit");
    await page.getByLabel("Followers").first().fill("23000");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/app\/creators\/[^/?]+\?/);

    // Straight to the campaign page (the campaigns list is another feature's page, tested on its own).
    const campaignId = await campaignIdOf("Spring Launch");
    await page.goto(`${demo.server.url}/app/campaigns/${campaignId}`, { waitUntil: "networkidle" });
    await page.getByText("Creators, codes and links").waitFor();
    await page.getByTestId("creator-row-emma.style").waitFor();

    await page.getByRole("button", { name: "Add creators" }).first().click();
    await page.getByLabel("Search creators").fill("margaux");
    const checkbox = page.getByLabel("Margaux Petit (@margaux.petit)");
    await checkbox.waitFor();
    await checkbox.check();
    await page.getByRole("button", { name: "Add 1 creator" }).click();

    const row = page.getByTestId("creator-row-margaux.petit");
    await row.waitFor();
    await expect.poll(() => page.getByText("1 of 1 creators done").count()).toBe(1);
    expect(await row.getByTestId("discount-code").textContent()).toBe("MARGAUXPETIT15");
    const discountUrl = (await row.getByTestId("discount-url").textContent()) ?? "";
    const shortLink = (await row.getByTestId("short-link").textContent()) ?? "";
    expect(discountUrl).toMatch(new RegExp(`^https://${STOREFRONT.replace(/\./g, "\\.")}/discount/MARGAUXPETIT15\\?redirect=`));
    expect(shortLink).toMatch(new RegExp(`^https://${STOREFRONT.replace(/\./g, "\\.")}/apps/creator-roi/[0-9A-Za-z]{8}$`));
    expect(await row.getByText("0 clicks").count()).toBe(1);
    await screenshot(page, "campaign-codes-links");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });

    // Shopify forwards https://<shop>/apps/creator-roi/<slug> to <app>/proxy/<slug> with a signed query.
    const slug = shortLink.split("/").pop()!;
    const proxied = appProxyUrl(demo.server.url, slug, { shop: "creator-roi-demo.myshopify.com", secret: process.env.SHOPIFY_API_SECRET! });
    const answer = await fetchThroughProxy(proxied, { ip: "203.0.113.99" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(discountUrl);

    // The browser follows the 302 to the storefront; the storefront host does not resolve here, which is the point:
    // the test sees where the browser went without loading the shop.
    // Headless Chrome announces itself and would be counted as a bot: the shopper is a phone in Instagram's browser.
    const shopper = await browser.newPage({
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 352.0",
    });
    const toStorefront = shopper.waitForRequest((request) => new URL(request.url()).hostname === STOREFRONT);
    await shopper.goto(proxied).catch(() => undefined);
    const followed = await toStorefront;
    expect(followed.url()).toBe(discountUrl);
    expect(followed.redirectedFrom()?.url()).toBe(proxied);

    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => page.getByTestId("creator-row-margaux.petit").getByText("2 clicks").count()).toBe(1);
  });
});
