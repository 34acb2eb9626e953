// A shop with a row in every table that carries `shop`, arranged directly in the database, so that the privacy
// tests can check what each compliance webhook removes and what it leaves.
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { storeOfflineSession } from "../../support/sessions";

export interface ArrangedShop {
  shop: string;
  creatorId: string;
  campaignId: string;
  /** The customer whose data the tests ask for or redact. */
  customerId: string;
  /** Their two orders (the second names them only in Shopify's orders_to_redact: a guest order here). */
  customerOrderIds: string[];
  /** Another customer's order, which must be left alone. */
  otherCustomerOrderId: string;
}

/** Order GIDs of a shop are distinct from another shop's in these fixtures, but the customer id is shared on purpose. */
export async function arrangeShopData(client: PrismaClient, shop: string, n: number): Promise<ArrangedShop> {
  const customerId = "gid://shopify/Customer/115310627314723954";
  const base = 5_000_000_000 + n * 1000;
  const orderGid = (i: number) => `gid://shopify/Order/${base + i}`;
  await client.shop.create({ data: { shop, currencyCode: "EUR", ianaTimezone: "Europe/Paris", primaryDomain: `${shop}.example` } });
  await storeOfflineSession(client, shop);
  const creator = await client.creator.create({
    data: { shop, name: "Anna Example", handle: "anna", handleKey: "anna", platforms: { create: [{ shop, platform: "instagram", followers: 50_000 }] } },
  });
  const campaign = await client.campaign.create({ data: { shop, name: "Spring", slug: "spring" } });
  const collaboration = await client.collaboration.create({ data: { shop, creatorId: creator.id, campaignId: campaign.id } });
  await client.discountCode.create({
    data: { shop, collaborationId: collaboration.id, creatorId: creator.id, campaignId: campaign.id, code: "ANNA10", codeKey: "ANNA10", valueType: "percentage", value: 10 },
  });
  const link = await client.trackedLink.create({
    data: {
      shop,
      collaborationId: collaboration.id,
      creatorId: creator.id,
      campaignId: campaign.id,
      slug: "anna",
      utmSource: "instagram",
      utmMedium: "influencer",
      utmCampaign: "spring",
      utmContent: "anna",
    },
  });
  await client.click.create({ data: { shop, linkId: link.id, creatorId: creator.id, campaignId: campaign.id, visitorHash: "h1" } });

  const order = (i: number, customer: string | null) =>
    client.order.create({
      data: {
        shop,
        shopifyOrderId: orderGid(i),
        name: `#${1000 + i}`,
        processedAt: new Date(`2026-03-0${i}T10:00:00Z`),
        shopifyUpdatedAt: new Date(`2026-03-0${i}T10:00:00Z`),
        customerId: customer,
        currency: "EUR",
        presentmentCurrency: "EUR",
        grossMinor: 10000,
        discountsMinor: 1000,
        shippingMinor: 500,
        taxesMinor: 0,
        codes: '["ANNA10"]',
        creditedCreatorId: creator.id,
        creditedCampaignId: campaign.id,
        touches: { create: [{ shop, creatorId: creator.id, campaignId: campaign.id, kind: "code", at: new Date(`2026-03-0${i}T10:00:00Z`), evidence: "ANNA10" }] },
      },
    });
  await order(1, customerId);
  await order(2, null);
  await order(3, "gid://shopify/Customer/42");
  await client.refund.create({ data: { shop, shopifyRefundId: `gid://shopify/Refund/${base}`, shopifyOrderId: orderGid(1), processedAt: new Date("2026-03-05T10:00:00Z"), amountMinor: 500, applied: true } });
  await client.customer.create({
    data: { shop, shopifyCustomerId: customerId, firstOrderAt: new Date("2026-03-01T10:00:00Z"), firstOrderId: orderGid(1), acquiringCreatorId: creator.id, acquisitionChannel: "creator" },
  });
  await client.customer.create({ data: { shop, shopifyCustomerId: "gid://shopify/Customer/42", firstOrderAt: new Date("2026-03-03T10:00:00Z"), acquisitionChannel: "direct" } });
  await client.webhookEvent.create({ data: { shop, webhookId: `wh-${shop}`, topic: "orders/create", payload: "{}", status: "processed" } });
  await client.dailyRollup.create({ data: { shop, creatorId: creator.id, campaignId: campaign.id, day: "2026-03-01", orders: 3, grossMinor: 30000, discountsMinor: 3000, netMinor: 27000 } });
  await client.job.create({ data: { shop, name: "reconcile-orders", runKey: `reconcile-orders:${shop}:2026-03-01T10` } });
  await client.cohortSnapshot.create({ data: { shop, scope: "shop", key: "", asOf: new Date("2026-03-06T00:00:00Z"), customers: 2, data: "{}" } });
  await client.orderBackfill.create({ data: { shop, status: "completed", createdSince: new Date("2026-01-01T00:00:00Z"), processed: 3 } });
  await client.customerDataRequest.create({ data: { shop, shopifyRequestId: "1", shopifyCustomerId: customerId, data: "{}" } });
  await client.rateLimit.create({ data: { key: `proxy:${shop}:203.0.113.7`, windowStart: new Date("2026-03-01T10:00:00Z"), count: 3 } });
  return { shop, creatorId: creator.id, campaignId: campaign.id, customerId, customerOrderIds: [orderGid(1), orderGid(2)], otherCustomerOrderId: orderGid(3) };
}
