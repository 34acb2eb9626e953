// The dashboard's KPI cards: each figure of the period beside the previous period's, with the relative change.
import { definedRatio, kpiDelta, ratioDelta, type Ratio } from "~/domain/metrics";
import type { PerformanceMetrics } from "./performance-metrics";

export const KPI_KEYS = ["netSales", "orders", "newCustomers", "aov", "cost", "roas", "roi", "cac"] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiFormat = "money" | "count" | "multiple" | "percent";

export type KpiCard = {
  key: KpiKey;
  format: KpiFormat;
  current: Ratio;
  previous: Ratio;
  /** (current − previous) / |previous|; undefined when either side is, or previous is zero. */
  change: Ratio;
  /** True when a rise is bad news (cost, CAC), so the page colours the change the other way. */
  lowerIsBetter: boolean;
};

function plain(key: KpiKey, format: KpiFormat, current: number, previous: number, lowerIsBetter = false): KpiCard {
  return { key, format, current: definedRatio(current), previous: definedRatio(previous), change: kpiDelta(current, previous).relative, lowerIsBetter };
}

function ratio(key: KpiKey, format: KpiFormat, current: Ratio, previous: Ratio, lowerIsBetter = false): KpiCard {
  return { key, format, current, previous, change: ratioDelta(current, previous).relative, lowerIsBetter };
}

/** Net sales credited, orders, new customers, AOV, total cost, ROAS, ROI and CAC with their change against the previous period. */
export function kpiCards(current: PerformanceMetrics, previous: PerformanceMetrics): KpiCard[] {
  return [
    plain("netSales", "money", current.netMinor, previous.netMinor),
    plain("orders", "count", current.orders, previous.orders),
    plain("newCustomers", "count", current.newCustomers, previous.newCustomers),
    ratio("aov", "money", current.aov, previous.aov),
    plain("cost", "money", current.cost.totalMinor, previous.cost.totalMinor, true),
    ratio("roas", "multiple", current.roas, previous.roas),
    ratio("roi", "percent", current.roi, previous.roi),
    ratio("cac", "money", current.cac, previous.cac, true),
  ];
}
