// CohortSnapshot rows (precomputed CLV, repeat rates and cohort tables) and the customer and order reads the
// refresh job computes them from.
import { db } from "../db.server";

export type CohortSnapshotScope = "channel" | "creator" | "shop";

export type CohortSnapshotRow = { scope: CohortSnapshotScope; key: string; asOf: Date; customers: number; data: string };

export type AcquiredCustomer = {
  shopifyCustomerId: string;
  firstOrderAt: Date;
  acquiringCreatorId: string | null;
  acquisitionChannel: string;
};

/** Every customer of the shop with how and when it was acquired. */
export async function listAcquiredCustomers(shop: string): Promise<AcquiredCustomer[]> {
  return db.customer.findMany({
    where: { shop },
    select: { shopifyCustomerId: true, firstOrderAt: true, acquiringCreatorId: true, acquisitionChannel: true },
  });
}

export type CustomerOrder = { customerId: string; processedAt: Date; netMinor: number };

const ORDER_BATCH = 20_000;

/**
 * Calls `onBatch` with the shop's counted orders of known customers (not test, not cancelled), net sales after
 * refunds, in batches, so that a million orders never sit in memory as rows at once.
 */
export async function forEachCustomerOrderBatch(shop: string, onBatch: (orders: CustomerOrder[]) => void): Promise<void> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.order.findMany({
      where: { shop, test: false, cancelledAt: null, customerId: { not: null }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: ORDER_BATCH,
      select: { id: true, customerId: true, processedAt: true, grossMinor: true, discountsMinor: true, refundsMinor: true },
    });
    if (rows.length === 0) return;
    onBatch(
      rows.map((r) => ({
        customerId: r.customerId as string,
        processedAt: r.processedAt,
        netMinor: r.grossMinor - r.discountsMinor - r.refundsMinor,
      })),
    );
    cursor = rows[rows.length - 1]?.id;
    if (rows.length < ORDER_BATCH) return;
  }
}

/** Replaces all of a shop's snapshot rows at once, so a page never mixes two computations. */
export async function replaceCohortSnapshots(shop: string, rows: readonly CohortSnapshotRow[]): Promise<void> {
  await db.$transaction([
    db.cohortSnapshot.deleteMany({ where: { shop } }),
    db.cohortSnapshot.createMany({ data: rows.map((row) => ({ shop, ...row })) }),
  ]);
}

/** One snapshot row, null when absent. */
export async function getCohortSnapshot(shop: string, scope: CohortSnapshotScope, key: string): Promise<CohortSnapshotRow | null> {
  const row = await db.cohortSnapshot.findUnique({ where: { shop_scope_key: { shop, scope, key } } });
  return row ? { scope, key: row.key, asOf: row.asOf, customers: row.customers, data: row.data } : null;
}

/** All snapshot rows of one scope. */
export async function listCohortSnapshots(shop: string, scope: CohortSnapshotScope): Promise<CohortSnapshotRow[]> {
  const rows = await db.cohortSnapshot.findMany({ where: { shop, scope }, orderBy: { key: "asc" } });
  return rows.map((row) => ({ scope, key: row.key, asOf: row.asOf, customers: row.customers, data: row.data }));
}

/** Customers of the shop, for deciding whether a snapshot can be computed while a page waits. */
export async function countCustomers(shop: string): Promise<number> {
  return db.customer.count({ where: { shop } });
}
