import { grantedScopes } from "../auth/offline-admin-api.server";
import { db } from "../db.server";
import { formatMinor } from "../domain/money";
import { backfillPercent, backfillWindow } from "../domain/backfill";
import { listCustomerDataRequests } from "../models/customer-privacy.server";
import { getOrderBackfill } from "../models/order-backfill.server";
import { getOrderSyncState } from "../models/order-sync.server";
import { getShop } from "../models/shop.server";

export type OrderHistoryStatus = {
  backfill: {
    status: string;
    allOrders: boolean;
    createdSince: string;
    processed: number;
    skipped: number;
    percent: number;
    startedAt: string;
    finishedAt: string | null;
    error: string | null;
  } | null;
  /** What a new import would reach with the scopes granted now: all | 60 days | nothing. */
  reach: "all" | "recent" | "none";
  /** Reconciliation watermark: orders updated before it are known to be ingested. */
  ordersSyncedAt: string | null;
  dataRequests: { id: string; shopifyRequestId: string; receivedAt: string; downloadedAt: string | null }[];
  /** The latest orders, each linking to its attribution explanation. */
  recentOrders: { id: string; name: string; processedAt: string; netMinor: number; currency: string; creator: string | null; net?: string }[];
  /** The shop's time zone, for showing the instants above. */
  ianaTimezone: string;
};

const RECENT_ORDERS = 15;

async function listRecentOrders(shop: string): Promise<OrderHistoryStatus["recentOrders"]> {
  const orders = await db.order.findMany({
    where: { shop, test: false },
    orderBy: { processedAt: "desc" },
    take: RECENT_ORDERS,
    select: { id: true, name: true, processedAt: true, grossMinor: true, discountsMinor: true, refundsMinor: true, currency: true, creditedCreatorId: true, overrideCreatorId: true },
  });
  const creatorIds = [...new Set(orders.flatMap((o) => [o.overrideCreatorId ?? o.creditedCreatorId]).filter((id): id is string => id !== null))];
  const creators = await db.creator.findMany({ where: { shop, id: { in: creatorIds } }, select: { id: true, name: true } });
  const names = new Map(creators.map((c) => [c.id, c.name]));
  return orders.map((o) => {
    const creatorId = o.overrideCreatorId ?? o.creditedCreatorId;
    return {
      id: o.id,
      name: o.name,
      processedAt: o.processedAt.toISOString(),
      netMinor: o.grossMinor - o.discountsMinor - o.refundsMinor,
      currency: o.currency,
      creator: creatorId ? (names.get(creatorId) ?? creatorId) : null,
    };
  });
}

/** The order history page: the backfill's progress, its reach under the granted scopes, reconciliation and data requests. */
export async function getOrderHistoryStatus(shop: string, now: Date = new Date()): Promise<OrderHistoryStatus> {
  const [backfill, scopes, sync, requests, settings, recentOrders] = await Promise.all([
    getOrderBackfill(shop),
    grantedScopes(shop),
    getOrderSyncState(shop),
    listCustomerDataRequests(shop),
    getShop(shop),
    listRecentOrders(shop),
  ]);
  const window = backfillWindow(scopes, now);
  return {
    backfill: backfill
      ? {
          status: backfill.status,
          allOrders: backfill.allOrders,
          createdSince: backfill.createdSince.toISOString(),
          processed: backfill.processed,
          skipped: backfill.skipped,
          percent: backfillPercent(backfill),
          startedAt: backfill.startedAt.toISOString(),
          finishedAt: backfill.finishedAt?.toISOString() ?? null,
          error: backfill.error,
        }
      : null,
    reach: window === null ? "none" : window.allOrders ? "all" : "recent",
    ordersSyncedAt: sync?.ordersSyncedAt?.toISOString() ?? null,
    dataRequests: requests.map((r) => ({
      id: r.id,
      shopifyRequestId: r.shopifyRequestId,
      receivedAt: r.receivedAt.toISOString(),
      downloadedAt: r.downloadedAt?.toISOString() ?? null,
    })),
    recentOrders,
    ianaTimezone: settings?.ianaTimezone ?? "UTC",
  };
}

/** The same status with every instant written out for the page, in the staff's language and the shop's time zone. */
export function formatOrderHistoryStatus(status: OrderHistoryStatus, locale: string): OrderHistoryStatus {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: status.ianaTimezone });
  const when = (iso: string) => format.format(new Date(iso));
  return {
    ...status,
    backfill: status.backfill && {
      ...status.backfill,
      createdSince: when(status.backfill.createdSince),
      startedAt: when(status.backfill.startedAt),
      finishedAt: status.backfill.finishedAt && when(status.backfill.finishedAt),
    },
    ordersSyncedAt: status.ordersSyncedAt && when(status.ordersSyncedAt),
    dataRequests: status.dataRequests.map((r) => ({ ...r, receivedAt: when(r.receivedAt), downloadedAt: r.downloadedAt && when(r.downloadedAt) })),
    recentOrders: status.recentOrders.map((o) => ({ ...o, processedAt: when(o.processedAt), net: formatMinor(o.netMinor, o.currency, locale) })),
  };
}
