import { db } from "../db.server";
import { Prisma, type Campaign } from "../generated/prisma/client";
import { campaignSlug, uniqueCampaignSlug, type CampaignFormContext, type CampaignInput, type CampaignStatus } from "../domain/campaigns";
import { getShop } from "./shop.server";

/** A campaign with its brief read from JSON into its list of required items. */
export type CampaignRecord = Omit<Campaign, "brief"> & { brief: string[] };
export type CampaignListItem = CampaignRecord & { collaborators: number };

export const CAMPAIGN_SORTS = ["name", "createdAt", "startsAt"] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number];
export const MAX_CAMPAIGN_PAGE_SIZE = 100;

export type ListCampaignsOptions = {
  /** Matched against the name (as typed) and the slug (case- and accent-insensitive). */
  query?: string;
  /** "all" includes archived; absent means every status but archived. */
  status?: CampaignStatus | "all";
  sort: CampaignSort;
  direction: "asc" | "desc";
  /** 1-based. */
  page: number;
  pageSize: number;
};

const notFound = () => new Response("Not found", { status: 404 });

function readBrief(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    // A brief written by hand into the database is not worth a 500 on the campaign page.
    return [];
  }
}

function toRecord(campaign: Campaign): CampaignRecord {
  return { ...campaign, brief: readBrief(campaign.brief) };
}

/** The shop's currency and time zone, which the campaign form's amounts and days are read in. */
export async function getCampaignFormContext(shop: string): Promise<CampaignFormContext> {
  const row = await getShop(shop);
  return { currencyCode: row?.currencyCode ?? "USD", timeZone: row?.ianaTimezone ?? "UTC" };
}

/** One campaign of the shop; null when absent or another shop's. */
export async function getCampaign(shop: string, id: string): Promise<CampaignRecord | null> {
  const campaign = await db.campaign.findFirst({ where: { shop, id } });
  return campaign ? toRecord(campaign) : null;
}

/** One campaign of the shop; throws a 404 response when absent or another shop's. */
export async function requireCampaign(shop: string, id: string): Promise<CampaignRecord> {
  const campaign = await getCampaign(shop, id);
  if (!campaign) throw notFound();
  return campaign;
}

/** A page of the shop's campaigns with their number of collaborators; archived ones only when asked for. */
export async function listCampaigns(
  shop: string,
  options: ListCampaignsOptions,
): Promise<{ items: CampaignListItem[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(options.page));
  const pageSize = Math.min(MAX_CAMPAIGN_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize)));
  const where: Prisma.CampaignWhereInput = { shop };
  if (options.status === undefined) where.status = { not: "archived" };
  else if (options.status !== "all") where.status = options.status;
  const query = options.query?.trim() ?? "";
  if (query !== "") {
    // `contains` is case-insensitive on SQLite but not on PostgreSQL; the slug search makes case and accents irrelevant on both.
    const slug = campaignSlug(query);
    where.OR = [{ name: { contains: query } }, ...(slug === "campaign" ? [] : [{ slug: { contains: slug } }])];
  }
  const direction = options.direction;
  const orderBy: Prisma.CampaignOrderByWithRelationInput[] =
    options.sort === "startsAt"
      ? [{ startsAt: { sort: direction, nulls: "last" } }, { name: "asc" }, { id: "asc" }]
      : options.sort === "name"
        ? [{ name: direction }, { id: direction }]
        : [{ createdAt: direction }, { id: direction }];
  const [total, rows] = await Promise.all([
    db.campaign.count({ where }),
    db.campaign.findMany({
      where,
      orderBy,
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { _count: { select: { collaborations: true } } },
    }),
  ]);
  const items = rows.map(({ _count, ...campaign }) => ({ ...toRecord(campaign), collaborators: _count.collaborations }));
  return { items, total, page, pageSize };
}

function campaignData(input: CampaignInput) {
  return { ...input, brief: JSON.stringify(input.brief) };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates a campaign; its slug comes from the name and is made unique in the shop with a -2, -3… suffix. */
export async function createCampaign(shop: string, input: CampaignInput): Promise<CampaignRecord> {
  const base = campaignSlug(input.name);
  // Two staff creating "Summer" at once race for the same slug; the unique key decides and the loser takes the next one.
  for (let attempt = 0; ; attempt += 1) {
    const taken = await db.campaign.findMany({ where: { shop, slug: { startsWith: base } }, select: { slug: true } });
    const slug = uniqueCampaignSlug(base, new Set(taken.map((row) => row.slug)));
    try {
      return toRecord(await db.campaign.create({ data: { shop, slug, ...campaignData(input) } }));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Replaces a campaign's details from the form. The slug does not follow a rename: tracked links and
 * UTM campaigns already given to creators carry it. An archived campaign stays archived. Another shop's id is a 404 and changes nothing.
 */
export async function updateCampaign(shop: string, id: string, input: CampaignInput): Promise<CampaignRecord> {
  const current = await requireCampaign(shop, id);
  // The form offers draft/active/ended; saving an archived campaign's details does not bring it back.
  const data = { ...campaignData(input), status: current.status === "archived" ? "archived" : input.status };
  const { count } = await db.campaign.updateMany({ where: { shop, id }, data });
  if (count !== 1) throw notFound();
  return requireCampaign(shop, id);
}

/** Archives a campaign (hidden from the default list, its codes and data kept); another shop's id is a 404. */
export async function archiveCampaign(shop: string, id: string): Promise<void> {
  const { count } = await db.campaign.updateMany({ where: { shop, id }, data: { status: "archived" } });
  if (count !== 1) throw notFound();
}

/** Brings an archived campaign back as ended (its dates decide whether staff reopen it); another shop's id is a 404. */
export async function unarchiveCampaign(shop: string, id: string): Promise<void> {
  const campaign = await requireCampaign(shop, id);
  if (campaign.status !== "archived") return;
  await db.campaign.updateMany({ where: { shop, id }, data: { status: "ended" } });
}
