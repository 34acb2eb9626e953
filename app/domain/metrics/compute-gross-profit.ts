import {
  assertBasisPoints,
  assertInteger,
  assertNonNegativeInteger,
  mulDivRoundHalfEven,
  sumIntegers,
} from "./internal/integer-math";
import { ratioOf, type Ratio } from "./ratio";

export type MarginSource = "unit_cost" | "default" | "mixed";

export type GrossProfitInput = {
  netMinor: number;
  /** The shop's default margin in basis points, used for sales whose products have no unit cost. */
  defaultMarginBps: number;
  /** The part of net sales whose products have a known unit cost, and the cost of those goods. */
  unitCost?: { coveredNetMinor: number; costOfGoodsMinor: number };
};

export type GrossProfit = {
  grossProfitMinor: number;
  /** "unit_cost" when all net sales had a unit cost, "default" when none did, "mixed" otherwise. */
  marginSource: MarginSource;
  /** Gross profit / net sales; undefined ("no_sales") when net sales are zero. */
  margin: Ratio;
};

/** Gross profit = net sales × margin: (covered sales − their cost of goods) + the rest × the shop's default margin. */
export function computeGrossProfit(input: GrossProfitInput): GrossProfit {
  assertInteger("netMinor", input.netMinor);
  assertBasisPoints("defaultMarginBps", input.defaultMarginBps);
  const coveredNetMinor = input.unitCost?.coveredNetMinor ?? 0;
  const costOfGoodsMinor = input.unitCost?.costOfGoodsMinor ?? 0;
  assertInteger("unitCost.coveredNetMinor", coveredNetMinor);
  assertNonNegativeInteger("unitCost.costOfGoodsMinor", costOfGoodsMinor);

  const uncoveredNetMinor = input.netMinor - coveredNetMinor;
  const defaultProfitMinor = mulDivRoundHalfEven(uncoveredNetMinor, input.defaultMarginBps, 10_000);
  const grossProfitMinor = sumIntegers("grossProfit", [coveredNetMinor, -costOfGoodsMinor, defaultProfitMinor]);

  const hasCovered = coveredNetMinor !== 0 || costOfGoodsMinor !== 0;
  const marginSource: MarginSource = !hasCovered ? "default" : uncoveredNetMinor === 0 ? "unit_cost" : "mixed";
  return { grossProfitMinor, marginSource, margin: ratioOf(grossProfitMinor, input.netMinor, "no_sales") };
}
