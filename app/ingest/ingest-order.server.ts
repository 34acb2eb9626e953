// Order ingestion: one order (or refund) applied in one transaction — the order row, its touches, its credit under
// the shop's model, the customer's history and the signed rollup deltas — so that whatever order webhooks, the
// backfill and the reconciliation arrive in, and however often, the rollups equal those of the latest state.
import { randomUUID } from "node:crypto";
import { toInstant, dayKey } from "../domain/dates";
import {
  ATTRIBUTION_MODELS,
  collectTouches,
  creditOrder,
  effectiveCredits,
  mainCredit,
  mergeRollupDeltas,
  orderRollupState,
  parseRollupState,
  refundDelta,
  type AttributionModel,
  type CreditOverride,
  type OrderRollupState,
  type RollupDelta,
  type Touch,
  type TouchKind,
} from "../domain/attribution";
import { orderCogs, priceLineItems, type NormalizedOrder, type NormalizedRefund, type OrderCogs } from "../domain/orders";
import { env } from "../env.server";
import { applyRollupDeltas } from "../models/daily-rollup.server";
import {
  findOrderAndCustomerOrders,
  findRefund,
  findStoredOrder,
  getOrCreateIngestSettings,
  getOrderRow,
  setOrderOverride,
  updateOrderDerived,
  listRefundsOfOrder,
  listTouchesOfOrders,
  markRefundsApplied,
  replaceTouches,
  upsertRefund,
  writeOrder,
  type IngestSettings,
  type StoredRefund,
} from "../models/ingested-order.server";
import { lockShopIngestion } from "../models/shop-ingestion-lock.server";
import { findUnitCosts } from "../models/variant-cost.server";
import { inTransaction, type Tx } from "../models/transaction.server";
import { buildAttributionContext } from "./attribution-context.server";
import { GUEST, planGuestState, planState, reclassifyCustomer, type CurrentOrder, type PlannedState } from "./customer-history.server";
import { IngestError } from "./errors";

export type IngestSource = "webhook" | "backfill" | "reconcile";

export type IngestOrderResult = {
  /** applied: stored and counted; stale: an older or equal shopifyUpdatedAt than the stored order (nothing changed but
   *  refunds the payload carried); ignored_test: a test order never stored, counts nowhere. */
  outcome: "applied" | "stale" | "ignored_test";
  /** Order row id; null when nothing was stored. */
  orderId: string | null;
  /** Creator mainly credited by the shop's model (before any staff override). */
  creditedCreatorId: string | null;
  /** Rollup rows changed by this call. */
  rollupRowsChanged: number;
};

export type IngestRefundResult = {
  /** applied: the order is stored and its state now includes the refund; pending_order: stored, waiting for its order;
   *  duplicate: already stored as is. */
  outcome: "applied" | "pending_order" | "duplicate";
  rollupRowsChanged: number;
};

/** The shop's model as a known one; anything else in the row is a setting error, not something to guess. */
export function shopModel(settings: Pick<IngestSettings, "attributionModel">): AttributionModel {
  const model = settings.attributionModel as AttributionModel;
  if (!ATTRIBUTION_MODELS.includes(model)) throw new IngestError(`Unknown attribution model "${settings.attributionModel}" in the shop settings`);
  return model;
}

function assertShopCurrency(settings: IngestSettings, currency: string | null, what: string): void {
  if (currency !== null && currency !== settings.currencyCode) {
    throw new IngestError(`${what} is in ${currency} but the shop's currency is ${settings.currencyCode}: amounts would not add up`);
  }
}

function utmJson(utm: NormalizedOrder["utm"] | null | undefined): string | null {
  if (!utm || Object.values(utm).every((value) => value === null)) return null;
  return JSON.stringify(utm);
}

/** Ids of new orders are chosen here, so that the customer's history can name the order before it is written. */
function newOrderId(): string {
  return `o_${randomUUID().replace(/-/g, "")}`;
}

/** Touch rows as stored back into domain touches. */
export function touchesFromRows(rows: readonly { creatorId: string; campaignId: string | null; kind: string; at: Date; evidence: string | null }[]): Touch[] {
  return rows.map((row) => ({ kind: row.kind as TouchKind, creatorId: row.creatorId, campaignId: row.campaignId, at: row.at.toISOString(), evidence: row.evidence }));
}

function rollupRefunds(refunds: readonly StoredRefund[]) {
  return refunds.map((refund) => ({ shopifyRefundId: refund.shopifyRefundId, processedAt: refund.processedAt.toISOString(), amountMinor: refund.amountMinor }));
}

async function applyDeltas(tx: Tx, shop: string, lists: RollupDelta[][]): Promise<number> {
  const merged = mergeRollupDeltas(...lists);
  await applyRollupDeltas(tx, shop, merged);
  return merged.length;
}

