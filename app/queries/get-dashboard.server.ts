// The dashboard's read model: KPI cards against the previous period, the daily trend, the creator leaderboard,
// the tier and compensation comparisons, and CLV by acquisition channel. Reads rollups and snapshots, never orders.
import { hasActiveCreator } from "../models/analytics-dimensions.server";
import { firstRollupDay } from "../models/rollup-reads.server";
import { createRollupReader } from "./closed-days-cache.server";
import { loadAnalyticsSettings, loadDimensions, type Dimensions } from "./analytics-context.server";
import type { LeaderboardParams } from "./analytics-params";
import { addCosts, ZERO_COST } from "./collaboration-cost";
import {
  buildLeaderboard,
  compareByCompensation,
  compareByTier,
  sortLeaderboard,
  type GroupComparison,
  type LeaderboardEntry,
  type LeaderboardInput,
} from "./creator-leaderboard";
import { dailySeries, type DailyPoint } from "./daily-series";
import type { DateRange, DayPeriod } from "./date-range";
import { getClvByChannel, type ClvByChannel } from "./get-clv-by-channel.server";
import {
  creatorSlices,
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

// The comparison period is all past days: its slices come back as the same cached array while those days are
// unchanged, so its shop-wide figures are kept beside it (with the dimensions and settings they were computed with).
const previousFigures = new WeakMap<object, { key: string; dimensions: Dimensions; metrics: PerformanceMetrics }>();

function shopWideOf(input: LeaderboardInput, dimensions: Dimensions): PerformanceMetrics {
  const key = JSON.stringify([input.period, input.defaultMarginBps]);
  const memo = previousFigures.get(input.slices);
  if (memo && memo.key === key && memo.dimensions === dimensions) return memo.metrics;
  const metrics = shopWide(buildLeaderboard(input), input.defaultMarginBps);
  previousFigures.set(input.slices, { key, dimensions, metrics });
  return metrics;
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
  const [dimensions, slices, previousSlices, dayRows, clvByChannel] = await Promise.all([
    loadDimensions(shop, settings),
    creatorSlices(reader, period),
    creatorSlices(reader, range.previous),
    reader.sum(period, {}, ["day", "rowKind"]),
    getClvByChannel(shop, now),
  ]);
  const trendRows = dayRows.filter((r) => r.rowKind === "credited");
  const shopNetMinor = dayRows.reduce((sum, r) => sum + r.totals.netMinor, 0);

  const input = (s: typeof slices, p: DayPeriod) => ({
    slices: s,
    costBases: dimensions.costBases,
    creators: dimensions.creators,
    campaigns: dimensions.campaigns,
    period: p,
    defaultMarginBps: settings.defaultMarginBps,
  });
  const currentInput = input(slices, period);
  const all = buildLeaderboard(currentInput);
  const current = shopWide(all, settings.defaultMarginBps);
  const previous = shopWideOf(input(previousSlices, range.previous), dimensions);
  // Without filters the leaderboard is the shop-wide entries, sorted; with filters it is built again from the slices.
  const listed = sortLeaderboard(hasFilter(params) ? buildLeaderboard(currentInput, filtersOf(params)) : all, params.sort, params.direction);

  return {
    state: "ready",
    currencyCode: settings.currencyCode,
    timeZone: settings.ianaTimezone,
    attributionModel: settings.attributionModel,
    attributionWindowDays: settings.attributionWindowDays,
    today: settings.today,
    range,
    rangeError,
    kpis: kpiCards(current, previous),
    shopNetMinor,
    current,
    trend: dailySeries(period, trendRows),
    leaderboard: leaderboardPage(listed, dimensions, params),
    byTier: view(compareByTier(all, settings.defaultMarginBps)),
    byCompensation: view(compareByCompensation(currentInput)),
    clvByChannel,
  };
}
