import type { Utm } from "~/domain/orders";
import type { AttributionContext, CreatorRef } from "./types";

export const DEFAULT_CREATOR_MEDIUMS: readonly string[] = ["influencer"];

/**
 * The creator a UTM set points to. Only links whose utm_medium marks a creator link (default 'influencer') count.
 * The creator comes from utm_content (the creator's handle), else from a utm_campaign slug that belongs to one
 * creator; the campaign from utm_campaign when it is a known slug (and not another creator's), else the handle's.
 */
export function resolveCreatorUtm(
  utm: Utm,
  ctx: Pick<AttributionContext, "utmContentHandles" | "utmCampaigns" | "creatorMediums">,
): CreatorRef | null {
  const mediums = ctx.creatorMediums ?? DEFAULT_CREATOR_MEDIUMS;
  const medium = utm.medium?.trim().toLowerCase();
  if (!medium || !mediums.includes(medium)) return null;

  const handle = utm.content ? ctx.utmContentHandles.get(utm.content.trim().toLowerCase()) : undefined;
  const campaign = utm.campaign ? ctx.utmCampaigns.get(utm.campaign.trim().toLowerCase()) : undefined;

  if (handle) {
    const campaignFits = campaign && (campaign.creatorId === null || campaign.creatorId === handle.creatorId);
    return { creatorId: handle.creatorId, campaignId: campaignFits ? campaign.campaignId : handle.campaignId };
  }
  if (campaign?.creatorId) return { creatorId: campaign.creatorId, campaignId: campaign.campaignId };
  return null;
}

/** The UTM set written back as a query string, for explanations ("utm_medium=influencer&utm_content=anna"). */
export function utmEvidence(utm: Utm): string {
  const params = new URLSearchParams();
  for (const key of ["source", "medium", "campaign", "content", "term"] as const) {
    const value = utm[key];
    if (value !== null) params.set(`utm_${key}`, value);
  }
  return params.toString();
}
