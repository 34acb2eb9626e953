// The dimensions the analytics pages slice rollups by: creators (tier, platforms), campaigns (compensation, dates)
// and collaborations (their costs). Narrow reads, one query each, scoped by shop.
import { db } from "../db.server";

export type CreatorDimension = {
  id: string;
  name: string;
  handle: string;
  tier: string;
  status: string;
  /** Platforms with their audience, largest first. */
  platforms: { platform: string; followers: number }[];
};

/** The shop's creators (archived ones too: their past sales still count) with their platforms, largest audience first. */
export async function listCreatorDimensions(shop: string): Promise<CreatorDimension[]> {
  const [creators, platforms] = await Promise.all([
    db.creator.findMany({ where: { shop }, select: { id: true, name: true, handle: true, tier: true, status: true } }),
    db.creatorPlatform.findMany({ where: { shop }, select: { creatorId: true, platform: true, followers: true } }),
  ]);
  const byCreator = new Map<string, { platform: string; followers: number }[]>();
  for (const p of platforms) {
    const list = byCreator.get(p.creatorId) ?? [];
    list.push({ platform: p.platform, followers: p.followers });
    byCreator.set(p.creatorId, list);
  }
  return creators.map((c) => ({
    ...c,
    platforms: (byCreator.get(c.id) ?? []).sort((a, b) => b.followers - a.followers || a.platform.localeCompare(b.platform)),
  }));
}

export type CampaignDimension = {
  id: string;
  name: string;
  compensationType: string;
  status: string;
  startsAt: Date | null;
  endsAt: Date | null;
  createdAt: Date;
  budgetMinor: number;
};

/** The shop's campaigns, newest first. */
export async function listCampaignDimensions(shop: string): Promise<CampaignDimension[]> {
  return db.campaign.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, compensationType: true, status: true, startsAt: true, endsAt: true, createdAt: true, budgetMinor: true },
  });
}

export type CollaborationCostRow = {
  id: string;
  creatorId: string;
  campaignId: string;
  feeMinor: number;
  commissionBps: number;
  giftedCostMinor: number;
  shippingCostMinor: number;
  createdAt: Date;
};

/** The shop's collaborations with their costs (one creator's, or one campaign's, when given). */
export async function listCollaborationCosts(shop: string, only: { creatorId?: string; campaignId?: string } = {}): Promise<CollaborationCostRow[]> {
  return db.collaboration.findMany({
    where: { shop, ...(only.creatorId ? { creatorId: only.creatorId } : {}), ...(only.campaignId ? { campaignId: only.campaignId } : {}) },
    select: {
      id: true,
      creatorId: true,
      campaignId: true,
      feeMinor: true,
      commissionBps: true,
      giftedCostMinor: true,
      shippingCostMinor: true,
      createdAt: true,
    },
  });
}

/** Active creators of the shop (the dashboard's getting-started state shows while there are none). */
export async function countActiveCreators(shop: string): Promise<number> {
  return db.creator.count({ where: { shop, status: "active" } });
}
