// Install-time backfill of the shop's order history, so that "new versus returning" and the baseline are right
// from day one. Shopify exports the orders as JSONL in the background (one bulk operation); when it reports the
// export done (bulk_operations/finish webhook, or a poll), the file is streamed, one order at a time, and each
// order goes through the same ingestion as a webhook (ingestOrder, source "backfill"). Progress is saved after
// every batch; an import cut short resumes after the orders already ingested (ingestion is idempotent anyway).
import { grantedScopes } from "../auth/offline-admin-api.server";
import { backfillWindow } from "../domain/backfill";
import { normalizeOrderNode, ShopifyPayloadError } from "../domain/orders";
import { enqueueJob } from "../jobs/job-queue.server";
import {
  claimOrderBackfillImport,
  completeOrderBackfill,
  failOrderBackfill,
  getOrderBackfill,
  recordOrderBackfillProgress,
  releaseOrderBackfillExport,
  releaseOrderBackfillImport,
  startOrderBackfillRun,
  type OrderBackfill,
} from "../models/order-backfill.server";
import type { AdminApi } from "../shopify/admin-api.server";
import { getBulkOperation, readBulkOrdersExport, startBulkOrdersExport } from "../shopify/run-bulk-orders-export.server";
import { ShopifyUserError } from "../shopify/shopify-errors.server";
import type { StreamBulkJsonlOptions } from "../shopify/stream-bulk-jsonl.server";
import { ingestOrder } from "./ingest-order.server";

/** Job name of an import attempt (webhook-triggered or polling). Payload: { bulkOperationId, poll }. */
export const BACKFILL_JOB = "backfill-orders";
/** Orders ingested between two saves of the position. */
export const BACKFILL_BATCH_SIZE = 50;
/** How long an import holds its lease without saving progress before another worker may resume it. */
export const BACKFILL_LEASE_MS = 5 * 60_000;
/** First wait before polling Shopify's export; doubles up to POLL_MAX_MS. */
const POLL_FIRST_MS = 30_000;
const POLL_MAX_MS = 10 * 60_000;

export type BackfillPayload = { bulkOperationId: string; poll: number };

/** Enqueues one import attempt of the export (once per key: a redelivered webhook or a duplicate poll adds nothing). */
export async function enqueueBackfillImport(shop: string, bulkOperationId: string, opts: { poll: number; runAt?: Date }): Promise<void> {
  const payload: BackfillPayload = { bulkOperationId, poll: opts.poll };
  await enqueueJob({
    name: BACKFILL_JOB,
    shop,
    payload,
    runAt: opts.runAt ?? new Date(),
    runKey: `${BACKFILL_JOB}:${shop}:${bulkOperationId}:${opts.poll === 0 ? "finish" : `poll-${opts.poll}`}`,
  });
}

function isRunning(backfill: OrderBackfill, now: Date): boolean {
  if (backfill.status === "exporting") return true;
  return backfill.status === "importing" && backfill.lockedUntil !== null && backfill.lockedUntil > now;
}

/**
 * Starts the shop's backfill: asks Shopify for a bulk export of the orders the granted scopes reach (all with
 * read_all_orders, else 60 days) and schedules a poll in case the finish webhook is lost. A run already in
 * progress is returned as it is. Without an orders scope, or when Shopify refuses, the run is recorded failed.
 */
