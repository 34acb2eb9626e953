// The dashboard's read model: KPI cards against the previous period, the daily trend, the creator leaderboard,
// the tier and compensation comparisons, and CLV by acquisition channel. Reads rollups and snapshots, never orders.
import { hasActiveCreator } from "../models/analytics-dimensions.server";
import { firstRollupDay } from "../models/rollup-reads.server";
import { createRollupReader } from "./closed-days-cache.server";
import { loadAnalyticsSettings, loadDimensions } from "./analytics-context.server";
import type { LeaderboardParams } from "./analytics-params";
import { addCosts, ZERO_COST } from "./collaboration-cost";
import {
  buildLeaderboardFromParts,
  compareByCompensationFromParts,
  compareByTier,
  sortLeaderboard,
  type GroupComparison,
  type LeaderboardEntry,
  type LeaderboardParts,
} from "./creator-leaderboard";
import { dailySeries, type DailyPoint } from "./daily-series";
import { derived } from "./derived";
import type { DateRange, DayPeriod } from "./date-range";
import { getClvByChannel, type ClvByChannel } from "./get-clv-by-channel.server";
import {
  creatorSliceParts,
  filtersOf,
  leaderboardPage,
  resolveRangeOrDefault,
  type CreatorLeaderboard,
} from "./get-creator-leaderboard.server";
import { getShopOverview, type ShopOverview } from "./get-shop-overview.server";
import { kpiCards, type KpiCard } from "./kpi-cards";
import { performanceMetrics, type PerformanceMetrics } from "./performance-metrics";
import { sumTotals } from "./rollup-totals";

export type GroupView = { group: string; creators: number; metrics: PerformanceMetrics };

export type DashboardData =
  | { state: "empty"; overview: ShopOverview; today: string }
  | {
      state: "ready";
      currencyCode: string;
      timeZone: string;
      attributionModel: string;
      attributionWindowDays: number;
      today: string;
      range: DateRange;
      rangeError: string | null;
      kpis: KpiCard[];
      /** All net sales of the shop in the period, credited or not, for the credited share. */
      shopNetMinor: number;
      current: PerformanceMetrics;
      trend: DailyPoint[];
      leaderboard: CreatorLeaderboard;
      byTier: GroupView[];
      byCompensation: GroupView[];
      clvByChannel: ClvByChannel;
    };

/** Sums unfiltered leaderboard entries into the shop-wide credited figures (gross profit on the total, as the KPI shows). */
function shopWide(entries: readonly LeaderboardEntry[], defaultMarginBps: number): PerformanceMetrics {
  const totals = sumTotals(entries.map((e) => e.totals));
  const cost = entries.reduce((sum, e) => addCosts(sum, e.cost), ZERO_COST);
  return performanceMetrics(totals, cost, defaultMarginBps);
}

const view = (groups: readonly GroupComparison[]): GroupView[] =>
  groups.map((g) => ({ group: g.group, creators: g.creators, metrics: g.metrics }));

function hasFilter(params: LeaderboardParams): boolean {
  return Boolean(params.campaign || params.tier || params.platform || params.compensation);
}

/** Everything the dashboard shows for a period; the getting-started state while the shop has no creator or no sales yet. */
export async function getDashboard(shop: string, params: LeaderboardParams, now: Date = new Date()): Promise<DashboardData> {
  const settings = await loadAnalyticsSettings(shop, now);
  const [anyCreator, firstDay] = await Promise.all([hasActiveCreator(shop), firstRollupDay(shop)]);
  if (!anyCreator || firstDay === null) return { state: "empty", overview: await getShopOverview(shop), today: settings.today };

  const { range, rangeError } = resolveRangeOrDefault(params, settings.today);
  const period: DayPeriod = { from: range.from, to: range.to };
  const reader = createRollupReader(shop, settings.today);
  const [dimensions, parts, previousParts, dayRows, clvByChannel] = await Promise.all([
    loadDimensions(shop, settings),
    creatorSliceParts(reader, period),
    creatorSliceParts(reader, range.previous),
    reader.sum(period, {}, ["day", "rowKind"]),
    getClvByChannel(shop, now),
  ]);
  const trendRows = dayRows.filter((r) => r.rowKind === "credited");
  const shopNetMinor = dayRows.reduce((sum, r) => sum + r.totals.netMinor, 0);

  // What is built from the slices is kept with them (./derived): the closed days' part is the same array while none
  // of those days is written, today's while today's rows are unchanged, and the dimensions stay the same object while
  // the shop's creators and collaborations do. A write today rebuilds only the creators with a sale today.
  const margin = settings.defaultMarginBps;
  const partsOf = (p: typeof parts, within: DayPeriod): LeaderboardParts => ({
    closed: derived([p.closed, dimensions], JSON.stringify(["input", within, margin]), () => ({
      slices: p.closed,
      costBases: dimensions.costBases,
      creators: dimensions.creators,
      campaigns: dimensions.campaigns,
      period: within,
      defaultMarginBps: margin,
    })),
    live: p.live,
  });
  const current = partsOf(parts, period);
  const previous = partsOf(previousParts, range.previous);
  const figures = (p: LeaderboardParts) => derived([p.closed, p.live], "figures", () => {
    const all = buildLeaderboardFromParts(p);
    return { all, shopWide: shopWide(all, margin) };
  });
  const { all, shopWide: currentFigures } = figures(current);
  const previousFigures = figures(previous).shopWide;
  // Without filters the leaderboard is the shop-wide entries, sorted; with filters it is built again from the slices.
  const filters = filtersOf(params);
  const listed = derived([current.closed, current.live], JSON.stringify(["listed", filters, params.sort, params.direction]), () =>
    sortLeaderboard(hasFilter(params) ? buildLeaderboardFromParts(current, filters) : all, params.sort, params.direction),
  );
  const byTier = derived([current.closed, current.live], "byTier", () => view(compareByTier(all, margin)));
  const byCompensation = view(compareByCompensationFromParts(current));

  return {
    state: "ready",
    currencyCode: settings.currencyCode,
    timeZone: settings.ianaTimezone,
    attributionModel: settings.attributionModel,
    attributionWindowDays: settings.attributionWindowDays,
    today: settings.today,
    range,
    rangeError,
    kpis: kpiCards(currentFigures, previousFigures),
    shopNetMinor,
    current: currentFigures,
    trend: dailySeries(period, trendRows),
    leaderboard: leaderboardPage(listed, dimensions, params),
    byTier,
    byCompensation,
    clvByChannel,
  };
}
