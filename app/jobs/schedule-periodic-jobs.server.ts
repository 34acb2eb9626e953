// Periodic work is enqueued by whichever processes run jobs (web instances on SQLite, workers on PostgreSQL), each
// run under a run key (unique in the database): however many processes schedule the same hour, the run is enqueued
// once and claimed once.
import { listInstalledShops } from "../models/order-sync.server";
import { enqueueReconciliation, reconcileHourKey } from "./reconcile-orders.server";
import { enqueueDailyVariantCostSync } from "./sync-variant-costs.server";

let scheduledHour: string | null = null;

/**
 * Enqueues the periodic runs that are due: this hour's order reconciliation and today's variant cost sync of each
 * installed shop (the day's run key makes the hourly asks one run a day). A process asks
 * the database once per hour; a failure leaves the hour unscheduled here, so the next tick tries again.
 */
export async function schedulePeriodicJobs(now: Date = new Date()): Promise<void> {
  const hour = reconcileHourKey(now);
  if (hour === scheduledHour) return;
  for (const shop of await listInstalledShops()) {
    await enqueueReconciliation(shop, now);
    await enqueueDailyVariantCostSync(shop, now);
  }
  scheduledHour = hour;
}
