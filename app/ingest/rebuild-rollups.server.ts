// Rebuilds a shop's rollups from what is stored — orders, touches, refunds and clicks — under the shop's current
// model and window, without re-reading anything from Shopify. Run when staff switch the model (job
// "rebuild-rollups"), and the reference the consistency checks compare the incrementally kept rollups with.
import { dayKey } from "../domain/dates";
import {
  classifyCustomerHistory,
  creditOrder,
  effectiveCredits,
  mainCredit,
  mergeRollupDeltas,
  orderRollupContributions,
  orderRollupState,
  serializeRollupState,
  type OrderRollupState,
  type RollupDelta,
} from "../domain/attribution";
import { enqueueJobUnlessPending } from "../jobs/job-queue.server";
import { emptyTotals } from "../queries/rollup-totals";
import { listShopClickInstants, listShopRollups, replaceShopRollups, type DailyRollupRow } from "../models/daily-rollup.server";
import {
  getOrCreateIngestSettings,
  listShopCustomers,
  listShopOrdersForRebuild,
  listShopRefunds,
  listShopTouches,
  saveCustomer,
  setRefundsApplied,
  updateOrderDerived,
  type CustomerWrite,
  type StoredRefund,
  type StoredTouch,
} from "../models/ingested-order.server";
import { inTransaction, type Tx } from "../models/transaction.server";
import { GUEST, utmChannel } from "./customer-history.server";
import { shopModel, touchesFromRows } from "./ingest-order.server";
import { lockShopIngestion } from "../models/shop-ingestion-lock.server";

export const REBUILD_ROLLUPS_JOB = "rebuild-rollups";

type OrderOutcome = {
  id: string;
  state: OrderRollupState | null;
  rollupState: string | null;
  customerOrderIndex: number | null;
  creditedCreatorId: string | null;
  creditedCampaignId: string | null;
  attribution: string;
};

export type ShopRollupComputation = {
  rows: DailyRollupRow[];
  orders: OrderOutcome[];
  customers: Map<string, CustomerWrite | null>;
  orderIdsWithRefunds: string[];
};

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const rowKey = (creatorId: string, campaignId: string, day: string) => `${creatorId}\u0000${campaignId}\u0000${day}`;

