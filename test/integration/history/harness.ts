// Shared set-up of the order history, reconciliation, explanation and privacy tests.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "../../../app/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { TEMPLATE_DB } from "../../support/paths";
import { testDatabaseProvider } from "../../support/test-database-provider";

/**
 * A fresh migrated database. On SQLite the template's copy lives outside .cache/test: another vitest run starting
 * meanwhile empties that folder, which would delete the database under a running app.
 */
export async function createIsolatedDatabase(): Promise<TestDatabase> {
  if (testDatabaseProvider() === "postgresql") return createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "creator-roi-history-"));
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

type CountDelegate = { count(args: { where: { shop: string } }): Promise<number> };

/** Rows per model of every table that has a `shop` column, for one shop (models with no row are left out). */
export async function rowsOfShop(client: PrismaClient, shop: string): Promise<Record<string, number>> {
  const fields = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  const delegates = client as unknown as Record<string, CountDelegate>;
  const counts: Record<string, number> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (fields[`${model}ScalarFieldEnum`]?.shop !== "shop") continue;
    const delegate = delegates[model.charAt(0).toLowerCase() + model.slice(1)];
    if (!delegate) throw new Error(`No delegate for ${model}`);
    const count = await delegate.count({ where: { shop } });
    if (count > 0) counts[model] = count;
  }
  return counts;
}

/** Every text value of every row of every table, for scanning stored data for personal data. */
export async function everyStoredText(client: PrismaClient): Promise<{ table: string; column: string; value: string }[]> {
  const out: { table: string; column: string; value: string }[] = [];
  const delegates = client as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>;
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = delegates[model.charAt(0).toLowerCase() + model.slice(1)];
    if (!delegate) throw new Error(`No delegate for ${model}`);
    for (const row of await delegate.findMany()) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "string") out.push({ table: model, column, value });
      }
    }
  }
  return out;
}

/** Empties a shop from every table (test set-up between cases); rate limit keys naming it go too. */
export async function deleteShopRows(client: PrismaClient, shop: string): Promise<void> {
  const fields = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  const delegates = client as unknown as Record<string, { deleteMany(args: { where: { shop: string } }): Promise<unknown> }>;
  // Children first, so that no foreign key stands in the way.
  const order = ["Touch", "Refund", "Click", "DiscountCode", "TrackedLink", "Collaboration", "CreatorPlatform"];
  const models = Object.values(Prisma.ModelName).filter((m) => fields[`${m}ScalarFieldEnum`]?.shop === "shop");
  for (const model of [...order.filter((m) => models.includes(m as Prisma.ModelName)), ...models.filter((m) => !order.includes(m))]) {
    await delegates[model.charAt(0).toLowerCase() + model.slice(1)]!.deleteMany({ where: { shop } });
  }
  await client.rateLimit.deleteMany({ where: { key: { contains: shop } } });
}

/** The app's environment pointed at `database` for in-process calls; import app modules only after this. */
export function useInProcessEnvironment(database: TestDatabase, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    NODE_ENV: "test",
    SHOPIFY_API_KEY: "test-api-key",
    SHOPIFY_API_SECRET: "test-api-secret-with-enough-entropy",
    SHOPIFY_APP_URL: "https://creator-roi.test",
    CLICK_HASH_SALT: "test-salt-0123456789abcdef",
    DATABASE_URL: database.url,
    ...extra,
  });
  // db.server keeps one client per process outside production; this process must use this test's database.
  (globalThis as { __creatorRoiDb?: unknown }).__creatorRoiDb = undefined;
}
