// A campaign's report: KPIs per creator over what was credited to the campaign since it started, budget against spend, and the
// campaign's incremental shop sales against a weekday baseline of the weeks before it, with its interval.
import { addDays, dayRange } from "~/domain/dates";
import { forecastBaseline, incrementalSales, type IncrementalSales } from "~/domain/metrics";
import { requireCampaign } from "../models/campaign.server";
import { createRollupReader } from "./closed-days-cache.server";
import { campaignLastDay, loadAnalyticsSettings, loadDimensions } from "./analytics-context.server";
import { addCosts, ZERO_COST } from "./collaboration-cost";
import { buildLeaderboard, sortLeaderboard, type LeaderboardCreator } from "./creator-leaderboard";
import type { DayPeriod } from "./date-range";
import { derived } from "./derived";
import { performanceMetrics, type PerformanceMetrics } from "./performance-metrics";
import { sumTotals } from "./rollup-totals";

/** History read before the campaign for its baseline: the 8 full weeks the forecast fits at most. */
export const BASELINE_HISTORY_DAYS = 56;

export type CampaignIncremental =
  | { state: "not_started"; startsOn: string }
  | {
      state: "measured";
      /** The days measured: the campaign's days up to today. */
      window: DayPeriod;
      result: IncrementalSales;
      /** Weeks the baseline was fitted on, and from which days. */
      fitWeeks: number | null;
      fitFrom: string | null;
      fitTo: string | null;
      /** Actual shop net sales and the baseline forecast per day of the window. */
      days: { day: string; actualMinor: number; forecastMinor: number | null }[];
    };

export type CampaignReport = {
  campaign: {
    id: string;
    name: string;
    status: string;
    objective: string;
    compensationType: string;
    startsOn: string;
    /** Last day of the campaign, null while open-ended. */
    endsOn: string | null;
    budgetMinor: number;
  };
  currencyCode: string;
  timeZone: string;
  attributionModel: string;
  today: string;
  totals: PerformanceMetrics;
  creators: { creator: LeaderboardCreator; metrics: PerformanceMetrics }[];
  budget: { budgetMinor: number; spendMinor: number; remainingMinor: number; share: number | null };
  incremental: CampaignIncremental;
};

/** The campaign report; 404 for another shop's campaign. */
export async function getCampaignReport(shop: string, campaignId: string, now: Date = new Date()): Promise<CampaignReport> {
  const campaign = await requireCampaign(shop, campaignId);
  const settings = await loadAnalyticsSettings(shop, now);
  const startsOn = settings.keyOf(campaign.startsAt ?? campaign.createdAt);
  const endsOn = campaign.endsAt ? campaignLastDay(campaign.endsAt, settings) : null;
  const windowEnd = endsOn !== null && endsOn < settings.today ? endsOn : settings.today;
  const started = startsOn <= settings.today;

  const reader = createRollupReader(shop, settings.today);
  const [allDimensions, slices, shopDays] = await Promise.all([
    loadDimensions(shop, settings),
    // Everything credited to the campaign from its first day to today (a code keeps selling after the end date).
    started ? reader.sum({ from: startsOn, to: settings.today }, { campaignId, rows: "credited" }, ["creatorId", "campaignId"]) : Promise.resolve([]),
    started ? reader.sum({ from: addDays(startsOn, -BASELINE_HISTORY_DAYS), to: windowEnd }, {}, ["day"]) : Promise.resolve([]),
  ]);
  // Kept with the cached slices and dimensions (./derived): the same objects come back while nothing they hold changed.
  const margin = settings.defaultMarginBps;
  const { entries, totals, cost } = derived([slices, allDimensions], JSON.stringify(["campaignReport", campaignId, margin]), () => {
    const costBases = allDimensions.costBases.filter((b) => b.campaignId === campaignId);
    const sorted = sortLeaderboard(
      buildLeaderboard({ slices, costBases, creators: allDimensions.creators, campaigns: allDimensions.campaigns, period: null, defaultMarginBps: margin }),
      "netMinor",
      "desc",
    );
    const spent = sorted.reduce((sum, e) => addCosts(sum, e.cost), ZERO_COST);
    return { entries: sorted, cost: spent, totals: performanceMetrics(sumTotals(sorted.map((e) => e.totals)), spent, margin) };
  });

  let incremental: CampaignIncremental = { state: "not_started", startsOn };
  if (started) {
    const history = shopDays.filter((d) => d.day < startsOn).map((d) => ({ day: d.day, netMinor: d.totals.netMinor }));
    const actual = shopDays.filter((d) => d.day >= startsOn).map((d) => ({ day: d.day, netMinor: d.totals.netMinor }));
    const window = dayRange(startsOn, windowEnd);
    const baseline = forecastBaseline({ history, window, historyEnd: addDays(startsOn, -1) });
    const forecastByDay = new Map(baseline.kind === "forecast" ? baseline.days.map((d) => [d.day, d.forecastMinor]) : []);
    const actualByDay = new Map(actual.map((d) => [d.day, d.netMinor]));
    incremental = {
      state: "measured",
      window: { from: startsOn, to: windowEnd },
      result: incrementalSales(actual, baseline),
      fitWeeks: baseline.kind === "forecast" ? baseline.fitWeeks : null,
      fitFrom: baseline.kind === "forecast" ? baseline.fitFrom : null,
      fitTo: baseline.kind === "forecast" ? baseline.fitTo : null,
      days: window.map((day) => ({ day, actualMinor: actualByDay.get(day) ?? 0, forecastMinor: forecastByDay.get(day) ?? null })),
    };
  }

  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      objective: campaign.objective,
      compensationType: campaign.compensationType,
      startsOn,
      endsOn,
      budgetMinor: campaign.budgetMinor,
    },
    currencyCode: settings.currencyCode,
    timeZone: settings.ianaTimezone,
    attributionModel: settings.attributionModel,
    today: settings.today,
    totals,
    creators: entries.map((e) => ({ creator: e.creator, metrics: e.metrics })),
    budget: {
      budgetMinor: campaign.budgetMinor,
      spendMinor: cost.totalMinor,
      remainingMinor: campaign.budgetMinor - cost.totalMinor,
      share: campaign.budgetMinor > 0 ? cost.totalMinor / campaign.budgetMinor : null,
    },
    incremental,
  };
}
