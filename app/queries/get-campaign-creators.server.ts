import { buildDiscountUrl } from "../domain/links";
import { requireCampaign } from "../models/campaign.server";
import { listCampaignCollaborations } from "../models/collaboration.server";
import { listCreators } from "../models/creator.server";
import { getShop } from "../models/shop.server";
import { linkUtm } from "../models/tracked-link.server";
import { linkDestinationUrl, shortLinkUrl, storefrontDomain } from "../services/link-urls.server";
import { mainPlatform } from "../services/provision-creator-code.server";

export type CampaignCreatorCode = {
  id: string;
  code: string;
  /** active | inactive | needs_repair (deleted codes are not listed). */
  state: string;
  lastError: string | null;
  /** Shopify's shareable discount URL: applies the code and lands on the link's page with its UTMs. */
  discountUrl: string | null;
};

export type CampaignCreatorRow = {
  collaborationId: string;
  creator: { id: string; name: string; handle: string; tier: string; platform: string };
  /** Live codes, newest first: the first is the one the link applies when active. */
  codes: CampaignCreatorCode[];
  link: {
    id: string;
    slug: string;
    destinationPath: string;
    clickCount: number;
    /** The short link through the app proxy. */
    shortUrl: string;
    /** Where the short link sends a visitor now. */
    targetUrl: string | null;
  } | null;
};

export type CreatorChoice = { id: string; name: string; handle: string; tier: string; inCampaign: boolean };

export type CampaignCreators = {
  campaign: { id: string; name: string; slug: string; discountType: string; discountValue: number };
  shopDomain: string;
  currencyCode: string;
  rows: CampaignCreatorRow[];
  /** A page of the shop's active creators for the "add creators" picker. */
  choices: { items: CreatorChoice[]; total: number; page: number; pageSize: number };
};

export const CREATOR_CHOICES_PAGE_SIZE = 100;

function safely<T>(build: () => T): T | null {
  try {
    return build();
  } catch {
    // A stored value the URL builders refuse (it was valid when written) must not take the whole page down.
    return null;
  }
}

/** The campaign's creators with their codes, links and shareable URLs, plus a page of creators to add. 404 for another shop's campaign. */
export async function getCampaignCreators(
  shop: string,
  campaignId: string,
  picker: { query?: string; page?: number } = {},
): Promise<CampaignCreators> {
  const campaign = await requireCampaign(shop, campaignId);
  const [shopRow, collaborations, choices] = await Promise.all([
    getShop(shop),
    listCampaignCollaborations(shop, campaignId),
    listCreators(shop, {
      query: picker.query ?? "",
      sort: "name",
      direction: "asc",
      page: picker.page ?? 1,
      pageSize: CREATOR_CHOICES_PAGE_SIZE,
    }),
  ]);
  const domain = storefrontDomain(shop, shopRow?.primaryDomain);
  const inCampaign = new Set(collaborations.map((c) => c.creatorId));
  const rows = collaborations.map((collaboration): CampaignCreatorRow => {
    const link = collaboration.links[0] ?? null;
    const liveCodes = collaboration.codes.filter((code) => code.state !== "deleted");
    const activeCode = liveCodes.find((code) => code.state === "active") ?? null;
    return {
      collaborationId: collaboration.id,
      creator: {
        id: collaboration.creator.id,
        name: collaboration.creator.name,
        handle: collaboration.creator.handle,
        tier: collaboration.creator.tier,
        platform: mainPlatform(collaboration.creator.platforms),
      },
      codes: liveCodes.map((code) => ({
        id: code.id,
        code: code.code,
        state: code.state,
        lastError: code.lastError,
        discountUrl: safely(() =>
          buildDiscountUrl({
            shopDomain: domain,
            code: code.code,
            redirectPath: link?.destinationPath ?? "/",
            utm: link ? linkUtm(link) : null,
          }),
        ),
      })),
      link: link
        ? {
            id: link.id,
            slug: link.slug,
            destinationPath: link.destinationPath,
            clickCount: link.clickCount,
            shortUrl: shortLinkUrl(domain, link.slug),
            targetUrl: safely(() => linkDestinationUrl(domain, link, activeCode)),
          }
        : null,
    };
  });
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      slug: campaign.slug,
      discountType: campaign.discountType,
      discountValue: campaign.discountValue,
    },
    shopDomain: domain,
    currencyCode: shopRow?.currencyCode ?? "USD",
    rows,
    choices: {
      items: choices.items.map((creator) => ({
        id: creator.id,
        name: creator.name,
        handle: creator.handle,
        tier: creator.tier,
        inCampaign: inCampaign.has(creator.id),
      })),
      total: choices.total,
      page: choices.page,
      pageSize: choices.pageSize,
    },
  };
}
