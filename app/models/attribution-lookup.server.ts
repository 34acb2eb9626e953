// The shop's creator signals that one order's attribution needs: only the codes, UTM values and clicks that
// could match this order are read, so the cost does not grow with the number of creators. Plain SQL: these run
// on every order webhook (see raw-rows.server.ts).
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./transaction.server";

export type CodeOwner = { codeKey: string; creatorId: string; campaignId: string };

/** Owners of the given upper-cased codes, whatever the code's state: a code used is a signal, even paused or deleted. */
export async function findCodeOwners(tx: Tx, shop: string, codeKeys: readonly string[]): Promise<CodeOwner[]> {
  if (codeKeys.length === 0) return [];
  return tx.$queryRaw<CodeOwner[]>`
    SELECT "codeKey", "creatorId", "campaignId" FROM "DiscountCode" WHERE "shop" = ${shop} AND "codeKey" IN (${Prisma.join(codeKeys)})`;
}

export type LinkUtm = { id: string; creatorId: string; campaignId: string; utmMedium: string; utmCampaign: string; utmContent: string };

/** Tracked links whose utm_content or utm_campaign is one of the values (as given: callers pass both cases). */
export async function findLinksByUtm(tx: Tx, shop: string, contents: readonly string[], campaigns: readonly string[]): Promise<LinkUtm[]> {
  const conditions = [
    ...(contents.length > 0 ? [Prisma.sql`"utmContent" IN (${Prisma.join(contents)})`] : []),
    ...(campaigns.length > 0 ? [Prisma.sql`"utmCampaign" IN (${Prisma.join(campaigns)})`] : []),
  ];
  if (conditions.length === 0) return [];
  return tx.$queryRaw<LinkUtm[]>`
    SELECT "id", "creatorId", "campaignId", "utmMedium", "utmCampaign", "utmContent" FROM "TrackedLink"
    WHERE "shop" = ${shop} AND (${Prisma.join(conditions, " OR ")})`;
}

/** Creators of the shop by lower-cased handle. */
export async function findCreatorsByHandle(tx: Tx, shop: string, handleKeys: readonly string[]): Promise<{ id: string; handleKey: string }[]> {
  if (handleKeys.length === 0) return [];
  return tx.$queryRaw<{ id: string; handleKey: string }[]>`
    SELECT "id", "handleKey" FROM "Creator" WHERE "shop" = ${shop} AND "handleKey" IN (${Prisma.join(handleKeys)})`;
}

/** Campaigns of the shop by slug. */
export async function findCampaignsBySlug(tx: Tx, shop: string, slugs: readonly string[]): Promise<{ id: string; slug: string }[]> {
  if (slugs.length === 0) return [];
  return tx.$queryRaw<{ id: string; slug: string }[]>`SELECT "id", "slug" FROM "Campaign" WHERE "shop" = ${shop} AND "slug" IN (${Prisma.join(slugs)})`;
}

export type ClickRef = { id: string; creatorId: string; campaignId: string; at: Date };

/** Human clicks of a visitor (any of its daily hashes) in [from, to]. */
export async function findVisitorClicks(tx: Tx, shop: string, visitorHashes: readonly string[], from: Date, to: Date): Promise<ClickRef[]> {
  if (visitorHashes.length === 0) return [];
  return tx.$queryRaw<ClickRef[]>`
    SELECT "id", "creatorId", "campaignId", "at" FROM "Click"
    WHERE "shop" = ${shop} AND "visitorHash" IN (${Prisma.join(visitorHashes)}) AND "at" >= ${from} AND "at" <= ${to} AND "isBot" = ${false}`;
}

/** The latest human click on one link in [from, to], if any. */
export async function findLatestLinkClick(tx: Tx, shop: string, linkId: string, creatorId: string, from: Date, to: Date): Promise<ClickRef | null> {
  const [click] = await tx.$queryRaw<ClickRef[]>`
    SELECT "id", "creatorId", "campaignId", "at" FROM "Click"
    WHERE "shop" = ${shop} AND "creatorId" = ${creatorId} AND "linkId" = ${linkId} AND "at" >= ${from} AND "at" <= ${to} AND "isBot" = ${false}
    ORDER BY "at" DESC LIMIT 1`;
  return click ?? null;
}
