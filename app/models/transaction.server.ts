import { db } from "../db.server";
import type { Prisma } from "../generated/prisma/client";

/** A Prisma client bound to one open transaction; model functions that take it run inside the caller's unit of work. */
export type Tx = Prisma.TransactionClient;

// On SQLite the driver adapter runs one transaction at a time on its single connection and queues the others, so
// maxWait is how long a webhook may queue behind other writers: kept under Shopify's 5 s delivery timeout, so
// that a delivery stuck behind a long rebuild fails (Shopify retries it) instead of being answered too late.
const WEBHOOK_MAX_WAIT_MS = 4_000;

/**
 * Runs `work` in one database transaction: everything it writes commits together or not at all.
 * Writes must go through a transaction (never a bare query) so that, on SQLite's shared connection, they can never
 * end up inside another request's transaction and be rolled back with it.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, opts: { timeoutMs?: number; maxWaitMs?: number } = {}): Promise<T> {
  return db.$transaction(work, { maxWait: opts.maxWaitMs ?? WEBHOOK_MAX_WAIT_MS, timeout: opts.timeoutMs ?? 10_000 });
}
