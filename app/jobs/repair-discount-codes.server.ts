// Heals the rare moments when a creator's code and Shopify disagree because a write failed half-way and its undo
// failed too (see app/services/manage-creator-code.server.ts). Two kinds of work:
//  - rows in state "needs_repair": Shopify is the truth. The discount still there (same id) → the row is re-linked
//    (active, or inactive when Shopify reports it EXPIRED); gone, or the code now belongs to someone else's discount
//    → the row becomes "deleted" (kept, so that orders which used the code stay credited).
//  - orphans: a discount this app created in Shopify but could not record at all. It is deleted from Shopify, but only
//    when it is provably ours (the id we got back, or, when the answer was lost, our exact title) and no row links it.
import type { AdminApi } from "../shopify/admin-api.server";
import { deleteDiscount } from "../shopify/delete-discount.server";
import { findDiscountByCode } from "../shopify/find-discount-by-code.server";
import { enqueueJob, type JobRow } from "./job-queue.server";
import {
  getDiscountCodeByText,
  listDiscountCodesNeedingRepair,
  updateDiscountCodeState,
} from "../models/discount-code.server";

export const REPAIR_DISCOUNT_CODES_JOB = "repair-discount-codes";

/** A discount created in Shopify that no row records; `discountId` is null when Shopify's answer was lost. */
export type OrphanDiscount = { code: string; discountId: string | null; title: string };

export type RepairDiscountCodesPayload = { orphans?: OrphanDiscount[] };

export type RepairOutcome = { relinked: number; deleted: number; orphansRemoved: number; failed: string[] };

/** How long after a failure the repair runs: long enough for a passing outage to end. */
const REPAIR_DELAY_MS = 60_000;

/**
 * Schedules a repair run for the shop about a minute from now; rows marked needs_repair are found by the run itself,
 * orphans travel in the payload (each call with orphans gets its own job so that none is lost).
 */
export async function enqueueDiscountCodeRepair(shop: string, orphans: OrphanDiscount[] = [], now: Date = new Date()): Promise<void> {
  const runAt = new Date(now.getTime() + REPAIR_DELAY_MS);
  if (orphans.length > 0) {
    await enqueueJob({ name: REPAIR_DISCOUNT_CODES_JOB, shop, payload: { orphans } satisfies RepairDiscountCodesPayload, runAt });
    return;
  }
  // One scheduled run per shop and minute, however many rows were marked in it.
  const minute = new Date(Math.floor(runAt.getTime() / 60_000) * 60_000).toISOString();
  await enqueueJob({ name: REPAIR_DISCOUNT_CODES_JOB, shop, payload: {}, runAt, runKey: `${REPAIR_DISCOUNT_CODES_JOB}:${shop}:${minute}` });
}

/** Brings every needs_repair row of the shop in line with Shopify, then removes the given orphans; reports what it did. */
export async function repairDiscountCodes(shop: string, admin: AdminApi, orphans: readonly OrphanDiscount[] = []): Promise<RepairOutcome> {
  const outcome: RepairOutcome = { relinked: 0, deleted: 0, orphansRemoved: 0, failed: [] };
  for (const row of await listDiscountCodesNeedingRepair(shop)) {
    try {
      const found = await findDiscountByCode(admin, row.code);
      const ours = found !== null && (row.shopifyDiscountId === null || found.discountId === row.shopifyDiscountId);
      if (found && ours) {
        const state = found.status === "EXPIRED" ? "inactive" : "active";
        const updated = await updateDiscountCodeState(shop, row.id, { from: "needs_repair", to: state, shopifyDiscountId: found.discountId });
        if (updated) outcome.relinked += 1;
      } else {
        const why = found ? "the code now belongs to another discount in Shopify" : "the discount no longer exists in Shopify";
        const updated = await updateDiscountCodeState(shop, row.id, { from: "needs_repair", to: "deleted", lastError: `Repaired: ${why}.` });
        if (updated) outcome.deleted += 1;
      }
    } catch (error) {
      outcome.failed.push(`${row.code}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const orphan of orphans) {
    try {
      if (await removeOrphanDiscount(shop, admin, orphan)) outcome.orphansRemoved += 1;
    } catch (error) {
      outcome.failed.push(`${orphan.code}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return outcome;
}

/** Deletes a discount this app created but never recorded; true when one was deleted, false when there was nothing to do. */
export async function removeOrphanDiscount(shop: string, admin: AdminApi, orphan: OrphanDiscount): Promise<boolean> {
  const found = await findDiscountByCode(admin, orphan.code);
  if (!found) return false;
  const provablyOurs = orphan.discountId !== null ? found.discountId === orphan.discountId : found.title === orphan.title;
  if (!provablyOurs) return false;
  const row = await getDiscountCodeByText(shop, orphan.code);
  // A row linking it means it was recorded after all (a retry succeeded, or a repair re-linked it): keep it.
  if (row && row.shopifyDiscountId === found.discountId && row.state !== "deleted") return false;
  await deleteDiscount(admin, found.discountId);
  return true;
}

/**
 * Runs one claimed job of this name: repairs the job's shop with an Admin API client for it. Throws when anything
 * failed, so that the queue retries the job with backoff (repairing is idempotent).
 */
export async function runRepairDiscountCodesJob(job: Pick<JobRow, "id" | "name" | "shop" | "payload">, adminFor: (shop: string) => Promise<AdminApi>): Promise<RepairOutcome> {
  if (job.name !== REPAIR_DISCOUNT_CODES_JOB) throw new Error(`Job ${job.id} is a ${job.name} job, not ${REPAIR_DISCOUNT_CODES_JOB}`);
  if (!job.shop) throw new Error(`Job ${job.id} has no shop`);
  const payload = readPayload(job.payload);
  const outcome = await repairDiscountCodes(job.shop, await adminFor(job.shop), payload.orphans ?? []);
  if (outcome.failed.length > 0) throw new Error(`Discount code repair incomplete: ${outcome.failed.join("; ")}`);
  return outcome;
}

function readPayload(json: string): RepairDiscountCodesPayload {
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null) throw new Error("Repair job payload is not an object");
  const orphans = (value as { orphans?: unknown }).orphans;
  if (orphans === undefined) return {};
  if (!Array.isArray(orphans)) throw new Error("Repair job payload: orphans is not a list");
  return {
    orphans: orphans.map((item: unknown) => {
      const o = item as Record<string, unknown>;
      if (typeof o?.code !== "string" || typeof o.title !== "string" || (o.discountId !== null && typeof o.discountId !== "string")) {
        throw new Error("Repair job payload: malformed orphan");
      }
      return { code: o.code, title: o.title, discountId: o.discountId as string | null };
    }),
  };
}
