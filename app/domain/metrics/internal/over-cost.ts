import { MetricsInputError } from "../errors";
import { ratioOf, undefinedRatio, type Ratio } from "../ratio";
import { assertInteger } from "./integer-math";

/** numerator / cost, undefined when cost is zero ("no_cost") or below zero after clawbacks ("negative_cost"). */
export function overCost(numerator: number, costMinor: number): Ratio {
  if (!Number.isFinite(numerator)) throw new MetricsInputError(`numerator must be finite, got ${String(numerator)}`);
  assertInteger("costMinor", costMinor);
  if (costMinor === 0) return undefinedRatio("no_cost");
  if (costMinor < 0) return undefinedRatio("negative_cost");
  return ratioOf(numerator, costMinor, "no_cost");
}
