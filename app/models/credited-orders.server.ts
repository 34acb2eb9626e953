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

/** Instants [from, to) the orders were processed in: a period of shop-zone days. */
export type InstantRange = { from: Date; to: Date };

const where = (shop: string, creatorId: string, within: InstantRange) => ({
  shop,
  creditedCreatorId: creatorId,
  test: false,
  cancelledAt: null,
  processedAt: { gte: within.from, lt: within.to },
});

/** One page of a creator's credited orders of a period, newest first, and how many there are in the period. */
export async function listCreditedOrders(
  shop: string,
  creatorId: string,
  within: InstantRange,
  page: { skip: number; take: number },
): Promise<{ rows: CreditedOrderRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.order.findMany({ where: where(shop, creatorId, within), orderBy: [{ processedAt: "desc" }, { id: "desc" }], skip: page.skip, take: page.take, select: SELECT }),
    db.order.count({ where: where(shop, creatorId, within) }),
  ]);
  return { rows, total };
}

export type CreditedOrderCursor = { processedAt: Date; id: string };

/** The next batch of a creator's credited orders of a period after a cursor (newest first), for streamed exports. */
export async function listCreditedOrdersAfter(
  shop: string,
  creatorId: string,
  within: InstantRange,
  after: CreditedOrderCursor | null,
  take: number,
): Promise<CreditedOrderRow[]> {
  return db.order.findMany({
    where: {
      ...where(shop, creatorId, within),
      ...(after ? { OR: [{ processedAt: { lt: after.processedAt } }, { processedAt: after.processedAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    take,
    select: SELECT,
  });
}

/** A creator's credited orders of a period by the customer's order number: first orders, later ones, guests (no customer). */
export async function countCreditedOrdersByCustomer(
  shop: string,
  creatorId: string,
  within: InstantRange,
): Promise<{ new: number; returning: number; guest: number }> {
  const groups = await db.order.groupBy({
    by: ["customerOrderIndex"],
    where: where(shop, creatorId, within),
    _count: { _all: true },
  });
  const out = { new: 0, returning: 0, guest: 0 };
  for (const g of groups) {
    const key = g.customerOrderIndex === null ? "guest" : g.customerOrderIndex === 1 ? "new" : "returning";
    out[key] += g._count._all;
  }
  return out;
}
