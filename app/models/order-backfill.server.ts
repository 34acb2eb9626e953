import { db } from "../db.server";
import type { OrderBackfill } from "../generated/prisma/client";

// Writes run in their own transaction: on SQLite's shared connection a bare write could land inside another
// request's open transaction (see models/transaction.server.ts).
//
// One row per shop: its latest order history backfill. Statuses: exporting (Shopify writes the bulk JSONL),
// importing (the app reads it), completed, failed. The import is leased by a compare-and-set update so that the
// bulk_operations/finish webhook's job and the polling job never read the same export at once, across instances.

export type { OrderBackfill };
export const BACKFILL_STATUSES = ["exporting", "importing", "completed", "failed"] as const;
export type BackfillStatus = (typeof BACKFILL_STATUSES)[number];

/** The shop's latest backfill; null before the first one. */
export async function getOrderBackfill(shop: string): Promise<OrderBackfill | null> {
  return db.orderBackfill.findUnique({ where: { shop } });
}

/** Records a started bulk export, replacing the shop's previous run (its counters start again at zero). */
export async function startOrderBackfillRun(
  shop: string,
  input: { bulkOperationId: string | null; createdSince: Date; allOrders: boolean; now?: Date },
): Promise<OrderBackfill> {
  const data = {
    status: "exporting",
    bulkOperationId: input.bulkOperationId,
    createdSince: input.createdSince,
    allOrders: input.allOrders,
    objectCount: 0,
    objectsRead: 0,
    processed: 0,
    skipped: 0,
    lockedUntil: null,
    startedAt: input.now ?? new Date(),
    finishedAt: null,
    error: null,
  };
  return db.$transaction((tx) => tx.orderBackfill.upsert({ where: { shop }, create: { shop, ...data }, update: data }));
}

/** A run that could not start or went wrong for good: staff see the error and can start again. */
export async function failOrderBackfill(shop: string, error: string, now: Date = new Date()): Promise<void> {
  await db.$transaction((tx) =>
    tx.orderBackfill.updateMany({ where: { shop }, data: { status: "failed", error, lockedUntil: null, finishedAt: now } }),
  );
}

/**
 * Takes the import lease of the shop's run for `bulkOperationId` when nobody holds it (exporting, or importing with
 * an expired lease); null when another worker holds it, the run is finished or belongs to another operation.
 */
export async function claimOrderBackfillImport(
  shop: string,
  bulkOperationId: string,
  opts: { leaseMs: number; now?: Date },
): Promise<OrderBackfill | null> {
  const now = opts.now ?? new Date();
  const claimed = await db.$transaction((tx) =>
    tx.orderBackfill.updateMany({
      where: {
        shop,
        bulkOperationId,
        OR: [{ status: "exporting" }, { status: "importing", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }],
      },
      data: { status: "importing", lockedUntil: new Date(now.getTime() + opts.leaseMs) },
    }),
  );
  return claimed.count === 1 ? db.orderBackfill.findUnique({ where: { shop } }) : null;
}

/** Hands the lease back while Shopify is still exporting (the run stays "exporting" for the next poll). */
export async function releaseOrderBackfillExport(shop: string, bulkOperationId: string): Promise<void> {
  await db.$transaction((tx) =>
    tx.orderBackfill.updateMany({
      where: { shop, bulkOperationId, status: "importing", processed: 0, objectsRead: 0 },
      data: { status: "exporting", lockedUntil: null },
    }),
  );
}

/** Saves the import's position after a batch and extends the lease; false when the lease was lost. */
export async function recordOrderBackfillProgress(
  shop: string,
  bulkOperationId: string,
  progress: { objectCount: number; objectsRead: number; processed: number; skipped: number; leaseUntil: Date },
): Promise<boolean> {
  const { leaseUntil, ...counters } = progress;
  const updated = await db.$transaction((tx) =>
    tx.orderBackfill.updateMany({
      where: { shop, bulkOperationId, status: "importing" },
      data: { ...counters, lockedUntil: leaseUntil },
    }),
  );
  return updated.count === 1;
}

/** Ends the import. */
export async function completeOrderBackfill(
  shop: string,
  bulkOperationId: string,
  progress: { objectCount: number; objectsRead: number; processed: number; skipped: number; now?: Date },
): Promise<void> {
  const { now, ...counters } = progress;
  await db.$transaction((tx) =>
    tx.orderBackfill.updateMany({
      where: { shop, bulkOperationId },
      data: { ...counters, status: "completed", lockedUntil: null, finishedAt: now ?? new Date(), error: null },
    }),
  );
}

/** Gives the lease back after a failed attempt, so that the retry resumes at once from the saved position. */
export async function releaseOrderBackfillImport(shop: string, bulkOperationId: string): Promise<void> {
  await db.$transaction((tx) =>
    tx.orderBackfill.updateMany({ where: { shop, bulkOperationId, status: "importing" }, data: { lockedUntil: null } }),
  );
}
