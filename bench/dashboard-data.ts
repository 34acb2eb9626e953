// Bulk data for bench/dashboard.ts: a shop with N orders over two years (5,000 creators in 40 campaigns, N/5
// customers, refunds, unit costs, clicks), written straight into a migrated SQLite file with better-sqlite3 prepared
// statements in large transactions — what ingestion would have stored, produced a million times faster. The rollups
// are aggregated here from the generated orders with the same rules ingestion follows (credit to one creator under the
// default model, refunds on their own day, new customers and repeat orders by acquisition), so the pages read
// consistent data.
import Database from "better-sqlite3";

export type BenchShopSpec = {
  shop: string;
  orders: number;
  creators: number;
  campaigns: number;
  customers: number;
  /** Last day of sales (shop zone = UTC here), 'YYYY-MM-DD'. */
  endDay: string;
  days: number;
  seed: number;
};

export type BenchShopFacts = {
  shop: string;
  /** Creator ids: the one with the most credited net sales, and one in the middle of the ranking. */
  topCreatorId: string;
  medianCreatorId: string;
  /** The campaign with the most credited orders. */
  topCampaignId: string;
  rows: Record<string, number>;
};

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const TIERS = ["nano", "micro", "mid", "macro", "mega"] as const;
const PLATFORMS = ["instagram", "tiktok", "youtube", "twitch", "pinterest"] as const;
const COMPENSATIONS = ["gifted", "paid", "commission", "hybrid"] as const;
const CHANNELS = ["paid_social", "search", "email", "organic_social", "organic", "direct"] as const;

