// What every analytics read model needs before it sums anything: the shop's settings, today in the shop's zone,
// and the dimensions (creators, campaigns, collaborations with their cost bases) rollups are sliced by.
import {
  getDimensionsVersion,
  listCampaignDimensions,
  listCollaborationCosts,
  listCreatorDimensions,
  type CampaignDimension,
} from "../models/analytics-dimensions.server";
import { getShopSettings, type ShopSettings } from "../models/settings.server";
import { collaborationWindow, type CostBasis } from "./collaboration-cost";
import type { CampaignFacts, LeaderboardCreator } from "./creator-leaderboard";
import { dayKeyer } from "./day-keyer";

export type AnalyticsSettings = ShopSettings & { today: string; keyOf: (instant: Date) => string };

/** The shop's settings with today's shop-zone day. */
export async function loadAnalyticsSettings(shop: string, now: Date): Promise<AnalyticsSettings> {
  const settings = await getShopSettings(shop);
  const keyOf = dayKeyer(settings.ianaTimezone);
  return { ...settings, today: keyOf(now), keyOf };
}

export type Dimensions = {
  creators: Map<string, LeaderboardCreator>;
  campaigns: Map<string, CampaignFacts & CampaignDimension>;
  costBases: CostBasis[];
};

/** The leaderboard's view of a creator: its platform with the largest audience, and every platform for filtering. */
function toLeaderboardCreator(c: Awaited<ReturnType<typeof listCreatorDimensions>>[number]): LeaderboardCreator {
  return {
    id: c.id,
    name: c.name,
    handle: c.handle,
    tier: c.tier,
    platform: c.platforms[0]?.platform ?? null,
    platforms: c.platforms.map((p) => p.platform),
  };
}

/** The last day of a campaign: endsAt is exclusive (the start of the day after the last one, see domain/campaigns). */
export function campaignLastDay(endsAt: Date, settings: Pick<AnalyticsSettings, "keyOf">): string {
  return settings.keyOf(new Date(endsAt.getTime() - 1));
}

/** Cost bases of collaborations: their costs and the days their fixed costs are spread over. */
export function toCostBases(
  collaborations: Awaited<ReturnType<typeof listCollaborationCosts>>,
  campaigns: ReadonlyMap<string, CampaignDimension>,
  settings: AnalyticsSettings,
): CostBasis[] {
  return collaborations.map((c) => {
    const campaign = campaigns.get(c.campaignId);
    return {
      collaborationId: c.id,
      creatorId: c.creatorId,
      campaignId: c.campaignId,
      feeMinor: c.feeMinor,
      commissionBps: c.commissionBps,
      giftedCostMinor: c.giftedCostMinor,
      shippingCostMinor: c.shippingCostMinor,
      compensationType: campaign?.compensationType ?? "gifted",
      window: collaborationWindow(
        {
          campaignStartDay: campaign?.startsAt ? settings.keyOf(campaign.startsAt) : null,
          campaignEndDay: campaign?.endsAt ? campaignLastDay(campaign.endsAt, settings) : null,
          createdDay: settings.keyOf(c.createdAt),
        },
        settings.today,
      ),
    };
  });
}

const MAX_CACHED_SHOPS = 32;
const cache = new Map<string, { version: string; today: string; dimensions: Dimensions }>();

/**
 * Creators, campaigns and cost bases of the shop: one creator's or one campaign's collaborations when given, and
 * without the creator list when the page needs none (a creator's own page). The whole shop's are kept in memory
 * while its dimensions version and today's day stay the same (the check is one small query).
 */
export async function loadDimensions(
  shop: string,
  settings: AnalyticsSettings,
  only: { creatorId?: string; campaignId?: string; withCreators?: boolean } = {},
): Promise<Dimensions> {
  const whole = only.creatorId === undefined && only.campaignId === undefined && only.withCreators !== false;
  if (!whole) return readDimensions(shop, settings, only);
  const version = await getDimensionsVersion(shop);
  const hit = cache.get(shop);
  if (hit && hit.version === version && hit.today === settings.today) return hit.dimensions;
  const dimensions = await readDimensions(shop, settings, only);
  cache.delete(shop);
  if (cache.size >= MAX_CACHED_SHOPS) cache.delete(cache.keys().next().value as string);
  cache.set(shop, { version, today: settings.today, dimensions });
  return dimensions;
}

async function readDimensions(
  shop: string,
  settings: AnalyticsSettings,
  only: { creatorId?: string; campaignId?: string; withCreators?: boolean },
): Promise<Dimensions> {
  const [creatorRows, campaignRows, collaborations] = await Promise.all([
    only.withCreators === false ? Promise.resolve([]) : listCreatorDimensions(shop),
    listCampaignDimensions(shop),
    listCollaborationCosts(shop, { creatorId: only.creatorId, campaignId: only.campaignId }),
  ]);
  const campaigns = new Map(campaignRows.map((c) => [c.id, c]));
  return {
    creators: new Map(creatorRows.map((c) => [c.id, toLeaderboardCreator(c)])),
    campaigns,
    costBases: toCostBases(collaborations, campaigns, settings),
  };
}
