// The shop's creator signals that one order's attribution needs: only the codes, UTM values and clicks that
// could match this order are read, so the cost does not grow with the number of creators.
import type { Tx } from "./transaction.server";

export type CodeOwner = { codeKey: string; creatorId: string; campaignId: string };

/** Owners of the given upper-cased codes, whatever the code's state: a code used is a signal, even paused or deleted. */
export async function findCodeOwners(tx: Tx, shop: string, codeKeys: readonly string[]): Promise<CodeOwner[]> {
  if (codeKeys.length === 0) return [];
  return tx.discountCode.findMany({ where: { shop, codeKey: { in: [...codeKeys] } }, select: { codeKey: true, creatorId: true, campaignId: true } });
}

export type LinkUtm = { id: string; creatorId: string; campaignId: string; utmMedium: string; utmCampaign: string; utmContent: string };

/** Tracked links whose utm_content or utm_campaign is one of the values (as stored, and lower-cased). */
export async function findLinksByUtm(tx: Tx, shop: string, contents: readonly string[], campaigns: readonly string[]): Promise<LinkUtm[]> {
  const or = [
    ...(contents.length > 0 ? [{ utmContent: { in: [...contents] } }] : []),
    ...(campaigns.length > 0 ? [{ utmCampaign: { in: [...campaigns] } }] : []),
  ];
  if (or.length === 0) return [];
  return tx.trackedLink.findMany({
    where: { shop, OR: or },
    select: { id: true, creatorId: true, campaignId: true, utmMedium: true, utmCampaign: true, utmContent: true },
  });
}

/** Creators of the shop by lower-cased handle. */
export async function findCreatorsByHandle(tx: Tx, shop: string, handleKeys: readonly string[]): Promise<{ id: string; handleKey: string }[]> {
  if (handleKeys.length === 0) return [];
  return tx.creator.findMany({ where: { shop, handleKey: { in: [...handleKeys] } }, select: { id: true, handleKey: true } });
}

/** Campaigns of the shop by slug. */
export async function findCampaignsBySlug(tx: Tx, shop: string, slugs: readonly string[]): Promise<{ id: string; slug: string }[]> {
  if (slugs.length === 0) return [];
  return tx.campaign.findMany({ where: { shop, slug: { in: [...slugs] } }, select: { id: true, slug: true } });
}

export type ClickRef = { id: string; creatorId: string; campaignId: string; at: Date };

/** Human clicks of a visitor (any of its daily hashes) in [from, to]. */
export async function findVisitorClicks(tx: Tx, shop: string, visitorHashes: readonly string[], from: Date, to: Date): Promise<ClickRef[]> {
  if (visitorHashes.length === 0) return [];
  return tx.click.findMany({
    where: { shop, isBot: false, visitorHash: { in: [...visitorHashes] }, at: { gte: from, lte: to } },
    select: { id: true, creatorId: true, campaignId: true, at: true },
  });
}

/** The latest human click on one link in [from, to], if any. */
export async function findLatestLinkClick(tx: Tx, shop: string, linkId: string, creatorId: string, from: Date, to: Date): Promise<ClickRef | null> {
  return tx.click.findFirst({
    where: { shop, creatorId, linkId, isBot: false, at: { gte: from, lte: to } },
    orderBy: { at: "desc" },
    select: { id: true, creatorId: true, campaignId: true, at: true },
  });
}
