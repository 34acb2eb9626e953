// Every job the app enqueues has a handler in the registry the web process and the worker run. The runner claims only
// the names it has handlers for, so a job enqueued without one would wait in the queue forever, unnoticed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TestDatabase } from "../../support/database";
import { ROOT } from "../../support/paths";
import { useModelDatabase } from "../creators/model-env";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The job names passed to enqueueJob / enqueueJobUnlessPending anywhere in app/, constants resolved. */
function enqueuedJobNames(): { names: Map<string, string>; unresolved: string[] } {
  const files = sourceFiles(path.join(ROOT, "app")).map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, "utf8") }));
  const constants = new Map<string, string>();
  for (const { text } of files) for (const m of text.matchAll(/export const (\w+) = "([^"]+)"/g)) constants.set(m[1]!, m[2]!);
  const names = new Map<string, string>();
  const unresolved: string[] = [];
  for (const { file, text } of files) {
    for (const m of text.matchAll(/enqueueJob(?:UnlessPending)?\(\{\s*name:\s*("([^"]+)"|[\w.]+)/g)) {
      const argument = m[1]!;
      if (argument.startsWith("input.")) continue; // the queue's own functions
      const name = m[2] ?? constants.get(argument);
      if (name) names.set(name, file);
      else unresolved.push(`${file}: ${argument}`);
    }
  }
  return { names, unresolved };
}

describe("job handlers", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useModelDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("every job name enqueued in app/ has a registered handler", async () => {
    const { names, unresolved } = enqueuedJobNames();
    expect(unresolved).toEqual([]);
    // The scan itself works: the jobs known when this test was written are found.
    for (const known of ["reconcile-orders", "backfill-orders", "backfill-orders-start", "rebuild-rollups", "refresh-cohort-snapshots", "repair-discount-codes"]) {
      expect(names.has(known), known).toBe(true);
    }
    const { appJobHandlers } = await import("../../../app/jobs/job-handlers.server");
    const handlers = appJobHandlers();
    const missing = [...names].filter(([name]) => !handlers.has(name)).map(([name, file]) => `${name} (enqueued in ${file})`);
    expect(missing).toEqual([]);
  });
});
