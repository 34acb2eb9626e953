// Every job the app runs, registered by name. Add a line per job module.
import { rebuildRollups, REBUILD_ROLLUPS_JOB } from "../ingest/rebuild-rollups.server";
import { retryDueWebhookEvents } from "../ingest/webhook-inbox.server";
import { registerJobHandler, registeredJobHandlers, type JobHandlers } from "./job-registry.server";
import { registerOrderHistoryJobs } from "./order-history-jobs.server";
import { registerShopMaintenanceJobs } from "./shop-maintenance-jobs.server";

export const RETRY_WEBHOOK_EVENTS_JOB = "retry-webhook-events";

let registered = false;

/** Registers the app's job handlers (once) and returns the registry. */
export function appJobHandlers(): JobHandlers {
  if (!registered) {
    registered = true;
    registerJobHandler(REBUILD_ROLLUPS_JOB, async (job) => {
      if (!job.shop) throw new Error("rebuild-rollups needs a shop");
      await rebuildRollups(job.shop);
    });
    registerJobHandler(RETRY_WEBHOOK_EVENTS_JOB, async () => {
      await retryDueWebhookEvents();
    });
    registerOrderHistoryJobs();
    registerShopMaintenanceJobs();
  }
  return registeredJobHandlers();
}
