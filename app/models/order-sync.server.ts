import { db } from "../db.server";

// The reconciliation watermark (Shop.ordersSyncedAt): orders updated before it are known to be ingested.

export interface OrderSyncState {
  ordersSyncedAt: Date | null;
  installedAt: Date;
  /** When the shop's backfill started, if it had one: the backfill covers what was before. */
  backfillStartedAt: Date | null;
}

/** What reconciliation needs to know where to start; null for an unknown shop. */
export async function getOrderSyncState(shop: string): Promise<OrderSyncState | null> {
  const [row, backfill] = await Promise.all([
    db.shop.findUnique({ where: { shop }, select: { ordersSyncedAt: true, installedAt: true } }),
    db.orderBackfill.findUnique({ where: { shop }, select: { startedAt: true } }),
  ]);
  return row ? { ...row, backfillStartedAt: backfill?.startedAt ?? null } : null;
}

/** Moves the watermark forward to `at`; never back (a slow run finishing late cannot undo a later one). */
export async function advanceOrdersSyncedAt(shop: string, at: Date): Promise<void> {
  await db.$transaction((tx) =>
    tx.shop.updateMany({
      where: { shop, OR: [{ ordersSyncedAt: null }, { ordersSyncedAt: { lt: at } }] },
      data: { ordersSyncedAt: at },
    }),
  );
}

/** Shops with the app installed, for scheduling per-shop jobs. */
export async function listInstalledShops(): Promise<string[]> {
  const rows = await db.shop.findMany({ where: { uninstalledAt: null }, select: { shop: true }, orderBy: { shop: "asc" } });
  return rows.map((row) => row.shop);
}
