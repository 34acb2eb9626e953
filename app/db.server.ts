import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { parseDatabaseUrl, type DatabaseTarget } from "./db/database-url";
import { env } from "./env.server";

export type Db = PrismaClient;

function createClient(target: DatabaseTarget): PrismaClient {
  if (target.provider === "postgresql") {
    throw new Error("PostgreSQL needs the client generated for it: run the build with a postgresql:// DATABASE_URL");
  }
  // WAL lets page loaders read while a webhook writes; a busy timeout rides out short write locks
  // instead of failing the webhook (Shopify would retry, but it costs a delivery).
  const adapter = new PrismaBetterSqlite3({ url: target.url, timeout: 5000 });
  return new PrismaClient({ adapter });
}

declare global {
  // eslint-disable-next-line no-var
  var __creatorRoiDb: PrismaClient | undefined;
}

// One client per process; in development Vite reloads modules, so keep it on globalThis.
export const db: PrismaClient = globalThis.__creatorRoiDb ?? createClient(parseDatabaseUrl(env.DATABASE_URL));
if (env.NODE_ENV !== "production") globalThis.__creatorRoiDb = db;

/** Sets the SQLite pragmas the app relies on; a no-op on PostgreSQL. */
export async function prepareDatabase(client: PrismaClient = db): Promise<void> {
  if (parseDatabaseUrl(env.DATABASE_URL).provider !== "sqlite") return;
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
