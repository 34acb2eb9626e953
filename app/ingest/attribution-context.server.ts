// How an order is tied to creators' signals (DESIGN §4), read from the shop's data:
// - codes: the order's codes against every DiscountCode row of the shop, whatever its state (a paused or deleted
//   code that was used is still that creator's signal);
// - UTMs (landing page, and the journey's first and last visits when the backfill read them): utm_content against
//   tracked links' utm_content (staff may have overridden it) then creators' handles; utm_campaign against links'
//   utm_campaign then campaign slugs; utm_medium must be "influencer" or the medium of one of the matched links;
// - clicks: the buyer's identity is not known server-side, so a click is tied to an order in two ways only:
//   (1) the same visitor: when the order carries the checkout's IP and user agent, the salted daily visitorHash is
//       recomputed for each day of the look-back and matched against the clicks' hashes (nothing of it is stored);
//   (2) the link the buyer came through: when the landing page carries exactly the UTM set of one tracked link, that
//       link's latest human click before the order stands for the buyer's click (the redirect put those UTMs there).
//   A click on a creator's link by anyone else is never a signal for this order.
// Clicks and journey visits are collected over a fixed look-back (at least 90 days) so that a report with a longer
// window can be rebuilt from the stored touches without re-reading the clicks; credit uses the shop's window.
import { addDays, dayKey, dayRange, toInstant } from "../domain/dates";
import type { AttributionContext, CreatorClick, CreatorRef } from "../domain/attribution";
import { DEFAULT_CREATOR_MEDIUMS } from "../domain/attribution";
import { visitorHash } from "../domain/links";
import type { NormalizedOrder, Utm } from "../domain/orders";
import {
  findCampaignsBySlug,
  findCodeOwners,
  findCreatorsByHandle,
  findLatestLinkClick,
  findLinksByUtm,
  findVisitorClicks,
  type LinkUtm,
} from "../models/attribution-lookup.server";
import type { Tx } from "../models/transaction.server";

/** Days of signals collected before an order, whatever the shop's current window (which may grow later). */
export const MIN_COLLECT_LOOKBACK_DAYS = 90;

const MS_PER_DAY = 86_400_000;

export type AttributionOrder = Pick<NormalizedOrder, "processedAt" | "codes" | "utm" | "visitor" | "journey">;

function utmSets(order: AttributionOrder): Utm[] {
  return [order.utm, order.journey?.first?.utm, order.journey?.last?.utm].filter(
    (utm): utm is Utm => !!utm && utm.medium !== null && (utm.content !== null || utm.campaign !== null),
  );
}

function variants(values: readonly (string | null)[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const trimmed = value?.trim();
    if (!trimmed) continue;
    out.add(trimmed);
    out.add(trimmed.toLowerCase());
  }
  return [...out];
}

const distinct = <T>(values: readonly T[]) => [...new Set(values)];

/** utm_content → creator: a tracked link's content (one creator only) wins over a creator's handle. */
function contentMap(contents: readonly string[], links: readonly LinkUtm[], creators: readonly { id: string; handleKey: string }[]) {
  const map = new Map<string, CreatorRef>();
  for (const content of distinct(contents.map((c) => c.toLowerCase()))) {
    const matching = links.filter((link) => link.utmContent.toLowerCase() === content);
    const creatorIds = distinct(matching.map((link) => link.creatorId));
    if (creatorIds.length === 1) {
      const campaigns = distinct(matching.map((link) => link.campaignId));
      map.set(content, { creatorId: creatorIds[0]!, campaignId: campaigns.length === 1 ? campaigns[0]! : null });
      continue;
    }
    if (creatorIds.length > 1) continue; // two creators' links share this content: it names nobody
    const creator = creators.find((c) => c.handleKey === content);
    if (creator) map.set(content, { creatorId: creator.id, campaignId: null });
  }
  return map;
}

