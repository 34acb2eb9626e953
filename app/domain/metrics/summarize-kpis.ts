import { computeAov } from "./compute-aov";
import { computeCac } from "./compute-cac";
import { computeCostPerClick } from "./compute-cost-per-click";
import { computeRoas } from "./compute-roas";
import { computeRoi } from "./compute-roi";
import { MetricsInputError } from "./errors";
import { assertInteger, assertNonNegativeInteger, sumIntegers } from "./internal/integer-math";
import { ratioOf, undefinedRatio, type Ratio } from "./ratio";

/** The measures of one daily rollup row (extra fields such as day or creatorId are ignored). */
export type KpiRollupRow = {
  orders: number;
  grossMinor: number;
  discountsMinor: number;
  refundsMinor: number;
  netMinor: number;
  newCustomers: number;
  clicks: number;
  repeatOrders: number;
  repeatNetMinor: number;
};

export type KpiSummary = {
  orders: number;
  grossMinor: number;
  discountsMinor: number;
  refundsMinor: number;
  netMinor: number;
  newCustomers: number;
  clicks: number;
  repeatOrders: number;
  repeatNetMinor: number;
  /** Net sales / orders, integer minor units. */
  aov: Ratio;
  /** Repeat orders / orders. */
  repeatOrderShare: Ratio;
  /** Repeat net sales / net sales. */
  repeatNetShare: Ratio;
  /** Given costMinor: net sales / cost; otherwise "cost_unknown". */
  roas: Ratio;
  /** Given costMinor and grossProfitMinor: (gross profit − cost) / cost; otherwise "cost_unknown" or "gross_profit_unknown". */
  roi: Ratio;
  /** Given costMinor: cost / new customers, integer minor units; otherwise "cost_unknown". */
  cac: Ratio;
  /** Given costMinor: cost / clicks, integer minor units; otherwise "cost_unknown". */
  costPerClick: Ratio;
};

/**
 * Sums daily rollup rows and derives the KPI cards. Each row must satisfy net = gross − discounts − refunds
 * (a row that does not is a rollup bug and is refused). Cost and gross profit are not in rollups; pass them to
 * get ROAS, ROI, CAC and cost per click.
 */
export function summarizeKpis(
  rows: readonly KpiRollupRow[],
  extras: { costMinor?: number; grossProfitMinor?: number } = {},
): KpiSummary {
  rows.forEach((row, i) => {
    for (const key of ["orders", "grossMinor", "discountsMinor", "refundsMinor", "newCustomers", "clicks", "repeatOrders"] as const) {
      assertNonNegativeInteger(`rows[${i}].${key}`, row[key]);
    }
    assertInteger(`rows[${i}].netMinor`, row.netMinor);
    assertInteger(`rows[${i}].repeatNetMinor`, row.repeatNetMinor);
    if (row.netMinor !== row.grossMinor - row.discountsMinor - row.refundsMinor) {
      throw new MetricsInputError(
        `rows[${i}]: netMinor ${row.netMinor} ≠ gross ${row.grossMinor} − discounts ${row.discountsMinor} − refunds ${row.refundsMinor}`,
      );
    }
    if (row.repeatOrders > row.orders) {
      throw new MetricsInputError(`rows[${i}]: repeatOrders ${row.repeatOrders} > orders ${row.orders}`);
    }
  });
  const sum = (key: keyof KpiRollupRow) => sumIntegers(key, rows.map((r) => r[key]));
  const orders = sum("orders");
  const netMinor = sum("netMinor");
  const newCustomers = sum("newCustomers");
  const clicks = sum("clicks");
  const repeatOrders = sum("repeatOrders");
  const repeatNetMinor = sum("repeatNetMinor");
  const { costMinor, grossProfitMinor } = extras;
  if (costMinor !== undefined) assertInteger("costMinor", costMinor);
  if (grossProfitMinor !== undefined) assertInteger("grossProfitMinor", grossProfitMinor);
  const noCost = undefinedRatio("cost_unknown");
  return {
    orders,
    grossMinor: sum("grossMinor"),
    discountsMinor: sum("discountsMinor"),
    refundsMinor: sum("refundsMinor"),
    netMinor,
    newCustomers,
    clicks,
    repeatOrders,
    repeatNetMinor,
    aov: computeAov({ netMinor, orders }),
    repeatOrderShare: ratioOf(repeatOrders, orders, "no_orders"),
    repeatNetShare: ratioOf(repeatNetMinor, netMinor, "no_sales"),
    roas: costMinor === undefined ? noCost : computeRoas({ netMinor, costMinor }),
    roi:
      costMinor === undefined
        ? noCost
        : grossProfitMinor === undefined
          ? undefinedRatio("gross_profit_unknown")
          : computeRoi({ grossProfitMinor, costMinor }),
    cac: costMinor === undefined ? noCost : computeCac({ costMinor, newCustomers }),
    costPerClick: costMinor === undefined ? noCost : computeCostPerClick({ costMinor, clicks }),
  };
}
