// A creator's discount codes and tracked links across campaigns, for the performance page (read only: codes and
// links are created and changed by their own pages).
import { db } from "../db.server";

export type CreatorCode = { id: string; code: string; state: string; campaignId: string; valueType: string; value: number };
export type CreatorLink = { id: string; slug: string; campaignId: string; destinationPath: string; clickCount: number };

/** The creator's codes (deleted ones left out) and links, newest first. */
export async function listCreatorCodesAndLinks(shop: string, creatorId: string): Promise<{ codes: CreatorCode[]; links: CreatorLink[] }> {
  const [codes, links] = await Promise.all([
    db.discountCode.findMany({
      where: { shop, creatorId, state: { not: "deleted" } },
      orderBy: { createdAt: "desc" },
      select: { id: true, code: true, state: true, campaignId: true, valueType: true, value: true },
    }),
    db.trackedLink.findMany({
      where: { shop, creatorId },
      orderBy: { createdAt: "desc" },
      select: { id: true, slug: true, campaignId: true, destinationPath: true, clickCount: true },
    }),
  ]);
  return { codes, links };
}

/** Names of the given creators of the shop (for explanations that mention other creators). */
export async function listCreatorNames(shop: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.creator.findMany({ where: { shop, id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
