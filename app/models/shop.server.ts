import { db } from "../db.server";

export type ShopInfo = { currencyCode: string; ianaTimezone: string; primaryDomain: string | null };

/** Creates the shop row on first sight and records what Shopify says about it. */
export async function upsertShop(shop: string, info: Partial<ShopInfo> = {}) {
  return db.shop.upsert({ where: { shop }, create: { shop, ...info }, update: { ...info, uninstalledAt: null } });
}

export async function getShop(shop: string) {
  return db.shop.findUnique({ where: { shop } });
}

/** On app/uninstalled: sessions go (the token is dead); the shop's data stays until shop/redact. */
export async function markShopUninstalled(shop: string, at: Date = new Date()) {
  await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    db.shop.updateMany({ where: { shop }, data: { uninstalledAt: at } }),
  ]);
}

/** On app/scopes_update: the stored sessions carry the scopes the merchant now grants. */
export async function updateSessionScopes(shop: string, scopes: string[]) {
  await db.session.updateMany({ where: { shop }, data: { scope: scopes.join(",") } });
}
