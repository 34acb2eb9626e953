// Persistence of ingested orders, their touches, refunds and customers. Every function runs inside the caller's
// transaction (ingestion applies an order and its rollup deltas as one unit of work); `shop` scopes every query.
// The functions on a webhook's path are plain SQL (see raw-rows.server.ts: the query builder cost four times more);
// the rebuild and staff paths keep the query builder.
import { columnList, insertRows, newRowId, updateRowById, type SqlValue } from "./raw-rows.server";
import type { Tx } from "./transaction.server";

/** Shop settings ingestion depends on. */
export type IngestSettings = {
  currencyCode: string;
  ianaTimezone: string;
  attributionModel: string;
  attributionWindowDays: number;
  /** Whether any variant of the shop has a unit cost row: a shop without costs skips the lookup per order. */
  hasUnitCosts: boolean;
};

/**
 * The shop's settings; a shop seen first through a webhook (before any admin visit) is created with the currency
 * the order states and the defaults, and completed by the first admin visit.
 */
export async function getOrCreateIngestSettings(tx: Tx, shop: string, currencyHint: string | null): Promise<IngestSettings> {
  // The unit cost check rides on this read (one step into the VariantCost key) instead of a statement of its own.
  const [found] = await tx.$queryRaw<(Omit<IngestSettings, "hasUnitCosts"> & { hasUnitCosts: unknown })[]>`
    SELECT "currencyCode", "ianaTimezone", "attributionModel", "attributionWindowDays",
      EXISTS (SELECT 1 FROM "VariantCost" WHERE "VariantCost"."shop" = ${shop}) AS "hasUnitCosts"
    FROM "Shop" WHERE "shop" = ${shop}`;
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  if (found) return { ...found, hasUnitCosts: found.hasUnitCosts === true || Number(found.hasUnitCosts) === 1 };
  const select = { currencyCode: true, ianaTimezone: true, attributionModel: true, attributionWindowDays: true } as const;
  const created = await tx.shop.create({ data: { shop, ...(currencyHint ? { currencyCode: currencyHint } : {}) }, select });
  return { ...created, hasUnitCosts: false };
}

/** What ingestion reads of an order it stored before. */
export type StoredOrder = {
  id: string;
  shopifyOrderId: string;
  shopifyUpdatedAt: Date;
  processedAt: Date;
  customerId: string | null;
  test: boolean;
  cancelledAt: Date | null;
  rollupState: string | null;
  customerOrderIndex: number | null;
  overrideCreatorId: string | null;
  overrideCampaignId: string | null;
  utm: string | null;
  referrer: string | null;
  /** Cost of goods priced when the order was last ingested with its lines (see orderCogs). */
  cogsMinor: number;
  cogsCoveredMinor: number;
};

const STORED_ORDER_COLUMNS = columnList([
  "id",
  "shopifyOrderId",
  "shopifyUpdatedAt",
  "processedAt",
  "customerId",
  "test",
  "cancelledAt",
  "rollupState",
  "customerOrderIndex",
  "overrideCreatorId",
  "overrideCampaignId",
  "utm",
  "referrer",
  "cogsMinor",
  "cogsCoveredMinor",
]);

export async function findStoredOrder(tx: Tx, shop: string, shopifyOrderId: string): Promise<StoredOrder | null> {
  const [row] = await tx.$queryRaw<StoredOrder[]>`
    SELECT ${STORED_ORDER_COLUMNS} FROM "Order" WHERE "shop" = ${shop} AND "shopifyOrderId" = ${shopifyOrderId}`;
  return row ?? null;
}

/** The stored order (by GID) and every order of the customer it now belongs to. */
export async function findOrderAndCustomerOrders(
  tx: Tx,
  shop: string,
  shopifyOrderId: string,
  customerId: string | null,
): Promise<{ existing: StoredOrder | null; customerOrders: StoredOrder[] }> {
  // Two indexed reads: SQLite answers "shopifyOrderId = ? OR customerId = ?" by scanning the shop's orders.
  const existing = await findStoredOrder(tx, shop, shopifyOrderId);
  if (!customerId) return { existing, customerOrders: [] };
  return { existing, customerOrders: await listOrdersOfCustomer(tx, shop, customerId) };
}

/** The order columns ingestion writes (never the override columns: those belong to staff). */
export type OrderWrite = {
  shopifyOrderId: string;
  name: string;
  processedAt: Date;
  shopifyUpdatedAt: Date;
  customerId: string | null;
  currency: string;
  presentmentCurrency: string;
  grossMinor: number;
  discountsMinor: number;
  shippingMinor: number;
  taxesMinor: number;
  refundsMinor: number;
  cogsMinor: number;
  cogsCoveredMinor: number;
  cancelledAt: Date | null;
  test: boolean;
  codes: string;
  landingUrl: string | null;
  referrer: string | null;
  sourceName: string | null;
  utm: string | null;
  journeyFirstUtm: string | null;
  journeyLastUtm: string | null;
  creditedCreatorId: string | null;
  creditedCampaignId: string | null;
  attribution: string | null;
  rollupState: string | null;
  customerOrderIndex: number | null;
};