/**
 * The order's cost of goods, its lines priced with the variants' unit costs known now. An order read without its
 * lines (reconciliation lists orders without line items) keeps the cost of goods priced from its lines before.
 */
async function orderCostOfGoods(
  tx: Tx,
  shop: string,
  order: NormalizedOrder,
  existing: { cogsMinor: number; cogsCoveredMinor: number } | null,
  hasUnitCosts: boolean,
): Promise<OrderCogs> {
  if (order.lineItems.length === 0 && existing) {
    return { cogsMinor: Number(existing.cogsMinor), cogsCoveredMinor: Number(existing.cogsCoveredMinor) };
  }
  if (!hasUnitCosts) return orderCogs(order.lineItems);
  const variantIds = order.lineItems.flatMap((line) => (line.variantId !== null && (line.unitCostMinor ?? null) === null ? [line.variantId] : []));
  const costs = variantIds.length > 0 ? await findUnitCosts(tx, shop, variantIds) : new Map<string, number | null>();
  return orderCogs(priceLineItems(order.lineItems, costs));
}

/** Settings, created on the first webhook of a shop not seen in the admin yet. */
export async function ingestSettings(tx: Tx, shop: string, currencyHint: string | null): Promise<IngestSettings> {
  // Every unit of ingestion starts here: on PostgreSQL it first waits for the shop's other ingestion to commit.
  await lockShopIngestion(tx, shop);
  return getOrCreateIngestSettings(tx, shop, currencyHint);
}

/**
 * Ingests one order inside the caller's transaction (see ingestOrder). The webhook inbox uses it to store the event
 * and the order in the same transaction.
 */
export async function ingestOrderIn(
  tx: Tx,
  shop: string,
  order: NormalizedOrder,
  _opts: { source?: IngestSource } = {},
): Promise<IngestOrderResult> {
  const settings = await ingestSettings(tx, shop, order.currency);
  assertShopCurrency(settings, order.currency, `Order ${order.name}`);
  const model = shopModel(settings);
  const { existing, customerOrders } = await findOrderAndCustomerOrders(tx, shop, order.shopifyOrderId, order.customerId);

  if (existing && toInstant(order.shopifyUpdatedAt).getTime() <= existing.shopifyUpdatedAt.getTime()) {
    // An older or equal version never overwrites the stored one; the refunds it lists are still facts.
    let changed = 0;
    for (const refund of order.refunds) changed += (await ingestRefundIn(tx, shop, refund, settings)).rollupRowsChanged;
    return { outcome: "stale", orderId: existing.id, creditedCreatorId: null, rollupRowsChanged: changed };
  }
  if (!existing && order.test) return { outcome: "ignored_test", orderId: null, creditedCreatorId: null, rollupRowsChanged: 0 };

  const ctx = await buildAttributionContext(tx, shop, order, settings, env.CLICK_HASH_SALT);
  const touches = collectTouches(order, ctx);
  const credit = creditOrder(touches, model, order.processedAt, settings.attributionWindowDays);
  const override: CreditOverride | null = existing?.overrideCreatorId
    ? { creatorId: existing.overrideCreatorId, campaignId: existing.overrideCampaignId }
    : null;
  const credits = effectiveCredits(credit.credits, override, touches);
  const modelMain = mainCredit(credit.credits.filter((c) => c.role === "credited"));

  // Refunds: those stored before (a refund may arrive before its order) and those the payload lists.
  const storedRefunds = await listRefundsOfOrder(tx, shop, order.shopifyOrderId);
  const refunds = new Map(storedRefunds.map((refund) => [refund.shopifyRefundId, refund]));
  for (const refund of order.refunds) {
    assertShopCurrency(settings, refund.currency, `Refund ${refund.shopifyRefundId}`);
    const processedAt = toInstant(refund.processedAt);
    const stored = refunds.get(refund.shopifyRefundId);
    if (stored && stored.amountMinor === refund.amountMinor && stored.processedAt.getTime() === processedAt.getTime()) continue;
    const row = { shopifyRefundId: refund.shopifyRefundId, shopifyOrderId: order.shopifyOrderId, processedAt, amountMinor: refund.amountMinor };
    await upsertRefund(tx, shop, row, true);
    refunds.set(refund.shopifyRefundId, { ...row, applied: true });
  }
  if (storedRefunds.some((refund) => !refund.applied)) await markRefundsApplied(tx, shop, order.shopifyOrderId);
  const allRefunds = [...refunds.values()];
  const cogs = await orderCostOfGoods(tx, shop, order, existing, settings.hasUnitCosts);

  const orderId = existing?.id ?? newOrderId();
  const utm = utmJson(order.utm);
  const processedAt = toInstant(order.processedAt);
  const current: CurrentOrder = {
    id: orderId,
    shopifyOrderId: order.shopifyOrderId,
    processedAt,
    utm,
    referrer: order.referrer,
    base: orderRollupState(order, { timeZone: settings.ianaTimezone, credits, customer: GUEST, refunds: rollupRefunds(allRefunds), cogs }),
    previous: existing?.rollupState ?? null,
    previousIndex: existing?.customerOrderIndex ?? null,
  };
  const deltas: RollupDelta[][] = [];
  let planned: PlannedState;
  if (order.customerId) {
    const result = await reclassifyCustomer(tx, shop, order.customerId, current, { rows: customerOrders });
    planned = result.current!;
    deltas.push(result.deltas);
  } else {
    planned = planGuestState(current);
    deltas.push(planned.deltas);
  }
  if (existing?.customerId && existing.customerId !== order.customerId) {
    deltas.push((await reclassifyCustomer(tx, shop, existing.customerId, null, { excludeIds: [orderId] })).deltas);
  }

  await writeOrder(tx, shop, { id: orderId, isNew: existing === null }, {
    shopifyOrderId: order.shopifyOrderId,
    name: order.name,
    processedAt,
    shopifyUpdatedAt: toInstant(order.shopifyUpdatedAt),
    customerId: order.customerId,
    currency: order.currency,
    presentmentCurrency: order.presentmentCurrency,
    grossMinor: order.grossMinor,
    discountsMinor: order.discountsMinor,
    shippingMinor: order.shippingMinor,
    taxesMinor: order.taxesMinor,
    refundsMinor: allRefunds.reduce((sum, refund) => sum + refund.amountMinor, 0),
    cogsMinor: cogs.cogsMinor,
    cogsCoveredMinor: cogs.cogsCoveredMinor,
    cancelledAt: order.cancelledAt ? toInstant(order.cancelledAt) : null,
    test: order.test,
    codes: JSON.stringify(order.codes),
    landingUrl: order.landingUrl,
    referrer: order.referrer,
    sourceName: order.sourceName,
    utm,
    journeyFirstUtm: utmJson(order.journey?.first?.utm),
    journeyLastUtm: utmJson(order.journey?.last?.utm),
    creditedCreatorId: modelMain?.creatorId ?? null,
    creditedCampaignId: modelMain?.campaignId ?? null,
    attribution: JSON.stringify(credit.explanation),
    rollupState: planned.text,
    customerOrderIndex: planned.index,
  });
  await replaceTouches(
    tx,
    shop,
    orderId,
    touches.map((touch) => ({ creatorId: touch.creatorId, campaignId: touch.campaignId, kind: touch.kind, at: toInstant(touch.at), evidence: touch.evidence })),
    existing !== null,
  );
  return { outcome: "applied", orderId, creditedCreatorId: modelMain?.creatorId ?? null, rollupRowsChanged: await applyDeltas(tx, shop, deltas) };
}

