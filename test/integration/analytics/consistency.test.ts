// Every dashboard figure computed two ways: by the read models from the rollups and snapshots (getDashboard), and
// here, straight from the raw rows — orders with their stored attribution, refunds, customers, clicks and
// collaborations — with plain loops. They must agree to the cent, under the default model and after a rebuild under
// the linear model (fractional credit), with another shop's data in the same database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays, dayKey, dayRange } from "../../../app/domain/dates";
import {
  clvCurve,
  computeAov,
  computeCac,
  computeCost,
  computeGrossProfit,
  computeRoas,
  computeRoi,
  type CostBreakdown,
} from "../../../app/domain/metrics";
import { allocateMinor } from "../../../app/domain/money";
import type { DashboardData } from "../../../app/queries/get-dashboard.server";
import { buildAnalyticsWorld } from "../../support/analytics-world";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "../creators/model-env";

const SHOP = "consistency.myshopify.com";
const NOISE = "noise.myshopify.com";
const TZ = "Europe/Paris";
const NOW = new Date("2026-11-20T12:00:00Z");
const TODAY = "2026-11-20";

type Slice = {
  orders: number;
  ppm: number;
  codeOrders: number;
  linkOrders: number;
  gross: number;
  discounts: number;
  refunds: number;
  net: number;
  cogs: number;
  covered: number;
  newCustomers: number;
  repeatOrders: number;
  clicks: number;
};
const zero = (): Slice => ({ orders: 0, ppm: 0, codeOrders: 0, linkOrders: 0, gross: 0, discounts: 0, refunds: 0, net: 0, cogs: 0, covered: 0, newCustomers: 0, repeatOrders: 0, clicks: 0 });
const add = (a: Slice, b: Slice): Slice => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof Slice] + b[k as keyof Slice]])) as Slice;
const sum = (list: Iterable<Slice>) => [...list].reduce(add, zero());

type Period = { from: string; to: string };
const inPeriod = (day: string, p: Period) => day >= p.from && day <= p.to;