/** Inserts a new order under the given id, or overwrites the columns of the stored one. */
export async function writeOrder(tx: Tx, shop: string, order: { id: string; isNew: boolean }, data: OrderWrite, now: Date = new Date()): Promise<void> {
  if (order.isNew) await insertRows(tx, "Order", [{ id: order.id, shop, ...data, createdAt: now, updatedAt: now }]);
  else await updateRowById(tx, "Order", order.id, { ...data, updatedAt: now });
}

export type TouchWrite = { creatorId: string; campaignId: string | null; kind: string; at: Date; evidence: string | null };

/** Replaces the order's touches with the given ones. */
export async function replaceTouches(tx: Tx, shop: string, orderId: string, touches: readonly TouchWrite[], hadTouches: boolean): Promise<void> {
  if (hadTouches) await tx.$executeRaw`DELETE FROM "Touch" WHERE "shop" = ${shop} AND "orderId" = ${orderId}`;
  await insertRows(tx, "Touch", touches.map((touch) => ({ id: newRowId("t"), shop, orderId, ...touch })));
}

export type StoredTouch = { orderId: string; creatorId: string; campaignId: string | null; kind: string; at: Date; evidence: string | null };

/** Touches of the given orders of the shop. */
export async function listTouchesOfOrders(tx: Tx, shop: string, orderIds: readonly string[]): Promise<StoredTouch[]> {
  if (orderIds.length === 0) return [];
  return tx.touch.findMany({
    where: { shop, orderId: { in: [...orderIds] } },
    select: { orderId: true, creatorId: true, campaignId: true, kind: true, at: true, evidence: true },
  });
}

/** What ingestion derived for an order after applying its rollup deltas (only the given fields change). */
export async function updateOrderDerived(
  tx: Tx,
  orderId: string,
  data: { rollupState?: string | null; customerOrderIndex?: number | null; refundsMinor?: number; creditedCreatorId?: string | null; creditedCampaignId?: string | null; attribution?: string | null },
  now: Date = new Date(),
): Promise<void> {
  const values: Record<string, SqlValue> = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) values[name] = value;
  await updateRowById(tx, "Order", orderId, { ...values, updatedAt: now });
}

export type RefundWrite = { shopifyRefundId: string; shopifyOrderId: string; processedAt: Date; amountMinor: number };
export type StoredRefund = RefundWrite & { applied: boolean };

const REFUND_COLUMNS = columnList(["shopifyRefundId", "shopifyOrderId", "processedAt", "amountMinor", "applied"]);

export async function findRefund(tx: Tx, shop: string, shopifyRefundId: string): Promise<StoredRefund | null> {
  const [row] = await tx.$queryRaw<StoredRefund[]>`
    SELECT ${REFUND_COLUMNS} FROM "Refund" WHERE "shop" = ${shop} AND "shopifyRefundId" = ${shopifyRefundId}`;
  return row ?? null;
}

/** Stores a refund once per Shopify id (a changed amount or date replaces the stored one). */
export async function upsertRefund(tx: Tx, shop: string, refund: RefundWrite, applied: boolean, now: Date = new Date()): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Refund" ("id", "shop", "shopifyRefundId", "shopifyOrderId", "processedAt", "amountMinor", "applied", "createdAt")
    VALUES (${newRowId("r")}, ${shop}, ${refund.shopifyRefundId}, ${refund.shopifyOrderId}, ${refund.processedAt}, ${refund.amountMinor}, ${applied}, ${now})
    ON CONFLICT ("shop", "shopifyRefundId") DO UPDATE SET
      "shopifyOrderId" = excluded."shopifyOrderId", "processedAt" = excluded."processedAt",
      "amountMinor" = excluded."amountMinor", "applied" = excluded."applied"`;
}

/** Every stored refund of an order (including those that arrived before it). */
export async function listRefundsOfOrder(tx: Tx, shop: string, shopifyOrderId: string): Promise<StoredRefund[]> {
  return tx.$queryRaw<StoredRefund[]>`
    SELECT ${REFUND_COLUMNS} FROM "Refund" WHERE "shop" = ${shop} AND "shopifyOrderId" = ${shopifyOrderId}`;
}

/** Refunds that waited for their order are now matched with it. */
export async function markRefundsApplied(tx: Tx, shop: string, shopifyOrderId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Refund" SET "applied" = ${true} WHERE "shop" = ${shop} AND "shopifyOrderId" = ${shopifyOrderId} AND "applied" = ${false}`;
}

/** An order of a customer, as the customer's history needs it. */
export type CustomerOrderRow = StoredOrder;

export async function listOrdersOfCustomer(tx: Tx, shop: string, customerId: string): Promise<CustomerOrderRow[]> {
  return tx.$queryRaw<StoredOrder[]>`SELECT ${STORED_ORDER_COLUMNS} FROM "Order" WHERE "shop" = ${shop} AND "customerId" = ${customerId}`;
}

