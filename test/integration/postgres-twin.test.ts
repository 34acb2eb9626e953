import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { postgresTwin, twinPaths } from "../../scripts/lib/postgres-twin";
import { snapshotPath } from "../../scripts/lib/schema-engine";
import { ROOT } from "../support/paths";

// prisma/schema.prisma is the one source; the PostgreSQL schema and migrations must follow it.
describe("the PostgreSQL twin", () => {
  const { source, twin } = twinPaths(ROOT);

  test("is what the SQLite source generates (else: npm run db:twin)", () => {
    expect(fs.readFileSync(twin, "utf8")).toBe(postgresTwin(fs.readFileSync(source, "utf8")));
  });

  test("has migrations leading to it (else: DATABASE_URL=postgresql://… npm run db:migration -- <name>)", () => {
    const snapshot = fs.readFileSync(snapshotPath(path.join(ROOT, "prisma/postgresql/migrations")), "utf8");
    expect(snapshot).toBe(fs.readFileSync(twin, "utf8"));
  });

  test.each([
    ["the provider", 'provider = "postgresql"'],
    ["the client output", '"../../app/generated/prisma-postgresql"'],
  ])("differs from the source only in %s", (_label, expected) => {
    expect(postgresTwin(fs.readFileSync(source, "utf8"))).toContain(expected);
  });

  test("a source without a SQLite datasource is refused", () => {
    expect(() => postgresTwin('generator client {\n output = "../app/generated/prisma"\n}\ndatasource db {\n provider = "mysql"\n}')).toThrow(/sqlite/);
  });
});
