// The CSV exports of the analytics tables: a header and rows produced lazily, so the route can stream them. Every
// export reads through the same read models as its page (so the file shows the page's figures) and is scoped by
// shop: another shop's creator or campaign is a 404. Cells go through toCsvLine (formula-injection safe) in the route.
import type { CsvValue } from "~/domain/csv";
import type { Ratio } from "~/domain/metrics";
import { minorToDecimal } from "~/domain/money";
import type { Translate } from "../i18n/translate";
import { getCohortSnapshot } from "../models/cohort-snapshot.server";
import { requireCreator } from "../models/creator.server";
import { listCreditedOrdersAfter, type CreditedOrderCursor, type CreditedOrderRow, type InstantRange } from "../models/credited-orders.server";
import { createRollupReader } from "./closed-days-cache.server";
import { loadAnalyticsSettings, loadDimensions } from "./analytics-context.server";
import { leaderboardParamsSchema, pageParamsSchema, parseSearchParams } from "./analytics-params";
import { CSV_TABLES, type CsvTable } from "./channels";
import { parseCohortSnapshotData } from "./cohort-snapshot-data";
import { ensureCohortSnapshots } from "./cohort-snapshots.server";
import { buildLeaderboard, compareByCompensation, compareByTier, type GroupComparison } from "./creator-leaderboard";
import { dailySeries } from "./daily-series";
import { periodInstants } from "./date-range";
import { getCampaignReport } from "./get-campaign-report.server";
import { getClvByChannel } from "./get-clv-by-channel.server";
import { creatorSlices, getCreatorLeaderboard, resolveRangeOrDefault } from "./get-creator-leaderboard.server";
import { getCreatorPerformance } from "./get-creator-performance.server";
import { creditShareOf, parseOrderExplanation } from "./order-explanation";
import type { PerformanceMetrics } from "./performance-metrics";
import { ORDER_CREDIT_SCALE } from "./rollup-totals";

export { CSV_TABLES, type CsvTable };

export type CsvExport = { filename: string; header: string[]; rows: AsyncIterable<CsvValue[]> };

const notFound = () => new Response("Not found", { status: 404 });
const badRequest = (message: string) => new Response(message, { status: 400 });

async function* fromArray(rows: CsvValue[][]): AsyncGenerator<CsvValue[]> {
  for (const row of rows) yield row;
}

/** A file name of letters, digits and dashes only (it goes into a header). */
function fileName(...parts: string[]): string {
  return `${["creator-roi", ...parts].join("-").replace(/[^A-Za-z0-9-]+/g, "-")}.csv`;
}

/** Exact decimal of minor units, as a number cell (a "-12.50" text cell would be escaped as a formula). */
function moneyCell(minor: number, currency: string): number {
  return Number(minorToDecimal(minor, currency));
}

function ratioCell(ratio: Ratio, kind: "money" | "plain", currency: string): CsvValue {
  if (ratio.kind === "undefined") return null;
  return kind === "money" ? moneyCell(ratio.value, currency) : Math.round(ratio.value * 10_000) / 10_000;
}

const METRIC_COLUMNS = [
  "netMinor",
  "grossMinor",
  "discountsMinor",
  "refundsMinor",
  "orders",
  "aov",
  "clicks",
  "linkConversion",
  "codeOrders",
  "linkOrders",
  "newCustomers",
  "repeatOrders",
  "cost",
  "grossProfit",
  "roas",
  "roi",
  "cac",
] as const;

function metricHeader(t: Translate): string[] {
  return METRIC_COLUMNS.map((c) => t(`analytics.columns.${c}`));
}

function metricCells(m: PerformanceMetrics, currency: string): CsvValue[] {
  return [
    moneyCell(m.netMinor, currency),
    moneyCell(m.grossMinor, currency),
    moneyCell(m.discountsMinor, currency),
    moneyCell(m.refundsMinor, currency),
    m.orders,
    ratioCell(m.aov, "money", currency),
    m.clicks,
    ratioCell(m.linkConversion, "plain", currency),
    m.codeOrders,
    m.linkOrders,
    m.newCustomers,
    m.repeatOrders,
    moneyCell(m.cost.totalMinor, currency),
    moneyCell(m.grossProfitMinor, currency),
    ratioCell(m.roas, "plain", currency),
    ratioCell(m.roi, "plain", currency),
    ratioCell(m.cac, "money", currency),
  ];
}

function groupRows(groups: readonly GroupComparison[], label: (group: string) => string, currency: string): CsvValue[][] {
  return groups.map((g) => [label(g.group), g.creators, ...metricCells(g.metrics, currency)]);
}

function requiredId(search: URLSearchParams, name: string): string {
  const id = search.get(name);
  if (!id || id.length > 64) throw badRequest(`Missing or invalid "${name}" parameter`);
  return id;
}

