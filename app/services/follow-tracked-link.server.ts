// What happens when a visitor opens a creator's short link (https://<shop>/apps/<subpath>/<slug>, forwarded by
// Shopify's app proxy): rate-limited per visitor IP, the click recorded without the IP, and a redirect that can only
// ever point at the shop's own storefront. Nothing in the request decides where the redirect goes: the target is
// built from the stored link, code and shop domain, and checked once more with isRedirectToShop.
import { createHmac } from "node:crypto";
import { dayKey } from "../domain/dates";
import { classifyUserAgentBot, isRedirectToShop, isValidSlug, visitorHash } from "../domain/links";
import { env } from "../env.server";
import { recordClick } from "../models/click.server";
import { hitRateLimit } from "../models/rate-limit.server";
import { getShop } from "../models/shop.server";
import { getRedirectTarget } from "../models/tracked-link.server";
import { linkDestinationUrl, storefrontDomain } from "./link-urls.server";

export type Visitor = { ip: string | null; userAgent: string | null; referrer: string | null };

export type FollowLinkOutcome =
  | { kind: "redirect"; location: string }
  | { kind: "not_found" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

const RATE_WINDOW_MS = 60_000;
const MAX_REFERRER_LENGTH = 500;

/** The rate-limit key of a visitor: a keyed hash, so that the counters table never holds an IP either. */
function rateLimitKey(ip: string | null): string {
  const digest = createHmac("sha256", env.CLICK_HASH_SALT).update((ip ?? "unknown").trim().toLowerCase()).digest("hex");
  return `link-click:${digest}`;
}

/**
 * The referring page as origin and path only: its query and fragment may carry someone's e-mail or a token, and
 * attribution only needs where the visitor came from. Anything that is not an http(s) URL is dropped.
 */
export function referrerForStorage(referrer: string | null): string | null {
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return `${url.origin}${url.pathname}`.slice(0, MAX_REFERRER_LENGTH);
  } catch {
    return null;
  }
}

/**
 * Follows a short link of the shop: above the per-IP rate → rate_limited (nothing recorded); an unknown slug →
 * not_found (nothing recorded, no redirect); else the click is recorded and the visitor sent to the shop's discount
 * URL (or the destination when the code is paused). A click that fails to save still redirects: the visitor
 * must not pay for our database.
 */
export async function followTrackedLink(shop: string, slug: string, visitor: Visitor, now: Date = new Date()): Promise<FollowLinkOutcome> {
  const allowed = await hitRateLimit(rateLimitKey(visitor.ip), env.LINK_CLICKS_PER_MINUTE_PER_IP, RATE_WINDOW_MS, now);
  if (!allowed) {
    const windowEnd = (Math.floor(now.getTime() / RATE_WINDOW_MS) + 1) * RATE_WINDOW_MS;
    return { kind: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
  }
  if (!isValidSlug(slug)) return { kind: "not_found" };
  const target = await getRedirectTarget(shop, slug);
  if (!target) return { kind: "not_found" };
  const shopRow = await getShop(shop);
  const domain = storefrontDomain(shop, shopRow?.primaryDomain);
  let location: string;
  try {
    location = linkDestinationUrl(domain, target.link, target.code);
  } catch (error) {
    console.error(`Creator ROI: link ${target.link.id} of ${shop} has no valid destination`, error);
    return { kind: "not_found" };
  }
  if (!isRedirectToShop(location, domain)) {
    console.error(`Creator ROI: refused to redirect link ${target.link.id} of ${shop} off the shop`);
    return { kind: "not_found" };
  }
  try {
    const day = dayKey(now, shopRow?.ianaTimezone ?? "UTC");
    await recordClick(shop, {
      link: target.link,
      at: now,
      referrer: referrerForStorage(visitor.referrer),
      visitorHash: visitorHash({ ip: visitor.ip, userAgent: visitor.userAgent, salt: env.CLICK_HASH_SALT, day }),
      isBot: classifyUserAgentBot(visitor.userAgent),
      day,
    });
  } catch (error) {
    console.error(`Creator ROI: click on link ${target.link.id} of ${shop} not recorded`, error);
  }
  return { kind: "redirect", location };
}
