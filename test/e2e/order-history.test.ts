// In a browser, on the demo (whose orders came through the webhook routes): the order history page shows the import
// and what it covers, an order explains its attribution and is reassigned by hand and back, and a customer's data
// request (a signed customers/data_request webhook) is downloaded as JSON from the page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDemo } from "../../scripts/demo";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { launchBrowser, screenshot, watchProblems } from "../support/browser";
import { sendWebhook } from "../support/webhook-request";

const DEMO_SHOP = "creator-roi-demo.myshopify.com";

/** The demo with its database in a folder of its own (a vitest run starting meanwhile empties .cache/test). */
async function startPrivateDemo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "creator-roi-history-demo-"));
  const demo = await startDemo({ port: 0, build: false, databaseFile: path.join(dir, "demo.db"), log: () => {} });
  return {
    ...demo,
    async stop() {
      await demo.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("order history and explanations in a browser", () => {
  let demo: Awaited<ReturnType<typeof startPrivateDemo>>;
  let browser: Browser;
  beforeAll(async () => {
    demo = await startPrivateDemo();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function withDemoDatabase<T>(read: (client: PrismaClient) => Promise<T>): Promise<T> {
    const { PrismaClient } = await import("../../app/generated/prisma/client");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL! }) });
    try {
      return await read(client);
    } finally {
      await client.$disconnect();
    }
  }

  test("the order history page shows the import of past orders, what it covers and the latest orders (French)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "fr-FR" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/history?locale=fr`, { waitUntil: "networkidle" });
    await page.getByText("Import des commandes passées").waitFor();
    await page.getByText("60 derniers jours").waitFor();
    await page.getByText("Demandes de données des clients", { exact: true }).waitFor();
    await page.getByText("Dernières commandes", { exact: true }).waitFor();
    await screenshot(page, "order-history-fr");
    // The latest orders lead to their explanation.
    await page.getByRole("link", { name: /^#\d+$/ }).first().click();
    await page.waitForURL(/\/app\/orders\/[^/?]+\?locale=fr/);
    await page.getByText("Signaux relevés").waitFor();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  });

  test("an order explains its credit; staff reassign it and take the reassignment back", async () => {
    const order = await withDemoDatabase((client) =>
      client.order.findFirstOrThrow({ where: { shop: DEMO_SHOP, creditedCreatorId: { not: null }, touches: { some: { kind: "code" } } }, orderBy: { processedAt: "desc" } }),
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, locale: "en-US" });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/orders/${order.id}`, { waitUntil: "networkidle" });
    await page.getByText("Signals seen").waitFor();
    await page.getByText("Creator's discount code").first().waitFor();
    await page.getByText("Decided the credit").first().waitFor();
    await page.getByText("A creator's discount code was used").waitFor();
    await screenshot(page, "order-explanation");

    const target = await withDemoDatabase((client) =>
      client.creator.findFirstOrThrow({ where: { shop: DEMO_SHOP, id: { not: order.creditedCreatorId! }, status: "active" }, orderBy: { name: "asc" } }),
    );
    await page.getByLabel("Creator", { exact: true }).selectOption(target.id);
    await page.getByRole("button", { name: "Reassign", exact: true }).click();
    await page.getByText("Order reassigned.").waitFor();
    await page.getByText("Reassigned by staff", { exact: true }).waitFor();
    const reassigned = await withDemoDatabase((client) => client.order.findUniqueOrThrow({ where: { id: order.id } }));
    expect(reassigned).toMatchObject({ overrideCreatorId: target.id, overrideBy: "demo" });
    await screenshot(page, "order-reassigned");

    await page.getByRole("button", { name: "Remove the reassignment" }).click();
    await page.getByText("Reassignment removed").waitFor();
    expect((await withDemoDatabase((client) => client.order.findUniqueOrThrow({ where: { id: order.id } }))).overrideCreatorId).toBeNull();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  });

  test("a customer's data request is downloaded from the order history page", async () => {
    const customer = await withDemoDatabase((client) => client.customer.findFirstOrThrow({ where: { shop: DEMO_SHOP } }));
    const digits = customer.shopifyCustomerId.split("/").pop();
    const body = `{"shop_id":1,"shop_domain":"${DEMO_SHOP}","orders_requested":[],"customer":{"id":${digits},"email":"x@example.com","phone":null},"data_request":{"id":4242}}`;
    const response = await sendWebhook(demo.server.url, "/webhooks/customers/data_request", {
      topic: "customers/data_request",
      shop: DEMO_SHOP,
      body,
      secret: process.env.SHOPIFY_API_SECRET,
    });
    expect(response.status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "en-US", acceptDownloads: true });
    const problems = watchProblems(page);
    await page.goto(`${demo.server.url}/app/history`, { waitUntil: "networkidle" });
    await page.getByText("Request 4242").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toBe("customer-data-request-4242.json");
    const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { shopifyCustomerId: string; orders: unknown[] };
    expect(data.shopifyCustomerId).toBe(customer.shopifyCustomerId);
    expect(data.orders.length).toBeGreaterThan(0);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  });
});
