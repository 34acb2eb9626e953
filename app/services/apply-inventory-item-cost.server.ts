// inventory_items/update: the merchant changed a product's cost (or anything else of its inventory item). The new
// cost replaces the stored one for the orders ingested from now on; an item the app has not seen yet (a variant
// created since the last sync) triggers a sync, since the payload does not say which variant the item belongs to.
import { unitCostToMinor } from "../domain/orders";
import { requestVariantCostSync } from "../jobs/sync-variant-costs.server";
import { getShop } from "../models/shop.server";
import { applyInventoryItemCost } from "../models/variant-cost.server";

export class InventoryItemCostError extends Error {}

export type InventoryItemCostOutcome = "updated" | "unchanged" | "sync_requested" | "unknown_shop";

export async function applyInventoryItemCostUpdate(
  shop: string,
  item: { inventoryItemId: string; cost: string | null; updatedAt: string },
  now: Date = new Date(),
): Promise<InventoryItemCostOutcome> {
  const updatedAt = new Date(item.updatedAt);
  if (Number.isNaN(updatedAt.getTime())) throw new InventoryItemCostError(`updated_at ${JSON.stringify(item.updatedAt)} is not a date`);
  const row = await getShop(shop);
  // A shop that never opened the app has no currency to read the cost in, and no orders to price.
  if (!row) return "unknown_shop";
  let unitCostMinor: number | null = null;
  if (item.cost !== null) {
    try {
      unitCostMinor = unitCostToMinor(item.cost, row.currencyCode);
    } catch (error) {
      throw new InventoryItemCostError(`cost ${JSON.stringify(item.cost)}: ${(error as Error).message}`);
    }
  }
  const { known, changed } = await applyInventoryItemCost(shop, item.inventoryItemId, unitCostMinor, updatedAt, now);
  if (known === 0) {
    await requestVariantCostSync(shop, now);
    return "sync_requested";
  }
  return changed > 0 ? "updated" : "unchanged";
}
