// A creator's performance page: KPIs against the previous period, the click → order funnel, AOV against the shop's,
// new customers and their repeat orders, CLV curve, repeat rates and cohort table (from the cohort snapshot), the
// collaborations' costs, credited orders with their attribution explanation, codes and links.
import type { ClvPoint, CohortRow, CostBreakdown, Ratio } from "~/domain/metrics";
import { CREATOR_CHANNEL } from "../jobs/refresh-cohort-snapshots.server";
import { getCohortSnapshot } from "../models/cohort-snapshot.server";
import { listCreatorCodesAndLinks, listCreatorNames, type CreatorCode, type CreatorLink } from "../models/creator-assets.server";
import { requireCreator } from "../models/creator.server";
import { countCreditedOrdersByCustomer, listCreditedOrders } from "../models/credited-orders.server";
import { sumRollups } from "../models/rollup-reads.server";
import { loadAnalyticsSettings, loadDimensions } from "./analytics-context.server";
import type { PageParams } from "./analytics-params";
import { collaborationCost, ZERO_COST } from "./collaboration-cost";
import { parseCohortSnapshotData, type RepeatPoint } from "./cohort-snapshot-data";
import { ensureCohortSnapshots, type SnapshotFreshness } from "./cohort-snapshots.server";
import { buildLeaderboard, type CreatorSlice } from "./creator-leaderboard";
import { dailySeries, type DailyPoint } from "./daily-series";
import { periodInstants, type DateRange, type DayPeriod } from "./date-range";
import { createRollupReader } from "./closed-days-cache.server";
import { creatorOwnSlices, resolveRangeOrDefault } from "./get-creator-leaderboard.server";
import { kpiCards, type KpiCard } from "./kpi-cards";
import { parseOrderExplanation, type OrderExplanation } from "./order-explanation";
import { creditedAov, performanceMetrics, type PerformanceMetrics } from "./performance-metrics";
import { emptyTotals, ORDER_CREDIT_SCALE } from "./rollup-totals";

export const CREDITED_ORDERS_PAGE_SIZE = 20;

export type CollaborationCostView = {
  collaborationId: string;
  campaignId: string;
  campaignName: string;
  compensationType: string;
  feeMinor: number;
  commissionBps: number;
  giftedCostMinor: number;
  shippingCostMinor: number;
  /** Days the fixed costs are spread over. */
  window: DayPeriod;
  /** Credited net sales of this collaboration in the period, and its cost for the period. */
  netMinor: number;
  costInPeriod: CostBreakdown;
};

export type CreditedOrderView = {
  id: string;
  name: string;
  processedAt: string;
  netMinor: number;
  codes: string[];
  customer: "new" | "returning" | "unknown";
  campaignName: string | null;
  explanation: OrderExplanation | "unreadable" | null;
};

export type CreatorPerformance = {
  creator: { id: string; name: string; handle: string; tier: string; status: string; platforms: { platform: string; followers: number }[] };
  currencyCode: string;
  timeZone: string;
  attributionModel: string;
  range: DateRange;
  rangeError: string | null;
  kpis: KpiCard[];
  current: PerformanceMetrics;
  /** The shop's AOV over the same period, all orders (credited or not). */
  shopAov: Ratio;
  trend: DailyPoint[];
  cohorts: SnapshotFreshness & {
    customers: number;
    clv: ClvPoint[];
    repeat: RepeatPoint[];
    table: CohortRow[];
    /** CLV of every creator-acquired customer of the shop, to compare with. */
    allCreatorsClv: ClvPoint[];
    allCreatorsCustomers: number;
  };
  collaborations: CollaborationCostView[];
  orders: { rows: CreditedOrderView[]; total: number; page: number; pageSize: number };
  /** The period's credited orders (of this creator as main credit) by customer: first orders, returning customers, guests. */
  ordersByCustomer: { new: number; returning: number; guest: number };
  codes: (CreatorCode & { campaignName: string | null })[];
  links: (CreatorLink & { campaignName: string | null })[];
  /** Names of the other creators that explanations on this page mention. */
  creatorNames: Record<string, string>;
};

