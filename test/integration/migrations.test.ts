import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseDatabaseUrl } from "../../app/db/database-url";
import { applyMigrations, createMigration } from "../../scripts/lib/schema-engine";
import { ROOT } from "../support/paths";

// The offline migration workflow (npm run db:migration / db:migrate) on a copy of the project's schema.
describe("offline migrations", () => {
  let dir: string;
  let schemaPath: string;
  let migrationsDir: string;
  const target = () => parseDatabaseUrl(`file:${path.join(dir, "app.db")}`);
  // Opened and closed around each look: the schema engine cannot take its write lock while another
  // connection to the file stays open (so stop a SQLite app before migrating it).
  const tables = () => {
    const file = new Database(path.join(dir, "app.db"), { readonly: true });
    try {
      return file
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .all()
        .map((row) => (row as { name: string }).name);
    } finally {
      file.close();
    }
  };
  const journalMode = () => {
    const file = new Database(path.join(dir, "app.db"), { readonly: true });
    try {
      return file.pragma("journal_mode", { simple: true });
    } finally {
      file.close();
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "creator-roi-migrations-"));
    schemaPath = path.join(dir, "schema.prisma");
    migrationsDir = path.join(dir, "migrations");
    fs.copyFileSync(path.join(ROOT, "prisma/schema.prisma"), schemaPath);
    fs.cpSync(path.join(ROOT, "prisma/migrations"), migrationsDir, { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the committed migrations match the schema (no pending change)", async () => {
    expect(await createMigration({ target: target(), schemaPath, migrationsDir, name: "drift" })).toBeNull();
  });

  test("apply creates every table once, and a second apply does nothing", async () => {
    const applied = await applyMigrations({ target: target(), schemaPath, migrationsDir });
    expect(applied).toEqual(fs.readdirSync(migrationsDir).filter((d) => d !== "migration_lock.toml").sort());
    expect(tables()).toEqual(expect.arrayContaining(["Order", "Session", "WebhookEvent", "_prisma_migrations"]));
    expect(journalMode()).toBe("wal");
    expect(await applyMigrations({ target: target(), schemaPath, migrationsDir })).toEqual([]);
  });

  test("a schema change becomes a new migration that applies", async () => {
    fs.appendFileSync(schemaPath, "\nmodel Probe {\n  id String @id\n  shop String\n}\n");
    const written = await createMigration({ target: target(), schemaPath, migrationsDir, name: "probe" });
    expect(written).toMatch(/_probe\/migration\.sql$/);
    expect(fs.readFileSync(written!, "utf8")).toContain('CREATE TABLE "Probe"');
    expect(await applyMigrations({ target: target(), schemaPath, migrationsDir })).toEqual([path.basename(path.dirname(written!))]);
    expect(tables()).toContain("Probe");
  });
});
