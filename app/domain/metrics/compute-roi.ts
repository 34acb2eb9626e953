import { assertInteger } from "./internal/integer-math";
import { overCost } from "./internal/over-cost";
import type { Ratio } from "./ratio";

/** ROI = (gross profit − cost) / cost; undefined when cost is zero ("no_cost") or negative ("negative_cost"). */
export function computeRoi(input: { grossProfitMinor: number; costMinor: number }): Ratio {
  assertInteger("grossProfitMinor", input.grossProfitMinor);
  assertInteger("costMinor", input.costMinor);
  return overCost(input.grossProfitMinor - input.costMinor, input.costMinor);
}
