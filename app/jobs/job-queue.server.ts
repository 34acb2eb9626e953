import { db } from "../db.server";

// Jobs live in the database so that several app instances and a worker share one queue: a job is
// claimed by a compare-and-set update (status and lock checked in the WHERE clause), which is
// correct on SQLite and PostgreSQL alike without SELECT … FOR UPDATE.

export type JobRow = Awaited<ReturnType<typeof db.job.findFirstOrThrow>>;

/** Enqueues a job; with a runKey, the same scheduled run is enqueued once however many instances try. */
export async function enqueueJob(input: { name: string; shop?: string | null; payload?: unknown; runAt?: Date; runKey?: string }): Promise<void> {
  const data = {
    name: input.name,
    shop: input.shop ?? null,
    payload: JSON.stringify(input.payload ?? {}),
    runAt: input.runAt ?? new Date(),
    runKey: input.runKey ?? null,
  };
  if (!input.runKey) {
    await db.job.create({ data });
    return;
  }
  await db.job.upsert({ where: { runKey: input.runKey }, create: data, update: {} });
}

/** Claims up to `limit` due jobs for this worker; a crashed worker's claims expire after `leaseMs`. */
export async function claimDueJobs(workerId: string, opts: { limit?: number; leaseMs?: number; now?: Date } = {}): Promise<JobRow[]> {
  const now = opts.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 60_000));
  const candidates = await db.job.findMany({
    where: {
      OR: [
        { status: "pending", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: (opts.limit ?? 10) * 2,
    select: { id: true, status: true, lockedUntil: true },
  });
  const claimed: JobRow[] = [];
  for (const candidate of candidates) {
    if (claimed.length >= (opts.limit ?? 10)) break;
    const result = await db.job.updateMany({
      where: { id: candidate.id, status: candidate.status, lockedUntil: candidate.lockedUntil },
      data: { status: "running", lockedBy: workerId, lockedUntil: leaseUntil, attempts: { increment: 1 } },
    });
    if (result.count === 1) claimed.push(await db.job.findUniqueOrThrow({ where: { id: candidate.id } }));
  }
  return claimed;
}

export async function completeJob(id: string, workerId: string): Promise<void> {
  await db.job.updateMany({ where: { id, lockedBy: workerId }, data: { status: "done", lockedUntil: null, lastError: null } });
}

/** Retries with exponential backoff until maxAttempts, then marks the job failed. */
export async function failJob(job: JobRow, workerId: string, error: unknown, opts: { maxAttempts?: number; baseDelayMs?: number; now?: Date } = {}) {
  const message = error instanceof Error ? error.message : String(error);
  const exhausted = job.attempts >= (opts.maxAttempts ?? 5);
  const delay = (opts.baseDelayMs ?? 5_000) * 2 ** Math.max(0, job.attempts - 1);
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId },
    data: exhausted
      ? { status: "failed", lockedUntil: null, lastError: message }
      : { status: "pending", lockedUntil: null, lastError: message, runAt: new Date((opts.now ?? new Date()).getTime() + delay) },
  });
}