export async function startOrderBackfill(
  shop: string,
  admin: { api: AdminApi; scopes: readonly string[] },
  opts: { now?: Date } = {},
): Promise<OrderBackfill> {
  const now = opts.now ?? new Date();
  const existing = await getOrderBackfill(shop);
  if (existing && isRunning(existing, now)) return existing;

  const window = backfillWindow(admin.scopes, now);
  if (!window) {
    await startOrderBackfillRun(shop, { bulkOperationId: null, createdSince: now, allOrders: false, now });
    await failOrderBackfill(shop, "The app has no access to orders (read_orders is not granted).", now);
    return (await getOrderBackfill(shop))!;
  }
  let bulkOperationId: string;
  try {
    bulkOperationId = (await startBulkOrdersExport(admin.api, { createdSince: window.createdSince })).id;
  } catch (error) {
    // e.g. another bulk query of this app still running on the shop: staff can start again later.
    if (!(error instanceof ShopifyUserError)) throw error;
    await startOrderBackfillRun(shop, { bulkOperationId: null, createdSince: window.createdSince, allOrders: window.allOrders, now });
    await failOrderBackfill(shop, error.shopifyMessage || error.message, now);
    return (await getOrderBackfill(shop))!;
  }
  const run = await startOrderBackfillRun(shop, { bulkOperationId, ...window, now });
  await enqueueBackfillImport(shop, bulkOperationId, { poll: 1, runAt: new Date(now.getTime() + POLL_FIRST_MS) });
  return run;
}

/**
 * bulk_operations/finish: when the finished operation is the shop's backfill export, an import attempt is queued
 * at once. Returns false for any other operation (nothing to do).
 */
export async function onBulkOperationFinished(shop: string, bulkOperationId: string): Promise<boolean> {
  const backfill = await getOrderBackfill(shop);
  if (!backfill || backfill.bulkOperationId !== bulkOperationId) return false;
  await enqueueBackfillImport(shop, bulkOperationId, { poll: 0 });
  return true;
}

/** Staff start (or start again) the import from the order history page, with the request's Admin API. */
export async function startOrderBackfillNow(shop: string, api: AdminApi, now: Date = new Date()): Promise<OrderBackfill> {
  return startOrderBackfill(shop, { api, scopes: await grantedScopes(shop) }, { now });
}

/** Job name of the automatic first import of a shop (payload {}). */
export const BACKFILL_START_JOB = "backfill-orders-start";
const checkedShops = new Set<string>();

/**
 * On a shop's first admin request after install: when it never had a backfill, one is queued (a job, so the page
 * does not wait on Shopify). Checked once per shop and process; the run key makes it once across instances.
 */
export async function scheduleFirstOrderBackfill(shop: string): Promise<void> {
  if (checkedShops.has(shop)) return;
  if ((await getOrderBackfill(shop)) === null) {
    await enqueueJob({ name: BACKFILL_START_JOB, shop, runKey: `${BACKFILL_START_JOB}:${shop}` });
  }
  checkedShops.add(shop);
}

export type BackfillImportOutcome =
  /** Every order of the export is ingested. */
  | "completed"
  /** Shopify is still exporting: try again later. */
  | "waiting"
  /** The export failed, was cancelled or expired, or is unknown: recorded on the run. */
  | "failed"
  /** Another worker holds the import, the run is finished, or it is not this operation's. */
  | "skipped"
  /** The lease was taken over (this worker was too slow); the other worker carries on. */
  | "lease_lost";

export interface ImportOrderBackfillOptions {
  batchSize?: number;
  leaseMs?: number;
  now?: () => Date;
  /** Download options (tests pass their fetch). */
  download?: StreamBulkJsonlOptions;
}

/**
 * One import attempt of the shop's export `bulkOperationId`: claims the run, checks the export with Shopify and,
 * when it is complete, streams it and ingests each order not yet ingested, saving the position every batch.
 * A thrown error (network, database) releases the lease so that a retry resumes from the saved position.
 */
