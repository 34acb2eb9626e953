// Demo orders: a few months of a shop's sales, some brought by the demo creators (their codes, their links' UTMs),
// most not, with repeat buyers, refunds and cancellations. The seeded generator (scripts/lib/generate-orders.ts)
// writes them as Shopify's webhook bodies; they arrive through the app's real webhook routes, signed with the demo's
// secret, exactly as Shopify would send them. The same orders are given to the Shopify stand-in, so that the order
// history import and the hourly reconciliation of the demo read them back from "Shopify" (and change nothing).
import { generateOrderStream, type CampaignSpec, type CreatorSpec, type GeneratedEvent, type Tier } from "./generate-orders.ts";
import { webhookHeaders } from "../../test/support/webhook-request.ts";
import { moneyBag, type StandInOrder } from "../../test/support/shopify-stand-in/index.ts";
import type { SeedContext } from "./seed-demo.ts";

/** Orders generated for the demo (each yields one to four webhook deliveries). */
export const DEMO_ORDERS = 900;
/** Days of sales, ending today. */
export const DEMO_ORDER_DAYS = 90;
const SEED = 20_261_127;
// Audiences convert differently by tier (the generator's own figures).
const CONVERSION: Record<Tier, number> = { nano: 0.045, micro: 0.03, mid: 0.018, macro: 0.01, mega: 0.005 };
const TIERS: readonly Tier[] = ["nano", "micro", "mid", "macro", "mega"];

/** The demo creators that have a code and a link, as the generator's roster (keys are their database ids). */
async function demoRoster(shop: string): Promise<{ creators: CreatorSpec[]; campaigns: CampaignSpec[] }> {
  const { listCampaigns } = await import("../../app/models/campaign.server.ts");
  const { getCampaignCreators } = await import("../../app/queries/get-campaign-creators.server.ts");
  const { getTrackedLink } = await import("../../app/models/tracked-link.server.ts");
  const { listCreators } = await import("../../app/models/creator.server.ts");
  const campaigns = (await listCampaigns(shop, { status: "all", sort: "name", direction: "asc", page: 1, pageSize: 100 })).items;
  // Sales follow reach: the generator weighs each creator by their largest audience.
  const roster = (await listCreators(shop, { status: "all", sort: "name", direction: "asc", page: 1, pageSize: 100 })).items;
  const reach = new Map(roster.map((creator) => [creator.id, Math.max(1_000, ...creator.platforms.map((p) => p.followers))]));
  const creators: CreatorSpec[] = [];
  const used: CampaignSpec[] = [];
  const seen = new Set<string>();
  for (const campaign of campaigns) {
    const { rows } = await getCampaignCreators(shop, campaign.id);
    for (const row of rows) {
      const code = row.codes.find((c) => c.state === "active");
      const link = row.link ? await getTrackedLink(shop, row.link.id) : null;
      // One spec per creator: the generator keys creators by id, and a creator's first campaign carries its sales.
      if (!code || !link || seen.has(row.creator.id)) continue;
      seen.add(row.creator.id);
      const tier = (TIERS as readonly string[]).includes(row.creator.tier) ? (row.creator.tier as Tier) : "nano";
      creators.push({
        key: row.creator.id,
        handle: row.creator.handle,
        tier,
        followers: reach.get(row.creator.id) ?? 1_000,
        platform: row.creator.platform === "tiktok" || row.creator.platform === "youtube" ? row.creator.platform : "instagram",
        conversion: CONVERSION[tier],
        campaignKey: campaign.id,
        campaignSlug: campaign.slug,
        code: code.code,
        link: { slug: link.slug, utmSource: link.utmSource, utmMedium: link.utmMedium, utmCampaign: link.utmCampaign, utmContent: link.utmContent },
      });
    }
    if (creators.some((c) => c.campaignKey === campaign.id)) used.push({ key: campaign.id, slug: campaign.slug, name: campaign.name });
  }
  return { creators, campaigns: used };
}

type Money = { shop_money: { amount: string; currency_code: string } };
type OrderBody = {
  admin_graphql_api_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  processed_at: string | null;
  cancelled_at: string | null;
  test: boolean;
  currency: string;
  presentment_currency: string;
  source_name: string | null;
  landing_site: string | null;
  referring_site: string | null;
  customer: { admin_graphql_api_id: string } | null;
  discount_codes: { code: string }[];
  subtotal_price_set: Money;
  total_discounts_set: Money;
  total_shipping_price_set: Money;
  total_tax_set: Money;
  line_items: { admin_graphql_api_id: string; quantity: number; price_set: Money; variant_id: number | null }[];
};