describe("dashboard figures: rollups against raw orders", () => {
  let database: TestDatabase;
  let getDashboard: typeof import("../../../app/queries/get-dashboard.server").getDashboard;
  let client: TestDatabase["client"];

  /** Raw sums per "creatorId|campaignId" ("" = none) over a period, and the shop's net sales. */
  async function rawSlices(period: Period) {
    const [orders, refunds, customers, clicks] = await Promise.all([
      client.order.findMany({ where: { shop: SHOP, test: false } }),
      client.refund.findMany({ where: { shop: SHOP } }),
      client.customer.findMany({ where: { shop: SHOP } }),
      client.click.findMany({ where: { shop: SHOP, isBot: false } }),
    ]);
    const slices = new Map<string, Slice>();
    const slice = (creatorId: string, campaignId: string | null | undefined) => {
      const key = `${creatorId}|${campaignId ?? ""}`;
      const s = slices.get(key) ?? zero();
      slices.set(key, s);
      return s;
    };
    let shopNet = 0;
    const customerByGid = new Map(customers.map((c) => [c.shopifyCustomerId, c]));
    for (const order of orders) {
      if (order.cancelledAt) continue;
      const explanation = JSON.parse(order.attribution ?? "null") as { credits: { creatorId: string; campaignId: string | null; ppm: number; role: string; kind: string }[] } | null;
      const credits = (explanation?.credits ?? []).filter((c) => c.role === "credited" && c.ppm > 0);
      const weights = credits.map((c) => c.ppm);
      const day = dayKey(order.processedAt, TZ);
      const orderRefunds = refunds.filter((r) => r.shopifyOrderId === order.shopifyOrderId);
      if (inPeriod(day, period)) shopNet += order.grossMinor - order.discountsMinor;
      for (const r of orderRefunds) if (inPeriod(dayKey(r.processedAt, TZ), period)) shopNet -= r.amountMinor;
      if (credits.length > 0) {
        if (inPeriod(day, period)) {
          const gross = allocateMinor(order.grossMinor, weights);
          const discounts = allocateMinor(order.discountsMinor, weights);
          const cogs = allocateMinor(order.cogsMinor, weights);
          const covered = allocateMinor(order.cogsCoveredMinor, weights);
          credits.forEach((c, i) => {
            const s = slice(c.creatorId, c.campaignId);
            s.orders += 1;
            s.ppm += c.ppm;
            if (c.kind === "code") s.codeOrders += 1;
            else s.linkOrders += 1;
            s.gross += gross[i]!;
            s.discounts += discounts[i]!;
            s.net += gross[i]! - discounts[i]!;
            s.cogs += cogs[i]!;
            s.covered += covered[i]!;
          });
        }
        for (const r of orderRefunds) {
          if (!inPeriod(dayKey(r.processedAt, TZ), period)) continue;
          const parts = allocateMinor(r.amountMinor, weights);
          credits.forEach((c, i) => {
            const s = slice(c.creatorId, c.campaignId);
            s.refunds += parts[i]!;
            s.net -= parts[i]!;
          });
        }
      }
      // A later order of a customer a creator acquired is a repeat order in that creator's cohort.
      const customer = order.customerId ? customerByGid.get(order.customerId) : undefined;
      if (customer?.acquiringCreatorId && order.id !== customer.firstOrderId && order.processedAt > customer.firstOrderAt && inPeriod(day, period)) {
        slice(customer.acquiringCreatorId, customer.acquiringCampaignId).repeatOrders += 1;
      }
    }
    for (const c of customers) {
      if (c.acquiringCreatorId && inPeriod(dayKey(c.firstOrderAt, TZ), period)) slice(c.acquiringCreatorId, c.acquiringCampaignId).newCustomers += 1;
    }
    for (const click of clicks) {
      if (inPeriod(dayKey(click.at, TZ), period)) slice(click.creatorId, click.campaignId).clicks += 1;
    }
    return { slices, shopNet };
  }

  /** Cost of every collaboration over a period: fixed costs allocated day by day over its campaign's days, commission on its raw net. */
  async function rawCosts(period: Period, slices: Map<string, Slice>) {
    const collaborations = await client.collaboration.findMany({ where: { shop: SHOP }, include: { campaign: true } });
    const costs = new Map<string, CostBreakdown>();
    for (const c of collaborations) {
      const from = dayKey(c.campaign.startsAt ?? c.createdAt, TZ);
      const last = c.campaign.endsAt ? dayKey(new Date(c.campaign.endsAt.getTime() - 1), TZ) : TODAY > from ? TODAY : from;
      const days = dayRange(from, last);
      const share = (total: number) => {
        const parts = allocateMinor(total, days.map(() => 1));
        return days.reduce((s, day, i) => s + (inPeriod(day, period) ? parts[i]! : 0), 0);
      };
      const cost = computeCost({
        feesMinor: share(c.feeMinor),
        commissionRateBps: c.commissionBps,
        creditedNetMinor: slices.get(`${c.creatorId}|${c.campaignId}`)?.net ?? 0,
        giftedCostMinor: share(c.giftedCostMinor),
        seedingShippingMinor: share(c.shippingCostMinor),
      });
      const prev = costs.get(c.creatorId);
      costs.set(c.creatorId, prev ? { feesMinor: prev.feesMinor + cost.feesMinor, commissionMinor: prev.commissionMinor + cost.commissionMinor, giftedMinor: prev.giftedMinor + cost.giftedMinor, shippingMinor: prev.shippingMinor + cost.shippingMinor, totalMinor: prev.totalMinor + cost.totalMinor } : cost);
    }
    return costs;
  }

  async function rawFigures(period: Period) {
    const { slices, shopNet } = await rawSlices(period);
    const costs = await rawCosts(period, slices);
    const byCreator = new Map<string, Slice>();
    for (const [key, s] of slices) {
      const creatorId = key.split("|")[0]!;
      if (creatorId === "") continue;
      byCreator.set(creatorId, add(byCreator.get(creatorId) ?? zero(), s));
    }
    const total = sum(byCreator.values());
    const cost = [...costs.values()].reduce((s, c) => s + c.totalMinor, 0);
    const margin = (await client.shop.findUniqueOrThrow({ where: { shop: SHOP } })).defaultMarginBps;
    const profit = computeGrossProfit({ netMinor: total.net, defaultMarginBps: margin, unitCost: { coveredNetMinor: total.covered, costOfGoodsMinor: total.cogs } }).grossProfitMinor;
    expect(total.ppm % 1_000_000).toBe(0);
    return {
      slices,
      byCreator,
      costs,
      shopNet,
      kpis: {
        netSales: total.net,
        orders: total.ppm / 1_000_000,
        newCustomers: total.newCustomers,
        aov: computeAov({ netMinor: total.net, orders: total.ppm / 1_000_000 }),
        cost,
        roas: computeRoas({ netMinor: total.net, costMinor: cost }),
        roi: computeRoi({ grossProfitMinor: profit, costMinor: cost }),
        cac: computeCac({ costMinor: cost, newCustomers: total.newCustomers }),
      },
    };
  }

  function kpiValues(data: Extract<DashboardData, { state: "ready" }>, side: "current" | "previous") {
    const v = Object.fromEntries(data.kpis.map((k) => [k.key, k[side]]));
    const n = (key: string) => (v[key]?.kind === "value" ? v[key].value : Number.NaN);
    return { netSales: n("netSales"), orders: n("orders"), newCustomers: n("newCustomers"), aov: v.aov, cost: n("cost"), roas: v.roas, roi: v.roi, cac: v.cac };
  }

  async function compare(params: { preset: "custom" | "last90"; from?: string; to?: string }) {
    const data = await getDashboard(SHOP, { ...params, sort: "netMinor", direction: "desc", page: 1 }, NOW);
    if (data.state !== "ready") throw new Error("expected a ready dashboard");
    const current = await rawFigures(data.range);
    const previous = await rawFigures(data.range.previous);

    // KPI cards, both periods.
    expect(kpiValues(data, "current")).toEqual(current.kpis);
    expect(kpiValues(data, "previous")).toEqual(previous.kpis);
    expect(data.shopNetMinor).toBe(current.shopNet);
    expect(current.kpis.orders).toBeGreaterThan(10);

    // Trend: every day of the period.
    const days = dayRange(data.range.from, data.range.to);
    const rawTrend = await Promise.all(
      days.map(async (day) => {
        const { byCreator } = await rawFiguresOfDay(day);
        const t = sum(byCreator.values());
        return { day, netMinor: t.net, orders: t.ppm / 1_000_000 };
      }),
    );
    expect(data.trend).toEqual(rawTrend);

    // Leaderboard: every creator with activity or cost.
    expect(data.leaderboard.total).toBe(data.leaderboard.rows.length);
    const board = Object.fromEntries(
      data.leaderboard.rows.map((r) => [
        r.creator.id,
        { net: r.metrics.netMinor, orders: r.metrics.orders, clicks: r.metrics.clicks, codeOrders: r.metrics.codeOrders, linkOrders: r.metrics.linkOrders, newCustomers: r.metrics.newCustomers, repeatOrders: r.metrics.repeatOrders, cost: r.metrics.cost.totalMinor },
      ]),
    );
    const ids = new Set([...current.byCreator.keys(), ...[...current.costs].filter(([, c]) => c.totalMinor !== 0 || c.feesMinor !== 0).map(([id]) => id)]);
    const rawBoard = Object.fromEntries(
      [...ids].map((id) => {
        const s = current.byCreator.get(id) ?? zero();
        return [id, { net: s.net, orders: s.ppm / 1_000_000, clicks: s.clicks, codeOrders: s.codeOrders, linkOrders: s.linkOrders, newCustomers: s.newCustomers, repeatOrders: s.repeatOrders, cost: current.costs.get(id)?.totalMinor ?? 0 }];
      }),
    );
    expect(board).toEqual(rawBoard);
    // Sorted by net sales, highest first.
    const nets = data.leaderboard.rows.map((r) => r.metrics.netMinor);
    expect(nets).toEqual([...nets].sort((a, b) => b - a));

    // Tiers and compensation types.
    const creators = await client.creator.findMany({ where: { shop: SHOP } });
    const tierOf = new Map(creators.map((c) => [c.id, c.tier]));
    for (const tier of data.byTier) {
      const members = [...ids].filter((id) => tierOf.get(id) === tier.group);
      expect({ tier: tier.group, net: tier.metrics.netMinor, cost: tier.metrics.cost.totalMinor, creators: tier.creators }).toEqual({
        tier: tier.group,
        net: members.reduce((s, id) => s + (current.byCreator.get(id)?.net ?? 0), 0),
        cost: members.reduce((s, id) => s + (current.costs.get(id)?.totalMinor ?? 0), 0),
        creators: members.length,
      });
    }
    const campaigns = await client.campaign.findMany({ where: { shop: SHOP } });
    const compensationOf = new Map(campaigns.map((c) => [c.id, c.compensationType]));
    for (const group of data.byCompensation) {
      const net = [...current.slices].filter(([key]) => !key.startsWith("|")).filter(([key]) => (compensationOf.get(key.split("|")[1]!) ?? "none") === group.group).reduce((s, [, v]) => s + v.net, 0);
      expect({ group: group.group, net: group.metrics.netMinor }).toEqual({ group: group.group, net });
    }
    expect(data.byCompensation.reduce((s, g) => s + g.metrics.netMinor, 0)).toBe(current.kpis.netSales);
    expect(data.byCompensation.reduce((s, g) => s + g.metrics.cost.totalMinor, 0)).toBe(current.kpis.cost);
    return data;
  }

  async function rawFiguresOfDay(day: string) {
    const { slices } = await rawSlices({ from: day, to: day });
    const byCreator = new Map<string, Slice>();
    for (const [key, s] of slices) if (!key.startsWith("|")) byCreator.set(key, s);
    return { byCreator };
  }

  async function rawClvByChannel() {
    const [customers, orders] = await Promise.all([
      client.customer.findMany({ where: { shop: SHOP } }),
      client.order.findMany({ where: { shop: SHOP, test: false, cancelledAt: null, processedAt: { lte: NOW } } }),
    ]);
    const byChannel = new Map<string, { acquiredAt: Date; orders: { at: Date; netMinor: number }[] }[]>();
    for (const c of customers) {
      const channel = c.acquiringCreatorId ? "creator" : c.acquisitionChannel;
      const list = byChannel.get(channel) ?? [];
      list.push({
        acquiredAt: c.firstOrderAt,
        orders: orders.filter((o) => o.customerId === c.shopifyCustomerId).map((o) => ({ at: o.processedAt, netMinor: o.grossMinor - o.discountsMinor - o.refundsMinor })),
      });
      byChannel.set(channel, list);
    }
    return Object.fromEntries([...byChannel].map(([channel, list]) => [channel, { customers: list.length, clv: clvCurve(list, NOW) }]));
  }

  beforeAll(async () => {
    database = await useModelDatabase();
    client = database.client;
    await buildAnalyticsWorld(client, { shop: SHOP, seed: 31, orders: 450, start: "2026-09-01", days: 60, clicks: 300 });
    await buildAnalyticsWorld(client, { shop: NOISE, seed: 32, orders: 120, start: "2026-09-01", days: 60, prefix: "n-", clicks: 50 });
    // Unit costs on some orders, then a rebuild so the rollups carry them (the rebuild is ingestion's own).
    const orders = await client.order.findMany({ where: { shop: SHOP }, orderBy: { id: "asc" } });
    for (const [i, o] of orders.entries()) {
      if (i % 3 !== 0) continue;
      await client.order.update({ where: { id: o.id }, data: { cogsMinor: Math.floor(o.grossMinor * 0.35), cogsCoveredMinor: o.grossMinor - o.discountsMinor } });
    }
    const { rebuildRollups } = await import("../../../app/ingest/rebuild-rollups.server");
    await rebuildRollups(SHOP);
    ({ getDashboard } = await import("../../../app/queries/get-dashboard.server"));
  }, 180_000);
  afterAll(async () => {
    await database?.drop();
  });

  test("default model, a custom month against the month before", async () => {
    await compare({ preset: "custom", from: "2026-09-15", to: "2026-10-14" });
  });

  test("default model, last 90 days (everything) against the 90 before (nothing)", async () => {
    const data = await compare({ preset: "last90" });
    expect(data.kpis.find((k) => k.key === "netSales")?.change).toEqual({ kind: "undefined", reason: "no_previous" });
  });

  test("CLV by acquisition channel equals the realised CLV of raw customers and orders", async () => {
    const data = await getDashboard(SHOP, { preset: "last30", sort: "netMinor", direction: "desc", page: 1 }, NOW);
    if (data.state !== "ready") throw new Error("expected a ready dashboard");
    expect(data.clvByChannel.asOf).toBe(NOW.toISOString());
    const shown = Object.fromEntries(data.clvByChannel.channels.map((c) => [c.channel, { customers: c.customers, clv: c.clv }]));
    expect(shown).toEqual(await rawClvByChannel());
    expect(shown.creator?.customers).toBeGreaterThan(10);
  });

  test("linear model after a rebuild: fractional credit, same agreement", async () => {
    await client.shop.update({ where: { shop: SHOP }, data: { attributionModel: "linear" } });
    const { rebuildRollups } = await import("../../../app/ingest/rebuild-rollups.server");
    await rebuildRollups(SHOP);
    // The same month as the first test, whose sums are now cached in memory: the rebuild must be seen.
    await compare({ preset: "custom", from: "2026-09-15", to: "2026-10-14" });
    const data = await compare({ preset: "custom", from: "2026-09-01", to: "2026-10-31" });
    // Orders credited to two creators at once show as fractions somewhere on the board.
    const multi = await client.order.findMany({ where: { shop: SHOP, cancelledAt: null, test: false } });
    const split = multi.filter((o) => (JSON.parse(o.attribution ?? "{}").credits ?? []).filter((c: { ppm: number }) => c.ppm > 0 && c.ppm < 1_000_000).length > 1);
    expect(split.length).toBeGreaterThan(0);
    expect(data.leaderboard.rows.some((r) => !Number.isInteger(r.metrics.orders))).toBe(true);
    await client.shop.update({ where: { shop: SHOP }, data: { attributionModel: "code_first_last_touch" } });
    await rebuildRollups(SHOP);
  });

  test("a change to a past day reaches the cached sums: a late edit of one rollup row", async () => {
    const params = { preset: "custom" as const, from: "2026-09-15", to: "2026-10-14", sort: "netMinor" as const, direction: "desc" as const, page: 1 };
    const before = await getDashboard(SHOP, params, NOW);
    const row = await client.dailyRollup.findFirstOrThrow({ where: { shop: SHOP, creatorId: { not: "" }, day: "2026-10-01" } });
    await client.dailyRollup.update({
      where: { shop_creatorId_campaignId_day: { shop: SHOP, creatorId: row.creatorId, campaignId: row.campaignId, day: row.day } },
      data: { grossMinor: { increment: 100 }, netMinor: { increment: 100 } },
    });
    const after = await getDashboard(SHOP, params, NOW);
    if (before.state !== "ready" || after.state !== "ready") throw new Error("expected ready dashboards");
    const net = (d: typeof after) => d.kpis.find((k) => k.key === "netSales")?.current;
    expect(net(after)).toEqual({ kind: "value", value: (net(before) as { value: number }).value + 100 });
    await client.dailyRollup.update({
      where: { shop_creatorId_campaignId_day: { shop: SHOP, creatorId: row.creatorId, campaignId: row.campaignId, day: row.day } },
      data: { grossMinor: { decrement: 100 }, netMinor: { decrement: 100 } },
    });
    const restored = await getDashboard(SHOP, params, NOW);
    if (restored.state !== "ready") throw new Error("expected a ready dashboard");
    expect(net(restored)).toEqual(net(before));
  });

  test("another shop's rows never leak into the figures", async () => {
    const data = await getDashboard(NOISE, { preset: "custom", from: "2026-09-01", to: "2026-10-31", sort: "netMinor", direction: "desc", page: 1 }, NOW);
    if (data.state !== "ready") throw new Error("expected a ready dashboard");
    const noiseIds = new Set((await client.creator.findMany({ where: { shop: NOISE } })).map((c) => c.id));
    expect(data.leaderboard.rows.every((r) => noiseIds.has(r.creator.id))).toBe(true);
    expect(addDays(data.range.from, 0)).toBe("2026-09-01");
  });
});
