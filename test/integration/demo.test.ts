import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { assertNoRealShopifyCredentials, DEMO_SHOP, DemoRefusedError, enableDemoMode } from "../../app/demo/demo-mode.server";
import { startTestDemo } from "../support/demo";

describe("the demo's entry seam", () => {
  test.each([
    ["a real API key", { SHOPIFY_API_KEY: "1a2b3c4d5e6f" }],
    ["a real API secret", { SHOPIFY_API_SECRET: "shpss_abc" }],
    ["a CLI partners token", { SHOPIFY_CLI_PARTNERS_TOKEN: "atkn_abc" }],
  ])("refuses to start with %s configured", (_label, source) => {
    expect(() => assertNoRealShopifyCredentials(source)).toThrow(DemoRefusedError);
  });

  test("starts with no Shopify credentials, or with its own demo values", () => {
    expect(() => assertNoRealShopifyCredentials({})).not.toThrow();
    expect(() => assertNoRealShopifyCredentials({ SHOPIFY_API_KEY: "demo-api-key", SHOPIFY_API_SECRET: "" })).not.toThrow();
  });

  test("refuses an Admin API that is not on loopback", () => {
    expect(() => enableDemoMode({ adminEndpoint: "https://real-shop.myshopify.com/admin/api/2026-10/graphql.json", accessToken: "x" })).toThrow(
      DemoRefusedError,
    );
  });
});

describe("the running demo", () => {
  let demo: Awaited<ReturnType<typeof startTestDemo>>;
  const saved = { ...process.env };
  beforeAll(async () => {
    demo = await startTestDemo();
  });
  afterAll(async () => {
    await demo?.stop();
    process.env = saved;
  });

  test("listens on loopback only", () => {
    expect(demo.server.host).toBe("127.0.0.1");
  });

  test("serves the populated dashboard without any Shopify account", async () => {
    const response = await fetch(`${demo.server.url}/app`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Net sales credited");
    expect(html).toContain("Credited sales per day");
  });

  test("only ever serves the demo shop, whatever shop a request names", async () => {
    const response = await fetch(`${demo.server.url}/app?shop=real-store.myshopify.com&host=eA`);
    expect(response.status).toBe(200);
    const { PrismaClient } = await import("../../app/generated/prisma/client");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL! }) });
    try {
      const shops = (await client.shop.findMany({ select: { shop: true } })).map((s) => s.shop);
      expect(shops).toEqual([DEMO_SHOP]);
    } finally {
      await client.$disconnect();
    }
  });

  test("prices its orders with the unit costs the app read from the stand-in (the gift box has none)", async () => {
    const { PrismaClient } = await import("../../app/generated/prisma/client");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL! }) });
    try {
      const variants = await client.variantCost.findMany({ where: { shop: DEMO_SHOP } });
      expect(variants).toHaveLength(8);
      expect(variants.filter((v) => v.unitCostMinor === null)).toHaveLength(1);
      const orders = await client.order.aggregate({ where: { shop: DEMO_SHOP }, _count: true, _sum: { cogsMinor: true, cogsCoveredMinor: true, grossMinor: true } });
      expect(orders._sum.cogsMinor).toBeGreaterThan(0);
      // Some lines (the gift box) are left to the default margin: costs cover less than all sales.
      expect(orders._sum.cogsCoveredMinor).toBeGreaterThan(0);
      expect(orders._sum.cogsCoveredMinor!).toBeLessThan(orders._sum.grossMinor!);
      const settings = await fetch(`${demo.server.url}/app/settings`);
      expect(await settings.text()).toContain('data-variant-costs="7/8"');
    } finally {
      await client.$disconnect();
    }
  });

  test("is never framed", async () => {
    const response = await fetch(`${demo.server.url}/app`);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none';");
  });
});
