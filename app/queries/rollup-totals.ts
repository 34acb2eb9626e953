// Sums of DailyRollup measures, as the analytics queries read them (one row per creator × campaign, or per
// day), and their addition. Kept apart from any metric so the same sums feed the KPI cards, the leaderboard
// and the comparisons.
export const ROLLUP_MEASURES = [
  "clicks",
  "orders",
  "orderCreditPpm",
  "codeOrders",
  "linkOrders",
  "newCustomers",
  "grossMinor",
  "discountsMinor",
  "refundsMinor",
  "netMinor",
  "repeatOrders",
  "repeatNetMinor",
  "cogsMinor",
  "cogsCoveredMinor",
] as const;

export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];
export type RollupTotals = Record<RollupMeasure, number>;

/** One credit of a whole order, in the millionths that DailyRollup.orderCreditPpm counts. */
export const ORDER_CREDIT_SCALE = 1_000_000;

/** All measures at zero. */
export function emptyTotals(): RollupTotals {
  return Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, 0])) as RollupTotals;
}

/** Adds b into a (mutating a, for tight loops over many rows) and returns a. */
export function addInto(a: RollupTotals, b: RollupTotals): RollupTotals {
  for (const m of ROLLUP_MEASURES) a[m] += b[m];
  return a;
}

/** The sum of many totals. */
export function sumTotals(list: Iterable<RollupTotals>): RollupTotals {
  const total = emptyTotals();
  for (const t of list) addInto(total, t);
  return total;
}
