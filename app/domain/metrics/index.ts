// Creator ROI analytics (DESIGN.md §5): pure functions over integer minor units of the shop currency and
// 'YYYY-MM-DD' shop-zone days. Rounding everywhere is half to even, like ~/domain/money mulRate (2.5 → 2, 3.5 → 4,
// −2.5 → −2), on exact integers; a zero or meaningless denominator is a Ratio of kind "undefined" with a reason, never a number.
export { MetricsInputError } from "./errors";
export {
  definedRatio,
  minorRatioOf,
  ratioOf,
  ratioValueOrNull,
  undefinedRatio,
  type Ratio,
  type RatioUndefinedReason,
} from "./ratio";
export { computeNetSales, type SalesAmounts } from "./compute-net-sales";
export { computeAov } from "./compute-aov";
export { computeLinkConversion, type LinkConversion } from "./compute-link-conversion";
export { computeCost, type CostBreakdown, type CostInput } from "./compute-cost";
export { computeGrossProfit, type GrossProfit, type GrossProfitInput, type MarginSource } from "./compute-gross-profit";
export { computeRoas } from "./compute-roas";
export { computeRoi } from "./compute-roi";
export { computeCostPerClick } from "./compute-cost-per-click";
export { computeCac } from "./compute-cac";
export { computeRepeatRate, type AcquiredCustomerOrders, type RepeatRate } from "./compute-repeat-rate";
export { computeRealisedClv, type CohortCustomer, type RealisedClv } from "./compute-realised-clv";
export { CLV_HORIZONS, clvCurve, type ClvPoint } from "./clv-curve";
export { cohortTable, type CohortCell, type CohortRow, type CohortTableCustomer } from "./cohort-table";
export { kpiDelta, ratioDelta, type KpiDelta, type RatioDelta } from "./kpi-delta";
export { summarizeKpis, type KpiRollupRow, type KpiSummary } from "./summarize-kpis";
export {
  DEFAULT_BASELINE_MAX_WEEKS,
  MIN_BASELINE_WEEKS,
  forecastBaseline,
  type BaselineForecast,
  type BaselineInput,
  type BaselineUnavailable,
  type DailyNet,
} from "./forecast-baseline";
export {
  DEFAULT_MAX_HALF_WIDTH_TO_FORECAST,
  incrementalSales,
  type IncrementalReason,
  type IncrementalSales,
} from "./incremental-sales";
export type { Instant } from "./internal/instant";
export {
  bgnbdCustomerLogLikelihood,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  fitBgnbd,
  type BgnbdFit,
  type BgnbdParams,
  type RfmSummary,
} from "./bgnbd";
