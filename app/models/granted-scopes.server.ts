import { db } from "../db.server";

/** The scope string of the shop's offline session (what the merchant granted); null when there is none. */
export async function getOfflineSessionScope(shop: string): Promise<string | null> {
  const session = await db.session.findFirst({ where: { shop, isOnline: false }, select: { scope: true } });
  return session?.scope ?? null;
}
