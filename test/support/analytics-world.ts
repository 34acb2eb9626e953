// A shop with analytics to read: the ingestion helper's seeded order stream (scripts/lib/generate-orders.ts) stored
// through the real ingestion core in-process (orders, touches, customers, refunds and rollups as production writes
// them), plus what staff and visitors add around it: collaboration costs, campaign dates and budgets, creator
// platforms, human and bot clicks on the tracked links (through the links model, which keeps the click rollups).
// Call after the app's database seam points at the test database (useModelDatabase).
import type { PrismaClient } from "../../app/generated/prisma/client";
import { generateOrderStream, type GeneratedStream } from "../../scripts/lib/generate-orders";
import { seedWorld } from "../integration/ingest/seed-world";

export type AnalyticsWorldOptions = {
  shop: string;
  seed: number;
  orders: number;
  currency?: string;
  timeZone?: string;
  /** First day of sales, 'YYYY-MM-DD' (UTC midnight). */
  start: string;
  days: number;
  /** Id prefix of the seeded creators and campaigns (several shops in one database). */
  prefix?: string;
  clicks?: number;
};

export type AnalyticsWorld = { stream: GeneratedStream; prefix: string };

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const COMPENSATIONS = ["gifted", "paid", "commission", "hybrid"] as const;
const PLATFORMS = ["instagram", "tiktok", "youtube"] as const;

/** Generates, stores and ingests a shop's orders and the costs, dates and clicks around them. */
export async function buildAnalyticsWorld(client: PrismaClient, options: AnalyticsWorldOptions): Promise<AnalyticsWorld> {
  const prefix = options.prefix ?? "";
  const stream = generateOrderStream({
    seed: options.seed,
    shop: options.shop,
    orders: options.orders,
    currency: options.currency ?? "EUR",
    timeZone: options.timeZone ?? "Europe/Paris",
    start: options.start,
    days: options.days,
  });
  await seedWorld(client, stream, prefix);

  const { normalizeOrder, normalizeRefund } = await import("../../app/domain/orders");
  const ingest = await import("../../app/ingest/ingest-order.server");
  for (const event of stream.events) {
    const payload = JSON.parse(event.body) as unknown;
    if (event.topic === "refunds/create") await ingest.ingestRefund(options.shop, normalizeRefund(payload, event.body));
    else await ingest.ingestOrder(options.shop, normalizeOrder(payload), { source: "webhook" });
  }

  const random = lcg(options.seed);
  const startMs = Date.parse(`${options.start}T00:00:00Z`);
  // Campaigns: one with dates inside the sales period and a budget, the others open-ended, each a compensation type.
  const campaigns = await client.campaign.findMany({ where: { shop: options.shop }, orderBy: { id: "asc" } });
  for (const [i, campaign] of campaigns.entries()) {
    await client.campaign.update({
      where: { id: campaign.id },
      data: {
        compensationType: COMPENSATIONS[i % COMPENSATIONS.length],
        startsAt: i === 0 ? new Date(startMs + 10 * 86_400_000) : null,
        endsAt: i === 0 ? new Date(startMs + 40 * 86_400_000) : null,
        budgetMinor: i === 0 ? 250_000 : 0,
      },
    });
  }
  // Costs: varied fees, commission rates, gifts and shipping (some collaborations cost nothing).
  const collaborations = await client.collaboration.findMany({ where: { shop: options.shop }, orderBy: { id: "asc" } });
  for (const [i, collaboration] of collaborations.entries()) {
    await client.collaboration.update({
      where: { id: collaboration.id },
      data: {
        feeMinor: [0, 15_000, 40_000, 99_999][i % 4]!,
        commissionBps: [0, 750, 1_000, 1_250][(i + 1) % 4]!,
        giftedCostMinor: [4_500, 0, 3_333][i % 3]!,
        shippingCostMinor: [700, 0][i % 2]!,
        createdAt: new Date(startMs + (i % 5) * 86_400_000),
      },
    });
  }
  // Platforms, so that the leaderboard's platform filter has something to filter.
  for (const [i, creator] of stream.creators.entries()) {
    await client.creatorPlatform.create({
      data: { shop: options.shop, creatorId: prefix + creator.key, platform: PLATFORMS[i % PLATFORMS.length]!, followers: creator.followers },
    });
  }
  // Clicks on the creators' links: humans and some bots (bots count nowhere).
  const { recordClick } = await import("../../app/models/click.server");
  const { dayKey } = await import("../../app/domain/dates");
  const links = await client.trackedLink.findMany({ where: { shop: options.shop }, orderBy: { slug: "asc" } });
  for (let i = 0; i < (options.clicks ?? 200) && links.length > 0; i++) {
    const link = links[Math.floor(random() * links.length)]!;
    const at = new Date(startMs + Math.floor(random() * options.days * 86_400_000));
    await recordClick(options.shop, {
      link: { id: link.id, creatorId: link.creatorId, campaignId: link.campaignId },
      at,
      referrer: null,
      visitorHash: `visitor-${i}`,
      isBot: random() < 0.1,
      day: dayKey(at, stream.timeZone),
    });
  }
  return { stream, prefix };
}
