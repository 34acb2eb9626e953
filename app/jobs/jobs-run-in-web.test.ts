import { describe, expect, test } from "vitest";
import { jobsRunInWeb, type RunJobsInWeb } from "./jobs-run-in-web";

describe("jobsRunInWeb", () => {
  test.each<[string, "sqlite" | "postgresql", RunJobsInWeb, boolean]>([
    ["the embedded SQLite default runs its jobs in the web process", "sqlite", undefined, true],
    ["PostgreSQL leaves the jobs to the worker", "postgresql", undefined, false],
    ["PostgreSQL with RUN_JOBS_IN_WEB=1 runs them in the web process too (no worker deployed)", "postgresql", "1", true],
    ["RUN_JOBS_IN_WEB=0 on SQLite leaves them to a worker", "sqlite", "0", false],
    ["RUN_JOBS_IN_WEB=0 on PostgreSQL changes nothing", "postgresql", "0", false],
    ["RUN_JOBS_IN_WEB=1 on SQLite changes nothing", "sqlite", "1", true],
  ])("%s", (_label, provider, flag, expected) => {
    expect(jobsRunInWeb(provider, flag)).toBe(expected);
  });
});
