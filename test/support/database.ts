import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { TEMPLATE_DB, TEST_TMP } from "./paths";

export type TestDatabase = { url: string; file: string; client: PrismaClient; drop(): Promise<void> };

/** A fresh, migrated SQLite database of its own (a copy of the run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const file = path.join(TEST_TMP, `db-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
  return {
    url,
    file,
    client,
    async drop() {
      await client.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}