function parseCodes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** Everything the creator's performance page shows for a period; 404 for another shop's creator. */
export async function getCreatorPerformance(shop: string, creatorId: string, params: PageParams, now: Date = new Date()): Promise<CreatorPerformance> {
  const creator = await requireCreator(shop, creatorId);
  const settings = await loadAnalyticsSettings(shop, now);
  const { range, rangeError } = resolveRangeOrDefault(params, settings.today);
  const period: DayPeriod = { from: range.from, to: range.to };
  const page = Math.max(1, params.page);

  const within = periodInstants(period, settings.ianaTimezone);
  const [dimensions, slices, previousSlices, trendRows, shopRows, freshness, orders, assets, byCustomer] = await Promise.all([
    loadDimensions(shop, settings, { creatorId, withCreators: false }),
    creatorOwnSlices(shop, creatorId, period),
    creatorOwnSlices(shop, creatorId, range.previous),
    sumRollups(shop, { ...period, creatorId }, ["day"]),
    createRollupReader(shop, settings.today).sum(period, {}, ["rowKind"]),
    ensureCohortSnapshots(shop, now),
    listCreditedOrders(shop, creatorId, within, {
      skip: (page - 1) * CREDITED_ORDERS_PAGE_SIZE,
      take: CREDITED_ORDERS_PAGE_SIZE,
    }),
    listCreatorCodesAndLinks(shop, creatorId),
    countCreditedOrdersByCustomer(shop, creatorId, within),
  ]);
  const [snapshot, creatorsChannel] = await Promise.all([
    getCohortSnapshot(shop, "creator", creatorId),
    getCohortSnapshot(shop, "channel", CREATOR_CHANNEL),
  ]);

  const leaderboardCreator = { id: creator.id, name: creator.name, handle: creator.handle, tier: creator.tier, platform: null, platforms: [] };
  const metricsOf = (s: CreatorSlice[], p: DayPeriod) => {
    const [entry] = buildLeaderboard({
      slices: s,
      costBases: dimensions.costBases,
      creators: new Map([[creator.id, leaderboardCreator]]),
      campaigns: dimensions.campaigns,
      period: p,
      defaultMarginBps: settings.defaultMarginBps,
    });
    return entry?.metrics ?? performanceMetrics(emptyTotals(), ZERO_COST, settings.defaultMarginBps);
  };
  const current = metricsOf(slices, period);
  const previous = metricsOf(previousSlices, range.previous);

  const credited = shopRows.find((r) => r.rowKind === "credited")?.totals ?? emptyTotals();
  const baseline = shopRows.find((r) => r.rowKind === "baseline")?.totals ?? emptyTotals();
  const shopAov = creditedAov(credited.netMinor + baseline.netMinor, credited.orderCreditPpm + baseline.orders * ORDER_CREDIT_SCALE);

  const netByCampaign = new Map(slices.map((s) => [s.campaignId, s.totals.netMinor]));
  const collaborations = dimensions.costBases.map((basis): CollaborationCostView => {
    const netMinor = netByCampaign.get(basis.campaignId) ?? 0;
    return {
      collaborationId: basis.collaborationId,
      campaignId: basis.campaignId,
      campaignName: dimensions.campaigns.get(basis.campaignId)?.name ?? "",
      compensationType: basis.compensationType,
      feeMinor: basis.feeMinor,
      commissionBps: basis.commissionBps,
      giftedCostMinor: basis.giftedCostMinor,
      shippingCostMinor: basis.shippingCostMinor,
      window: basis.window,
      netMinor,
      costInPeriod: collaborationCost(basis, netMinor, period),
    };
  });

  const campaignName = (id: string | null) => (id ? (dimensions.campaigns.get(id)?.name ?? null) : null);
  const orderViews = orders.rows.map((o): CreditedOrderView => ({
    id: o.id,
    name: o.name,
    processedAt: o.processedAt.toISOString(),
    netMinor: o.grossMinor - o.discountsMinor - o.refundsMinor,
    codes: parseCodes(o.codes),
    customer: o.customerOrderIndex === null ? "unknown" : o.customerOrderIndex === 1 ? "new" : "returning",
    campaignName: campaignName(o.creditedCampaignId),
    explanation: parseOrderExplanation(o.attribution),
  }));
  const mentioned = new Set<string>();
  for (const o of orderViews) {
    if (o.explanation === null || o.explanation === "unreadable") continue;
    for (const s of o.explanation.signals) if (s.creatorId !== creatorId) mentioned.add(s.creatorId);
    for (const c of o.explanation.credits) if (c.creatorId !== creatorId) mentioned.add(c.creatorId);
  }
  const names = await listCreatorNames(shop, [...mentioned]);

  const data = snapshot ? parseCohortSnapshotData(snapshot.data) : null;
  return {
    creator: {
      id: creator.id,
      name: creator.name,
      handle: creator.handle,
      tier: creator.tier,
      status: creator.status,
      platforms: creator.platforms.map((p) => ({ platform: p.platform, followers: p.followers })).sort((a, b) => b.followers - a.followers),
    },
    currencyCode: settings.currencyCode,
    timeZone: settings.ianaTimezone,
    attributionModel: settings.attributionModel,
    range,
    rangeError,
    kpis: kpiCards(current, previous),
    current,
    shopAov,
    trend: dailySeries(period, trendRows),
    cohorts: {
      ...freshness,
      customers: snapshot?.customers ?? 0,
      clv: data?.clv ?? [],
      repeat: data?.repeat ?? [],
      table: data?.cohorts ?? [],
      allCreatorsClv: creatorsChannel ? parseCohortSnapshotData(creatorsChannel.data).clv : [],
      allCreatorsCustomers: creatorsChannel?.customers ?? 0,
    },
    collaborations,
    orders: { rows: orderViews, total: orders.total, page, pageSize: CREDITED_ORDERS_PAGE_SIZE },
    ordersByCustomer: byCustomer,
    codes: assets.codes.map((c) => ({ ...c, campaignName: campaignName(c.campaignId) })),
    links: assets.links.map((l) => ({ ...l, campaignName: campaignName(l.campaignId) })),
    creatorNames: Object.fromEntries(names),
  };
}