const EXPORT_BATCH = 500;

/** A creator's credited orders, read a batch at a time as the stream is consumed. */
async function* creditedOrderRows(
  shop: string,
  creatorId: string,
  within: InstantRange,
  currency: string,
  t: Translate,
): AsyncGenerator<CsvValue[]> {
  let after: CreditedOrderCursor | null = null;
  for (;;) {
    const batch: CreditedOrderRow[] = await listCreditedOrdersAfter(shop, creatorId, within, after, EXPORT_BATCH);
    for (const o of batch) {
      const explanation = parseOrderExplanation(o.attribution);
      const readable = explanation !== null && explanation !== "unreadable" ? explanation : null;
      yield [
        o.name,
        o.processedAt,
        moneyCell(o.grossMinor - o.discountsMinor - o.refundsMinor, currency),
        t(`analytics.orders.customer.${o.customerOrderIndex === null ? "unknown" : o.customerOrderIndex === 1 ? "new" : "returning"}`),
        readable ? readable.winningRule : null,
        readable ? creditShareOf(readable, creatorId) / ORDER_CREDIT_SCALE : null,
        o.codes,
      ];
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < EXPORT_BATCH) return;
    after = { processedAt: last.processedAt, id: last.id };
  }
}

/** Header and lazily produced rows of one analytics table, for the shop; 404 for another shop's creator or campaign. */
export async function buildCsvExport(shop: string, table: string, search: URLSearchParams, t: Translate, now: Date = new Date()): Promise<CsvExport> {
  switch (table as CsvTable) {
    case "leaderboard": {
      const { params } = parseSearchParams(leaderboardParamsSchema, search);
      const { range, entries, currencyCode } = await getCreatorLeaderboard(shop, params, now);
      return {
        filename: fileName("leaderboard", range.from, range.to),
        header: [t("analytics.columns.name"), t("analytics.columns.handle"), t("analytics.columns.tier"), t("analytics.columns.platform"), ...metricHeader(t)],
        rows: fromArray(entries.map((e) => [e.creator.name, e.creator.handle, e.creator.tier, e.creator.platform, ...metricCells(e.metrics, currencyCode)])),
      };
    }
    case "trend": {
      const { params } = parseSearchParams(pageParamsSchema, search);
      const settings = await loadAnalyticsSettings(shop, now);
      const { range } = resolveRangeOrDefault(params, settings.today);
      const rows = await createRollupReader(shop, settings.today).sum(range, { rows: "credited" }, ["day"]);
      return {
        filename: fileName("trend", range.from, range.to),
        header: [t("analytics.columns.day"), t("analytics.columns.netMinor"), t("analytics.columns.orders")],
        rows: fromArray(dailySeries(range, rows).map((p) => [p.day, moneyCell(p.netMinor, settings.currencyCode), p.orders])),
      };
    }
    case "tiers":
    case "compensation": {
      const { params } = parseSearchParams(pageParamsSchema, search);
      const settings = await loadAnalyticsSettings(shop, now);
      const { range } = resolveRangeOrDefault(params, settings.today);
      const [dimensions, slices] = await Promise.all([loadDimensions(shop, settings), creatorSlices(createRollupReader(shop, settings.today), range)]);
      const input = { slices, ...dimensions, period: range, defaultMarginBps: settings.defaultMarginBps };
      const byTier = table === "tiers";
      const groups = byTier ? compareByTier(buildLeaderboard(input), settings.defaultMarginBps) : compareByCompensation(input);
      return {
        filename: fileName(table, range.from, range.to),
        header: [t(`analytics.groups.${byTier ? "tier" : "compensation"}`), t("analytics.columns.creators"), ...metricHeader(t)],
        rows: fromArray(groupRows(groups, (g) => (byTier ? t(`creators.tiers.${g}`) : t(`analytics.compensation.${g}`)), settings.currencyCode)),
      };
    }
    case "channels": {
      const [settings, clv] = await Promise.all([loadAnalyticsSettings(shop, now), getClvByChannel(shop, now)]);
      const horizons = clv.channels[0]?.clv.map((p) => p.days) ?? [30, 90, 180, 365];
      return {
        filename: fileName("clv-by-channel", settings.today),
        header: [
          t("analytics.clv.channel"),
          t("analytics.clv.customers"),
          ...horizons.flatMap((days) => [t("analytics.clv.horizon", { days }), t("analytics.clv.matureColumn", { days })]),
        ],
        rows: fromArray(
          clv.channels.map((c) => [
            t(`analytics.channels.${c.channel}`),
            c.customers,
            ...c.clv.flatMap((p) => [ratioCell(p.clv, "money", settings.currencyCode), p.matureCustomers]),
          ]),
        ),
      };
    }
    case "creator-orders": {
      const creatorId = requiredId(search, "creator");
      const creator = await requireCreator(shop, creatorId);
      const settings = await loadAnalyticsSettings(shop, now);
      const { params } = parseSearchParams(pageParamsSchema, search);
      const { range } = resolveRangeOrDefault(params, settings.today);
      return {
        filename: fileName("orders", creator.handle, range.from, range.to),
        header: [
          t("analytics.orders.name"),
          t("analytics.orders.date"),
          t("analytics.columns.netMinor"),
          t("analytics.orders.customerColumn"),
          t("analytics.orders.rule"),
          t("analytics.orders.share"),
          t("analytics.orders.codes"),
        ],
        rows: creditedOrderRows(shop, creatorId, periodInstants(range, settings.ianaTimezone), settings.currencyCode, t),
      };
    }
    case "creator-cohorts": {
      const creatorId = requiredId(search, "creator");
      const creator = await requireCreator(shop, creatorId);
      const [settings] = await Promise.all([loadAnalyticsSettings(shop, now), ensureCohortSnapshots(shop, now)]);
      const snapshot = await getCohortSnapshot(shop, "creator", creatorId);
      const cohorts = snapshot ? parseCohortSnapshotData(snapshot.data).cohorts : [];
      return {
        filename: fileName("cohorts", creator.handle),
        header: [
          t("analytics.cohorts.month"),
          t("analytics.cohorts.customers"),
          t("analytics.cohorts.offset"),
          t("analytics.cohorts.active"),
          t("analytics.cohorts.retention"),
          t("analytics.columns.netMinor"),
          t("analytics.cohorts.cumulativePerCustomer"),
          t("analytics.cohorts.partial"),
        ],
        rows: fromArray(
          cohorts.flatMap((row) =>
            row.cells.map((c) => [
              row.cohortMonth,
              row.customers,
              c.monthsSinceAcquisition,
              c.activeCustomers,
              Math.round(c.retention * 10_000) / 10_000,
              moneyCell(c.netMinor, settings.currencyCode),
              moneyCell(c.cumulativeNetPerCustomerMinor, settings.currencyCode),
              c.partial,
            ]),
          ),
        ),
      };
    }
    case "creator-costs": {
      const creatorId = requiredId(search, "creator");
      const { params } = parseSearchParams(pageParamsSchema, search);
      const p = await getCreatorPerformance(shop, creatorId, params, now);
      const c = p.currencyCode;
      return {
        filename: fileName("costs", p.creator.handle, p.range.from, p.range.to),
        header: [
          t("analytics.costs.campaign"),
          t("analytics.costs.fee"),
          t("analytics.costs.commissionRate"),
          t("analytics.costs.gifted"),
          t("analytics.costs.shipping"),
          t("analytics.columns.netMinor"),
          t("analytics.costs.feeInPeriod"),
          t("analytics.costs.commission"),
          t("analytics.costs.giftedInPeriod"),
          t("analytics.costs.shippingInPeriod"),
          t("analytics.costs.totalInPeriod"),
        ],
        rows: fromArray(
          p.collaborations.map((k) => [
            k.campaignName,
            moneyCell(k.feeMinor, c),
            k.commissionBps / 100,
            moneyCell(k.giftedCostMinor, c),
            moneyCell(k.shippingCostMinor, c),
            moneyCell(k.netMinor, c),
            moneyCell(k.costInPeriod.feesMinor, c),
            moneyCell(k.costInPeriod.commissionMinor, c),
            moneyCell(k.costInPeriod.giftedMinor, c),
            moneyCell(k.costInPeriod.shippingMinor, c),
            moneyCell(k.costInPeriod.totalMinor, c),
          ]),
        ),
      };
    }
    case "campaign-creators":
    case "campaign-days": {
      const campaignId = requiredId(search, "campaign");
      const report = await getCampaignReport(shop, campaignId, now);
      const c = report.currencyCode;
      if (table === "campaign-creators") {
        return {
          filename: fileName("campaign", report.campaign.name, "creators"),
          header: [t("analytics.columns.name"), t("analytics.columns.handle"), t("analytics.columns.tier"), ...metricHeader(t)],
          rows: fromArray(report.creators.map((r) => [r.creator.name, r.creator.handle, r.creator.tier, ...metricCells(r.metrics, c)])),
        };
      }
      const days = report.incremental.state === "measured" ? report.incremental.days : [];
      return {
        filename: fileName("campaign", report.campaign.name, "days"),
        header: [t("analytics.columns.day"), t("analytics.campaign.actual"), t("analytics.campaign.forecast")],
        rows: fromArray(days.map((d) => [d.day, moneyCell(d.actualMinor, c), d.forecastMinor === null ? null : moneyCell(d.forecastMinor, c)])),
      };
    }
    default:
      throw notFound();
  }
}
