import { claimDueJobs, completeJob, extendJobLease, failJob, type JobRow } from "./job-queue.server";
import type { JobHandlers } from "./job-registry.server";

export type RunDueJobsResult = { done: number; failed: number };

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/** How long a claim holds a job before another worker may take it; renewed while the job runs. */
export const JOB_LEASE_MS = 60_000;

/** Renews this worker's lease on `job` every third of the lease while `work` runs, so that only a dead worker loses it. */
async function holdingLease<T>(job: JobRow, workerId: string, leaseMs: number, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    extendJobLease(job.id, workerId, new Date(Date.now() + leaseMs)).catch((error: unknown) =>
      console.error(`Creator ROI: lease of job ${job.name} ${job.id} not renewed`, error),
    );
  }, Math.max(10, Math.floor(leaseMs / 3)));
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Claims the due jobs this worker has handlers for and runs them one by one: a job that throws is retried with
 * exponential backoff (failJob), then marked failed; one job's failure never stops the others. Jobs are claimed one
 * at a time (a job claimed in a batch would wait behind the others while its lease ran out, and another worker would
 * run it too), and the lease of the running job is renewed until it ends.
 */
export async function runDueJobs(
  handlers: JobHandlers,
  workerId: string,
  opts: { limit?: number; now?: Date; maxAttempts?: number; baseDelayMs?: number; leaseMs?: number } = {},
): Promise<RunDueJobsResult> {
  const result: RunDueJobsResult = { done: 0, failed: 0 };
  if (handlers.size === 0) return result;
  const names = [...handlers.keys()];
  const leaseMs = opts.leaseMs ?? JOB_LEASE_MS;
  for (let i = 0; i < (opts.limit ?? 10); i++) {
    const [job] = await claimDueJobs(workerId, { limit: 1, now: opts.now, names, leaseMs });
    if (!job) break;
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await holdingLease(job, workerId, leaseMs, () =>
        handler({ id: job.id, name: job.name, shop: job.shop, payload: parsePayload(job.payload), attempts: job.attempts }),
      );
      await completeJob(job.id, workerId);
      result.done += 1;
    } catch (error) {
      console.error(`Creator ROI: job ${job.name} ${job.id} failed (attempt ${job.attempts})`, error);
      await failJob(job, workerId, error, { maxAttempts: opts.maxAttempts, baseDelayMs: opts.baseDelayMs, now: opts.now });
      result.failed += 1;
    }
  }
  return result;
}
