// Webhooks get lost (downtime, a delivery Shopify gave up on, a subscription removed by mistake). Every hour, per
// shop, the orders updated since the watermark are pulled from the Admin API and ingested the same way a webhook
// would (ingestOrder, source "reconcile"); ingestion ignores an update that is not newer than what it holds, so
// healing twice changes nothing. The watermark moves only past what was ingested, page by page.
import { normalizeOrderNode, ShopifyPayloadError } from "../domain/orders";
import { ingestOrder } from "../ingest/ingest-order.server";
import { advanceOrdersSyncedAt, getOrderSyncState } from "../models/order-sync.server";
import type { AdminApi } from "../shopify/admin-api.server";
import { listOrdersUpdatedSince } from "../shopify/list-orders-updated-since.server";
import { enqueueJob } from "./job-queue.server";

export const RECONCILE_JOB = "reconcile-orders";
/** Small pages: each costs 2 + 4 × 25 = 102 points of the shop's 2,000-point bucket (restoring 100/s). */
export const RECONCILE_PAGE_SIZE = 25;
/**
 * Shopify's order search can lag behind an update by a little while; the watermark stays this far behind the run's
 * start so that the next run reads those minutes again rather than miss an order indexed late.
 */
export const RECONCILE_LAG_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

export interface ReconcileResult {
  since: Date;
  /** Orders Shopify returned. */
  seen: number;
  /** Orders passed to ingestion (newer or not: ingestion decides). */
  ingested: number;
  /** Orders that could not be read and were skipped (logged). */
  skipped: number;
  /** The watermark after the run. */
  watermark: Date;
}

function earlier(a: Date, b: Date): Date {
  return a < b ? a : b;
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}

/**
 * Pulls the shop's orders updated since its watermark (first run: since the backfill started, else the install)
 * and ingests them. The watermark advances after each fully ingested page to that page's last update, and after
 * the whole run to the run's start minus the search lag; an error stops the run with the watermark where it got.
 */
export async function reconcileOrders(
  shop: string,
  api: AdminApi,
  opts: { now?: Date; pageSize?: number } = {},
): Promise<ReconcileResult> {
  const now = opts.now ?? new Date();
  const pageSize = opts.pageSize ?? RECONCILE_PAGE_SIZE;
  const state = await getOrderSyncState(shop);
  if (!state) throw new Error(`Unknown shop ${shop}`);
  const cap = new Date(now.getTime() - RECONCILE_LAG_MS);
  const since = state.ordersSyncedAt ?? new Date((state.backfillStartedAt ?? state.installedAt).getTime() - RECONCILE_LAG_MS);

  const result: ReconcileResult = { since, seen: 0, ingested: 0, skipped: 0, watermark: since };
  let inPage = 0;
  for await (const node of listOrdersUpdatedSince(api, { since, pageSize })) {
    result.seen += 1;
    inPage += 1;
    try {
      await ingestOrder(shop, normalizeOrderNode(node), { source: "reconcile" });
      result.ingested += 1;
    } catch (error) {
      if (!(error instanceof ShopifyPayloadError)) throw error;
      // Reading it again would fail the same way: it is logged and passed, so the shop's sync does not stall.
      console.warn(`Reconcile ${shop}: order ${node.id} skipped: ${error.message}`);
      result.skipped += 1;
    }
    if (inPage === pageSize) {
      inPage = 0;
      const pageEnd = new Date(node.updatedAt);
      if (!Number.isNaN(pageEnd.getTime())) {
        result.watermark = later(result.watermark, earlier(pageEnd, cap));
        await advanceOrdersSyncedAt(shop, result.watermark);
      }
    }
  }
  result.watermark = later(result.watermark, cap);
  await advanceOrdersSyncedAt(shop, result.watermark);
  return result;
}

/** The hour a scheduled run belongs to, as its run key part ("2026-11-27T10"). */
export function reconcileHourKey(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/** The start of the hour after `now`: when the next hourly run is due. */
export function nextReconciliationAt(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
}

/** Enqueues the shop's reconciliation run of the hour of `runAt`, once however many instances ask. */
export async function enqueueReconciliation(shop: string, runAt: Date): Promise<void> {
  await enqueueJob({ name: RECONCILE_JOB, shop, runAt, runKey: `${RECONCILE_JOB}:${shop}:${reconcileHourKey(runAt)}` });
}