/** utm_campaign → campaign: the campaign of the links carrying that value, else the campaign with that slug. */
function campaignMap(campaignValues: readonly string[], links: readonly LinkUtm[], campaigns: readonly { id: string; slug: string }[]) {
  const map = new Map<string, { campaignId: string; creatorId: string | null }>();
  for (const value of distinct(campaignValues.map((c) => c.toLowerCase()))) {
    const matching = links.filter((link) => link.utmCampaign.toLowerCase() === value);
    const campaignIds = distinct(matching.map((link) => link.campaignId));
    if (campaignIds.length === 1) {
      // Carried by one creator's links only, the value names that creator too (used when utm_content is absent).
      const creatorIds = distinct(matching.map((link) => link.creatorId));
      map.set(value, { campaignId: campaignIds[0]!, creatorId: creatorIds.length === 1 ? creatorIds[0]! : null });
      continue;
    }
    const campaign = campaigns.find((c) => c.slug.toLowerCase() === value);
    if (campaign) map.set(value, { campaignId: campaign.id, creatorId: null });
  }
  return map;
}

/**
 * The attribution context of one order: the codes, UTM values and clicks of the shop that can match it (see the
 * file comment for the rules). `salt` is the click hash secret; without it, clicks are matched by link only.
 */
export async function buildAttributionContext(
  tx: Tx,
  shop: string,
  order: AttributionOrder,
  settings: { ianaTimezone: string; attributionWindowDays: number },
  salt: string | null,
): Promise<AttributionContext> {
  const lookbackDays = Math.max(MIN_COLLECT_LOOKBACK_DAYS, settings.attributionWindowDays);
  const processedAt = toInstant(order.processedAt);
  const from = new Date(processedAt.getTime() - lookbackDays * MS_PER_DAY);

  const codeOwners = await findCodeOwners(tx, shop, order.codes);
  const codes = new Map<string, CreatorRef>(codeOwners.map((owner) => [owner.codeKey, { creatorId: owner.creatorId, campaignId: owner.campaignId }]));

  const sets = utmSets(order);
  const contents = variants(sets.map((utm) => utm.content));
  const campaignValues = variants(sets.map((utm) => utm.campaign));
  const links = await findLinksByUtm(tx, shop, contents, campaignValues);
  const lowerContents = distinct(contents.map((c) => c.toLowerCase()));
  const unresolvedHandles = lowerContents.filter((content) => !links.some((link) => link.utmContent.toLowerCase() === content));
  const creators = await findCreatorsByHandle(tx, shop, unresolvedHandles);
  // A value some link carries as its utm_campaign names that link's campaign; campaign slugs are read for the others.
  const unresolvedCampaigns = distinct(campaignValues.map((c) => c.toLowerCase())).filter(
    (value) => !links.some((link) => link.utmCampaign.toLowerCase() === value),
  );
  const campaigns = await findCampaignsBySlug(tx, shop, unresolvedCampaigns);

  const ctx: AttributionContext = {
    codes,
    utmContentHandles: contentMap(contents, links, creators),
    utmCampaigns: campaignMap(campaignValues, links, campaigns),
    creatorMediums: distinct([...DEFAULT_CREATOR_MEDIUMS, ...links.map((link) => link.utmMedium.toLowerCase())]),
    clicks: [],
    journey: { first: order.journey?.first ?? null, last: order.journey?.last ?? null },
    windowDays: lookbackDays,
  };

  const clicks = new Map<string, CreatorClick>();
  const visitor = order.visitor;
  if (salt && visitor && (visitor.ip || visitor.userAgent)) {
    const lastDay = dayKey(processedAt, settings.ianaTimezone);
    const days = dayRange(addDays(lastDay, -lookbackDays - 1), lastDay);
    const hashes = days.map((day) => visitorHash({ ip: visitor.ip, userAgent: visitor.userAgent, salt, day }));
    for (const click of await findVisitorClicks(tx, shop, hashes, from, processedAt)) clicks.set(click.id, click);
  }

  const landing = order.utm;
  if (landing.medium && landing.content && landing.campaign) {
    const content = landing.content.trim().toLowerCase();
    const campaign = landing.campaign.trim().toLowerCase();
    const medium = landing.medium.trim().toLowerCase();
    const link = links.find(
      (l) => l.utmContent.toLowerCase() === content && l.utmCampaign.toLowerCase() === campaign && l.utmMedium.toLowerCase() === medium,
    );
    if (link) {
      const click = await findLatestLinkClick(tx, shop, link.id, link.creatorId, from, processedAt);
      if (click) clicks.set(click.id, click);
    }
  }
  ctx.clicks = [...clicks.values()].map(({ creatorId, campaignId, at }) => ({ creatorId, campaignId, at }));
  return ctx;
}
