import { assertInteger, assertNonNegativeInteger } from "./internal/integer-math";
import { minorRatioOf, undefinedRatio, type Ratio } from "./ratio";

/** Cost per click = cost / clicks in integer minor units (half to even); undefined without clicks or with negative cost. */
export function computeCostPerClick(input: { costMinor: number; clicks: number }): Ratio {
  assertInteger("costMinor", input.costMinor);
  assertNonNegativeInteger("clicks", input.clicks);
  if (input.clicks === 0) return undefinedRatio("no_clicks");
  if (input.costMinor < 0) return undefinedRatio("negative_cost");
  return minorRatioOf(input.costMinor, input.clicks, "no_clicks");
}
