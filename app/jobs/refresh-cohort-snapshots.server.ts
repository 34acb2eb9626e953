// Job "refresh-cohort-snapshots": recomputes a shop's CohortSnapshot rows (CLV by acquisition channel, and per
// creator the CLV curve, repeat rates and cohort table) from its customers and their orders. Pages read the rows;
// they enqueue this job when the rows are older than SNAPSHOT_MAX_AGE_MS and compute it themselves only when
// a small shop has none yet.
import {
  forEachCustomerOrderBatch,
  listAcquiredCustomers,
  replaceCohortSnapshots,
  type CohortSnapshotRow,
} from "../models/cohort-snapshot.server";
import { getShopSettings } from "../models/settings.server";
import { CREATOR_CHANNEL } from "../queries/channels";
import { buildCohortSnapshotData, type SnapshotCustomer } from "../queries/cohort-snapshot-data";
import { dayKeyer } from "../queries/day-keyer";
import { enqueueJob } from "./job-queue.server";

export const REFRESH_COHORT_SNAPSHOTS_JOB = "refresh-cohort-snapshots";
/** Snapshots older than this are refreshed in the background while pages keep showing them. */
export const SNAPSHOT_MAX_AGE_MS = 6 * 60 * 60 * 1000;
export { CREATOR_CHANNEL };

/** Recomputes and replaces every cohort snapshot row of the shop as of `now`; returns the number of customers. */
export async function refreshCohortSnapshots(shop: string, now: Date = new Date()): Promise<number> {
  const [settings, customers] = await Promise.all([getShopSettings(shop), listAcquiredCustomers(shop)]);
  const keyOf = dayKeyer(settings.ianaTimezone);
  const asOfDay = keyOf(now);

  const byCustomerId = new Map<string, SnapshotCustomer & { creatorId: string | null; channel: string }>();
  for (const c of customers) {
    byCustomerId.set(c.shopifyCustomerId, {
      acquiredAt: c.firstOrderAt,
      acquiredDay: keyOf(c.firstOrderAt),
      orders: [],
      creatorId: c.acquiringCreatorId,
      channel: c.acquiringCreatorId ? CREATOR_CHANNEL : c.acquisitionChannel,
    });
  }
  await forEachCustomerOrderBatch(shop, (orders) => {
    for (const order of orders) {
      // Orders after asOf are left for the next refresh, so every figure of one snapshot has the same end.
      if (order.processedAt.getTime() > now.getTime()) continue;
      byCustomerId.get(order.customerId)?.orders.push({ at: order.processedAt, day: keyOf(order.processedAt), netMinor: order.netMinor });
    }
  });

  const byChannel = new Map<string, SnapshotCustomer[]>();
  const byCreator = new Map<string, SnapshotCustomer[]>();
  for (const customer of byCustomerId.values()) {
    const channelList = byChannel.get(customer.channel) ?? [];
    channelList.push(customer);
    byChannel.set(customer.channel, channelList);
    if (customer.creatorId) {
      const list = byCreator.get(customer.creatorId) ?? [];
      list.push(customer);
      byCreator.set(customer.creatorId, list);
    }
  }

  const rows: CohortSnapshotRow[] = [
    { scope: "shop", key: "", asOf: now, customers: byCustomerId.size, data: JSON.stringify(buildCohortSnapshotData([], now, asOfDay, { cohorts: false })) },
  ];
  for (const [channel, list] of byChannel) {
    rows.push({ scope: "channel", key: channel, asOf: now, customers: list.length, data: JSON.stringify(buildCohortSnapshotData(list, now, asOfDay, { cohorts: false })) });
  }
  for (const [creatorId, list] of byCreator) {
    rows.push({ scope: "creator", key: creatorId, asOf: now, customers: list.length, data: JSON.stringify(buildCohortSnapshotData(list, now, asOfDay, { cohorts: true })) });
  }
  await replaceCohortSnapshots(shop, rows);
  return byCustomerId.size;
}

/** Enqueues a refresh of the shop's snapshots, at most once per hour however many pages ask. */
export async function requestCohortSnapshotRefresh(shop: string, now: Date = new Date()): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob({ name: REFRESH_COHORT_SNAPSHOTS_JOB, shop, runKey: `${REFRESH_COHORT_SNAPSHOTS_JOB}:${shop}:${hour}` });
}

/** Runs a claimed "refresh-cohort-snapshots" job (for the job worker's dispatch by name). */
export async function runRefreshCohortSnapshotsJob(job: { shop: string | null }): Promise<void> {
  if (!job.shop) throw new Error(`${REFRESH_COHORT_SNAPSHOTS_JOB} needs a shop`);
  await refreshCohortSnapshots(job.shop);
}
