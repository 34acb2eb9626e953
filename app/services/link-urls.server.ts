import type { DiscountCode, TrackedLink } from "../generated/prisma/client";
import { appendUtm, buildDiscountUrl, isValidShopDomain, safeDestinationPath, UnsafeDestinationError } from "../domain/links";
import { env } from "../env.server";
import { linkUtm } from "../models/tracked-link.server";

/**
 * The storefront host that links point at: the primary domain Shopify reports for the shop, else its myshopify
 * domain. A stored value that is not a bare hostname is never used (it would end up in a redirect).
 */
export function storefrontDomain(shop: string, primaryDomain: string | null | undefined): string {
  return primaryDomain && isValidShopDomain(primaryDomain) ? primaryDomain.toLowerCase() : shop;
}

/** The short link creators share: the app proxy path on the storefront, https://<domain>/<prefix>/<subpath>/<slug>. */
export function shortLinkUrl(domain: string, slug: string): string {
  return `https://${domain}/${env.APP_PROXY_PREFIX}/${env.APP_PROXY_SUBPATH}/${encodeURIComponent(slug)}`;
}

/**
 * Where a click on the link goes: Shopify's shareable discount URL applying the collaboration's active code, or,
 * when the code is paused or deleted, the destination itself; both carry the link's UTMs and stay on the shop.
 */
export function linkDestinationUrl(
  domain: string,
  link: Pick<TrackedLink, "destinationPath" | "utmSource" | "utmMedium" | "utmCampaign" | "utmContent" | "utmTerm">,
  code: Pick<DiscountCode, "code"> | null,
): string {
  const utm = linkUtm(link);
  if (code) return buildDiscountUrl({ shopDomain: domain, code: code.code, redirectPath: link.destinationPath, utm });
  const destination = safeDestinationPath(link.destinationPath);
  if (!destination.ok) throw new UnsafeDestinationError(destination.reason);
  return `https://${domain}${appendUtm(destination.path, utm)}`;
}
