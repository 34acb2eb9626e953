// The jobs of the order history: the install-time backfill (start, then import attempts from the finish webhook and
// from polls) and the hourly reconciliation. Each runs with the shop's offline session; a shop without one has
// uninstalled the app, and its jobs stop there instead of failing again and again.
import { NoOfflineSessionError, offlineAdminApi } from "../auth/offline-admin-api.server";
import {
  BACKFILL_JOB,
  BACKFILL_START_JOB,
  runBackfillJob,
  scheduleFirstOrderBackfill,
  startOrderBackfill,
  type BackfillPayload,
} from "../ingest/backfill-orders.server";
import { getOrderBackfill } from "../models/order-backfill.server";
import { getOrderSyncState } from "../models/order-sync.server";
import { getShop } from "../models/shop.server";
import { enqueueReconciliation, nextReconciliationAt, RECONCILE_JOB, reconcileOrders } from "./reconcile-orders.server";
import { registerJobHandler, type JobContext } from "./job-registry.server";
import { grantsUnitCosts, syncVariantCosts } from "./sync-variant-costs.server";

function requireShop(job: JobContext): string {
  if (!job.shop) throw new Error(`Job ${job.name} needs a shop`);
  return job.shop;
}

function backfillPayload(payload: unknown): BackfillPayload {
  const value = payload as Partial<BackfillPayload> | null;
  if (typeof value?.bulkOperationId !== "string" || typeof value.poll !== "number") {
    throw new Error(`Malformed ${BACKFILL_JOB} payload ${JSON.stringify(payload)}`);
  }
  return { bulkOperationId: value.bulkOperationId, poll: value.poll };
}

/** Runs `work` with the shop's Admin API; a shop that uninstalled (no offline session) ends the job quietly. */
async function withOfflineAdmin(shop: string, work: (admin: Awaited<ReturnType<typeof offlineAdminApi>>) => Promise<void>) {
  let admin;
  try {
    admin = await offlineAdminApi(shop);
  } catch (error) {
    if (error instanceof NoOfflineSessionError) {
      console.info(`Creator ROI: ${shop} has no offline session any more; its order history jobs stop`);
      return;
    }
    throw error;
  }
  await work(admin);
}

/** The backfill job: one import attempt (the chain of polls keeps itself going until the run ends). */
export async function handleBackfillJob(job: JobContext): Promise<void> {
  const shop = requireShop(job);
  const payload = backfillPayload(job.payload);
  await withOfflineAdmin(shop, async ({ api }) => {
    await runBackfillJob(shop, api, payload);
  });
}

/**
 * The first backfill of a shop, queued by its first admin request; nothing when staff already started one. Unit
 * costs are read first, so that the imported orders are priced; a shop whose costs cannot be read (e.g. read_products
 * not granted) still gets its history, with the default margin, and the daily sync tries again.
 */
export async function handleBackfillStartJob(job: JobContext): Promise<void> {
  const shop = requireShop(job);
  if (await getOrderBackfill(shop)) return;
  await withOfflineAdmin(shop, async (admin) => {
    try {
      if (grantsUnitCosts(admin.scopes)) await syncVariantCosts(shop, admin.api);
    } catch (error) {
      console.warn(`Creator ROI: ${shop} variant costs not read before the backfill`, error);
    }
    await startOrderBackfill(shop, admin);
  });
}

/**
 * The hourly reconciliation of one shop. The next hour's run is queued first, so that a run that fails for good
 * does not end the chain; an uninstalled shop's chain ends.
 */
export async function handleReconcileJob(job: JobContext, now: Date = new Date()): Promise<void> {
  const shop = requireShop(job);
  const row = await getShop(shop);
  if (!row || row.uninstalledAt) return;
  await withOfflineAdmin(shop, async ({ api }) => {
    await enqueueReconciliation(shop, nextReconciliationAt(now));
    await reconcileOrders(shop, api, { now });
  });
}

/** Registers the order history jobs with the app's job runner. */
export function registerOrderHistoryJobs(): void {
  registerJobHandler(BACKFILL_JOB, handleBackfillJob);
  registerJobHandler(BACKFILL_START_JOB, handleBackfillStartJob);
  registerJobHandler(RECONCILE_JOB, (job) => handleReconcileJob(job));
}

const ensured = new Set<string>();

/**
 * On a shop's admin requests (checked once per shop and process): its first backfill when it never had one, and the
 * current hour's reconciliation, which then keeps itself going hour after hour.
 */
export async function ensureOrderHistoryJobs(shop: string, now: Date = new Date()): Promise<void> {
  if (ensured.has(shop)) return;
  await scheduleFirstOrderBackfill(shop);
  if (await getOrderSyncState(shop)) await enqueueReconciliation(shop, now);
  ensured.add(shop);
}
