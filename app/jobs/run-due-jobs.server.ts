import { claimDueJobs, completeJob, failJob } from "./job-queue.server";
import type { JobHandlers } from "./job-registry.server";

export type RunDueJobsResult = { done: number; failed: number };

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/**
 * Claims the due jobs this worker has handlers for and runs them one by one: a job that throws is retried with
 * exponential backoff (failJob), then marked failed; one job's failure never stops the others.
 */
export async function runDueJobs(
  handlers: JobHandlers,
  workerId: string,
  opts: { limit?: number; now?: Date; maxAttempts?: number; baseDelayMs?: number } = {},
): Promise<RunDueJobsResult> {
  const result: RunDueJobsResult = { done: 0, failed: 0 };
  if (handlers.size === 0) return result;
  const jobs = await claimDueJobs(workerId, { limit: opts.limit ?? 10, now: opts.now, names: [...handlers.keys()] });
  for (const job of jobs) {
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await handler({ id: job.id, name: job.name, shop: job.shop, payload: parsePayload(job.payload), attempts: job.attempts });
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