export async function importOrderBackfill(
  shop: string,
  api: AdminApi,
  bulkOperationId: string,
  options: ImportOrderBackfillOptions = {},
): Promise<BackfillImportOutcome> {
  const clock = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? BACKFILL_LEASE_MS;
  const batchSize = options.batchSize ?? BACKFILL_BATCH_SIZE;
  const claimed = await claimOrderBackfillImport(shop, bulkOperationId, { leaseMs, now: clock() });
  if (!claimed) return "skipped";

  try {
    const operation = await getBulkOperation(api, bulkOperationId);
    if (!operation) {
      await failOrderBackfill(shop, `Shopify does not know the export ${bulkOperationId}.`, clock());
      return "failed";
    }
    if (operation.status === "CREATED" || operation.status === "RUNNING" || operation.status === "CANCELING") {
      await releaseOrderBackfillExport(shop, bulkOperationId);
      return "waiting";
    }
    if (operation.status !== "COMPLETED") {
      const code = operation.errorCode ? ` (${operation.errorCode})` : "";
      await failOrderBackfill(shop, `Shopify's export ended ${operation.status}${code}.`, clock());
      return "failed";
    }

    const progress = { objectCount: operation.objectCount, objectsRead: 0, processed: claimed.processed, skipped: claimed.skipped };
    if (operation.url !== null) {
      // Orders before this position were ingested by an earlier attempt (in file order, which does not change).
      const resumeAfter = claimed.processed + claimed.skipped;
      let position = 0;
      let batch = 0;
      for await (const { order, lineItems } of readBulkOrdersExport(operation.url, options.download)) {
        progress.objectsRead += 1 + lineItems.length;
        position += 1;
        if (position <= resumeAfter) continue;
        let normalized;
        try {
          normalized = normalizeOrderNode(order, lineItems);
        } catch (error) {
          if (!(error instanceof ShopifyPayloadError)) throw error;
          console.warn(`Backfill ${shop}: order ${order.id} skipped: ${error.message}`);
          progress.skipped += 1;
          continue;
        }
        await ingestOrder(shop, normalized, { source: "backfill" });
        progress.processed += 1;
        batch += 1;
        if (batch >= batchSize) {
          batch = 0;
          const kept = await recordOrderBackfillProgress(shop, bulkOperationId, { ...progress, leaseUntil: new Date(clock().getTime() + leaseMs) });
          if (!kept) return "lease_lost";
        }
      }
    }
    await completeOrderBackfill(shop, bulkOperationId, { ...progress, now: clock() });
    return "completed";
  } catch (error) {
    await releaseOrderBackfillImport(shop, bulkOperationId).catch(() => undefined);
    throw error;
  }
}

/** The wait before poll number `poll` (1-based): 30 s, doubling, at most 10 minutes. */
export function backfillPollDelayMs(poll: number): number {
  return Math.min(POLL_MAX_MS, POLL_FIRST_MS * 2 ** Math.max(0, poll - 1));
}

/** Polls after which a run that never completes is given up (about a day and a half at the 10-minute pace). */
export const BACKFILL_MAX_POLLS = 200;

/**
 * The job, one import attempt. Attempts come from the bulk_operations/finish webhook (poll 0) and from a chain of
 * polls (poll ≥ 1) that keeps going, whatever each attempt does, until the run is completed or failed: the next
 * poll is scheduled before this attempt, so an attempt that throws for good, or a worker that dies holding the
 * lease, is followed by one that resumes.
 */
export async function runBackfillJob(
  shop: string,
  api: AdminApi,
  payload: BackfillPayload,
  options: ImportOrderBackfillOptions = {},
): Promise<BackfillImportOutcome> {
  const now = (options.now ?? (() => new Date()))();
  if (payload.poll >= 1) {
    const current = await getOrderBackfill(shop);
    if (!current || current.bulkOperationId !== payload.bulkOperationId || current.status === "completed" || current.status === "failed") {
      return "skipped";
    }
    if (payload.poll >= BACKFILL_MAX_POLLS) {
      await failOrderBackfill(shop, `The import did not finish after ${BACKFILL_MAX_POLLS} attempts.`, now);
      return "failed";
    }
    const next = payload.poll + 1;
    await enqueueBackfillImport(shop, payload.bulkOperationId, { poll: next, runAt: new Date(now.getTime() + backfillPollDelayMs(next)) });
  }
  return importOrderBackfill(shop, api, payload.bulkOperationId, options);
}
