import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "../../app/models/session-storage.server";
import type { PrismaClient } from "../../app/generated/prisma/client";

/** Stores the offline session a shop has after installing, so admin requests need no token exchange. */
export async function storeOfflineSession(
  client: PrismaClient,
  shop: string,
  opts: { scope?: string; accessToken?: string } = {},
) {
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "installed",
    isOnline: false,
    scope: opts.scope ?? "read_discounts,write_discounts,read_orders,read_products",
    // The stand-in's token for the shop (ShopifyStandIn.accessTokenFor) where a test routes Admin calls to it.
    accessToken: opts.accessToken ?? `shpat_test_${shop}`,
  });
  await new PrismaSessionStorage(client).storeSession(session);
  return session;
}
