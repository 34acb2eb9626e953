import { sumRollups } from "../models/rollup-reads.server";
import { createRollupReader, type RollupReader } from "./closed-days-cache.server";
import { loadAnalyticsSettings, loadDimensions, type AnalyticsSettings, type Dimensions } from "./analytics-context.server";
import type { LeaderboardParams } from "./analytics-params";
import {
  buildLeaderboard,
  sortLeaderboard,
  type CreatorSlice,
  type LeaderboardCreator,
  type LeaderboardEntry,
  type LeaderboardFilters,
  type LeaderboardSort,
  type SortDirection,
} from "./creator-leaderboard";
import { derived } from "./derived";
import { DateRangeError, resolveDateRange, type DateRange, type DayPeriod } from "./date-range";
import type { PerformanceMetrics } from "./performance-metrics";

export const LEADERBOARD_PAGE_SIZE = 50;

export type LeaderboardRow = { creator: LeaderboardCreator; metrics: PerformanceMetrics };

export type CreatorLeaderboard = {
  rows: LeaderboardRow[];
  /** Creators matching the filters (all pages). */
  total: number;
  page: number;
  pageSize: number;
  sort: LeaderboardSort;
  direction: SortDirection;
  filters: LeaderboardFilters;
  options: { campaigns: { id: string; name: string }[]; platforms: string[] };
};

/** The period asked for, or the last 30 days with the reason when the request's period cannot be reported. */
export function resolveRangeOrDefault(
  params: { preset: DateRange["preset"]; from?: string; to?: string },
  today: string,
): { range: DateRange; rangeError: string | null } {
  try {
    return { range: resolveDateRange(params, today), rangeError: null };
  } catch (error) {
    if (!(error instanceof DateRangeError)) throw error;
    return { range: resolveDateRange({ preset: "last30" }, today), rangeError: error.message };
  }
}

/**
 * Rollup sums per creator × campaign of the credited rows of a period, past days through the reader's cache. A period
 * of past days only comes back as the very cached array, so what is derived from it can be memoised on it.
 */
export async function creatorSlices(reader: RollupReader, period: DayPeriod): Promise<readonly CreatorSlice[]> {
  return reader.sum(period, { rows: "credited" }, ["creatorId", "campaignId"]);
}

/** The same sums as creatorSlices in two parts, the period's closed days and today (see RollupReader.parts). */
export async function creatorSliceParts(reader: RollupReader, period: DayPeriod): Promise<{ closed: readonly CreatorSlice[]; live: readonly CreatorSlice[] }> {
  return reader.parts(period, { rows: "credited" }, ["creatorId", "campaignId"]);
}

/** One creator's rollup sums per campaign over a period, read directly (its rows are few, found by the primary key). */
export async function creatorOwnSlices(shop: string, creatorId: string, period: DayPeriod): Promise<CreatorSlice[]> {
  const rows = await sumRollups(shop, { from: period.from, to: period.to, creatorId }, ["creatorId", "campaignId"]);
  return rows.map((r) => ({ creatorId: r.creatorId, campaignId: r.campaignId, totals: r.totals }));
}

export function filtersOf(params: LeaderboardParams): LeaderboardFilters {
  return {
    ...(params.campaign ? { campaignId: params.campaign } : {}),
    ...(params.tier ? { tier: params.tier } : {}),
    ...(params.platform ? { platform: params.platform } : {}),
    ...(params.compensation ? { compensation: params.compensation } : {}),
  };
}

/** Leaderboard entries of a period from already-loaded slices and dimensions, filtered and sorted. */
export function leaderboardEntries(
  slices: readonly CreatorSlice[],
  dimensions: Dimensions,
  settings: AnalyticsSettings,
  period: DayPeriod,
  params: LeaderboardParams,
): LeaderboardEntry[] {
  const entries = buildLeaderboard(
    {
      slices,
      costBases: dimensions.costBases,
      creators: dimensions.creators,
      campaigns: dimensions.campaigns,
      period,
      defaultMarginBps: settings.defaultMarginBps,
    },
    filtersOf(params),
  );
  return sortLeaderboard(entries, params.sort, params.direction);
}

/** One page of sorted entries with the filter choices the page offers. */
export function leaderboardPage(entries: readonly LeaderboardEntry[], dimensions: Dimensions, params: LeaderboardParams, pageSize = LEADERBOARD_PAGE_SIZE): CreatorLeaderboard {
  const pages = Math.max(1, Math.ceil(entries.length / pageSize));
  const page = Math.min(params.page, pages);
  return {
    rows: entries.slice((page - 1) * pageSize, page * pageSize).map((e) => ({ creator: e.creator, metrics: e.metrics })),
    total: entries.length,
    page,
    pageSize,
    sort: params.sort,
    direction: params.direction,
    filters: filtersOf(params),
    options: derived([dimensions], "leaderboardOptions", () => {
      const platforms = new Set<string>();
      for (const creator of dimensions.creators.values()) for (const p of creator.platforms) platforms.add(p);
      return { campaigns: [...dimensions.campaigns.values()].map((c) => ({ id: c.id, name: c.name })), platforms: [...platforms].sort() };
    }),
  };
}

/** The creator leaderboard of a period: every creator with credited activity or a cost, sortable on every metric, filterable. */
export async function getCreatorLeaderboard(
  shop: string,
  params: LeaderboardParams,
  now: Date = new Date(),
): Promise<{ range: DateRange; rangeError: string | null; currencyCode: string; entries: LeaderboardEntry[]; leaderboard: CreatorLeaderboard }> {
  const settings = await loadAnalyticsSettings(shop, now);
  const { range, rangeError } = resolveRangeOrDefault(params, settings.today);
  const [slices, dimensions] = await Promise.all([creatorSlices(createRollupReader(shop, settings.today), range), loadDimensions(shop, settings)]);
  const entries = leaderboardEntries(slices, dimensions, settings, range, params);
  return { range, rangeError, currencyCode: settings.currencyCode, entries, leaderboard: leaderboardPage(entries, dimensions, params) };
}