/** The shop's rollups, order states and customers recomputed from stored orders, touches, refunds and clicks. */
export async function computeShopRollups(tx: Tx, shop: string): Promise<ShopRollupComputation> {
  const settings = await getOrCreateIngestSettings(tx, shop, null);
  const model = shopModel(settings);
  const [orders, touchRows, refundRows, clicks] = [
    await listShopOrdersForRebuild(tx, shop),
    await listShopTouches(tx, shop),
    await listShopRefunds(tx, shop),
    await listShopClickInstants(tx, shop),
  ];
  const storedOrderGids = new Set(orders.map((order) => order.shopifyOrderId));
  const touchesByOrder = groupBy<StoredTouch, string>(touchRows, (touch) => touch.orderId);
  const refundsByOrder = groupBy<StoredRefund, string>(refundRows, (refund) => refund.shopifyOrderId);

  const computed = orders.map((order) => {
    const touches = touchesFromRows(touchesByOrder.get(order.id) ?? []);
    const processedAt = order.processedAt.toISOString();
    const credit = creditOrder(touches, model, processedAt, settings.attributionWindowDays);
    const override = order.overrideCreatorId ? { creatorId: order.overrideCreatorId, campaignId: order.overrideCampaignId } : null;
    const credits = effectiveCredits(credit.credits, override, touches);
    const modelMain = mainCredit(credit.credits.filter((c) => c.role === "credited"));
    const refunds = (refundsByOrder.get(order.shopifyOrderId) ?? []).map((r) => ({
      shopifyRefundId: r.shopifyRefundId,
      processedAt: r.processedAt.toISOString(),
      amountMinor: r.amountMinor,
    }));
    const base = orderRollupState(
      { processedAt, grossMinor: order.grossMinor, discountsMinor: order.discountsMinor, cancelled: order.cancelledAt !== null, test: order.test },
      { timeZone: settings.ianaTimezone, credits, customer: GUEST, refunds, cogs: { cogsMinor: order.cogsMinor, cogsCoveredMinor: order.cogsCoveredMinor } },
    );
    return { order, base, modelMain, attribution: JSON.stringify(credit.explanation), state: base as OrderRollupState | null, index: null as number | null };
  });

  const customers = new Map<string, CustomerWrite | null>();
  for (const [customerId, group] of groupBy(computed, (c) => c.order.customerId)) {
    if (customerId === null) {
      for (const c of group) c.state = c.base && { ...c.base, customer: GUEST };
      continue;
    }
    const history = classifyCustomerHistory(
      group
        .filter((c) => c.base !== null)
        .map((c) => ({ key: c.order.shopifyOrderId, processedAt: c.order.processedAt, main: mainCredit(c.base!.credits), referrer: c.order.referrer, ...utmChannel(c.order.utm) })),
    );
    for (const c of group) {
      const customer = history.classes.get(c.order.shopifyOrderId);
      c.state = c.base && customer ? { ...c.base, customer } : null;
      c.index = history.indexes.get(c.order.shopifyOrderId) ?? null;
    }
    const acquisition = history.acquisition;
    const first = acquisition ? group.find((c) => c.order.shopifyOrderId === acquisition.firstOrderKey) : undefined;
    customers.set(
      customerId,
      acquisition && first
        ? {
            firstOrderAt: new Date(acquisition.firstOrderAt),
            firstOrderId: first.order.id,
            acquiringCreatorId: acquisition.acquiringCreatorId,
            acquiringCampaignId: acquisition.acquiringCampaignId,
            acquisitionChannel: acquisition.acquisitionChannel,
          }
        : null,
    );
  }

  const sales: RollupDelta[] = mergeRollupDeltas(...computed.map((c) => orderRollupContributions(c.state)));
  const rows = new Map<string, DailyRollupRow>();
  for (const delta of sales) {
    const row: DailyRollupRow = { ...delta, creatorId: delta.creatorId ?? "", campaignId: delta.campaignId ?? "", clicks: 0 };
    rows.set(rowKey(row.creatorId, row.campaignId, row.day), row);
  }
  for (const click of clicks) {
    const day = dayKey(click.at, settings.ianaTimezone);
    const k = rowKey(click.creatorId, click.campaignId, day);
    const row = rows.get(k) ?? { ...emptyRow(click.creatorId, click.campaignId, day) };
    row.clicks += 1;
    rows.set(k, row);
  }

  return {
    rows: [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.creatorId.localeCompare(b.creatorId) || a.campaignId.localeCompare(b.campaignId)),
    orders: computed.map((c) => ({
      id: c.order.id,
      state: c.state,
      rollupState: serializeRollupState(c.state),
      customerOrderIndex: c.index,
      creditedCreatorId: c.modelMain?.creatorId ?? null,
      creditedCampaignId: c.modelMain?.campaignId ?? null,
      attribution: c.attribution,
    })),
    customers,
    orderIdsWithRefunds: [...refundsByOrder.keys()].filter((id) => storedOrderGids.has(id)),
  };
}

function emptyRow(creatorId: string, campaignId: string, day: string): DailyRollupRow {
  return { creatorId, campaignId, day, ...emptyTotals() };
}

const METRIC_KEYS = Object.keys(emptyRow("", "", "")).filter((k) => !["creatorId", "campaignId", "day"].includes(k)) as (keyof DailyRollupRow)[];

/** Rows whose every metric is 0 carry nothing (a cancelled order's row after its removal). */
function isEmptyRow(row: DailyRollupRow): boolean {
  return METRIC_KEYS.every((key) => row[key] === 0);
}

export type RollupDifference = { creatorId: string; campaignId: string; day: string; stored: DailyRollupRow | null; recomputed: DailyRollupRow | null };

