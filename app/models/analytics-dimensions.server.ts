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

/** Whether the shop has an active creator (the dashboard's getting-started state shows while it has none). */
export async function hasActiveCreator(shop: string): Promise<boolean> {
  return (await db.creator.findFirst({ where: { shop, status: "active" }, select: { id: true } })) !== null;
}

/**
 * A fingerprint of the shop's creators, platforms, campaigns and collaborations, computed in the database (counts,
 * latest updates, audience sums): any row added, removed or updated changes it. Pages keep their dimensions in memory
 * while it stays the same, which a shop with thousands of creators would otherwise read on every request.
 */
export async function getDimensionsVersion(shop: string): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT
    (SELECT COUNT(*) FROM "Creator" WHERE "shop" = ${shop}) AS "creators",
    (SELECT MAX("updatedAt") FROM "Creator" WHERE "shop" = ${shop}) AS "creatorsAt",
    (SELECT COUNT(*) FROM "CreatorPlatform" WHERE "shop" = ${shop}) AS "platforms",
    (SELECT SUM("followers") FROM "CreatorPlatform" WHERE "shop" = ${shop}) AS "followers",
    (SELECT COUNT(*) FROM "Campaign" WHERE "shop" = ${shop}) AS "campaigns",
    (SELECT MAX("updatedAt") FROM "Campaign" WHERE "shop" = ${shop}) AS "campaignsAt",
    (SELECT COUNT(*) FROM "Collaboration" WHERE "shop" = ${shop}) AS "collaborations",
    (SELECT MAX("updatedAt") FROM "Collaboration" WHERE "shop" = ${shop}) AS "collaborationsAt"`;
  return JSON.stringify(rows[0] ?? {}, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
