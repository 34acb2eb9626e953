// The dashboard's read model: KPI cards against the previous period, the daily trend, the creator leaderboard,
// the tier and compensation comparisons, and CLV by acquisition channel. Reads rollups and snapshots, never orders.
import { hasActiveCreator } from "../models/analytics-dimensions.server";
import { firstRollupDay } from "../models/rollup-reads.server";
import { createRollupReader } from "./closed-days-cache.server";
import { loadAnalyticsSettings, loadDimensions } from "./analytics-context.server";
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
import { derived } from "./derived";
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

  // Everything derived from the slices is kept with them (./derived): the same arrays come back while no rollup of
  // the period was written, and the dimensions stay the same object while the shop's creators and collaborations do.
  const margin = settings.defaultMarginBps;
  const input = (s: typeof slices, p: DayPeriod): LeaderboardInput =>
    derived([s, dimensions], JSON.stringify(["input", p, margin]), () => ({
      slices: s,
      costBases: dimensions.costBases,
      creators: dimensions.creators,
      campaigns: dimensions.campaigns,
      period: p,
      defaultMarginBps: margin,
    }));
  const currentInput = input(slices, period);
  const previousInput = input(previousSlices, range.previous);
  const all = derived([currentInput], "all", () => buildLeaderboard(currentInput));
  const current = derived([currentInput], "shopWide", () => shopWide(all, margin));
  const previous = derived([previousInput], "shopWide", () => shopWide(buildLeaderboard(previousInput), margin));
  // Without filters the leaderboard is the shop-wide entries, sorted; with filters it is built again from the slices.
  const filters = filtersOf(params);
  const listed = derived([currentInput], JSON.stringify(["listed", filters, params.sort, params.direction]), () =>
    sortLeaderboard(hasFilter(params) ? buildLeaderboard(currentInput, filters) : all, params.sort, params.direction),
  );
  const byTier = derived([currentInput], "byTier", () => view(compareByTier(all, margin)));
  const byCompensation = derived([currentInput], "byCompensation", () => view(compareByCompensation(currentInput)));

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
    byTier,
    byCompensation,
    clvByChannel,
  };
}
