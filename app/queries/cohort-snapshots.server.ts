// Reading cohort snapshots for pages, with their freshness: a missing snapshot of a small shop is computed while
// the page waits; a stale one is shown (with its date) while the refresh job runs.
import {
  refreshCohortSnapshots,
  requestCohortSnapshotRefresh,
  SNAPSHOT_MAX_AGE_MS,
} from "../jobs/refresh-cohort-snapshots.server";
import { countCustomers, getCohortSnapshot } from "../models/cohort-snapshot.server";
import { getRollupRebuildStatus } from "../models/settings.server";

/** Up to this many customers a snapshot is computed in the request (well under a second); above, by the job. */
export const INLINE_SNAPSHOT_MAX_CUSTOMERS = 20_000;

export type SnapshotFreshness = {
  /** When the figures were computed (ISO), null while the first computation is waiting for the job. */
  asOf: string | null;
  state: "fresh" | "stale" | "pending";
};

/**
 * Makes sure the shop has cohort snapshots, computing or requesting them as the shop's size allows. A snapshot is
 * stale after SNAPSHOT_MAX_AGE_MS, or once a rollup rebuild (a new attribution model re-decides who acquired whom)
 * finished after it was computed.
 */
export async function ensureCohortSnapshots(shop: string, now: Date = new Date()): Promise<SnapshotFreshness> {
  const [meta, rebuild] = await Promise.all([getCohortSnapshot(shop, "shop", ""), getRollupRebuildStatus(shop)]);
  const age = meta ? now.getTime() - meta.asOf.getTime() : Number.POSITIVE_INFINITY;
  const rebuiltSince = meta !== null && rebuild?.status === "done" && Date.parse(rebuild.updatedAt) > meta.asOf.getTime();
  if (meta && age <= SNAPSHOT_MAX_AGE_MS && !rebuiltSince) return { asOf: meta.asOf.toISOString(), state: "fresh" };
  if ((await countCustomers(shop)) <= INLINE_SNAPSHOT_MAX_CUSTOMERS) {
    await refreshCohortSnapshots(shop, now);
    return { asOf: now.toISOString(), state: "fresh" };
  }
  await requestCohortSnapshotRefresh(shop, now);
  return meta ? { asOf: meta.asOf.toISOString(), state: "stale" } : { asOf: null, state: "pending" };
}

/** Staff asked for fresh figures: computed now for a small shop, else requested from the job. */
export async function refreshCohortSnapshotsNow(shop: string, now: Date = new Date()): Promise<"refreshed" | "requested"> {
  if ((await countCustomers(shop)) <= INLINE_SNAPSHOT_MAX_CUSTOMERS) {
    await refreshCohortSnapshots(shop, now);
    return "refreshed";
  }
  await requestCohortSnapshotRefresh(shop, now);
  return "requested";
}
