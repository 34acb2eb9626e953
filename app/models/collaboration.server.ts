import { db } from "../db.server";
import type { Campaign, Collaboration, Creator, CreatorPlatform, DiscountCode, TrackedLink } from "../generated/prisma/client";

/** A collaboration with what provisioning a code and a link needs: the creator (handle, platforms) and the campaign terms. */
export type CollaborationForProvisioning = Collaboration & {
  creator: Creator & { platforms: CreatorPlatform[] };
  campaign: Campaign;
};

/** A row of a campaign's creators list: the creator, every code (newest first) and the tracked link. */
export type CampaignCollaboration = Collaboration & {
  creator: Creator & { platforms: CreatorPlatform[] };
  codes: DiscountCode[];
  links: TrackedLink[];
};

/** Most creators a single request may add to a campaign. */
export const MAX_CREATORS_PER_ADD = 500;

const notFound = () => new Response("Not found", { status: 404 });

/** One collaboration of the shop with its creator and campaign; null when absent or another shop's. */
export async function getCollaboration(shop: string, id: string): Promise<CollaborationForProvisioning | null> {
  return db.collaboration.findFirst({
    where: { shop, id },
    include: { creator: { include: { platforms: { orderBy: { platform: "asc" } } } }, campaign: true },
  });
}

/** One collaboration of the shop with its creator and campaign; throws a 404 response when absent or another shop's. */
export async function requireCollaboration(shop: string, id: string): Promise<CollaborationForProvisioning> {
  const collaboration = await getCollaboration(shop, id);
  if (!collaboration) throw notFound();
  return collaboration;
}

/**
 * Adds creators to a campaign, idempotent on (campaign, creator): a creator already in the campaign keeps its
 * collaboration untouched. All or nothing: a campaign or any creator that is not the shop's is a 404 and nothing is
 * written. Returns the collaborations in the order of `creatorIds` (duplicates collapsed).
 */
export async function upsertCollaborations(
  shop: string,
  campaignId: string,
  creatorIds: ReadonlyArray<string>,
): Promise<Collaboration[]> {
  const unique = [...new Set(creatorIds)];
  if (unique.length > MAX_CREATORS_PER_ADD) {
    throw new RangeError(`At most ${MAX_CREATORS_PER_ADD} creators can be added at once, got ${unique.length}`);
  }
  return db.$transaction(
    async (tx) => {
      const campaign = await tx.campaign.count({ where: { shop, id: campaignId } });
      if (campaign !== 1) throw notFound();
      if (unique.length === 0) return [];
      const creators = await tx.creator.count({ where: { shop, id: { in: unique } } });
      if (creators !== unique.length) throw notFound();
      const existing = await tx.collaboration.findMany({ where: { shop, campaignId, creatorId: { in: unique } } });
      const known = new Set(existing.map((row) => row.creatorId));
      const missing = unique.filter((id) => !known.has(id));
      if (missing.length > 0) {
        await tx.collaboration.createMany({ data: missing.map((creatorId) => ({ shop, campaignId, creatorId })) });
      }
      const rows = await tx.collaboration.findMany({ where: { shop, campaignId, creatorId: { in: unique } } });
      const byCreator = new Map(rows.map((row) => [row.creatorId, row]));
      return unique.map((id) => {
        const row = byCreator.get(id);
        if (!row) throw new Error(`Collaboration of creator ${id} vanished while being added`);
        return row;
      });
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** Adds one creator to a campaign (or finds them there); another shop's campaign or creator is a 404. */
export async function upsertCollaboration(shop: string, campaignId: string, creatorId: string): Promise<Collaboration> {
  const [row] = await upsertCollaborations(shop, campaignId, [creatorId]);
  if (!row) throw new Error("upsertCollaborations returned nothing for one creator");
  return row;
}

/** The campaign's creators with their codes (newest first) and links, oldest collaboration first. */
export async function listCampaignCollaborations(shop: string, campaignId: string): Promise<CampaignCollaboration[]> {
  return db.collaboration.findMany({
    where: { shop, campaignId },
    include: {
      creator: { include: { platforms: { orderBy: { platform: "asc" } } } },
      codes: { where: { shop }, orderBy: { createdAt: "desc" } },
      links: { where: { shop }, orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Which of these collaborations are the shop's and belong to the campaign, keyed by creator id. */
export async function listCollaborationsByCreator(
  shop: string,
  campaignId: string,
  creatorIds: ReadonlyArray<string>,
): Promise<Map<string, Collaboration>> {
  const rows = await db.collaboration.findMany({ where: { shop, campaignId, creatorId: { in: [...creatorIds] } } });
  return new Map(rows.map((row) => [row.creatorId, row]));
}