/** Prisma's SQLite text form of a DateTime. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Row = {
  clicks: number;
  orders: number;
  ppm: number;
  codeOrders: number;
  linkOrders: number;
  newCustomers: number;
  gross: number;
  discounts: number;
  refunds: number;
  net: number;
  repeatOrders: number;
  repeatNet: number;
  cogs: number;
  covered: number;
};

/** Writes one shop's data into an open database; returns ids the benchmark requests. */
export function generateBenchShop(db: Database.Database, spec: BenchShopSpec): BenchShopFacts {
  const random = rng(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const endMs = Date.parse(`${spec.endDay}T00:00:00Z`) + DAY_MS - 1;
  const startMs = endMs + 1 - spec.days * DAY_MS;
  const now = iso(Date.now());
  const p = spec.shop.split(".")[0]!;
  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);

  db.prepare(
    `INSERT INTO "Shop" (shop, currencyCode, ianaTimezone, primaryDomain, attributionModel, attributionWindowDays, defaultMarginBps, installedAt, createdAt, updatedAt)
     VALUES (?, 'EUR', 'UTC', ?, 'code_first_last_touch', 30, 5000, ?, ?, ?)`,
  ).run(spec.shop, `${p}.example`, iso(startMs), now, now);

  // Creators: Zipf-like reach, so a few creators bring most sales (as in real programmes).
  const creators = Array.from({ length: spec.creators }, (_, i) => ({
    id: `${p}-cr-${i}`,
    weight: 1 / Math.pow(i + 8, 0.9),
    tier: TIERS[Math.min(4, Math.floor(Math.pow(random(), 2.2) * 5))]!,
    campaigns: [] as number[],
  }));
  const insertCreator = db.prepare(
    `INSERT INTO "Creator" (id, shop, name, handle, handleKey, tier, notes, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, '', 'active', ?, ?)`,
  );
  const insertPlatform = db.prepare(`INSERT INTO "CreatorPlatform" (id, shop, creatorId, platform, followers) VALUES (?, ?, ?, ?, ?)`);
  const campaigns = Array.from({ length: spec.campaigns }, (_, k) => {
    const start = startMs + Math.floor((k / spec.campaigns) * (spec.days - 60)) * DAY_MS;
    return { id: `${p}-ca-${k}`, startMs: start, endMs: start + 90 * DAY_MS, compensation: COMPENSATIONS[k % 4]!, credited: 0 };
  });
  const insertCampaign = db.prepare(
    `INSERT INTO "Campaign" (id, shop, name, slug, objective, startsAt, endsAt, budgetMinor, brief, discountType, discountValue, oncePerCustomer, combinesWithOrder, combinesWithProduct, combinesWithShipping, compensationType, status, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, 'sales', ?, ?, ?, '[]', 'percentage', 15, 1, 0, 0, 1, ?, 'active', ?, ?)`,
  );
  const insertCollab = db.prepare(
    `INSERT INTO "Collaboration" (id, shop, creatorId, campaignId, state, feeMinor, commissionBps, giftedCostMinor, shippingCostMinor, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
  );
  const insertCode = db.prepare(
    `INSERT INTO "DiscountCode" (id, shop, collaborationId, creatorId, campaignId, code, codeKey, shopifyDiscountId, valueType, value, state, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'percentage', 15, 'active', ?, ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO "TrackedLink" (id, shop, collaborationId, creatorId, campaignId, slug, destinationPath, utmSource, utmMedium, utmCampaign, utmContent, clickCount, createdAt) VALUES (?, ?, ?, ?, ?, ?, '/', 'instagram', 'influencer', ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const [k, c] of campaigns.entries()) {
      insertCampaign.run(c.id, spec.shop, `Campaign ${k + 1}`, `${p}-campaign-${k}`, iso(c.startMs), iso(c.endMs), 2_000_000 + k * 50_000, c.compensation, now, now);
      count("Campaign");
    }
    for (const [i, c] of creators.entries()) {
      insertCreator.run(c.id, spec.shop, `Creator ${i}`, `creator_${i}`, `creator_${i}`, c.tier, now, now);
      insertPlatform.run(`${c.id}-pl`, spec.shop, c.id, PLATFORMS[i % PLATFORMS.length], 1000 + Math.floor(random() * 2_000_000));
      count("Creator");
      for (let j = 0; j < 2; j++) {
        const k = Math.floor(random() * campaigns.length);
        if (c.campaigns.includes(k)) continue;
        c.campaigns.push(k);
        const collab = `${c.id}-co-${k}`;
        const campaign = campaigns[k]!;
        insertCollab.run(collab, spec.shop, c.id, campaign.id, [0, 20_000, 50_000][i % 3], [0, 1_000, 1_500][(i + k) % 3], 3_000 + (i % 7) * 500, 800, iso(campaign.startMs), now);
        insertCode.run(`${collab}-dc`, spec.shop, collab, c.id, campaign.id, `C${i}K${k}`, `C${i}K${k}`, `gid://shopify/DiscountCodeNode/${i * 100 + k}`, now, now);
        insertLink.run(`${collab}-tl`, spec.shop, collab, c.id, campaign.id, `${p}${i}k${k}`, campaign.id, `creator_${i}`, 0, now);
        count("Collaboration");
      }
    }
  })();

  // Cumulative creator weights for sampling.
  const cumulative: number[] = [];
  let total = 0;
  for (const c of creators) cumulative.push((total += c.weight));
  const sampleCreator = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Orders, in time order, so that a customer's first order comes first.
  const times = Array.from({ length: spec.orders }, () => startMs + Math.floor(Math.pow(random(), 0.8) * (endMs - startMs))).sort((a, b) => a - b);
  type Customer = { gid: string; firstMs: number; firstOrderId: string; creator: number | null; campaign: string; channel: string; orders: number };
  const customers: Customer[] = [];
  const newShare = spec.customers / spec.orders;
  const rows = new Map<string, Row>();
  const row = (creatorId: string, campaignId: string, day: string): Row => {
    const key = `${creatorId}\u0000${campaignId}\u0000${day}`;
    let r = rows.get(key);
    if (!r) {
      r = { clicks: 0, orders: 0, ppm: 0, codeOrders: 0, linkOrders: 0, newCustomers: 0, gross: 0, discounts: 0, refunds: 0, net: 0, repeatOrders: 0, repeatNet: 0, cogs: 0, covered: 0 };
      rows.set(key, r);
    }
    return r;
  };
  const insertOrder = db.prepare(
    `INSERT INTO "Order" (id, shop, shopifyOrderId, name, processedAt, shopifyUpdatedAt, customerId, currency, presentmentCurrency, grossMinor, discountsMinor, shippingMinor, taxesMinor, refundsMinor, cogsMinor, cogsCoveredMinor, test, codes, landingUrl, sourceName, customerOrderIndex, creditedCreatorId, creditedCampaignId, attribution, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', 'EUR', ?, ?, 490, 0, ?, ?, ?, 0, ?, ?, 'web', ?, ?, ?, ?, ?, ?)`,
  );
  const insertTouch = db.prepare(`INSERT INTO "Touch" (id, shop, orderId, creatorId, campaignId, kind, at, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRefund = db.prepare(
    `INSERT INTO "Refund" (id, shop, shopifyRefundId, shopifyOrderId, processedAt, amountMinor, applied, createdAt) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const netByCreator = new Map<number, number>();
  const CHUNK = 50_000;
  for (let start = 0; start < times.length; start += CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(times.length, start + CHUNK); i++) {
        const ms = times[i]!;
        const day = dayOf(ms);
        const id = `${p}-o-${i}`;
        const gid = `gid://shopify/Order/${spec.seed}${String(i).padStart(9, "0")}`;
        const credited = random() < 0.3;
        const creatorIndex = credited ? sampleCreator() : null;
        const creator = creatorIndex === null ? null : creators[creatorIndex]!;
        let campaignId = "";
        if (creator && creator.campaigns.length > 0) {
          const active = creator.campaigns.find((k) => campaigns[k]!.startMs <= ms && ms <= campaigns[k]!.endMs);
          const k = active ?? creator.campaigns[0]!;
          campaignId = campaigns[k]!.id;
          campaigns[k]!.credited += 1;
        }
        const byCode = creator !== null && random() < 0.7;
        const gross = 2_000 + Math.floor(random() * 18_000);
        const discounts = byCode ? Math.floor(gross * 0.15) : Math.floor(gross * random() * 0.05);
        const hasCogs = random() < 0.4;
        const cogs = hasCogs ? Math.floor(gross * 0.35) : 0;
        const covered = hasCogs ? gross - discounts : 0;
        // Who bought: a guest, a new customer, or a returning one.
        let customer: Customer | null = null;
        let index: number | null = null;
        if (random() >= 0.1) {
          if (customers.length === 0 || random() < newShare * 1.1) {
            customer = {
              gid: `gid://shopify/Customer/${spec.seed}${customers.length}`,
              firstMs: ms,
              firstOrderId: id,
              creator: creatorIndex,
              campaign: campaignId,
              channel: creatorIndex !== null ? "creator" : pick(CHANNELS),
              orders: 0,
            };
            customers.push(customer);
          } else {
            // Recent customers come back more often.
            customer = customers[customers.length - 1 - Math.floor(Math.pow(random(), 2) * customers.length)]!;
          }
          customer.orders += 1;
          index = customer.orders;
        }
        const creditedId = creator?.id ?? "";
        const r = row(creditedId, campaignId, day);
        r.orders += 1;
        r.ppm += 1_000_000;
        if (creator) {
          if (byCode) r.codeOrders += 1;
          else r.linkOrders += 1;
          netByCreator.set(creatorIndex!, (netByCreator.get(creatorIndex!) ?? 0) + gross - discounts);
        }
        r.gross += gross;
        r.discounts += discounts;
        r.net += gross - discounts;
        r.cogs += cogs;
        r.covered += covered;
        if (customer && index === 1) {
          const acquired = customer.creator !== null ? creators[customer.creator]!.id : "";
          row(acquired, acquired ? customer.campaign : "", day).newCustomers += 1;
        }
        const repeatOf = customer && index !== null && index > 1 && customer.creator !== null ? customer : null;
        if (repeatOf) {
          const cr = row(creators[repeatOf.creator!]!.id, repeatOf.campaign, day);
          cr.repeatOrders += 1;
          cr.repeatNet += gross - discounts;
        }
        // Refunds: 4% of orders, part or all of the net, days later.
        let refunded = 0;
        if (random() < 0.04) {
          refunded = Math.max(1, Math.floor((gross - discounts) * (0.3 + random() * 0.7)));
          const refundMs = Math.min(endMs, ms + (3 + Math.floor(random() * 17)) * DAY_MS);
          insertRefund.run(`${id}-rf`, spec.shop, `gid://shopify/Refund/${spec.seed}${i}`, gid, iso(refundMs), refunded, now);
          count("Refund");
          const rr = row(creditedId, campaignId, dayOf(refundMs));
          rr.refunds += refunded;
          rr.net -= refunded;
          if (repeatOf) row(creators[repeatOf.creator!]!.id, repeatOf.campaign, dayOf(refundMs)).repeatNet -= refunded;
        }
        const code = creator && byCode ? `C${creatorIndex}K${campaignId.split("-ca-")[1] ?? 0}` : null;
        const kind = byCode ? "code" : "utm";
        const attribution = creator
          ? JSON.stringify({
              model: "code_first_last_touch",
              windowDays: 30,
              processedAt: new Date(ms).toISOString(),
              signals: [{ creatorId: creator.id, campaignId: campaignId || null, kind, at: new Date(ms).toISOString(), evidence: code ?? `utm_content=creator_${creatorIndex}`, status: "counted", decisive: true }],
              winningRule: byCode ? "code" : "utm",
              credits: [{ creatorId: creator.id, campaignId: campaignId || null, ppm: 1_000_000, fraction: 1, role: "credited", kind }],
            })
          : null;
        insertOrder.run(
          id,
          spec.shop,
          gid,
          `#${1000 + i}`,
          iso(ms),
          iso(ms),
          customer?.gid ?? null,
          gross,
          discounts,
          refunded,
          cogs,
          covered,
          JSON.stringify(code ? [code] : []),
          creator && !byCode ? `/products/x?utm_medium=influencer&utm_content=creator_${creatorIndex}` : null,
          index,
          creator?.id ?? null,
          campaignId || null,
          attribution,
          now,
          now,
        );
        count("Order");
        if (creator) {
          insertTouch.run(`${id}-t`, spec.shop, id, creator.id, campaignId || null, kind, iso(ms), code ?? `utm_content=creator_${creatorIndex}`);
          count("Touch");
        }
      }
    })();
  }

  // Clicks on creators' links: on the days they sold, and on some days they did not.
  for (const [key, r] of rows) {
    if (key.startsWith("\u0000")) continue;
    r.clicks += Math.floor(random() * 40) + r.linkOrders * 15;
  }

  const insertCustomer = db.prepare(
    `INSERT INTO "Customer" (id, shop, shopifyCustomerId, firstOrderAt, firstOrderId, acquiringCreatorId, acquiringCampaignId, acquisitionChannel, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRollup = db.prepare(
    `INSERT INTO "DailyRollup" (shop, creatorId, campaignId, day, clicks, orders, orderCreditPpm, codeOrders, linkOrders, newCustomers, grossMinor, discountsMinor, refundsMinor, netMinor, repeatOrders, repeatNetMinor, cogsMinor, cogsCoveredMinor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const [i, c] of customers.entries()) {
      insertCustomer.run(`${p}-cu-${i}`, spec.shop, c.gid, iso(c.firstMs), c.firstOrderId, c.creator === null ? null : creators[c.creator]!.id, c.creator === null ? null : c.campaign || null, c.channel, now, now);
      count("Customer");
    }
    for (const [key, r] of rows) {
      const [creatorId, campaignId, day] = key.split("\u0000") as [string, string, string];
      insertRollup.run(spec.shop, creatorId, campaignId, day, r.clicks, r.orders, r.ppm, r.codeOrders, r.linkOrders, r.newCustomers, r.gross, r.discounts, r.refunds, r.net, r.repeatOrders, r.repeatNet, r.cogs, r.covered);
      count("DailyRollup");
    }
  })();

  const ranked = [...netByCreator.entries()].sort((a, b) => b[1] - a[1]);
  return {
    shop: spec.shop,
    topCreatorId: creators[ranked[0]![0]]!.id,
    medianCreatorId: creators[ranked[Math.floor(ranked.length / 2)]![0]]!.id,
    topCampaignId: [...campaigns].sort((a, b) => b.credited - a.credited)[0]!.id,
    rows: counts,
  };
}