/** Decimal string × quantity, exactly (string arithmetic on the minor units). */
function times(amount: string, quantity: number): string {
  const [whole = "0", fraction = ""] = amount.split(".");
  const digits = fraction.length;
  const minor = BigInt(whole + fraction) * BigInt(quantity);
  if (digits === 0) return minor.toString();
  const text = minor.toString().padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The order as the Admin API would return it: the latest version of its webhook body, in the stand-in's shape. */
function standInOrder(body: OrderBody): StandInOrder {
  const bag = (money: Money) => moneyBag(money.shop_money.amount, money.shop_money.currency_code);
  const visit = body.landing_site
    ? (() => {
        const params = new URL(body.landing_site, "https://demo.creator-roi.example").searchParams;
        const utm = (key: string) => params.get(`utm_${key}`);
        return {
          landingPage: body.landing_site,
          referrerUrl: body.referring_site,
          occurredAt: body.processed_at ?? body.created_at,
          utmParameters: { source: utm("source"), medium: utm("medium"), campaign: utm("campaign"), content: utm("content"), term: utm("term") },
        };
      })()
    : null;
  return {
    id: body.admin_graphql_api_id,
    name: body.name,
    createdAt: body.created_at,
    updatedAt: body.updated_at,
    processedAt: body.processed_at ?? body.created_at,
    cancelledAt: body.cancelled_at,
    test: body.test,
    currencyCode: body.currency,
    presentmentCurrencyCode: body.presentment_currency,
    sourceName: body.source_name,
    customer: body.customer ? { id: body.customer.admin_graphql_api_id } : null,
    discountCodes: body.discount_codes.map((d) => d.code),
    subtotalPriceSet: bag(body.subtotal_price_set),
    totalDiscountsSet: bag(body.total_discounts_set),
    totalShippingPriceSet: bag(body.total_shipping_price_set),
    totalTaxSet: bag(body.total_tax_set),
    totalRefundedSet: moneyBag("0.00", body.currency),
    refunds: [],
    customerJourneySummary: visit ? { ready: true, firstVisit: visit, lastVisit: visit } : null,
    lineItems: body.line_items.map((line) => ({
      id: line.admin_graphql_api_id,
      quantity: line.quantity,
      originalTotalSet: moneyBag(times(line.price_set.shop_money.amount, line.quantity), line.price_set.shop_money.currency_code),
      variant: line.variant_id === null ? null : { id: `gid://shopify/ProductVariant/${line.variant_id}` },
    })),
  };
}

async function deliver(ctx: SeedContext, event: GeneratedEvent): Promise<void> {
  const headers = webhookHeaders({ topic: event.topic, shop: ctx.shop, body: event.body, webhookId: event.webhookId, eventId: event.eventId, secret: ctx.apiSecret });
  const response = await fetch(new URL(`/webhooks/${event.topic}`, ctx.appUrl), { method: "POST", headers, body: event.body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`Demo: ${event.topic} ${event.orderGid} answered HTTP ${response.status}`);
}

async function sendBulkFinish(ctx: SeedContext, bulkOperationId: string): Promise<void> {
  ctx.standIn.completeBulkOperation(ctx.shop, bulkOperationId);
  const body = JSON.stringify({ admin_graphql_api_id: bulkOperationId, status: "completed", type: "query", error_code: null });
  const headers = webhookHeaders({ topic: "bulk_operations/finish", shop: ctx.shop, body, secret: ctx.apiSecret });
  const response = await fetch(new URL("/webhooks/bulk_operations/finish", ctx.appUrl), { method: "POST", headers, body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`Demo: bulk_operations/finish answered HTTP ${response.status}`);
}

/**
 * The demo's order history import, as staff would run it once the history is in "Shopify": an automatic run that
 * started before the orders were there (its export is empty) is let finish, then "Import past orders" is pressed on
 * the order history page, and the stand-in reports the export done with Shopify's webhook. The app's job runner
 * reads it in the background (every order is already stored: nothing changes but the page's progress).
 */
async function importHistoryFromStandIn(ctx: SeedContext): Promise<void> {
  const { getOrderBackfill } = await import("../../app/models/order-backfill.server.ts");
  const early = await getOrderBackfill(ctx.shop);
  if (early?.bulkOperationId && early.status === "exporting") {
    await sendBulkFinish(ctx, early.bulkOperationId);
    for (let waited = 0; waited < 20_000; waited += 100) {
      const run = await getOrderBackfill(ctx.shop);
      if (run?.status === "completed" || run?.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const started = await fetch(new URL("/app/history?_data=routes%2Fapp.history", ctx.appUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "start" }),
  });
  await started.arrayBuffer();
  if (!started.ok) throw new Error(`Demo: starting the order history import answered HTTP ${started.status}`);
  const run = await getOrderBackfill(ctx.shop);
  if (run?.bulkOperationId && run.status === "exporting") await sendBulkFinish(ctx, run.bulkOperationId);
}

/** Sends the demo shop's order history through the webhook routes and mirrors it in the Shopify stand-in. */
export async function seedOrders(ctx: SeedContext): Promise<void> {
  const started = Date.now();
  const { getShop } = await import("../../app/models/shop.server.ts");
  const shop = await getShop(ctx.shop);
  const roster = await demoRoster(ctx.shop);
  const today = new Date();
  const start = new Date(today.getTime() - DEMO_ORDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  const stream = generateOrderStream({
    seed: SEED,
    shop: ctx.shop,
    orders: DEMO_ORDERS,
    currency: shop?.currencyCode ?? "EUR",
    timeZone: shop?.ianaTimezone ?? "Europe/Paris",
    start,
    days: DEMO_ORDER_DAYS,
    creators: roster.creators,
    campaigns: roster.campaigns,
  });
  // Deliveries a real shop would not have sent yet (a refund dated later today) wait for their time: none is sent.
  const due = stream.events.filter((event) => Date.parse(event.at) <= today.getTime());
  const latest = new Map<string, OrderBody>();
  for (const event of due) {
    await deliver(ctx, event);
    if (event.topic !== "refunds/create") latest.set(event.orderGid, JSON.parse(event.body) as OrderBody);
  }
  ctx.standIn.state.seedOrders(ctx.shop, [...latest.values()].filter((body) => !body.test).map(standInOrder));
  await importHistoryFromStandIn(ctx);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  ctx.log(`Demo: ${latest.size} orders over ${DEMO_ORDER_DAYS} days (${due.length} webhook deliveries, ${roster.creators.length} creators) in ${seconds} s.`);
}
