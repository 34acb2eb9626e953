// Stores a generated stream's creators, campaigns, codes and links in a test database, under the stream's keys.
import type { PrismaClient } from "../../../app/generated/prisma/client";
import type { GeneratedStream, Totals } from "../../../scripts/lib/generate-orders";

/** Ids are the stream's keys, behind `prefix` (several shops of one database each need their own ids). */
export async function seedWorld(
  client: PrismaClient,
  stream: Pick<GeneratedStream, "shop" | "currency" | "timeZone" | "creators" | "campaigns">,
  prefix = "",
): Promise<void> {
  const { shop } = stream;
  await client.shop.upsert({
    where: { shop },
    create: { shop, currencyCode: stream.currency, ianaTimezone: stream.timeZone },
    update: { currencyCode: stream.currency, ianaTimezone: stream.timeZone },
  });
  for (const campaign of stream.campaigns) {
    await client.campaign.create({ data: { id: prefix + campaign.key, shop, name: campaign.name, slug: campaign.slug } });
  }
  for (const creator of stream.creators) {
    await client.creator.create({ data: { id: prefix + creator.key, shop, name: creator.handle, handle: creator.handle, handleKey: creator.handle.toLowerCase(), tier: creator.tier } });
    const collaboration = await client.collaboration.create({ data: { shop, creatorId: prefix + creator.key, campaignId: prefix + creator.campaignKey } });
    await client.discountCode.create({
      data: {
        shop,
        collaborationId: collaboration.id,
        creatorId: prefix + creator.key,
        campaignId: prefix + creator.campaignKey,
        code: creator.code,
        codeKey: creator.code.toUpperCase(),
        shopifyDiscountId: `gid://shopify/DiscountCodeNode/${prefix.length}${creator.key.replace(/\D/g, "") || "1"}`,
        valueType: "percentage",
        value: 15,
      },
    });
    await client.trackedLink.create({
      data: {
        shop,
        collaborationId: collaboration.id,
        creatorId: prefix + creator.key,
        campaignId: prefix + creator.campaignKey,
        slug: creator.link.slug,
        utmSource: creator.link.utmSource,
        utmMedium: creator.link.utmMedium,
        utmCampaign: creator.link.utmCampaign,
        utmContent: creator.link.utmContent,
      },
    });
  }
}

const ZERO: Totals = { orders: 0, codeOrders: 0, linkOrders: 0, newCustomers: 0, grossMinor: 0, discountsMinor: 0, refundsMinor: 0, netMinor: 0, repeatOrders: 0, repeatNetMinor: 0 };

/** One creator's (or the baseline's, "") totals, zero when it has no row. */
export function totalsOf(totals: Record<string, Totals>, creatorId: string): Totals {
  return totals[creatorId] ?? ZERO;
}

/** The rollups of a shop summed per creator ("" = the baseline), in the generator's Totals shape. */
export async function rollupTotals(client: PrismaClient, shop: string): Promise<Record<string, Totals>> {
  const groups = await client.dailyRollup.groupBy({
    by: ["creatorId"],
    where: { shop },
    _sum: {
      orders: true,
      codeOrders: true,
      linkOrders: true,
      newCustomers: true,
      grossMinor: true,
      discountsMinor: true,
      refundsMinor: true,
      netMinor: true,
      repeatOrders: true,
      repeatNetMinor: true,
    },
  });
  const out: Record<string, Totals> = {};
  for (const group of groups) {
    const s = group._sum;
    out[group.creatorId] = {
      orders: s.orders ?? 0,
      codeOrders: s.codeOrders ?? 0,
      linkOrders: s.linkOrders ?? 0,
      newCustomers: s.newCustomers ?? 0,
      grossMinor: s.grossMinor ?? 0,
      discountsMinor: s.discountsMinor ?? 0,
      refundsMinor: s.refundsMinor ?? 0,
      netMinor: s.netMinor ?? 0,
      repeatOrders: s.repeatOrders ?? 0,
      repeatNetMinor: s.repeatNetMinor ?? 0,
    };
  }
  return out;
}

/** Every rollup row of the shop, without all-zero rows, as comparable text lines (ids without the seeding prefix). */
export async function rollupSnapshot(client: PrismaClient, shop: string, prefix = ""): Promise<string[]> {
  const rows = await client.dailyRollup.findMany({ where: { shop }, orderBy: [{ day: "asc" }, { creatorId: "asc" }, { campaignId: "asc" }] });
  const strip = (id: string) => (prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id);
  return rows
    .map(({ shop: _s, updatedAt: _u, ...row }) => ({ ...row, creatorId: strip(row.creatorId), campaignId: strip(row.campaignId) }))
    .filter((row) => Object.entries(row).some(([k, v]) => !["creatorId", "campaignId", "day"].includes(k) && v !== 0))
    .map((row) => JSON.stringify(row));
}
