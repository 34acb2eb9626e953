import { db } from "../db.server";
import { Prisma, type WebhookEvent } from "../generated/prisma/client";
import { insertRows, newRowId } from "./raw-rows.server";
import { inTransaction, type Tx } from "./transaction.server";

// The webhook inbox. A delivery is keyed by X-Shopify-Webhook-Id (unique): Shopify repeats the same id when it
// retries a delivery, so the unique key is what makes a duplicate change nothing, across app instances too.

export type WebhookEventStatus = "pending" | "processed" | "parked";

export type IncomingWebhookEvent = {
  webhookId: string;
  eventId: string | null;
  topic: string;
  /** The raw body exactly as signed: numeric ids beyond 2^53 must be read from it, not from a parsed copy. */
  payload: string;
  receivedAt: Date;
};

/** The delivery was already stored (a Shopify retry, or a copy sent concurrently). */
export class DuplicateWebhookError extends Error {
  name = "DuplicateWebhookError";
  constructor(readonly webhookId: string) {
    super(`Webhook ${webhookId} was already received`);
  }
}

/** A unique key refused the row: P2002 from the query builder, P2010 carrying the driver's kind from plain SQL. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}

/**
 * Stores a delivery already processed, inside the caller's transaction, after the processing it records: the
 * payload is dropped since nothing needs it any more (it holds the buyer's personal data). A delivery already
 * stored throws DuplicateWebhookError, and the caller's transaction, processing included, rolls back.
 */
export async function insertProcessedWebhookEvent(tx: Tx, shop: string, event: IncomingWebhookEvent, now: Date): Promise<void> {
  try {
    // Plain SQL: on every webhook's path (see raw-rows.server.ts).
    await insertRows(tx, "WebhookEvent", [
      {
        id: newRowId("w"),
        shop,
        webhookId: event.webhookId,
        eventId: event.eventId,
        topic: event.topic,
        payload: "",
        receivedAt: event.receivedAt,
        processedAt: now,
        status: "processed",
        attempts: 1,
      },
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateWebhookError(event.webhookId);
    throw error;
  }
}

/**
 * Stores a delivery whose processing failed or was not attempted, with its payload, for the retry job.
 * Returns "duplicate" when the delivery was already stored (nothing changed).
 */
export async function storePendingWebhookEvent(
  shop: string,
  event: IncomingWebhookEvent,
  failure: { attempts: number; error: string | null; nextAttemptAt: Date },
): Promise<"stored" | "duplicate"> {
  try {
    await inTransaction((tx) =>
      tx.webhookEvent.create({
        data: {
          shop,
          webhookId: event.webhookId,
          eventId: event.eventId,
          topic: event.topic,
          payload: event.payload,
          receivedAt: event.receivedAt,
          status: "pending",
          attempts: failure.attempts,
          error: failure.error,
          nextAttemptAt: failure.nextAttemptAt,
        },
      }),
    );
    return "stored";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/** Pending events whose next attempt is due, oldest first (across shops: the retry job serves them all). */
export async function listDueWebhookEvents(now: Date, limit: number): Promise<WebhookEvent[]> {
  return db.webhookEvent.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { receivedAt: "asc" }],
    take: limit,
  });
}

/**
 * Inside the transaction that processed a stored event: marks it processed, only if it is still in the state the
 * caller read (status and attempts), so that two workers never both process it. Returns false when another worker
 * got there first; the caller must then roll back.
 */
export async function markWebhookEventProcessed(tx: Tx, event: Pick<WebhookEvent, "id" | "status" | "attempts">, now: Date): Promise<boolean> {
  const { count } = await tx.webhookEvent.updateMany({
    where: { id: event.id, status: event.status, attempts: event.attempts },
    data: { status: "processed", processedAt: now, attempts: event.attempts + 1, error: null, nextAttemptAt: null, payload: "" },
  });
  return count === 1;
}

/** Records a failed attempt: retried at nextAttemptAt, or parked (null) for staff to replay. Skipped if another worker moved it. */
export async function recordWebhookEventFailure(
  event: Pick<WebhookEvent, "id" | "status" | "attempts">,
  error: string,
  nextAttemptAt: Date | null,
): Promise<void> {
  await inTransaction((tx) =>
    tx.webhookEvent.updateMany({
      where: { id: event.id, status: event.status, attempts: event.attempts },
      data: nextAttemptAt
        ? { status: "pending", attempts: event.attempts + 1, error, nextAttemptAt }
        : { status: "parked", attempts: event.attempts + 1, error, nextAttemptAt: null },
    }),
  );
}

/** One stored event of the shop; null when absent or another shop's. */
export async function getWebhookEvent(shop: string, id: string): Promise<WebhookEvent | null> {
  return db.webhookEvent.findFirst({ where: { shop, id } });
}

/** Puts a parked event of the shop back in the queue, due now, with a fresh attempt budget. False when it is not parked (or not the shop's). */
export async function requeueParkedWebhookEvent(shop: string, id: string, now: Date): Promise<boolean> {
  const { count } = await inTransaction((tx) =>
    tx.webhookEvent.updateMany({ where: { shop, id, status: "parked" }, data: { status: "pending", attempts: 0, nextAttemptAt: now } }),
  );
  return count === 1;
}

/** Events of the shop per status, for the ingestion page. */
export async function countWebhookEventsByStatus(shop: string): Promise<Record<WebhookEventStatus, number>> {
  const groups = await db.webhookEvent.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  const counts: Record<WebhookEventStatus, number> = { pending: 0, processed: 0, parked: 0 };
  for (const group of groups) if (group.status in counts) counts[group.status as WebhookEventStatus] = group._count._all;
  return counts;
}

export type WebhookEventSummary = Pick<WebhookEvent, "id" | "topic" | "webhookId" | "eventId" | "receivedAt" | "attempts" | "error" | "nextAttemptAt" | "status">;

/** The shop's events in a status, newest first, without payloads. */
export async function listWebhookEvents(shop: string, status: WebhookEventStatus, limit = 50): Promise<WebhookEventSummary[]> {
  return db.webhookEvent.findMany({
    where: { shop, status },
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: { id: true, topic: true, webhookId: true, eventId: true, receivedAt: true, attempts: true, error: true, nextAttemptAt: true, status: true },
  });
}

/**
 * Deletes processed events received before `cutoff` (all shops), in batches so that no transaction holds the write
 * lock for long; pending and parked events are never deleted. Returns how many were deleted.
 */
export async function deleteProcessedWebhookEventsBefore(cutoff: Date, batch = 2_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await inTransaction((tx) =>
      tx.$executeRaw`DELETE FROM "WebhookEvent" WHERE "id" IN (
        SELECT "id" FROM "WebhookEvent" WHERE "status" = 'processed' AND "receivedAt" < ${cutoff} LIMIT ${batch})`,
    );
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** When the shop's last event arrived, whatever its status. */
export async function getLastWebhookEventAt(shop: string): Promise<Date | null> {
  const last = await db.webhookEvent.findFirst({ where: { shop }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } });
  return last?.receivedAt ?? null;
}
