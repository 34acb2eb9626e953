// Once per test run: build the app (the integration tests talk to the real server) and migrate a
// template database that each test copies, so no test pays for migrations.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseDatabaseUrl } from "../../app/db/database-url";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { ROOT, TEST_RUNS } from "./paths";
import { postgresServerUrl, savePostgresTemplateName, testDatabaseProvider } from "./test-database-provider";

export default async function setup() {
  // Each run gets its own scratch folder (workers inherit the variable), so runs side by side never
  // delete each other's databases; folders of runs whose process is gone are removed.
  removeFinishedRuns();
  const runDir = path.join(TEST_RUNS, `run-${process.pid}`);
  fs.mkdirSync(runDir, { recursive: true });
  process.env.CREATOR_ROI_TEST_TMP = runDir;
  await applyMigrations({
    target: parseDatabaseUrl(`file:${path.join(runDir, "template.db")}`),
    schemaPath: path.join(ROOT, "prisma/schema.prisma"),
    migrationsDir: path.join(ROOT, "prisma/migrations"),
  });
  const teardowns: (() => Promise<void>)[] = [];
  if (testDatabaseProvider() === "postgresql") teardowns.push(await createPostgresTemplate());
  if (process.env.SKIP_BUILD !== "1") {
    // The bundle that ships: vitest sets NODE_ENV=test, which would build React and Polaris Viz in development mode
    // (other code paths, dev-only console warnings) instead of the production build that `npm run build` makes.
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (result.status !== 0) throw new Error("remix vite:build failed: the integration tests need the built server");
  }
  return async () => {
    for (const teardown of teardowns) await teardown();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}

function removeFinishedRuns() {
  if (!fs.existsSync(TEST_RUNS)) return;
  for (const entry of fs.readdirSync(TEST_RUNS)) {
    const pid = Number(/^run-(\d+)$/.exec(entry)?.[1]);
    if (pid && isAlive(pid)) continue;
    fs.rmSync(path.join(TEST_RUNS, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function createPostgresTemplate(): Promise<() => Promise<void>> {
  const name = `creator_roi_template_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  const server = postgresServerUrl();
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await applyMigrations({
    target: parseDatabaseUrl(url.toString()),
    schemaPath: path.join(ROOT, "prisma/postgresql/schema.prisma"),
    migrationsDir: path.join(ROOT, "prisma/postgresql/migrations"),
  });
  savePostgresTemplateName(name);
  return () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
