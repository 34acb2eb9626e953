// Unit costs of the shop's variants as Shopify states them. The variant cost sync writes them a page at a time,
// inventory_items/update keeps them current, and ingestion reads them (plain SQL: it is on a webhook's path).
import { Prisma } from "../generated/prisma/client";
import { db } from "../db.server";
import { inTransaction, type Tx } from "./transaction.server";

export type VariantCostWrite = {
  variantId: string;
  inventoryItemId: string;
  unitCostMinor: number | null;
  costUpdatedAt: Date | null;
};

/** Unit costs of the given variants (GIDs) that the shop has a row for; null where no cost is entered. */
export async function findUnitCosts(tx: Tx, shop: string, variantIds: readonly string[]): Promise<Map<string, number | null>> {
  const unique = [...new Set(variantIds)];
  if (unique.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ variantId: string; unitCostMinor: number | null }[]>`
    SELECT "variantId", "unitCostMinor" FROM "VariantCost" WHERE "shop" = ${shop} AND "variantId" IN (${Prisma.join(unique)})`;
  return new Map(rows.map((row) => [row.variantId, row.unitCostMinor === null ? null : Number(row.unitCostMinor)]));
}

/**
 * Writes one page of a sync: each variant's row is created or replaced, stamped `syncedAt`. A cost that a webhook
 * wrote after Shopify produced this page (a newer costUpdatedAt) is kept, and so is a later stamp: when two syncs
 * overlap, the one that started later must not find the rows it saw stamped older and remove them.
 */
export async function saveVariantCosts(shop: string, rows: readonly VariantCostWrite[], syncedAt: Date): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(async (tx) => {
    const values = rows.map(
      (row) => Prisma.sql`(${shop}, ${row.variantId}, ${row.inventoryItemId}, ${row.unitCostMinor}, ${row.costUpdatedAt}, ${syncedAt})`,
    );
    await tx.$executeRaw`
      INSERT INTO "VariantCost" ("shop", "variantId", "inventoryItemId", "unitCostMinor", "costUpdatedAt", "syncedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("shop", "variantId") DO UPDATE SET
        "inventoryItemId" = excluded."inventoryItemId",
        "unitCostMinor" = CASE
          WHEN "VariantCost"."costUpdatedAt" IS NOT NULL AND excluded."costUpdatedAt" IS NOT NULL
            AND "VariantCost"."costUpdatedAt" > excluded."costUpdatedAt" THEN "VariantCost"."unitCostMinor"
          ELSE excluded."unitCostMinor" END,
        "costUpdatedAt" = CASE
          WHEN "VariantCost"."costUpdatedAt" IS NOT NULL AND excluded."costUpdatedAt" IS NOT NULL
            AND "VariantCost"."costUpdatedAt" > excluded."costUpdatedAt" THEN "VariantCost"."costUpdatedAt"
          ELSE excluded."costUpdatedAt" END,
        "syncedAt" = CASE WHEN "VariantCost"."syncedAt" > excluded."syncedAt" THEN "VariantCost"."syncedAt" ELSE excluded."syncedAt" END`;
  });
}

/** After a complete sync: variants that Shopify no longer lists (deleted) are forgotten. Returns how many. */
export async function deleteVariantCostsSyncedBefore(shop: string, before: Date): Promise<number> {
  return inTransaction((tx) => tx.variantCost.deleteMany({ where: { shop, syncedAt: { lt: before } } }).then((r) => r.count));
}

/**
 * inventory_items/update: the new cost of every variant of this inventory item, unless the row holds a cost from a
 * later update (webhooks may arrive out of order). Returns the rows the item has (0: a variant the sync has not seen).
 */
export async function applyInventoryItemCost(
  shop: string,
  inventoryItemId: string,
  unitCostMinor: number | null,
  updatedAt: Date,
  now: Date = new Date(),
): Promise<{ known: number; changed: number }> {
  return inTransaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "VariantCost" SET "unitCostMinor" = ${unitCostMinor}, "costUpdatedAt" = ${updatedAt}, "syncedAt" = ${now}
      WHERE "shop" = ${shop} AND "inventoryItemId" = ${inventoryItemId}
        AND ("costUpdatedAt" IS NULL OR "costUpdatedAt" <= ${updatedAt})`;
    // Only an update that changed nothing needs telling apart: an older delivery, or an item not seen yet.
    const known = changed > 0 ? changed : await tx.variantCost.count({ where: { shop, inventoryItemId } });
    return { known, changed };
  });
}

export type VariantCostSummary = { variants: number; withCost: number; lastSyncedAt: Date | null };

/** How many variants the shop has, how many with a cost, and when costs were last written (settings page). */
export async function variantCostSummary(shop: string): Promise<VariantCostSummary> {
  const [variants, withCost, last] = await Promise.all([
    db.variantCost.count({ where: { shop } }),
    db.variantCost.count({ where: { shop, unitCostMinor: { not: null } } }),
    db.variantCost.aggregate({ where: { shop }, _max: { syncedAt: true } }),
  ]);
  return { variants, withCost, lastSyncedAt: last._max.syncedAt ?? null };
}
