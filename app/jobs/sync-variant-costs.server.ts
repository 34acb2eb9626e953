// Unit costs come from Shopify's inventory items. A full sync reads every variant (daily, and before the first
// order backfill, so that imported orders are priced); inventory_items/update keeps costs current in between.
// An order's cost of goods is priced when it is ingested, with the costs known then: as in Shopify's own reports,
// a cost entered later does not change the cost of goods of orders already counted.
import { unitCostToMinor } from "../domain/orders";
import { getShop } from "../models/shop.server";
import { deleteVariantCostsSyncedBefore, saveVariantCosts, type VariantCostWrite } from "../models/variant-cost.server";
import type { AdminApi } from "../shopify/admin-api.server";
import { listVariantCosts, type ShopifyVariantCost } from "../shopify/list-variant-costs.server";
import { enqueueJob, enqueueJobUnlessPending } from "./job-queue.server";

export const SYNC_VARIANT_COSTS_JOB = "sync-variant-costs";

export interface VariantCostSyncResult {
  variants: number;
  withCost: number;
  /** Costs that could not be used (another currency, a malformed amount): stored as unknown, logged. */
  unusable: number;
  /** Rows of variants Shopify no longer lists, removed. */
  removed: number;
}

// Either scope reads InventoryItem.unitCost and receives inventory_items/update; write scopes imply the read ones.
const COST_SCOPES = ["read_products", "write_products", "read_inventory", "write_inventory"];

/** Whether the granted scopes let the app read unit costs (a shop installed before read_products was asked may not). */
export function grantsUnitCosts(scopes: readonly string[]): boolean {
  return scopes.some((scope) => COST_SCOPES.includes(scope));
}

/** A variant's row as stored: the cost in the shop's currency minor units, or null when it cannot be used. */
export function variantCostRow(variant: ShopifyVariantCost, shopCurrency: string): { row: VariantCostWrite; usable: boolean } {
  const updatedAt = variant.updatedAt ? new Date(variant.updatedAt) : null;
  const base = { variantId: variant.variantId, inventoryItemId: variant.inventoryItemId, costUpdatedAt: updatedAt && !Number.isNaN(updatedAt.getTime()) ? updatedAt : null };
  if (variant.unitCost === null) return { row: { ...base, unitCostMinor: null }, usable: true };
  if (variant.unitCost.currencyCode !== shopCurrency) return { row: { ...base, unitCostMinor: null }, usable: false };
  try {
    return { row: { ...base, unitCostMinor: unitCostToMinor(variant.unitCost.amount, shopCurrency) }, usable: true };
  } catch {
    return { row: { ...base, unitCostMinor: null }, usable: false };
  }
}

/**
 * Reads every variant's unit cost from Shopify and stores it, a page per transaction; when the whole list was read,
 * variants no longer listed are removed. A failure part way keeps the pages already stored (the next run completes).
 */
export async function syncVariantCosts(shop: string, api: AdminApi, opts: { now?: Date; pageSize?: number } = {}): Promise<VariantCostSyncResult> {
  const started = opts.now ?? new Date();
  const row = await getShop(shop);
  if (!row) throw new Error(`Unknown shop ${shop}`);
  const result: VariantCostSyncResult = { variants: 0, withCost: 0, unusable: 0, removed: 0 };
  for await (const page of listVariantCosts(api, { pageSize: opts.pageSize })) {
    const rows: VariantCostWrite[] = [];
    for (const variant of page) {
      const { row: stored, usable } = variantCostRow(variant, row.currencyCode);
      if (!usable) {
        result.unusable += 1;
        console.warn(`Variant costs ${shop}: the cost of ${variant.variantId} (${variant.unitCost?.amount} ${variant.unitCost?.currencyCode}) is not usable in ${row.currencyCode}`);
      }
      if (stored.unitCostMinor !== null) result.withCost += 1;
      rows.push(stored);
    }
    result.variants += rows.length;
    await saveVariantCosts(shop, rows, started);
  }
  result.removed = await deleteVariantCostsSyncedBefore(shop, started);
  return result;
}

/** Enqueues the shop's daily sync, once per UTC day however many processes ask. */
export async function enqueueDailyVariantCostSync(shop: string, now: Date = new Date()): Promise<void> {
  await enqueueJob({ name: SYNC_VARIANT_COSTS_JOB, shop, runAt: now, runKey: `${SYNC_VARIANT_COSTS_JOB}:${shop}:${now.toISOString().slice(0, 10)}` });
}

/** Enqueues a sync now unless one is already waiting (a cost webhook named an inventory item not seen yet). */
export async function requestVariantCostSync(shop: string, now: Date = new Date()): Promise<void> {
  await enqueueJobUnlessPending({ name: SYNC_VARIANT_COSTS_JOB, shop, runAt: now });
}
