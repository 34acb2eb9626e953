// The codes and links services run in the test's own process against a fresh database and the Shopify stand-in
// over HTTP: the environment is set before the app modules are imported (env.server reads it at import).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../../app/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../../app/generated/prisma-postgresql/client";
import { createTestDatabase as createSharedTestDatabase, type TestDatabase } from "../../support/database";
import { testDatabaseProvider } from "../../support/test-database-provider";
import { TEMPLATE_DB } from "../../support/paths";
import { startShopifyStandIn, type ShopifyStandIn } from "../../support/shopify-stand-in";
import type { AdminApi } from "../../../app/shopify/admin-api.server";

export const SHOP = "codes-test.myshopify.com";
export const OTHER_SHOP = "someone-else.myshopify.com";
export const STOREFRONT = "shop.codes-test.example";

export type InProcess = {
  database: TestDatabase;
  standIn: ShopifyStandIn;
  /** An Admin API client for SHOP with short retry waits. */
  admin: AdminApi;
  adminFor(shop: string): AdminApi;
  close(): Promise<void>;
};

/**
 * A fresh migrated database. On SQLite, the run's template is copied outside .cache/test: another vitest run starting
 * meanwhile empties that folder, which would delete the database under a running app. On PostgreSQL
 * (TEST_DATABASE=postgresql), the shared helper's database made from the run's template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseProvider() === "postgresql") return createSharedTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "creator-roi-codes-"));
  const file = path.join(dir, `db-${crypto.randomBytes(4).toString("hex")}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
  return {
    url,
    provider: "sqlite",
    client,
    async drop() {
      await client.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Another client on the same database: what a second app instance behind the load balancer would use. */
export function openSecondClient(database: TestDatabase): PrismaClient {
  if (database.provider === "postgresql") {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: database.url, timeout: 5000 }) });
}

/** Fresh database and stand-in, with the app's environment pointing at them; import app modules after this. */
export async function startInProcess(extraEnv: Record<string, string> = {}): Promise<InProcess> {
  const database = await createTestDatabase();
  const standIn = await startShopifyStandIn();
  Object.assign(process.env, {
    SHOPIFY_API_KEY: "test-api-key",
    SHOPIFY_API_SECRET: "test-api-secret-with-enough-entropy",
    SHOPIFY_APP_URL: "https://creator-roi.test",
    CLICK_HASH_SALT: "test-salt-0123456789abcdef",
    DATABASE_URL: database.url,
    ...extraEnv,
  });
  // db.server keeps one client per process outside production; this process must use this test's database.
  (globalThis as { __creatorRoiDb?: unknown }).__creatorRoiDb = undefined;
  const { adminApiFromEndpoint } = await import("../../../app/shopify/admin-api.server");
  const adminFor = (shop: string) =>
    adminApiFromEndpoint({
      shopDomain: shop,
      accessToken: standIn.accessTokenFor(shop),
      endpoint: standIn.endpointFor(shop),
      minDelayMs: 5,
      maxDelayMs: 200,
      jitterRatio: 0,
    });
  return {
    database,
    standIn,
    admin: adminFor(SHOP),
    adminFor,
    async close() {
      const { db } = await import("../../../app/db.server");
      await db.$disconnect();
      await standIn.close();
      await database.drop();
    },
  };
}

type CampaignTerms = {
  name?: string;
  slug?: string;
  discountType?: "percentage" | "fixed_amount";
  discountValue?: number;
  startsAt?: Date | null;
  endsAt?: Date | null;
  minimumOrderMinor?: number | null;
  oncePerCustomer?: boolean;
  usageLimit?: number | null;
  combinesWithOrder?: boolean;
  combinesWithProduct?: boolean;
  combinesWithShipping?: boolean;
};

/** A shop row, a campaign and creators, arranged directly in the database. */
export async function arrangeShop(
  database: TestDatabase,
  shop: string,
  options: { currencyCode?: string; primaryDomain?: string | null; campaign?: CampaignTerms; handles?: string[] } = {},
) {
  await database.client.shop.upsert({
    where: { shop },
    create: { shop, currencyCode: options.currencyCode ?? "EUR", ianaTimezone: "Europe/Paris", primaryDomain: options.primaryDomain === undefined ? STOREFRONT : options.primaryDomain },
    update: {},
  });
  const terms = options.campaign ?? {};
  const campaign = await database.client.campaign.create({
    data: {
      shop,
      name: terms.name ?? "Summer Linen",
      slug: terms.slug ?? `summer-linen-${Math.random().toString(36).slice(2, 8)}`,
      discountType: terms.discountType ?? "percentage",
      discountValue: terms.discountValue ?? 15,
      startsAt: terms.startsAt === undefined ? new Date("2026-06-01T00:00:00Z") : terms.startsAt,
      endsAt: terms.endsAt === undefined ? new Date("2099-08-31T22:00:00Z") : terms.endsAt,
      minimumOrderMinor: terms.minimumOrderMinor === undefined ? 5000 : terms.minimumOrderMinor,
      oncePerCustomer: terms.oncePerCustomer ?? true,
      usageLimit: terms.usageLimit === undefined ? 500 : terms.usageLimit,
      combinesWithOrder: terms.combinesWithOrder ?? false,
      combinesWithProduct: terms.combinesWithProduct ?? true,
      combinesWithShipping: terms.combinesWithShipping ?? true,
    },
  });
  const creators = [];
  for (const handle of options.handles ?? ["Emma"]) {
    creators.push(
      await database.client.creator.create({
        data: {
          shop,
          name: `${handle} Example`,
          handle,
          handleKey: handle.toLowerCase(),
          platforms: {
            create: [
              { shop, platform: "instagram", followers: 12_000 },
              { shop, platform: "tiktok", followers: 85_000 },
            ],
          },
        },
      }),
    );
  }
  return { campaign, creators };
}

/**
 * Makes the database refuse writes to DiscountCode whose new row matches `when` (an SQL condition on NEW, valid in
 * SQLite and PostgreSQL), as a failing disk or a lost connection would.
 */
async function failDiscountCodeWrites(database: TestDatabase, name: string, operation: "INSERT" | "UPDATE", when: string): Promise<void> {
  if (database.provider === "postgresql") {
    await database.client.$executeRawUnsafe(
      `CREATE FUNCTION "${name}_fn"() RETURNS trigger AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION 'simulated write failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await database.client.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE ${operation} ON "DiscountCode" FOR EACH ROW EXECUTE FUNCTION "${name}_fn"()`);
    return;
  }
  await database.client.$executeRawUnsafe(
    `CREATE TRIGGER "${name}" BEFORE ${operation} ON "DiscountCode" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`,
  );
}

/** Makes inserts into DiscountCode matching `when` fail. */
export function failDiscountCodeInserts(database: TestDatabase, name: string, when: string): Promise<void> {
  return failDiscountCodeWrites(database, name, "INSERT", when);
}

/** Makes updates of DiscountCode matching `when` fail. */
export function failDiscountCodeUpdates(database: TestDatabase, name: string, when: string): Promise<void> {
  return failDiscountCodeWrites(database, name, "UPDATE", when);
}

export async function dropTrigger(database: TestDatabase, name: string): Promise<void> {
  if (database.provider === "postgresql") {
    await database.client.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${name}" ON "DiscountCode"`);
    await database.client.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${name}_fn"()`);
    return;
  }
  await database.client.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${name}"`);
}
