// The metrics of one slice of credited sales (a creator, a tier, a campaign, the whole shop) from its rollup sums
// and its cost, through the pure functions of ~/domain/metrics. Plain serialisable data for loaders and CSV.
import {
  computeAov,
  computeCac,
  computeCostPerClick,
  computeGrossProfit,
  computeLinkConversion,
  computeRoas,
  computeRoi,
  type CostBreakdown,
  type MarginSource,
  type Ratio,
} from "~/domain/metrics";
import { ORDER_CREDIT_SCALE, type RollupTotals } from "./rollup-totals";

export type PerformanceMetrics = {
  netMinor: number;
  grossMinor: number;
  discountsMinor: number;
  refundsMinor: number;
  /** Orders credited, weighted by credit (whole orders under single-touch models, fractions under linear/position-based). */
  orders: number;
  /** Orders in which the slice received any credit. */
  ordersWithCredit: number;
  codeOrders: number;
  linkOrders: number;
  clicks: number;
  /** Link orders / clicks. */
  linkConversion: Ratio;
  newCustomers: number;
  repeatOrders: number;
  repeatNetMinor: number;
  cost: CostBreakdown;
  grossProfitMinor: number;
  marginSource: MarginSource;
  /** Net sales / credited orders. */
  aov: Ratio;
  roas: Ratio;
  roi: Ratio;
  cac: Ratio;
  costPerClick: Ratio;
};

/**
 * AOV over credit-weighted orders: net sales × 1,000,000 / credit in millionths, rounded half to even like
 * computeAov (which it calls). Whole orders when the credit is a whole number of orders, so the figure is the
 * plain net / orders of single-touch models.
 */
export function creditedAov(netMinor: number, orderCreditPpm: number): Ratio {
  if (orderCreditPpm % ORDER_CREDIT_SCALE === 0) return computeAov({ netMinor, orders: orderCreditPpm / ORDER_CREDIT_SCALE });
  const scaled = netMinor * ORDER_CREDIT_SCALE;
  if (Number.isSafeInteger(scaled)) return computeAov({ netMinor: scaled, orders: orderCreditPpm });
  // Beyond 9 × 10^9 minor units of net sales the scaled product leaves the safe range: reduce by the common factor.
  const g = gcd(ORDER_CREDIT_SCALE, orderCreditPpm);
  return computeAov({ netMinor: netMinor * (ORDER_CREDIT_SCALE / g), orders: orderCreditPpm / g });
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Every metric of a slice from its rollup sums, its cost and the shop's default margin. */
export function performanceMetrics(totals: RollupTotals, cost: CostBreakdown, defaultMarginBps: number): PerformanceMetrics {
  const profit = computeGrossProfit({
    netMinor: totals.netMinor,
    defaultMarginBps,
    unitCost: { coveredNetMinor: totals.cogsCoveredMinor, costOfGoodsMinor: totals.cogsMinor },
  });
  const link = computeLinkConversion({ linkOrders: totals.linkOrders, codeOrders: totals.codeOrders, clicks: totals.clicks });
  return {
    netMinor: totals.netMinor,
    grossMinor: totals.grossMinor,
    discountsMinor: totals.discountsMinor,
    refundsMinor: totals.refundsMinor,
    orders: totals.orderCreditPpm / ORDER_CREDIT_SCALE,
    ordersWithCredit: totals.orders,
    codeOrders: totals.codeOrders,
    linkOrders: totals.linkOrders,
    clicks: totals.clicks,
    linkConversion: link.rate,
    newCustomers: totals.newCustomers,
    repeatOrders: totals.repeatOrders,
    repeatNetMinor: totals.repeatNetMinor,
    cost,
    grossProfitMinor: profit.grossProfitMinor,
    marginSource: profit.marginSource,
    aov: creditedAov(totals.netMinor, totals.orderCreditPpm),
    roas: computeRoas({ netMinor: totals.netMinor, costMinor: cost.totalMinor }),
    roi: computeRoi({ grossProfitMinor: profit.grossProfitMinor, costMinor: cost.totalMinor }),
    cac: computeCac({ costMinor: cost.totalMinor, newCustomers: totals.newCustomers }),
    costPerClick: computeCostPerClick({ costMinor: cost.totalMinor, clicks: totals.clicks }),
  };
}
