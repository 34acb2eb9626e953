// The jobs other features enqueue for a shop and that need nothing but the shop (and, for the discount-code repair,
// its Admin API through the offline session): registered here so that the worker runs every job the app enqueues.
import { NoOfflineSessionError, offlineAdminApi } from "../auth/offline-admin-api.server";
import { registerJobHandler, type JobContext } from "./job-registry.server";
import { REFRESH_COHORT_SNAPSHOTS_JOB, runRefreshCohortSnapshotsJob } from "./refresh-cohort-snapshots.server";
import { REPAIR_DISCOUNT_CODES_JOB, runRepairDiscountCodesJob } from "./repair-discount-codes.server";
import { grantsUnitCosts, SYNC_VARIANT_COSTS_JOB, syncVariantCosts } from "./sync-variant-costs.server";

/**
 * The discount-code repair of one shop, with the Admin API of its offline session. A shop that uninstalled the app
 * has no session: nothing in Shopify can be repaired any more, so the job ends instead of being retried.
 */
export async function handleRepairDiscountCodesJob(job: JobContext): Promise<void> {
  if (!job.shop) throw new Error(`Job ${job.name} needs a shop`);
  try {
    await runRepairDiscountCodesJob({ id: job.id, name: job.name, shop: job.shop, payload: JSON.stringify(job.payload ?? {}) }, async (shop) => (await offlineAdminApi(shop)).api);
  } catch (error) {
    if (!(error instanceof NoOfflineSessionError)) throw error;
    console.info(`Creator ROI: ${job.shop} has no offline session any more; its discount codes are not repaired`);
  }
}

/** The variant cost sync of one shop; an uninstalled shop (no session) has nothing to read any more. */
export async function handleSyncVariantCostsJob(job: JobContext): Promise<void> {
  if (!job.shop) throw new Error(`Job ${job.name} needs a shop`);
  let admin;
  try {
    admin = await offlineAdminApi(job.shop);
  } catch (error) {
    if (!(error instanceof NoOfflineSessionError)) throw error;
    console.info(`Creator ROI: ${job.shop} has no offline session any more; its variant costs are not synced`);
    return;
  }
  // Retrying cannot grant a scope: the run ends until the merchant accepts read_products.
  if (!grantsUnitCosts(admin.scopes)) {
    console.info(`Creator ROI: ${job.shop} has not granted read_products; gross profit uses the default margin`);
    return;
  }
  const result = await syncVariantCosts(job.shop, admin.api);
  console.info(`Creator ROI: ${job.shop} variant costs synced: ${result.variants} variants, ${result.withCost} with a cost, ${result.removed} removed`);
}

/** Registers the cohort snapshot refresh, the discount-code repair and the variant cost sync with the job runner. */
export function registerShopMaintenanceJobs(): void {
  registerJobHandler(SYNC_VARIANT_COSTS_JOB, handleSyncVariantCostsJob);
  registerJobHandler(REFRESH_COHORT_SNAPSHOTS_JOB, (job) => runRefreshCohortSnapshotsJob(job));
  registerJobHandler(REPAIR_DISCOUNT_CODES_JOB, handleRepairDiscountCodesJob);
}