export type CustomerWrite = {
  firstOrderAt: Date;
  firstOrderId: string;
  acquiringCreatorId: string | null;
  acquiringCampaignId: string | null;
  acquisitionChannel: string;
};

/** Records who acquired the customer; a customer with no counted order left (null) loses its row. */
export async function saveCustomer(tx: Tx, shop: string, shopifyCustomerId: string, customer: CustomerWrite | null, now: Date = new Date()): Promise<void> {
  if (customer === null) {
    await tx.$executeRaw`DELETE FROM "Customer" WHERE "shop" = ${shop} AND "shopifyCustomerId" = ${shopifyCustomerId}`;
    return;
  }
  await tx.$executeRaw`
    INSERT INTO "Customer" ("id", "shop", "shopifyCustomerId", "firstOrderAt", "firstOrderId", "acquiringCreatorId", "acquiringCampaignId", "acquisitionChannel", "createdAt", "updatedAt")
    VALUES (${newRowId("c")}, ${shop}, ${shopifyCustomerId}, ${customer.firstOrderAt}, ${customer.firstOrderId}, ${customer.acquiringCreatorId},
            ${customer.acquiringCampaignId}, ${customer.acquisitionChannel}, ${now}, ${now})
    ON CONFLICT ("shop", "shopifyCustomerId") DO UPDATE SET
      "firstOrderAt" = excluded."firstOrderAt", "firstOrderId" = excluded."firstOrderId",
      "acquiringCreatorId" = excluded."acquiringCreatorId", "acquiringCampaignId" = excluded."acquiringCampaignId",
      "acquisitionChannel" = excluded."acquisitionChannel", "updatedAt" = excluded."updatedAt"`;
}

export type StoredCustomer = Omit<CustomerWrite, "firstOrderId"> & { firstOrderId: string | null };

/** The whole stored order row (for crediting it again from its stored touches). */
export async function getOrderRow(tx: Tx, shop: string, shopifyOrderId: string) {
  return tx.order.findUnique({ where: { shop_shopifyOrderId: { shop, shopifyOrderId } } });
}

/** Writes (or clears, with creatorId null) a staff reassignment of an order; false when the shop has no such order. */
export async function setOrderOverride(
  tx: Tx,
  shop: string,
  shopifyOrderId: string,
  override: { creatorId: string; campaignId: string | null } | null,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { shop, shopifyOrderId },
    data: {
      overrideCreatorId: override?.creatorId ?? null,
      overrideCampaignId: override?.campaignId ?? null,
      overrideBy: by,
      overrideAt: at,
    },
  });
  return count === 1;
}

/** Every order of the shop with what a rebuild of the rollups reads. */
export async function listShopOrdersForRebuild(tx: Tx, shop: string) {
  return tx.order.findMany({
    where: { shop },
    select: {
      id: true,
      shopifyOrderId: true,
      processedAt: true,
      customerId: true,
      grossMinor: true,
      discountsMinor: true,
      cogsMinor: true,
      cogsCoveredMinor: true,
      cancelledAt: true,
      test: true,
      utm: true,
      referrer: true,
      overrideCreatorId: true,
      overrideCampaignId: true,
      creditedCreatorId: true,
      creditedCampaignId: true,
      attribution: true,
      rollupState: true,
      customerOrderIndex: true,
    },
  });
}

/** Every touch of the shop. */
export async function listShopTouches(tx: Tx, shop: string): Promise<StoredTouch[]> {
  return tx.touch.findMany({ where: { shop }, select: { orderId: true, creatorId: true, campaignId: true, kind: true, at: true, evidence: true } });
}

/** Every refund of the shop. */
export async function listShopRefunds(tx: Tx, shop: string): Promise<StoredRefund[]> {
  return tx.refund.findMany({ where: { shop }, select: { shopifyRefundId: true, shopifyOrderId: true, processedAt: true, amountMinor: true, applied: true } });
}

/** Every customer row of the shop. */
export async function listShopCustomers(tx: Tx, shop: string): Promise<(StoredCustomer & { shopifyCustomerId: string })[]> {
  return tx.customer.findMany({
    where: { shop },
    select: { shopifyCustomerId: true, firstOrderAt: true, firstOrderId: true, acquiringCreatorId: true, acquiringCampaignId: true, acquisitionChannel: true },
  });
}

/** Refunds are applied exactly when their order is stored. */
export async function setRefundsApplied(tx: Tx, shop: string, shopifyOrderIds: readonly string[], applied: boolean): Promise<void> {
  const chunk = 500;
  for (let i = 0; i < shopifyOrderIds.length; i += chunk) {
    await tx.refund.updateMany({ where: { shop, shopifyOrderId: { in: shopifyOrderIds.slice(i, i + chunk) }, applied: !applied }, data: { applied } });
  }
}
