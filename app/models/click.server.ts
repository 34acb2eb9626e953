import { db } from "../db.server";
import type { Click } from "../generated/prisma/client";

export type NewClick = {
  link: { id: string; creatorId: string; campaignId: string };
  at: Date;
  /** Origin and path of the referring page, without its query; null when the browser sent none. */
  referrer: string | null;
  /** visitorHash(ip, user agent, salt, day): the raw IP never reaches the database. */
  visitorHash: string;
  isBot: boolean;
  /** The click's day in the shop's time zone, for the daily rollup. */
  day: string;
};

/**
 * Records a click on a creator's link, in one transaction: the Click row always (bots included, flagged, so that
 * they can be audited), and for a human click the link's click count and the creator × campaign × day rollup.
 * Bots are kept out of both counts: click metrics (conversion, cost per click) are about people.
 */
export async function recordClick(shop: string, input: NewClick): Promise<Click> {
  return db.$transaction(async (tx) => {
    const click = await tx.click.create({
      data: {
        shop,
        linkId: input.link.id,
        creatorId: input.link.creatorId,
        campaignId: input.link.campaignId,
        at: input.at,
        referrer: input.referrer,
        visitorHash: input.visitorHash,
        isBot: input.isBot,
      },
    });
    if (!input.isBot) {
      await tx.trackedLink.updateMany({ where: { shop, id: input.link.id }, data: { clickCount: { increment: 1 } } });
      await tx.dailyRollup.upsert({
        where: {
          shop_creatorId_campaignId_day: { shop, creatorId: input.link.creatorId, campaignId: input.link.campaignId, day: input.day },
        },
        create: { shop, creatorId: input.link.creatorId, campaignId: input.link.campaignId, day: input.day, clicks: 1 },
        update: { clicks: { increment: 1 } },
      });
    }
    return click;
  });
}

/** A link's clicks, newest first (bots included, flagged). */
export async function listClicksOfLink(shop: string, linkId: string, limit = 100): Promise<Click[]> {
  return db.click.findMany({ where: { shop, linkId }, orderBy: { at: "desc" }, take: limit });
}
