import { assertInteger } from "./internal/integer-math";
import { overCost } from "./internal/over-cost";
import type { Ratio } from "./ratio";

/** ROAS = net sales / cost; undefined when cost is zero ("no_cost") or negative ("negative_cost"). */
export function computeRoas(input: { netMinor: number; costMinor: number }): Ratio {
  assertInteger("netMinor", input.netMinor);
  return overCost(input.netMinor, input.costMinor);
}
