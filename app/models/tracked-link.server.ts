import { db } from "../db.server";
import { Prisma, type DiscountCode, type TrackedLink } from "../generated/prisma/client";
import type { UtmSet } from "../domain/links";

export type NewTrackedLink = {
  collaborationId: string;
  creatorId: string;
  campaignId: string;
  slug: string;
  /** Already checked with safeDestinationPath. */
  destinationPath: string;
  utm: UtmSet;
};

/** What the redirect needs: the link and the code it applies (null when the collaboration has no active code). */
export type RedirectTarget = { link: TrackedLink; code: DiscountCode | null };

/** The slug is already used by another link of the shop; the caller draws another one. */
export class SlugTakenError extends Error {
  name = "SlugTakenError";
  constructor(readonly slug: string) {
    super(`The link slug ${slug} is already used in this shop.`);
  }
}

const notFound = () => new Response("Not found", { status: 404 });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** One link of the shop; null when absent or another shop's. */
export async function getTrackedLink(shop: string, id: string): Promise<TrackedLink | null> {
  return db.trackedLink.findFirst({ where: { shop, id } });
}

/** One link of the shop; throws a 404 response when absent or another shop's. */
export async function requireTrackedLink(shop: string, id: string): Promise<TrackedLink> {
  const link = await getTrackedLink(shop, id);
  if (!link) throw notFound();
  return link;
}

/** The collaboration's link (the first one made); null before one exists. */
export async function getTrackedLinkOfCollaboration(shop: string, collaborationId: string): Promise<TrackedLink | null> {
  return db.trackedLink.findFirst({ where: { shop, collaborationId }, orderBy: { createdAt: "asc" } });
}

/** Records a link; a slug already used in the shop throws SlugTakenError. */
export async function createTrackedLink(shop: string, input: NewTrackedLink): Promise<TrackedLink> {
  try {
    return await db.trackedLink.create({
      data: {
        shop,
        collaborationId: input.collaborationId,
        creatorId: input.creatorId,
        campaignId: input.campaignId,
        slug: input.slug,
        destinationPath: input.destinationPath,
        utmSource: input.utm.utm_source,
        utmMedium: input.utm.utm_medium,
        utmCampaign: input.utm.utm_campaign,
        utmContent: input.utm.utm_content,
        utmTerm: input.utm.utm_term ?? null,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTakenError(input.slug);
    throw error;
  }
}

/** Points a link at another same-shop path (already checked with safeDestinationPath); another shop's id is a 404. */
export async function updateTrackedLinkDestination(shop: string, id: string, destinationPath: string): Promise<TrackedLink> {
  const { count } = await db.trackedLink.updateMany({ where: { shop, id }, data: { destinationPath } });
  if (count !== 1) throw notFound();
  return requireTrackedLink(shop, id);
}

/** The link behind a public slug and the code it applies; null for an unknown slug. */
export async function getRedirectTarget(shop: string, slug: string): Promise<RedirectTarget | null> {
  const link = await db.trackedLink.findUnique({ where: { shop_slug: { shop, slug } } });
  if (!link) return null;
  const code = await db.discountCode.findFirst({
    where: { shop, collaborationId: link.collaborationId, state: "active" },
    orderBy: { createdAt: "desc" },
  });
  return { link, code };
}

/** The UTM set stored on a link, as the links domain names it. */
export function linkUtm(link: Pick<TrackedLink, "utmSource" | "utmMedium" | "utmCampaign" | "utmContent" | "utmTerm">): UtmSet {
  return {
    utm_source: link.utmSource,
    utm_medium: link.utmMedium,
    utm_campaign: link.utmCampaign,
    utm_content: link.utmContent,
    ...(link.utmTerm !== null ? { utm_term: link.utmTerm } : {}),
  };
}
