// Once per test run: build the app (the integration tests talk to the real server) and migrate
// a template SQLite database that each test copies, so no test pays for migrations.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseDatabaseUrl } from "../../app/db/database-url";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { ROOT, TEMPLATE_DB, TEST_TMP } from "./paths";

export default async function setup() {
  fs.rmSync(TEST_TMP, { recursive: true, force: true });
  fs.mkdirSync(TEST_TMP, { recursive: true });
  await applyMigrations({
    target: parseDatabaseUrl(`file:${TEMPLATE_DB}`),
    schemaPath: path.join(ROOT, "prisma/schema.prisma"),
    migrationsDir: path.join(ROOT, "prisma/migrations"),
  });
  if (process.env.SKIP_BUILD !== "1") {
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error("remix vite:build failed: the integration tests need the built server");
  }
}
