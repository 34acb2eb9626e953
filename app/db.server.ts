import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgresql/client";
import type Database from "better-sqlite3";
import { parseDatabaseUrl, type DatabaseTarget } from "./db/database-url";
import { reuseCompiledStatements } from "./db/sqlite-statement-cache";
import { env } from "./env.server";

export type Db = PrismaClient;

export const databaseTarget: DatabaseTarget = parseDatabaseUrl(env.DATABASE_URL);

function createClient(target: DatabaseTarget): PrismaClient {
  if (target.provider === "postgresql") {
    // Both clients come from one schema (the PostgreSQL one is its generated twin), so they expose the
    // same model API; the app is typed against the SQLite client's types.
    const adapter = new PrismaPg({
      connectionString: target.url,
      max: env.DATABASE_POOL_SIZE,
      // A database that does not answer (host down, network cut) fails the request after this long instead of
      // holding it: a webhook then gets a 5xx within Shopify's 5 s and is delivered again later. The same bound
      // applies to waiting for a free connection of the pool.
      connectionTimeoutMillis: 4_000,
      // Idle connections are closed after a while (a quiet instance gives its connections back to the server)
      // and probed by TCP keepalive, so that one cut by a restart or a load balancer is noticed and replaced.
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      // Names the connections in pg_stat_activity (web or worker alike; the host tells instances apart).
      application_name: "creator-roi",
    });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // WAL lets page loaders read while a webhook writes; a busy timeout rides out short write locks
  // instead of failing the webhook.
  // WAL itself is a property of the file, set when migrations are applied (scripts/lib/schema-engine.ts).
  const adapter = new StatementReusingSqlite({ url: target.url, timeout: 5000 });
  const client = new PrismaClient({ adapter });
  // With WAL, NORMAL sync is durable against process crashes (an acknowledged webhook survives kill -9)
  // and only a power loss can drop the last commits; FULL would fsync every webhook.
  client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch((error: unknown) => console.error("SQLite pragma failed", error));
  return client;
}

/** The SQLite adapter with compiled statements reused per connection (see app/db/sqlite-statement-cache.ts). */
class StatementReusingSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    reuseCompiledStatements((adapter as unknown as { client: Database.Database }).client);
    return adapter;
  }
}

declare global {
  // eslint-disable-next-line no-var
  var __creatorRoiDb: PrismaClient | undefined;
}

// One client per process; in development Vite reloads modules, so keep it on globalThis.
export const db: PrismaClient = globalThis.__creatorRoiDb ?? createClient(databaseTarget);
if (env.NODE_ENV !== "production") globalThis.__creatorRoiDb = db;
