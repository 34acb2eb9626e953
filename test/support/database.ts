import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../app/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../app/generated/prisma-postgresql/client";
import { TEMPLATE_DB, TEST_TMP } from "./paths";
import { postgresServerUrl, postgresTemplateName, testDatabaseProvider } from "./test-database-provider";

export type TestDatabase = { url: string; provider: "sqlite" | "postgresql"; client: PrismaClient; drop(): Promise<void> };

/**
 * A fresh, migrated database of its own: a copy of the run's SQLite template, or, when the run is on
 * PostgreSQL (TEST_DATABASE=postgresql), a database created from the run's migrated template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  if (testDatabaseProvider() === "postgresql") return createPostgresDatabase(name);
  const file = path.join(TEST_TMP, `${name}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
  return {
    url,
    provider: "sqlite",
    client,
    async drop() {
      await client.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

async function createPostgresDatabase(name: string): Promise<TestDatabase> {
  const server = postgresServerUrl();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName()}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }) }) as unknown as PrismaClient;
  return {
    url: url.toString(),
    provider: "postgresql",
    client,
    async drop() {
      await client.$disconnect();
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
