import { db } from "../db.server";

export type ShopOverview = {
  currencyCode: string;
  ianaTimezone: string;
  creators: number;
  campaigns: number;
  activeCodes: number;
  orders: number;
  lastOrderEventAt: string | null;
};

/** What the shop has set up so far, for the dashboard's getting-started card. */
export async function getShopOverview(shop: string): Promise<ShopOverview> {
  const [settings, creators, campaigns, activeCodes, orders, lastEvent] = await Promise.all([
    db.shop.findUnique({ where: { shop }, select: { currencyCode: true, ianaTimezone: true } }),
    db.creator.count({ where: { shop, status: "active" } }),
    db.campaign.count({ where: { shop, status: { not: "archived" } } }),
    db.discountCode.count({ where: { shop, state: "active" } }),
    db.order.count({ where: { shop, test: false } }),
    db.webhookEvent.findFirst({
      where: { shop, topic: { startsWith: "orders/" } },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true },
    }),
  ]);
  return {
    currencyCode: settings?.currencyCode ?? "USD",
    ianaTimezone: settings?.ianaTimezone ?? "UTC",
    creators,
    campaigns,
    activeCodes,
    orders,
    lastOrderEventAt: lastEvent?.receivedAt.toISOString() ?? null,
  };
}
