// Orders credited to a creator (Order.creditedCreatorId, written by ingestion), newest first, for the creator page
// and its CSV export. Test and cancelled orders are left out, as in the rollups.
import { db } from "../db.server";

export type CreditedOrderRow = {
  id: string;
  name: string;
  processedAt: Date;
  grossMinor: number;
  discountsMinor: number;
  refundsMinor: number;
  codes: string;
  customerOrderIndex: number | null;
  creditedCampaignId: string | null;
  /** JSON explanation written by ingestion; null when none was recorded. */
  attribution: string | null;
};

const SELECT = {
  id: true,
  name: true,
  processedAt: true,
  grossMinor: true,
  discountsMinor: true,
  refundsMinor: true,
  codes: true,
  customerOrderIndex: true,
  creditedCampaignId: true,
  attribution: true,
} as const;

const where = (shop: string, creatorId: string) => ({ shop, creditedCreatorId: creatorId, test: false, cancelledAt: null });

/** One page of a creator's credited orders, newest first, and how many there are in all. */
export async function listCreditedOrders(
  shop: string,
  creatorId: string,
  page: { skip: number; take: number },
): Promise<{ rows: CreditedOrderRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.order.findMany({ where: where(shop, creatorId), orderBy: [{ processedAt: "desc" }, { id: "desc" }], skip: page.skip, take: page.take, select: SELECT }),
    db.order.count({ where: where(shop, creatorId) }),
  ]);
  return { rows, total };
}

/** Calls onBatch with all of a creator's credited orders, newest first, a batch at a time (for streamed exports). */
export async function forEachCreditedOrderBatch(
  shop: string,
  creatorId: string,
  onBatch: (rows: CreditedOrderRow[]) => Promise<void> | void,
  batchSize = 500,
): Promise<void> {
  let after: { processedAt: Date; id: string } | null = null;
  for (;;) {
    const rows: CreditedOrderRow[] = await db.order.findMany({
      where: {
        ...where(shop, creatorId),
        ...(after
          ? { OR: [{ processedAt: { lt: after.processedAt } }, { processedAt: after.processedAt, id: { lt: after.id } }] }
          : {}),
      },
      orderBy: [{ processedAt: "desc" }, { id: "desc" }],
      take: batchSize,
      select: SELECT,
    });
    if (rows.length === 0) return;
    await onBatch(rows);
    const last = rows[rows.length - 1]!;
    after = { processedAt: last.processedAt, id: last.id };
    if (rows.length < batchSize) return;
  }
}