/**
 * Ingests one order in one transaction: upserts it (an older or equal Shopify updated_at never overwrites a newer
 * one), ignores test orders, removes cancelled ones from the metrics, records its touches, credits it with the shop's
 * model and window (a staff override always wins and survives updates), classifies the customer's orders (first
 * order acquired by its creator, later ones repeat purchases in that cohort) and applies the exact rollup deltas.
 */
export async function ingestOrder(shop: string, order: NormalizedOrder, opts: { source?: IngestSource } = {}): Promise<IngestOrderResult> {
  return inTransaction((tx) => ingestOrderIn(tx, shop, order, opts));
}

/** Ingests one refund inside the caller's transaction (see ingestRefund). */
export async function ingestRefundIn(tx: Tx, shop: string, refund: NormalizedRefund, knownSettings?: IngestSettings): Promise<IngestRefundResult> {
  const settings = knownSettings ?? (await ingestSettings(tx, shop, refund.currency));
  assertShopCurrency(settings, refund.currency, `Refund ${refund.shopifyRefundId}`);
  const processedAt = toInstant(refund.processedAt);
  const stored = await findRefund(tx, shop, refund.shopifyRefundId);
  if (
    stored &&
    stored.amountMinor === refund.amountMinor &&
    stored.processedAt.getTime() === processedAt.getTime() &&
    stored.shopifyOrderId === refund.shopifyOrderId
  ) {
    return { outcome: "duplicate", rollupRowsChanged: 0 };
  }
  const order = await findStoredOrder(tx, shop, refund.shopifyOrderId);
  await upsertRefund(tx, shop, { shopifyRefundId: refund.shopifyRefundId, shopifyOrderId: refund.shopifyOrderId, processedAt, amountMinor: refund.amountMinor }, order !== null);
  if (!order) return { outcome: "pending_order", rollupRowsChanged: 0 };

  const refunds = await listRefundsOfOrder(tx, shop, refund.shopifyOrderId);
  const previousState = parseRollupState(order.rollupState);
  const next: OrderRollupState | null = previousState
    ? refundDelta(previousState, { shopifyRefundId: refund.shopifyRefundId, day: dayKey(processedAt, settings.ianaTimezone), amountMinor: refund.amountMinor }).next
    : null;
  const plan = planState(order.rollupState, order.customerOrderIndex, next, order.customerOrderIndex);
  await updateOrderDerived(tx, order.id, { rollupState: plan.text, refundsMinor: refunds.reduce((sum, r) => sum + r.amountMinor, 0) });
  return { outcome: "applied", rollupRowsChanged: await applyDeltas(tx, shop, [plan.deltas]) };
}