/** Compares the stored rollups with a recomputation from raw orders; an empty list means they agree to the cent. */
export async function checkShopRollups(shop: string): Promise<RollupDifference[]> {
  return inTransaction(
    async (tx) => {
      await lockShopIngestion(tx, shop);
      const recomputed = (await computeShopRollups(tx, shop)).rows;
      const stored = (await listShopRollups(tx, shop)).filter((row) => !isEmptyRow(row));
      const byKey = new Map<string, { stored: DailyRollupRow | null; recomputed: DailyRollupRow | null }>();
      for (const row of stored) byKey.set(rowKey(row.creatorId, row.campaignId, row.day), { stored: row, recomputed: null });
      for (const row of recomputed) {
        const k = rowKey(row.creatorId, row.campaignId, row.day);
        byKey.set(k, { stored: byKey.get(k)?.stored ?? null, recomputed: row });
      }
      const differences: RollupDifference[] = [];
      for (const { stored: s, recomputed: r } of byKey.values()) {
        const same = s !== null && r !== null && METRIC_KEYS.every((key) => s[key] === r[key]);
        if (!same) {
          const ref = (s ?? r)!;
          differences.push({ creatorId: ref.creatorId, campaignId: ref.campaignId, day: ref.day, stored: s, recomputed: r });
        }
      }
      return differences;
    },
    { timeoutMs: 120_000, maxWaitMs: 30_000 },
  );
}

/**
 * Recomputes the shop's DailyRollup from its orders, touches, refunds and clicks under the current settings, with the
 * orders' credit and states and the customers' acquisition, in one transaction (ingestion waits meanwhile, so that
 * no delta is applied to rollups being replaced).
 */
export async function rebuildRollups(shop: string): Promise<{ orders: number; rows: number; ordersChanged: number }> {
  return inTransaction(
    async (tx) => {
      // On PostgreSQL ingestion runs beside the rebuild unless it holds the shop's ingestion lock.
      await lockShopIngestion(tx, shop);
      const result = await computeShopRollups(tx, shop);
      const before = new Map((await listShopOrdersForRebuild(tx, shop)).map((o) => [o.id, o]));
      let ordersChanged = 0;
      for (const order of result.orders) {
        const stored = before.get(order.id);
        if (
          stored &&
          stored.rollupState === order.rollupState &&
          stored.customerOrderIndex === order.customerOrderIndex &&
          stored.creditedCreatorId === order.creditedCreatorId &&
          stored.creditedCampaignId === order.creditedCampaignId &&
          stored.attribution === order.attribution
        ) {
          continue;
        }
        ordersChanged += 1;
        await updateOrderDerived(tx, order.id, {
          rollupState: order.rollupState,
          customerOrderIndex: order.customerOrderIndex,
          creditedCreatorId: order.creditedCreatorId,
          creditedCampaignId: order.creditedCampaignId,
          attribution: order.attribution,
        });
      }
      const storedCustomers = await listShopCustomers(tx, shop);
      for (const customer of storedCustomers) {
        if (!result.customers.has(customer.shopifyCustomerId)) await saveCustomer(tx, shop, customer.shopifyCustomerId, null);
      }
      const storedById = new Map(storedCustomers.map((c) => [c.shopifyCustomerId, c]));
      for (const [customerId, wanted] of result.customers) {
        const stored = storedById.get(customerId);
        const same =
          wanted !== null &&
          stored !== undefined &&
          stored.firstOrderAt.getTime() === wanted.firstOrderAt.getTime() &&
          stored.firstOrderId === wanted.firstOrderId &&
          stored.acquiringCreatorId === wanted.acquiringCreatorId &&
          stored.acquiringCampaignId === wanted.acquiringCampaignId &&
          stored.acquisitionChannel === wanted.acquisitionChannel;
        if (!same && !(wanted === null && stored === undefined)) await saveCustomer(tx, shop, customerId, wanted);
      }
      await setRefundsApplied(tx, shop, result.orderIdsWithRefunds, true);
      await replaceShopRollups(tx, shop, result.rows);
      return { orders: result.orders.length, rows: result.rows.length, ordersChanged };
    },
    { timeoutMs: 300_000, maxWaitMs: 30_000 },
  );
}

/** Schedules a rebuild of the shop's rollups (e.g. after staff switched the attribution model); one waiting rebuild per shop is enough, since it reads the settings when it runs. */
export async function enqueueRollupRebuild(shop: string, now: Date = new Date()): Promise<void> {
  await enqueueJobUnlessPending({ name: REBUILD_ROLLUPS_JOB, shop, runAt: now });
}
