// Where a process starts its share of the background work: the web server (scripts/serve.ts, the demo) and the worker
// (scripts/worker.ts) call startBackgroundJobs with their role, through the server build's entry module, so both run
// the very code that was built and deployed.
import fs from "node:fs";
import os from "node:os";
import { databaseTarget } from "../db.server";
import { env } from "../env.server";
import { appJobHandlers } from "./job-handlers.server";
import { registerJobHandler } from "./job-registry.server";
import { startJobScheduler, type JobScheduler } from "./job-scheduler.server";
import { jobsRunInWeb } from "./jobs-run-in-web";

export type ProcessRole = "web" | "worker";

export type BackgroundJobs = { workerId: string; jobNames: string[]; intervalMs: number; scheduler: JobScheduler };

/** Test instrumentation: a job that appends "<job id> <worker id>" to JOB_PROBE_FILE, to count executions. */
export const PROBE_JOB = "probe";

function registerProbeJob(file: string, workerId: string): void {
  registerJobHandler(PROBE_JOB, async (job) => {
    const payload = job.payload as { sleepMs?: unknown } | null;
    const sleepMs = typeof payload?.sleepMs === "number" ? Math.min(payload.sleepMs, 5_000) : 0;
    // A little time inside the handler widens the window in which a second claim would show up as a second line.
    if (sleepMs > 0) await new Promise((resolve) => setTimeout(resolve, sleepMs));
    fs.appendFileSync(file, `${job.id} ${workerId}\n`);
  });
}

/**
 * Starts this process's job scheduler when its role runs jobs: a worker always, a web process per jobsRunInWeb
 * (SQLite: yes; PostgreSQL: only with RUN_JOBS_IN_WEB=1). Returns null when the process leaves jobs to others.
 */
export async function startBackgroundJobs(role: ProcessRole, opts: { intervalMs?: number } = {}): Promise<BackgroundJobs | null> {
  if (role === "web" && !jobsRunInWeb(databaseTarget.provider, env.RUN_JOBS_IN_WEB)) return null;
  const workerId = `${role}:${os.hostname()}:${process.pid}`;
  const handlers = appJobHandlers();
  if (env.JOB_PROBE_FILE) registerProbeJob(env.JOB_PROBE_FILE, workerId);
  const intervalMs = opts.intervalMs ?? env.JOB_INTERVAL_MS;
  const scheduler = await startJobScheduler({ intervalMs, workerId });
  return { workerId, jobNames: [...handlers.keys()].sort(), intervalMs, scheduler };
}