/**
 * Ingests one refund in one transaction, once per Shopify refund id: it reduces net sales on the refund's own day
 * (shop time zone). A refund that arrives before its order is stored and applied when the order arrives.
 */
export async function ingestRefund(shop: string, refund: NormalizedRefund): Promise<IngestRefundResult> {
  return inTransaction((tx) => ingestRefundIn(tx, shop, refund));
}

/**
 * Credits a stored order again from its stored touches, under the shop's current model and window and its staff
 * override, and applies the rollup deltas (with the customer's history). Returns null when the order is unknown.
 */
export async function recreditStoredOrderIn(tx: Tx, shop: string, shopifyOrderId: string): Promise<{ orderId: string; rollupRowsChanged: number } | null> {
  const order = await getOrderRow(tx, shop, shopifyOrderId);
  if (!order) return null;
  const settings = await ingestSettings(tx, shop, order.currency);
  const model = shopModel(settings);
  const touches = touchesFromRows(await listTouchesOfOrders(tx, shop, [order.id]));
  const processedAt = order.processedAt.toISOString();
  const credit = creditOrder(touches, model, processedAt, settings.attributionWindowDays);
  const override = order.overrideCreatorId ? { creatorId: order.overrideCreatorId, campaignId: order.overrideCampaignId } : null;
  const credits = effectiveCredits(credit.credits, override, touches);
  const modelMain = mainCredit(credit.credits.filter((c) => c.role === "credited"));
  const refunds = await listRefundsOfOrder(tx, shop, shopifyOrderId);
  const base = orderRollupState(
    { processedAt, grossMinor: order.grossMinor, discountsMinor: order.discountsMinor, cancelled: order.cancelledAt !== null, test: order.test },
    { timeZone: settings.ianaTimezone, credits, customer: GUEST, refunds: rollupRefunds(refunds), cogs: { cogsMinor: order.cogsMinor, cogsCoveredMinor: order.cogsCoveredMinor } },
  );
  const current: CurrentOrder = {
    id: order.id,
    shopifyOrderId: order.shopifyOrderId,
    processedAt: order.processedAt,
    utm: order.utm,
    referrer: order.referrer,
    base,
    previous: order.rollupState,
    previousIndex: order.customerOrderIndex,
  };
  const result = order.customerId ? await reclassifyCustomer(tx, shop, order.customerId, current) : null;
  const planned = result ? result.current! : planGuestState(current);
  await updateOrderDerived(tx, order.id, {
    creditedCreatorId: modelMain?.creatorId ?? null,
    creditedCampaignId: modelMain?.campaignId ?? null,
    attribution: JSON.stringify(credit.explanation),
    rollupState: planned.text,
    customerOrderIndex: planned.index,
  });
  return { orderId: order.id, rollupRowsChanged: await applyDeltas(tx, shop, [result ? result.deltas : planned.deltas]) };
}

/** Credits a stored order again (after staff changed its override): see recreditStoredOrderIn. */
export async function reattributeOrder(shop: string, shopifyOrderId: string): Promise<{ orderId: string; rollupRowsChanged: number } | null> {
  return inTransaction((tx) => recreditStoredOrderIn(tx, shop, shopifyOrderId));
}

/**
 * Staff reassign an order to a creator (or clear the reassignment with null): the override is stored with who did it
 * and when, and the order's credit and the rollups follow, in one transaction. Returns null when the order is unknown.
 */
export async function applyOrderOverride(
  shop: string,
  shopifyOrderId: string,
  override: CreditOverride | null,
  by: string | null,
  now: Date = new Date(),
): Promise<{ orderId: string; rollupRowsChanged: number } | null> {
  return inTransaction(async (tx) => {
    if (!(await setOrderOverride(tx, shop, shopifyOrderId, override, by, now))) return null;
    return recreditStoredOrderIn(tx, shop, shopifyOrderId);
  });
}
