import { db } from "../db.server";

// Jobs live in the database so that several app instances and a worker share one queue: a job is
// claimed by a compare-and-set update (status and lock checked in the WHERE clause), which is
// correct on SQLite and PostgreSQL alike without SELECT … FOR UPDATE. Writes run in their own transaction: on
// SQLite's shared connection a bare write could otherwise land inside another request's open transaction.

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
    await db.$transaction((tx) => tx.job.create({ data }));
    return;
  }
  const runKey = input.runKey;
  await db.$transaction((tx) => tx.job.upsert({ where: { runKey }, create: data, update: {} }));
}

/**
 * Enqueues a job unless one of the same name and shop is still waiting to run (a job that reads its inputs when it
 * runs, such as a rebuild, needs no second copy). Returns whether a job was enqueued.
 */
export async function enqueueJobUnlessPending(input: { name: string; shop: string | null; payload?: unknown; runAt?: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const waiting = await tx.job.findFirst({ where: { name: input.name, shop: input.shop, status: "pending" }, select: { id: true } });
    if (waiting) return false;
    await tx.job.create({
      data: { name: input.name, shop: input.shop, payload: JSON.stringify(input.payload ?? {}), runAt: input.runAt ?? new Date() },
    });
    return true;
  });
}

/** Claims up to `limit` due jobs for this worker; a crashed worker's claims expire after `leaseMs`. */
export async function claimDueJobs(
  workerId: string,
  opts: { limit?: number; leaseMs?: number; now?: Date; names?: readonly string[] } = {},
): Promise<JobRow[]> {
  const now = opts.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 60_000));
  const candidates = await db.job.findMany({
    where: {
      // With `names`, only jobs this worker knows how to run are claimed; the others wait for a worker that does.
      ...(opts.names ? { name: { in: [...opts.names] } } : {}),
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
    const result = await db.$transaction((tx) =>
      tx.job.updateMany({
        where: { id: candidate.id, status: candidate.status, lockedUntil: candidate.lockedUntil },
        data: { status: "running", lockedBy: workerId, lockedUntil: leaseUntil, attempts: { increment: 1 } },
      }),
    );
    if (result.count === 1) claimed.push(await db.job.findUniqueOrThrow({ where: { id: candidate.id } }));
  }
  return claimed;
}

/**
 * Extends this worker's lease on a job it is running, so that a long job is not taken over by another worker while
 * it still runs. False when the lease was already lost (another worker claimed the job after it expired).
 */
export async function extendJobLease(id: string, workerId: string, until: Date): Promise<boolean> {
  const { count } = await db.$transaction((tx) =>
    tx.job.updateMany({ where: { id, lockedBy: workerId, status: "running" }, data: { lockedUntil: until } }),
  );
  return count === 1;
}

export async function completeJob(id: string, workerId: string): Promise<void> {
  await db.$transaction((tx) =>
    tx.job.updateMany({ where: { id, lockedBy: workerId }, data: { status: "done", lockedUntil: null, lastError: null } }),
  );
}

/** Retries with exponential backoff until maxAttempts, then marks the job failed. */
export async function failJob(job: JobRow, workerId: string, error: unknown, opts: { maxAttempts?: number; baseDelayMs?: number; now?: Date } = {}) {
  const message = error instanceof Error ? error.message : String(error);
  const exhausted = job.attempts >= (opts.maxAttempts ?? 5);
  const delay = (opts.baseDelayMs ?? 5_000) * 2 ** Math.max(0, job.attempts - 1);
  await db.$transaction((tx) =>
    tx.job.updateMany({
      where: { id: job.id, lockedBy: workerId },
      data: exhausted
        ? { status: "failed", lockedUntil: null, lastError: message }
        : { status: "pending", lockedUntil: null, lastError: message, runAt: new Date((opts.now ?? new Date()).getTime() + delay) },
    }),
  );
}
