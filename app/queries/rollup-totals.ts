// Sums of DailyRollup measures, as the analytics queries read them (one row per creator × campaign, or per
// day), and their addition. Kept apart from any metric so the same sums feed the KPI cards, the leaderboard
// and the comparisons.
import { ROLLUP_DELTA_METRICS } from "../domain/attribution";
export const ROLLUP_MEASURES = ["clicks", ...ROLLUP_DELTA_METRICS] as const;

export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];
export type RollupTotals = Record<RollupMeasure, number>;

/** One credit of a whole order, in the millionths that DailyRollup.orderCreditPpm counts. */
export const ORDER_CREDIT_SCALE = 1_000_000;

/** All measures at zero. */
export function emptyTotals(): RollupTotals {
  // A literal, not built from ROLLUP_MEASURES: pages create thousands of these per request.
  return {
    clicks: 0,
    orders: 0,
    orderCreditPpm: 0,
    codeOrders: 0,
    linkOrders: 0,
    newCustomers: 0,
    grossMinor: 0,
    discountsMinor: 0,
    refundsMinor: 0,
    netMinor: 0,
    repeatOrders: 0,
    repeatNetMinor: 0,
    cogsMinor: 0,
    cogsCoveredMinor: 0,
  };
}

/** Adds b into a (mutating a, for tight loops over many rows) and returns a. */
export function addInto(a: RollupTotals, b: RollupTotals): RollupTotals {
  a.clicks += b.clicks;
  a.orders += b.orders;
  a.orderCreditPpm += b.orderCreditPpm;
  a.codeOrders += b.codeOrders;
  a.linkOrders += b.linkOrders;
  a.newCustomers += b.newCustomers;
  a.grossMinor += b.grossMinor;
  a.discountsMinor += b.discountsMinor;
  a.refundsMinor += b.refundsMinor;
  a.netMinor += b.netMinor;
  a.repeatOrders += b.repeatOrders;
  a.repeatNetMinor += b.repeatNetMinor;
  a.cogsMinor += b.cogsMinor;
  a.cogsCoveredMinor += b.cogsCoveredMinor;
  return a;
}

/** The sum of many totals. */
export function sumTotals(list: Iterable<RollupTotals>): RollupTotals {
  const total = emptyTotals();
  for (const t of list) addInto(total, t);
  return total;
}
