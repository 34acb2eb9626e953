import { assertInteger, assertNonNegativeInteger } from "./internal/integer-math";
import { minorRatioOf, undefinedRatio, type Ratio } from "./ratio";

/** CAC = cost / new customers in integer minor units (half to even); undefined without new customers or with negative cost. */
export function computeCac(input: { costMinor: number; newCustomers: number }): Ratio {
  assertInteger("costMinor", input.costMinor);
  assertNonNegativeInteger("newCustomers", input.newCustomers);
  if (input.newCustomers === 0) return undefinedRatio("no_customers");
  if (input.costMinor < 0) return undefinedRatio("negative_cost");
  return minorRatioOf(input.costMinor, input.newCustomers, "no_customers");
}
